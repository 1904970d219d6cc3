"""Tests for extract.dates.find (the driver: candidates, selection, merging, the free-text API, strict
mode) and for the package as a whole (properties over any text)."""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.dates import find, find_dates, find_dates_in_text
from extract.dates.calendar import parse_ref
from extract.model import Sentence

REF = "2025-03-12"   # a Wednesday


def _sentences(texts, labels=None):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t), i + 1, (labels or {}).get(i, "content")))
        pos += len(t) + 1
    return out


def _article(texts):
    return "\n".join(texts)


def test_dates_narrative_de_en():
    de = find_dates(_sentences(["Am 4. März 2020 trat er zurück.", "Tags darauf kam die Nachfolgerin."]), REF, "de")
    assert [d.value for d in de] == ["2020-03-04", "2020-03-05"]
    en = find_dates(_sentences(["On June 3, 2018 the deal was signed.", "The next day, shares fell."]), REF, "en")
    assert [d.value for d in en] == ["2018-06-03", "2018-06-04"]


def test_dates_offsets_are_article_level():
    texts = ["标题", "2020年5月,他离职。"]
    text = _article(texts)
    found = find_dates(_sentences(texts), REF, "zh")
    assert found and all(text[d.char_start:d.char_end] == d.text for d in found)


def test_dates_no_reference():
    found = find_dates_in_text("去年5月和3月12日", None, "zh")
    assert [d.value for d in found] == ["XXXX-05", "XXXX-03-12"]   # the year cannot be known


_ALPHABET = st.sampled_from(list("0123456789年月日号周天时分点前后今去明当次第个几十一二三四五六七八九〇 ,.-/:，。"
                                 "abcMayJuniOktoberTagJahrevorlastnext"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60), st.sampled_from(["zh", "de", "en"]),
       st.sampled_from([None, "2024-02-29", "2000-01-01"]))
def test_dates_property_offsets_and_no_crash(text, lang, ref):
    for d in find_dates_in_text(text, ref, lang):
        assert text[d.char_start:d.char_end] == d.text
        assert d.type in ("date", "time", "duration", "set")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_dates_property_any_text(text):
    for lang in ("zh", "de", "en"):
        for d in find_dates_in_text(text, "2024-05-18", lang):
            assert text[d.char_start:d.char_end] == d.text


@pytest.mark.parametrize("text,lang", [("Er ist gerade jetzt bisher damals dort.", "de"),
                                       ("The model GPT-4 has 2,719 parameters.", "en")])
def test_dates_find_deictic_words_and_quantities_are_not_dates(text, lang):
    found = find_dates_in_text(text, REF, lang)
    assert not [d for d in found if d.value is not None or d.type != "date"], [(d.text, d.value) for d in found]


GATE_TEXTS = [
    ("de", "Am 3. Oktober 2024 um 18:12 Uhr, Ende des Jahres, vor drei Wochen, jeden Montag"),
    ("de", "Weihnachten 2019 und im Frühjahr 2020; halb 8; 1990er Jahre; letztes Jahr"),
    ("de", "am 29/3, 5/Okt/2021, dritten vierten, 7. vierter, montags, jährlich, zweieinhalb Stunden, "
           "eine Viertelstunde, den ganzen Tag, KW 9, von 8 bis 12 Uhr, morgens von 5 bis sieben, am Wochenende, "
           "Mittwoch, den 19., um 12 nachts"),
    ("en", "On Dec 25, 2019 at 3pm, last week, every Monday, 2 hours, 4/5/2020, the 1990s"),
    ("en", "next Tuesday, this morning, Easter 2018, spring 2020, 2019-03-04"),
    ("en", "on the 5th, week 7 of last year, Mondays, quarterly, 9h, at half past eight, from 9 to 5:30 pm, "
           "over the weekend, 14/Feb/2023, Oct/7, Dec31, Thursday the 20th, nineteen seventy two, "
           "at seven twenty-five, one in the morning, 12 noon, 11ish, the 15th day of next month, "
           "an hour and a half, ½ hour, 4/5/2020"),
    ("en", "2023-11, 2024-7, 09-2022, 2021 october, employee of the month, for the week, in the year, until 2250, "
           "back to 1874, next week Wed, Fridays at 18.45, 8.am, 745 p.m., Thursday 9-5, between 6 and 8 last night, "
           "10am to 12pm, 14 and 15 March 2026, budget-2024-05-17.pdf, the following week, EOY"),
    ("zh", "2019年春季、上世纪90年代、每周三、国庆节、过去几个月、2021年圣诞节前夕、农历十月初一"),
]


