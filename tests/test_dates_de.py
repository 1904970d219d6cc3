"""Tests for extract.dates.de: the German grammar and its resolvers (reference 2025-03-12, a Wednesday)."""
from __future__ import annotations

import pytest

from extract.dates import find_dates, find_dates_in_text
from extract.model import Sentence

REF = "2025-03-12"   # a Wednesday


def _one(text, ref=REF, lang="zh"):
    found = find_dates_in_text(text, ref, lang)
    assert found, f"nothing found in {text!r}"
    return found


def _sentences(texts, labels=None):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t), i + 1, (labels or {}).get(i, "content")))
        pos += len(t) + 1
    return out


DE_CASES = [
    ("Er trat am 3. Februar 2022 zurück.", "3. Februar 2022", "2022-02-03", "date"),
    ("Die Konferenz beginnt am 12. Juni.", "12. Juni", "2024-06-12", "date"),
    ("Im Januar dieses Jahres wechselte sie.", "Im Januar dieses Jahres", "2025-01", "date"),
    ("Ende Februar verließ er die Firma.", "Ende Februar", "2025-02", "date"),
    ("Sie kam vor fünf Jahren nach Berlin.", "vor fünf Jahren", "2020", "date"),
    ("Gestern wurde der Vertrag unterschrieben.", "Gestern", "2025-03-11", "date"),
    ("Das Projekt dauerte drei Monate.", "drei Monate", "P3M", "duration"),
    ("nach sieben langen Dienstjahren", "sieben langen Dienstjahren", "P7Y", "duration"),
    ("Die Pause soll bis Ende des Jahres dauern.", "Ende des Jahres", "2025", "date"),
    ("Er arbeitet seit einigen Jahren dort.", "einigen Jahren", None, "duration"),
    ("Das Team trifft sich jeden Freitag.", "jeden Freitag", "XXXX-WXX-5", "set"),
    ("Der Bericht vom 14.05.2023 liegt vor.", "14.05.2023", "2023-05-14", "date"),
    ("Die Firma wurde 2011 gegründet.", "2011", "2011", "date"),
]


@pytest.mark.parametrize("text,surface,value,typ", DE_CASES)
def test_dates_de_cases(text, surface, value, typ):
    found = _one(text, REF, "de")
    hit = [d for d in found if surface in d.text or d.text in surface]
    assert hit, [(d.text, d.value) for d in found]
    assert hit[0].value == value
    assert hit[0].type == typ


def test_dates_planned_date_is_no_narrative_anchor():
    s = _sentences(["Am Montag trat der Chef zurück.", "Ein Nachfolger soll im Mai dieses Jahres bestimmt werden.",
                    "Tags darauf wurde ein Interimschef ernannt."])
    found = find_dates(s, REF, "de")
    assert [(d.text, d.value) for d in found][-1] == ("Tags darauf", "2025-03-11")


# text, surface, value: holidays, clock words and merges (the one mention with that value)
DE_WORD_CASES = [
    ("Ostern 2019 fiel auf den April", "Ostern 2019", "2019-04-21"),
    ("Am Pfingstmontag blieb es ruhig", "Pfingstmontag", "2024-05-20"),
    ("Wir treffen uns am zweiten Mai", "zweiten Mai", "2024-05-02"),
    ("Er kam am einunddreißigsten Januar 2020", "einunddreißigsten Januar 2020", "2020-01-31"),
    ("Es ist halb 8", "halb 8", "T07:30"),
    ("Wir gehen um Viertel nach drei", "um Viertel nach drei", "T03:15"),
    ("Das Treffen beginnt um 18:12", "um 18:12", "T18:12"),
    ("Es ist zehn Uhr", "zehn Uhr", "T10"),
    ("Nehmen Sie abends um 8 Uhr eine Tablette", "abends um 8 Uhr", "T20"),
    ("Er rief um 12 Uhr nachts an", "um 12 Uhr nachts", "T00"),
    ("Bis Mitternacht wurde verhandelt", "Mitternacht", "T00"),
    ("Der Umsatz stieg in letztem Jahr", "letztem Jahr", "2024"),
]


