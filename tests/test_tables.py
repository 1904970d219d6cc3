"""Stages 5–6 — persons.link_run links the run's persons, tables.build turns per-article records
into one row dict per table row. The two articles are written for these tests."""
from __future__ import annotations

import pyarrow as pa
import pytest

from extract import normalize, segment, tables
from extract.model import TABLE_NAMES, TABLE_SCHEMAS, ArticleResult, CleanArticle, DateMention, Event, Line
from extract.persons import find_mentions, link_run


def _build(results: list[ArticleResult]) -> dict[str, list[dict]]:
    """What the pipeline does after stage 4: link persons across the run, then build the rows."""
    return tables.build(results, link_run((r.article_id, r.language, r.sentences, r.mentions) for r in results))


def _article(aid: str, lang: str, raw: list[tuple[str, str]], events=(), dates=()) -> ArticleResult:
    """An ArticleResult built the way the pipeline does: lines → normalize → segment → persons.

    ``raw``: [(label, line text)]; ``events``: [(type, person keys, trigger surface)];
    ``dates``: [(surface, ISO value)]."""
    lines = [Line(i, text, label, f"test:{label}") for i, (label, text) in enumerate(raw, 1)]
    title = next((t for label, t in raw if label == "title"), None)
    norm = normalize.normalize_article(CleanArticle(tuple(lines), title, "2024-05-06", lang, None))
    sentences, tokens = segment.segment(norm, lang)
    mentions = find_mentions(sentences, tokens, lang, use_model=False)

    def sentence_of(a):
        return next(s.sentence_id for s in sentences if s.char_start <= a < s.char_end)

    date_rows = []
    for surface, value in dates:
        a = norm.text.index(surface)
        date_rows.append(DateMention(sentence_of(a), surface, a, a + len(surface), value, "date"))
    event_rows = []
    for n, (etype, keys, trigger) in enumerate(events):
        a = norm.text.index(trigger)
        s = sentences[sentence_of(a)]
        event_rows.append(Event(f"{aid}-e{n}", etype, tuple(keys), "Harlow Logistics", None, None, trigger,
                                s.sentence_id, s.text, a, a + len(trigger)))
    return ArticleResult(article_id=aid, path=f"raw/{aid}.txt", status="ok", encoding="utf-8", language=lang,
                         script="Hans" if lang == "zh" else "Latn", title=title, published="2024-05-06",
                         reference_date="2024-05-06", n_chars=len(norm.text), content_hash=f"h-{aid}",
                         lines=lines, text=norm.text, sentences=list(sentences), tokens=list(tokens),
                         mentions=mentions, dates=date_rows, events=event_rows)


def _results():
    # given out of order: b-… before a-…; the German article names the person only by surname
    b = _article("b-de", "de", [
        ("title", "Brandauer verlässt Harlow Logistics"),
        ("meta", "06.05.2024, 09:12 Uhr"),
        ("content", "Konzernchef Brandauer tritt am 6. Mai zurück. Brandauer sagte, er wolle eine Pause machen."),
        ("boilerplate", "Teilen auf Facebook"),
    ], events=[("depart", ["Brandauer"], "tritt am 6. Mai zurück")], dates=[("6. Mai", "2024-05-06")])
    a = _article("a-zh", "zh", [
        ("title", "Harlow Logistics高管离职"),
        ("content", "Harlow Logistics首席执行官Lukas Brandauer周一宣布辞职。林嘉文表示，公司将尽快任命继任者。"),
    ], events=[("depart", ["Lukas Brandauer"], "宣布辞职"), ("appoint", ["林嘉文", "nobody"], "任命")])
    return [b, a]


@pytest.fixture(scope="module")
def built():
    return _build(_results())


def test_tables_build_has_every_table(built):
    assert tuple(built) == TABLE_NAMES
    assert all(built[name] for name in TABLE_NAMES), "the fixture should give rows in every table"


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_tables_columns_equal_schema(built, name):
    for row in built[name]:
        assert list(row) == TABLE_SCHEMAS[name].names
    pa.Table.from_pylist(built[name], schema=TABLE_SCHEMAS[name])   # types fit too


@pytest.mark.parametrize("name", [n for n in TABLE_NAMES if n != "persons"])
def test_tables_rows_sorted_by_article_id(built, name):
    ids = [r["article_id"] for r in built[name]]
    assert ids == sorted(ids)
    assert set(ids) <= {"a-zh", "b-de"}