@pytest.mark.parametrize("lang,text", GATE_TEXTS)
def test_dates_find_gates_do_not_change_candidates(lang, text):
    """The per-pattern prefilters are necessary conditions: gated and ungated scans agree."""
    rules = find.rules(lang)
    gated = {(s, e, n) for s, e, n, _ in find.candidates.__wrapped__(lang, text)}
    full = {(m.start(), m.end(), n) for n, rx in rules.patterns for m in rx.finditer(text) if m.end() > m.start()}
    assert gated == full, full - gated


@pytest.mark.parametrize("lang", ["zh", "de", "en"])
def test_dates_find_every_pattern_has_a_resolver(lang):
    names = {n for n, _ in find.rules(lang).patterns}
    assert names <= set(find.GRAMMARS[lang].RESOLVERS), names - set(find.GRAMMARS[lang].RESOLVERS)


def test_dates_find_traditional_input_is_read_with_opencc():
    found = find_dates_in_text("國慶節當天，遊客擠滿了景區。", "2024-10-03", "zh")
    assert [(d.text, d.value) for d in found] == [("國慶節", "2024-10-01"), ("當天", "2024-10-01")]


@pytest.mark.parametrize("reference,expected", [("2024-05-18", "2024-05-18"), ("2024-05-18T08:00", "2024-05-18"),
                                                ("0001-01-01", None), ("9999-12-31", None), ("2024-02-30", None),
                                                (None, None)])
def test_dates_find_reference_outside_the_calendar_is_refused(reference, expected):
    got = parse_ref(reference)
    assert (got.isoformat() if got else None) == expected


def test_dates_find_reference_at_the_calendar_edge_gives_no_relative_values():
    # 'Montag' near 1 January of year 1 would fall before the calendar: no value, no crash
    found = find_dates_in_text("Am Montag kam er.", "0001-01-01", "de")
    assert [(d.text, d.value) for d in found] == [("Am Montag", None)]


def test_dates_find_strict_mode_lets_resolver_errors_through(monkeypatch):
    def broken(g, m, st):
        raise KeyError("a resolver bug")
    monkeypatch.setitem(find.GRAMMARS["en"].RESOLVERS, "rel", broken)
    monkeypatch.setenv(find.STRICT_ENV, "1")
    with pytest.raises(KeyError):
        find_dates_in_text("He left yesterday.", REF, "en")
    monkeypatch.setenv(find.STRICT_ENV, "0")
    assert [d.text for d in find_dates_in_text("He left yesterday.", REF, "en")] == []


def test_dates_find_tests_run_strict():
    assert os.environ.get(find.STRICT_ENV) == "1"      # set by tests/conftest.py: the property tests see resolver bugs


_WORDS = ["2024", "1999", "12", "31", "29", "0", "年", "月", "日", "号", "周", "星期", "时", "点", "分", "前", "后",
          "半", "个", "两", "三", "十", "初一", "农历", "闰", "民国", "上世纪", "年代", "每", "隔",
          "März", "Mai", "am", "um", "Uhr", "halb", "Viertel", "nach", "vor", "Jahren", "KW", "zweiten", "Ende", "des",
          "Jahres", "jeden", "Montag", "May", "the", "of", "on", "at", "pm", "noon", "week", "last", "next", "ago",
          "later", "Monday", "sat", "1st", "twenty", "first", "nineteen", "ninety", "and", "a", "half", "past", "to",
          "from", "between", "-", "/", ".", ",", ":", " ", "0s", "er"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from(["zh", "de", "en"]),
       st.sampled_from([None, "2024-02-29", "2000-01-01", "0001-01-03", "1000-01-01", "8999-12-31"]))
def test_dates_property_expressions_of_words_resolve_without_error(words, lang, ref):
    text = "".join(w if lang == "zh" else w + " " for w in words)
    for d in find_dates_in_text(text, ref, lang):
        assert text[d.char_start:d.char_end] == d.text
        atom = r"[\dX:TWEHSPYMDQ.\-A-Z]+"
        assert d.value is None or re.fullmatch(rf"{atom}|\({atom},{atom},P{atom}\)", d.value), d.value
