from qa.text import expand_acronyms, find_acronyms, sentence_spans, sentences, tokenize


def test_tokenize_drops_stop_words_and_stems():
    assert tokenize("The councillors were running the contracts") == ["councillor", "run", "contract"]


def test_tokenize_keeps_numbers_with_decimals_and_units():
    toks = tokenize("a capital receipt of £2.614m and 99.17% of schools in 2021/22")
    assert "2.614m" in toks and "99.17" in toks and "2021" in toks and "22" in toks


def test_tokenize_folds_case_and_curly_quotes():
    assert tokenize("Council’s POLICY") == tokenize("council's policy") == ["council", "polici"]


def test_sentence_spans_are_verbatim_and_respect_abbreviations():
    text = "Mr. Smith said c. 250 weddings moved. The Board (OSPB) agreed!\n- a bullet point here"
    spans = sentence_spans(text)
    got = [text[s:e] for s, e in spans]
    assert got == ["Mr. Smith said c. 250 weddings moved.", "The Board (OSPB) agreed!", "- a bullet point here"]


def test_sentences_of_text_without_full_stop():
    assert sentences("no full stop here") == ["no full stop here"]
    assert sentences("") == []


def test_find_acronyms_matches_initials_only():
    text = ("The Overview and Scrutiny Performance Board (OSPB) met. Pupil Referral Units (PRUs) stayed open. "
            "The meeting (AGM) was long.")
    assert find_acronyms(text) == {"OSPB": "Overview and Scrutiny Performance Board", "PRUs": "Pupil Referral Units"}


def test_expand_acronyms_appends_the_definition():
    out = expand_acronyms("the OSPB asked; OSPBX is not it", {"OSPB": "Overview and Scrutiny Performance Board"})
    assert out == "the OSPB (Overview and Scrutiny Performance Board) asked; OSPBX is not it"
    assert expand_acronyms("unchanged", {}) == "unchanged"
