"""Tests for extract.events.merge: statements of one event become one row."""
from __future__ import annotations

from extract.events.context import EventCandidate
from extract.events.merge import merge_statements
from extract.model import Sentence


def _cand(date, score, sid):
    s = Sentence(sid, "x", 0, 1, sid + 1, "content")
    return EventCandidate("join", ("Lena Voss",), None, None, date, "beigetreten", s, 0, 1, "x", score)


def test_events_merge_a_day_of_the_week_is_the_same_event():
    # "diese Woche beigetreten" and "trat am Montag bei": one join, dated by the day
    got = merge_statements([_cand("2024-W11", 0.5, 1), _cand("2024-03-11", 0.4, 2)])
    assert [(c.type, c.date) for c in got] == [("join", "2024-03-11")]


def test_events_merge_a_day_of_another_week_stays_apart():
    got = merge_statements([_cand("2024-W11", 0.5, 1), _cand("2024-04-22", 0.4, 2)])
    assert sorted(c.date for c in got) == ["2024-04-22", "2024-W11"]
