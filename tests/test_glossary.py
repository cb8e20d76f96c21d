import re

import pytest

from qa.glossary import CONCEPTS, concepts_asked, query_tokens
from qa.text import tokenize


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.name)
def test_each_concept_is_asked_by_its_example_and_adds_record_words(concept):
    assert concept.name in [c.name for c in concepts_asked(concept.example)]
    added = query_tokens(concept.example)[len(set(tokenize(concept.example))):]
    assert added and set(added) <= set(tokenize(concept.recorded))
    re.compile(concept.asked)


def test_questions_in_the_record_s_own_words_are_left_alone():
    for q in ("What did the committee resolve on the budget?", "Who seconded the motion on item 5?",
              "When is the next meeting?", "What tribute was paid to the late Councillor Smith?",
              "How many people turned up to the consultation event?", "Was the drinking water tested for lead?",
              "Are there enough people on the housing waiting list?",
              "How much did the new chairs for the village hall cost?", "What did the chair lift cost?",
              "What is happening with the police station car park?",
              "How much is the Police and Crime Commissioner's precept?", "Did the council sign up to COP 26?",
              "When does the meeting start?", "When did the new clerk start?",
              "From when does the library open on Saturdays?"):
        assert concepts_asked(q) == [], q
        assert query_tokens(q) == list(dict.fromkeys(tokenize(q)))


def test_asking_when_a_rule_applies_asks_when_it_becomes_effective():
    for q in ("From when does the shutter rule actually apply?", "When will the new parking orders come into force?",
              "When does the dog fouling byelaw start?", "Has the new parking order taken effect yet?",
              "When is the new ordinance going into effect?", "Is the hosepipe ban in force yet?",
              "When does the ban on disposable barbecues start?", "When will the restrictions on Mill Lane apply?"):
        assert [c.name for c in concepts_asked(q)] == ["commencement"], q
        assert {"effect", "commenc", "forc"} <= set(query_tokens(q)), q


def test_the_question_s_own_tokens_come_first_without_repeats():
    q = "If not enough members turn up, is the meeting quorate?"
    toks = query_tokens(q)
    assert toks[:3] == list(dict.fromkeys(tokenize(q)))[:3] and len(toks) == len(set(toks))
    assert {"inquor", "quorum", "quoraci"} <= set(toks)


def test_a_question_in_everyday_words_finds_the_record_s_jargon(tmp_path, monkeypatch):
    import qa.search as search
    from qa.build import build_index
    from qa.embed import HashEncoder

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "testshire-scrutiny-2024-03-05-minutes.txt").write_text(
        "Testshire Council\nMinutes of the Scrutiny Committee on 5 March 2024\n\n"
        "1. Apologies for absence\nApologies were received from Councillor Hart.\n\n"
        "2. Committee procedure\nThe meeting was inquorate after the break: without a quorum no binding votes were taken.\n\n"
        "3. Training\nMembers' seminar dates were circulated.\n",
        encoding="utf-8")
    enc = HashEncoder()
    build_index(tmp_path / "c", tmp_path / "index", encoder=enc)
    s = search.Searcher(tmp_path / "index", encoder=enc)
    q = "what happens when too few members turn up?"
    assert s.ask(q)["passages"][0]["text"].startswith("The meeting was inquorate")
    monkeypatch.setattr(search, "query_tokens", tokenize)  # the question's own words alone
    assert s.ask(q)["passages"][0]["text"].startswith("Members' seminar")
