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
    ("Die Konferenz beginnt am 12. Juni.", "12. Juni", "2025-06-12", "date"),   # scheduled: no past bias
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
    ("Die Praxis ist von 8 bis 12 Uhr geöffnet.", "von 8 bis 12 Uhr", "(T08,T12,PT4H)", "time"),
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


# text, surface, value (reference 2024-05-10): scheduled present, future, starting dates, full stops, decades
DE_RESOLUTION_CASES = [
    ("Die Chefin verlässt das Unternehmen Ende Juli.", "Ende Juli", "2024-07"),
    ("Er wechselt im September zur Konkurrenz.", "im September", "2024-09"),
    ("Der Vorstand wird im März neu gewählt.", "im März", "2025-03"),
    ("Ab 1. Juli gilt die neue Regel.", "Ab 1. Juli", "2024-07-01"),
    ("Sie trat im Juli zurück.", "im Juli", "2023-07"),             # past tense keeps the past bias
    ("Das war im März.", "im März", "2024-03"),
    ("Er kam am 5. Jan. zurück.", "5. Jan.", "2024-01-05"),           # an abbreviation keeps its dot
    ("In den 1990er Jahren wuchs die Stadt.", "1990er Jahren", "199"),
]


@pytest.mark.parametrize("text,surface,value", DE_RESOLUTION_CASES)
def test_dates_de_future_full_stops_and_decades(text, surface, value):
    found = find_dates_in_text(text, "2024-05-10", "de")
    assert [(d.text, d.value) for d in found] == [(surface, value)]


# text, expected (surface, value) pairs (reference 2024-05-10)
DE_MORE_RULES = [
    ("Er nahm an Olympia (1996, 2004) teil.", [("1996", "1996"), ("2004", "2004")]),   # a list of years
    ("Der Rekord liegt bei einem Tag, 18 Stunden und 23 Minuten"
     ".", [("einem Tag, 18 Stunden und 23 Minuten", "P1DT18H23M")]),
    ("Es folgte eine rund 14-minütige Rede.", [("rund 14-minütige", "PT14M")]),
    ("Der 45-jährige Fahrer gewann.", []),                                              # an age
    ("Die Sitzung dauerte eine Stunde.", [("eine Stunde", "PT1H")]),
    ("Eine Woche ist lang.", []),
    ("Die Boote starten am Boxing Day.", [("Boxing Day", "2023-12-26")]),
    ("Am Mittwochnachmittag kam die Antwort.", [("Am Mittwochnachmittag", "2024-05-08")]),
    ("Das war vor drei Wochen.", [("vor drei Wochen", "2024-W16")]),
]


@pytest.mark.parametrize("text,expected", DE_MORE_RULES)
def test_dates_de_year_lists_adjective_durations_and_holidays(text, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-05-10", "de")] == expected


# text, reference, expected: day.month after am/vom, unit abbreviations, the working week, ordinal compounds,
# a weekday with a clock time and a part of day
DE_ABBREVIATION_CASES = [
    ("Ich komme am 22.04 zurück.", "2016-11-07", [("22.04", "2016-04-22")]),
    ("Der Kurs stieg am 22.04 Prozent.", "2016-11-07", []),
    ("Die Zeit betrug 123,45 sek.", "2016-11-07", [("123,45 sek", "PT123.45S")]),
    ("Ich besuche dich in 15 Tg.", "2018-11-07", [("in 15 Tg", "2018-11-22")]),
    ("Es wird unter der Woche passieren.", "2019-08-07", [("unter der Woche", "2019-W32")]),
    ("Er kam am sechsundzwanzigsten zwölften an.", "2016-11-07", [("sechsundzwanzigsten zwölften", "2015-12-26")]),
    ("Wir beginnen am Sonntag um 8:00 frühmorgens"
     ".", "2019-08-05", [("am Sonntag um 8:00 frühmorgens", "2019-08-04T08:00")]),
]


@pytest.mark.parametrize("text,ref,expected", DE_ABBREVIATION_CASES)
def test_dates_de_day_months_abbreviations_and_weekday_parts(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "de")] == expected


@pytest.mark.parametrize("text,ref,expected", [
    ("Heuer gewann er das Rennen.", "2020-12-10", [("Heuer", "2020")]),        # Austrian "this year"
    ("Am Mittwochnachmittag kam die Antwort.", None, [("Am Mittwochnachmittag", None)]),   # no date to place it
    ("Am Wochenende demonstrierten Tausende.", None, [("Am Wochenende", None)]),
])
def test_dates_de_this_year_and_days_without_a_reference(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "de")] == expected


def test_dates_de_clock_seconds_after_a_day():
    found = find_dates_in_text("Der Start erfolgte am 3. März um 14:05:27 in Kourou.", "2024-05-10", "de")
    assert [(d.text, d.value) for d in found] == [("3. März um 14:05:27", "2024-03-03T14:05:27")]
