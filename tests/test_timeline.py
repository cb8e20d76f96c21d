"""Decision listings and references between meetings, on three made-up Environment Committee documents."""
from __future__ import annotations

from qa.timeline import DecisionQuery, by_run, find_decisions, on_topic, runs

JAN = "testshire-ec-2023-01-10"
MAR = "testshire-ec-2023-03-14"
MAR_PACK = "testshire-ec-2023-03-14-agenda"


def ids(reply) -> list[str]:
    return [d["citation"]["id"] for d in reply["decisions"]]


def test_store_lists_decisions_newest_meeting_first_in_record_order(timeline_searcher):
    found = timeline_searcher.store.decisions()
    dates = [d["meeting"]["date"] for d in found]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2023-03-14" and dates[-1] == "2023-01-10"
    for mid in (JAN, MAR, MAR_PACK):
        rows = [d["row"] for d in found if d["meeting"]["id"] == mid]
        assert rows and rows == sorted(rows)
    assert all(d["passage"]["is_decision"] for d in found)
    assert {d["meeting"]["kind"] for d in found} == {"minutes", "agenda"}
    assert found[0]["meeting"] == {k: found[0]["meeting"][k] for k in ("id", "body", "date", "kind", "url")}


def test_store_filters_decisions_by_status_actions_kind_body_and_dates(timeline_searcher):
    store = timeline_searcher.store
    everything = store.decisions()
    proposed = store.decisions(status="proposed")
    assert proposed and all(d["passage"]["decision"]["status"] == "proposed" for d in proposed)
    assert {d["meeting"]["kind"] for d in proposed} == {"agenda"}
    agreed = store.decisions(status="agreed")
    assert len(agreed) + len(proposed) == len(everything)
    actions = store.decisions(actions_only=True)
    assert actions and all(d["passage"]["decision"]["is_action"] for d in actions)
    assert len(actions) < len(everything)
    assert {d["meeting"]["id"] for d in store.decisions(kind="agenda")} == {MAR_PACK}
    assert {d["meeting"]["id"] for d in store.decisions(date_to="2023-02-01")} == {JAN}
    assert {d["meeting"]["id"] for d in store.decisions(date_from="2023-02-01")} == {MAR, MAR_PACK}
    assert len(store.decisions(body="environment COMMITTEE")) == len(everything)
    assert store.decisions(body="Planning Committee") == []


def test_a_meeting_lists_the_later_paragraphs_that_refer_to_it(timeline_searcher):
    store = timeline_searcher.store
    citing = store.referred_to_by(JAN)
    by_meeting = {c["meeting"]["id"] for c in citing}
    assert by_meeting == {MAR, MAR_PACK}
    texts = " ".join(c["text"] for c in citing)
    assert "Minutes of the Meeting held on 10 January 2023 were agreed" in texts
    assert "the Environment Committee approved the Tree Planting Strategy" in texts
    assert all("10 January 2023" in c["reference"] for c in citing)
    assert len({c["citation"]["id"] for c in citing}) == len(citing)
    # nothing in the corpus cites March; an unresolved reference (6 December 2022) cites nothing
    assert store.referred_to_by(MAR) == [] and store.referred_to_by(MAR_PACK) == []
    assert store.meeting(JAN)["referred_to_by"] == citing
    assert store.referred_to_by("testshire-ec-2022-12-06") == []
    assert store.referred_to_by('x" OR 1=1 --%_') == []


def test_an_unresolved_reference_is_kept_with_its_text_and_date(timeline_searcher):
    outline = timeline_searcher.store.meeting(MAR)
    refs = [r for it in outline["items"] for p in it["paragraphs"] for r in p["references"]]
    unresolved = [r for r in refs if r["meeting_id"] is None]
    assert [r["date"] for r in unresolved] == ["2022-12-06"]
    assert {r["meeting_id"] for r in refs if r["meeting_id"]} == {JAN}


def test_no_topic_lists_every_decision_newest_first(timeline_searcher):
    reply = find_decisions(timeline_searcher, DecisionQuery())
    assert reply["total"] == len(timeline_searcher.store.decisions()) == len(reply["decisions"])
    dates = [d["date"] for d in reply["decisions"]]
    assert dates == sorted(dates, reverse=True)
    assert all(d["score"] is None for d in reply["decisions"])
    d = reply["decisions"][0]
    assert set(d) == {"status", "is_action", "owner", "due", "vote", "text", "citation", "date", "meeting", "score"}
    assert d["citation"]["url"] == "/c/" + d["citation"]["id"]
    assert d["meeting"]["url"] == "/meetings/" + d["meeting"]["id"]


