import pytest

from qa.answer import is_strong, sentence_score
from qa.search import Searcher


def _in_passages(sentence, passages):
    return any(sentence["text"] in p["text"] for p in passages)


def test_answer_is_verbatim_and_cited(tiny_index):
    s = Searcher(tiny_index[0], encoder=tiny_index[1])
    reply = s.ask("how many potholes had been repaired since January", k=3)
    ans = reply["answer"]
    assert ans and 1 <= len(ans["sentences"]) <= 3
    for sent in ans["sentences"]:
        assert sent["text"] in reply["passages"][sent["passage"] - 1]["text"]  # verbatim, from its passage
        assert f"{sent['text']} [{sent['passage']}]" in ans["text"]
    assert "1,850 potholes" in ans["text"]
    assert not reply["passages"][0]["weak"]


def test_no_answer_when_nothing_matches(tiny_index):
    s = Searcher(tiny_index[0], encoder=tiny_index[1])
    reply = s.ask("zebra quantum saxophone", k=3)
    assert reply["answer"] is None
    assert all(p["weak"] for p in reply["passages"])


def test_blank_question_gets_no_answer_and_no_passages(tiny_index):
    s = Searcher(tiny_index[0], encoder=tiny_index[1])
    for q in ("   ", "?!"):
        reply = s.ask(q, k=3)
        assert reply["answer"] is None and reply["passages"] == [] and reply["question"] == q.strip()


def test_sentence_score_rises_with_similarity_and_coverage():
    assert sentence_score(0.2, 0.0) < sentence_score(0.6, 0.0) < sentence_score(0.6, 1.0)
    assert sentence_score(-0.3, 0.0) == 0.0


def test_strength_is_an_absolute_threshold():
    assert is_strong(0.9) and not is_strong(0.1) and not is_strong(-1.0)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["When will the new leisure centre and swimming pool open?",
                                      "How many goals did the county football team score last season?"])
def test_real_unanswerable_questions_abstain(real_searcher, question):
    reply = real_searcher.ask(question)
    assert reply["answer"] is None and all(p["weak"] for p in reply["passages"])


@pytest.mark.slow
def test_real_answer_quotes_the_record(real_searcher):
    reply = real_searcher.ask("How much did purchase card spending fall?")
    ans = reply["answer"]
    assert ans and all(_in_passages(s, reply["passages"]) for s in ans["sentences"])
    assert "£2.6m to £1m" in ans["text"]


def test_a_heading_is_not_strong_evidence():
    from qa.answer import is_strong

    assert is_strong(0.9, 0.8, "The Council transferred £204k to 18 local businesses.")
    assert not is_strong(0.9, 0.8, "Scrutiny Task Group Membership")
    assert not is_strong(0.7, 0.8, "The Council transferred £204k to 18 local businesses.")


def test_a_line_that_is_mostly_a_web_address_is_not_evidence():
    from qa.answer import is_strong, substantive

    assert not is_strong(0.9, 0.8, "F. Here2Help http://www.worcestershire.gov.uk/downloads/file/12487/here2help - 27 march 2020")
    assert not substantive("See www.testshire.gov.uk/council-tax/refunds-and-overpayments/apply-online-form")
    # A sentence that mentions a link but says something is still an answer.
    assert substantive("Refunds of overpaid council tax are made within 14 days of a claim; forms are at "
                       "www.testshire.gov.uk/refunds.")


def test_no_shared_word_needs_a_closer_meaning():
    from qa.answer import NO_SHARED_WORD_MARGIN, is_strong

    text = "The Council transferred £204k to 18 local businesses."
    assert is_strong(0.81, 0.8, text, keyword=3.0)
    assert not is_strong(0.81, 0.8, text, keyword=0.0)
    assert is_strong(0.8 + NO_SHARED_WORD_MARGIN, 0.8, text, keyword=0.0)


class _Backend:
    """Sentences and idf as a backend gives them: here one-sentence paragraphs, scored by the paragraph vector."""

    def __init__(self, vecs):
        self.vecs = vecs

    def sentences(self, row):
        return [(0, -1, self.vecs[row])]

    def idf(self, token):
        return 1.0


class _Searcher:
    def __init__(self, vecs, strong=0.845):
        self.backend, self.strong = _Backend(vecs), strong


def _at(cos):
    """A unit vector at cosine cos to the first axis."""
    import numpy as np

    return np.array([cos, (1 - cos * cos) ** 0.5, 0.0], dtype=np.float32)


def test_a_one_sentence_paragraph_sharing_no_word_must_be_closer_to_answer():
    import numpy as np

    from qa.answer import NO_SHARED_WORD_MARGIN, extract_answer

    q = "What was the final outturn cost of the Bond St scheme once construction finished?"
    qvec = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    passage = {"text": "It was noted that this was a key decision as it involved over £500k and affected 2 wards.",
               "citation": {"date": "2025-05-15"}}
    # Close only by its placing words (its item is the Bond St business case): no answer.
    assert extract_answer(_Searcher([_at(0.852)]), q, qvec, [0], [passage], [True]) is None
    # Closer still, or sharing a word with the question, it answers.
    assert extract_answer(_Searcher([_at(0.845 + NO_SHARED_WORD_MARGIN + 0.001)]), q, qvec, [0], [passage], [True])
    shared = dict(passage, text="The final cost was over £500k, it was noted, across 2 wards of the city.")
    assert extract_answer(_Searcher([_at(0.852)]), q, qvec, [0], [shared], [True])