@pytest.mark.parametrize("name, key", [
    ("lines", "line_no"), ("sentences", "sentence_id"), ("tokens", "token_id"), ("mentions", "char_start"),
    ("dates", "char_start"),
])
def test_tables_rows_in_article_order(built, name, key):
    for aid in ("a-zh", "b-de"):
        values = [r[key] for r in built[name] if r["article_id"] == aid]
        assert values == sorted(values)


def test_tables_articles_rows(built):
    arts = {r["article_id"]: r for r in built["articles"]}
    assert [r["article_id"] for r in built["articles"]] == ["a-zh", "b-de"]
    assert (arts["b-de"]["n_lines"], arts["b-de"]["n_content_lines"]) == (4, 1)
    assert (arts["a-zh"]["n_lines"], arts["a-zh"]["n_content_lines"]) == (2, 1)
    assert arts["b-de"]["title"] == "Brandauer verlässt Harlow Logistics"


def test_tables_person_ids_unique_and_mentions_point_at_them(built):
    ids = [p["person_id"] for p in built["persons"]]
    assert len(ids) == len(set(ids))
    assert {m["person_id"] for m in built["mentions"]} == set(ids)


def test_tables_lone_surname_linked_to_full_name_of_other_article(built):
    by_text = {}
    for m in built["mentions"]:
        by_text.setdefault((m["article_id"], m["text"]), set()).add(m["person_id"])
    assert by_text[("b-de", "Brandauer")] == by_text[("a-zh", "Lukas Brandauer")]
    (pid,) = by_text[("a-zh", "Lukas Brandauer")]
    person = next(p for p in built["persons"] if p["person_id"] == pid)
    assert person["name"] == "Lukas Brandauer"
    assert person["n_articles"] == 2 and person["languages"] == ["de", "zh"]
    assert "surname:Brandauer" in person["link_evidence"]


def test_tables_event_person_ids_mapped_through_run_linking(built):
    ids = {p["name"]: p["person_id"] for p in built["persons"]}
    events = {(e["article_id"], e["type"]): e for e in built["events"]}
    assert [(e["article_id"], e["event_id"]) for e in built["events"]] == \
        [("a-zh", "a-zh-e0"), ("a-zh", "a-zh-e1"), ("b-de", "b-de-e0")]
    # the German article's key is "Brandauer"; the row carries the run-level id of Lukas Brandauer
    assert events[("b-de", "depart")]["person_ids"] == [ids["Lukas Brandauer"]]
    assert events[("b-de", "depart")]["persons"] == ["Lukas Brandauer"]
    assert events[("a-zh", "depart")]["person_ids"] == [ids["Lukas Brandauer"]]
    # a key with no mention in the article is dropped, not invented
    assert events[("a-zh", "appoint")]["persons"] == ["林嘉文"]


def test_tables_mention_and_date_offsets_index_article_text():
    results = _results()
    text = {r.article_id: r.text for r in results}
    t = _build(results)
    for row in t["mentions"] + t["dates"] + t["tokens"] + t["sentences"]:
        assert text[row["article_id"]][row["char_start"]:row["char_end"]] == row["text"]


def test_tables_only_body_lines_carry_mentions(built):
    sentence_label = {(s["article_id"], s["sentence_id"]): s["label"] for s in built["sentences"]}
    assert {sentence_label[(m["article_id"], m["sentence_id"])] for m in built["mentions"]} <= {"title", "content"}


def test_tables_build_is_deterministic():
    one, two = _build(_results()), _build(list(reversed(_results())))
    assert one == two


def test_tables_build_of_nothing_is_empty_tables():
    assert _build([]) == {name: [] for name in TABLE_NAMES}



def test_tables_dates_and_events_carry_their_interval(built):
    """The dates row of 6. Mai and the events row with no date: date_start/date_end from dates.spans."""
    from datetime import datetime

    (row,) = [r for r in built["dates"] if r["text"] == "6. Mai"]
    assert (row["date_start"], row["date_end"]) == (datetime(2024, 5, 6), datetime(2024, 5, 6, 23, 59, 59))
    assert all(r["date"] is None and r["date_start"] is None and r["date_end"] is None for r in built["events"])