@pytest.mark.parametrize("text,surface,value", DE_WORD_CASES)
def test_dates_de_holidays_clock_words_and_merges(text, surface, value):
    found = find_dates_in_text(text, REF, "de")
    assert [(d.text, d.value) for d in found if d.value == value] == [(surface, value)], \
        [(d.text, d.value) for d in found]


# text, surface, value, type: token dates, number words, weekday + day, weeks, sets, durations, clock
# words, ranges, offsets, weekends (the only mention of the text)
DE_FORMAT_CASES = [
    ("Die Frist endete am 29/3 um Mitternacht.", "29/3 um Mitternacht", "2024-03-29T00:00", "time"),
    ("Sie kam am 5/Okt/2021 zurück.", "5/Okt/2021", "2021-10-05", "date"),
    ("Er trat am dritten vierten zurück.", "dritten vierten", "2024-04-03", "date"),
    ("Die Sitzung war am 12. dritten 2024.", "12. dritten 2024", "2024-03-12", "date"),
    ("Der Markt ist montags geschlossen.", "montags", "XXXX-WXX-1", "set"),
    ("Das Treffen findet jeden Freitag um 9 Uhr statt.", "jeden Freitag um 9 Uhr", "XXXX-WXX-5T09", "set"),
    ("Die Gebühr wird jährlich fällig.", "jährlich", "P1Y", "set"),
    ("Die Sitzung dauerte zweieinhalb Stunden.", "zweieinhalb Stunden", "PT2.5H", "duration"),
    ("Nach einer Viertelstunde war alles vorbei.", "einer Viertelstunde", "PT0.25H", "duration"),
    ("Er arbeitete den ganzen Tag daran.", "den ganzen Tag", "P1D", "duration"),
    ("Die Lieferung kam in KW 9.", "KW 9", "2025-W09", "date"),
    ("Die Praxis ist von 8 bis 12 Uhr geöffnet.", "von 8 bis 12 Uhr", "T08", "time"),
    ("Am Wochenende demonstrierten Tausende.", "Am Wochenende", "2025-W10-WE", "date"),
    ("Der Vertrag lief bis Mittwoch, den 19. aus.", "Mittwoch, den 19.", "2025-03-19", "date"),
    ("Er meldete sich gestern um 8 bei uns.", "gestern um 8", "2025-03-11T08:00", "time"),
    ("Nächste Woche Montag beginnt der Prozess.", "Nächste Woche Montag", "2025-03-17", "date"),
]


@pytest.mark.parametrize("text,surface,value,typ", DE_FORMAT_CASES)
def test_dates_de_formats_words_sets_ranges_and_offsets(text, surface, value, typ):
    found = find_dates_in_text(text, REF, "de")
    assert [(d.text, d.value, d.type) for d in found] == [(surface, value, typ)]


@pytest.mark.parametrize("text", [
    "Das Werk begann am Morgen mit der Arbeit",       # the morning, not tomorrow
    "Das Treffen war am frühen Morgen",
    "Er feierte den Karsamstag nicht",                # not a bare Samstag
])
def test_dates_de_holiday_and_noun_readings(text):
    found = find_dates_in_text(text, REF, "de")
    assert all(d.value != "2025-03-13" for d in found)
    assert not any(d.text.lower() in ("samstag", "morgen") for d in found)


@pytest.mark.parametrize("text,not_surface", [
    ("Rund 3/4 der Befragten stimmten zu.", "3/4"),
    ("Der Service ist 24/7 erreichbar.", "24/7"),
    ("Ogier lag nach 3:35:49,5 Std. vorne.", "49,5 Std"),
    ("Das Spiel endete von 2 bis 3 ohne Tore.", "von 2 bis 3"),
])
def test_dates_de_skips_fractions_and_scores(text, not_surface):
    found = find_dates_in_text(text, REF, "de")
    assert not [d for d in found if d.text == not_surface], [(d.text, d.value) for d in found]


@pytest.mark.parametrize("word,n", [("zweiten", 2), ("dritte", 3), ("siebenten", 7), ("dreizehnten", 13),
                                    ("einundzwanzigsten", 21), ("einunddreißigsten", 31), ("zweiunddreißigsten", None),
                                    ("Garten", None)])
def test_dates_de_ordinal_stems_come_from_the_lexicon(word, n):
    from extract.dates.de import ordinal
    assert ordinal(word) == n