def test_a_topic_keeps_only_decisions_on_it(timeline_searcher):
    reply = find_decisions(timeline_searcher, DecisionQuery(q="verges"))
    # a paragraph is indexed with its item's title, so "Tree Planting Strategy: Verges" counts
    assert reply["decisions"] and all("verge" in (d["text"] + (d["citation"]["item_title"] or "")).lower()
                                      for d in reply["decisions"])
    assert len(reply["decisions"]) < len(timeline_searcher.store.decisions())
    assert reply["total"] == len(reply["decisions"])
    assert all(isinstance(d["score"], float) for d in reply["decisions"])
    assert find_decisions(timeline_searcher, DecisionQuery(q="zebra crossing"))["decisions"] == []


def test_relevance_keeps_the_bullets_of_one_resolution_together(timeline_searcher):
    # January item 2, under "It was agreed that:": the map of verges (Officers) and the June report, adjacent
    bullets = [d["passage"]["citation"]["id"] for d in timeline_searcher.store.decisions(actions_only=True)
               if d["passage"]["citation"]["id"].startswith(JAN + "/2/")]
    assert len(bullets) == 2
    for q in ("tree planting map of candidate verges", "tree planting consultation results"):  # one bullet each
        got = ids(find_decisions(timeline_searcher, DecisionQuery(q=q)))
        assert set(bullets) <= set(got)
        first = got.index(bullets[0])
        assert got[first:first + 2] == bullets, "adjacent decisions of one item must stay together, in record order"


def test_sort_by_date_filters_and_limit(timeline_searcher):
    q = "tree planting verges"
    by_relevance = find_decisions(timeline_searcher, DecisionQuery(q=q))
    by_date = find_decisions(timeline_searcher, DecisionQuery(q=q, sort="date"))
    assert sorted(ids(by_relevance)) == sorted(ids(by_date))
    dates = [d["date"] for d in by_date["decisions"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    proposed = find_decisions(timeline_searcher, DecisionQuery(q=q, status="proposed"))
    assert proposed["decisions"] and all(d["status"] == "proposed" for d in proposed["decisions"])
    assert all(d["meeting"]["kind"] == "agenda" for d in proposed["decisions"])
    agreed = find_decisions(timeline_searcher, DecisionQuery(q=q, status="agreed"))
    assert agreed["decisions"] and not any(d["text"].startswith("Recommendation") for d in agreed["decisions"])
    actions = find_decisions(timeline_searcher, DecisionQuery(q=q, actions_only=True))
    assert actions["decisions"] and all(d["is_action"] for d in actions["decisions"])
    assert any(d["owner"] == "Officers" and d["due"] == "the March meeting" for d in actions["decisions"])
    two = find_decisions(timeline_searcher, DecisionQuery(q=q, limit=2))
    assert ids(two) == ids(by_relevance)[:2] and two["total"] == by_relevance["total"] > 2


def test_a_recorded_vote_is_served_with_the_decision(timeline_searcher):
    reply = find_decisions(timeline_searcher, DecisionQuery(q="Sunday opening recycling centres"))
    voted = [d for d in reply["decisions"] if d["vote"]]
    assert len(voted) == 1
    v = voted[0]["vote"]
    assert (v["for"], v["against"], v["outcome"]) == (3, 1, "carried") and voted[0]["status"] == "agreed"


def test_on_topic_needs_a_shared_word_or_a_strong_meaning():
    assert on_topic(0.1, 2.0) and on_topic(0.9, 0.0)
    assert not on_topic(0.3, 0.0)


def _d(row, mid="m", item="1"):
    return {"row": row, "item_key": item, "meeting": {"id": mid}}


def test_runs_join_adjacent_decisions_of_one_item_only():
    found = [_d(5), _d(1), _d(2), _d(3, item="2"), _d(4, item="2"), _d(6, mid="n", item="1")]
    assert [[d["row"] for d in run] for run in runs(found)] == [[1, 2], [3, 4], [5], [6]]


def test_runs_are_ranked_by_their_best_member():
    found = [_d(1), _d(2), _d(3, item="2"), _d(9)]
    scores = {1: 0.2, 2: 0.9, 3: 0.5, 9: 0.95}
    assert [d["row"] for d in by_run(found, scores)] == [9, 1, 2, 3]
