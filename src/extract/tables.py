"""Stage 6 — table rows from per-article results and the run's linked persons (stage 5).

Two steps, as a run makes them: ``article_tables`` turns the results of a batch of articles
into the rows of the tables an article decides alone (articles, lines, sentences, tokens,
dates) and its mentions and events still keyed by article-local person keys; once persons are
linked across the run, ``linked_tables`` gives the mentions and events their person ids and
``persons_table`` the persons. ``build_columns`` does both for results held in memory.

Every table comes as columns (name → list of values, in schema order): what ``io`` turns into
Parquet without making a dict per row (an article has thousands of tokens). Rows are ordered by
article id and position, so a re-run on the same input gives identical tables.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .dates.spans import interval
from .model import CHECKPOINT_SCHEMAS, TABLE_NAMES, TABLE_SCHEMAS, ArticleResult, Mention, PersonRow, RunPersons, Token

TOKEN_FIELDS = Token._fields      # the tokens table's columns after article_id
PER_ARTICLE = ("articles", "lines", "sentences", "tokens", "dates")   # tables each article decides alone
SCHEMAS = {**TABLE_SCHEMAS, **CHECKPOINT_SCHEMAS}


def empty(name: str) -> dict[str, list]:
    """Empty columns of table ``name``."""
    return {col: [] for col in SCHEMAS[name].names}


def _add(columns: dict[str, list], table: str, row: dict) -> None:
    if len(row) != len(columns):
        raise ValueError(f"{table}: row has {sorted(row)}, the table has {list(columns)}")
    for col, values in columns.items():
        values.append(row[col])


def _extend(columns: dict[str, list], table: str, aid: str, records, fields: tuple[str, ...]) -> None:
    if len(fields) + 1 != len(columns):
        raise ValueError(f"{table}: fields {fields}, the table has {list(columns)}")
    columns["article_id"].extend([aid] * len(records))
    for f in fields:
        columns[f].extend([getattr(x, f) for x in records])


def article_tables(results: Iterable[ArticleResult]) -> dict[str, dict[str, list]]:
    """The per-article tables of some articles, and their mentions and events keyed by
    article-local person keys (``mentions_keyed``, ``events_keyed``)."""
    t = {name: empty(name) for name in (*PER_ARTICLE, *CHECKPOINT_SCHEMAS)}
    for r in sorted(results, key=lambda r: r.article_id):
        aid = r.article_id
        _add(t["articles"], "articles", dict(
            article_id=aid, path=r.path, status=r.status, error=r.error, language=r.language,
            script=r.script, title=r.title, published=r.published, reference_date=r.reference_date,
            encoding=r.encoding, opencc_config=r.opencc_config, title_source=r.title_source,
            published_source=r.published_source, reference_source=r.reference_source, author=r.author, url=r.url,
            source=r.source, n_chars=r.n_chars,
            n_lines=len(r.lines), n_content_lines=sum(ln.label == "content" for ln in r.lines),
            content_hash=r.content_hash))
        # lines and sentences run to thousands per article: one column at a time
        _extend(t["lines"], "lines", aid, r.lines, ("line_no", "text", "label", "reason", "language", "script"))
        _extend(t["sentences"], "sentences", aid, r.sentences,
                ("sentence_id", "text", "char_start", "char_end", "line_no", "label"))
        add_tokens(t["tokens"], r)
        for d in r.dates:
            _add(t["dates"], "dates", dict(article_id=aid, sentence_id=d.sentence_id, text=d.text,
                                           char_start=d.char_start, char_end=d.char_end, value=d.value, type=d.type,
                                           relative=d.relative, anchor=d.anchor, **_span(d.value)))
        _extend(t["mentions_keyed"], "mentions_keyed", aid, r.mentions,
                ("sentence_id", "text", "char_start", "char_end", "person_key", "source"))
        events = t["events_keyed"]
        _extend(events, "events_keyed", aid, r.events,
                ("event_id", "type", "person_keys", "org", "role", "date", "trigger", "sentence_id", "evidence",
                 "char_start", "char_end", "confidence"))
    t["events_keyed"]["person_keys"] = [list(k) for k in t["events_keyed"]["person_keys"]]
    return t


def linked_tables(articles: Iterable[tuple[str, list[Mention], list[dict]]], person_of: Callable[[str], str],
                  name_of: Callable[[str], str]) -> dict[str, dict[str, list]]:
    """The mentions and events of some articles with run-wide person ids.

    ``articles``: (article id, its mentions with the run's aliases added, its ``events_keyed``
    rows); ``person_of(person_key)`` gives the run-wide id of a person key, ``name_of(id)`` its name."""
    t = {"mentions": empty("mentions"), "events": empty("events")}
    for aid, mentions, events in articles:
        for m in mentions:
            _add(t["mentions"], "mentions", dict(article_id=aid, sentence_id=m.sentence_id, text=m.text,
                                                  char_start=m.char_start, char_end=m.char_end,
                                                  person_id=person_of(m.person_key), source=m.source))
        keys = {m.person_key for m in mentions}
        for e in events:
            pids = [person_of(k) for k in e["person_keys"] if k in keys]
            _add(t["events"], "events", dict(article_id=aid, event_id=e["event_id"], type=e["type"], person_ids=pids,
                                              org=e["org"], role=e["role"], date=e["date"], trigger=e["trigger"],
                                              sentence_id=e["sentence_id"], evidence=e["evidence"],
                                              persons=[name_of(p) for p in pids], **_span(e["date"]),
                                              trigger_start=e["char_start"], trigger_end=e["char_end"],
                                              confidence=e["confidence"]))
    return t


def _span(value: str | None) -> dict:
    """The date_start / date_end columns of an ISO value (both null when it covers no fixed time)."""
    span = interval(value)
    return {"date_start": span[0], "date_end": span[1]} if span else {"date_start": None, "date_end": None}


def persons_table(rows: Iterable[PersonRow]) -> dict[str, list]:
    t = empty("persons")
    for p in rows:
        _add(t, "persons", dict(person_id=p.person_id, name=p.name, aliases=p.aliases, n_mentions=p.n_mentions,
                                n_articles=p.n_articles, languages=p.languages, link_evidence=p.link_evidence))
    return t


def build(results: list[ArticleResult], persons: RunPersons) -> dict[str, list[dict]]:
    """The rows of every table, one dict per row (columns in schema order)."""
    return {name: [dict(zip(cols, values)) for values in zip(*cols.values())]
            for name, cols in build_columns(results, persons).items()}


def build_columns(results: list[ArticleResult], persons: RunPersons) -> dict[str, dict[str, list]]:
    """Every table of results held in memory, linked by ``persons`` (``persons.link_run``)."""
    results = sorted(results, key=lambda r: r.article_id)
    t = article_tables(results)
    names = {p.person_id: p.name for p in persons.rows}
    ids = persons.person_id_of
    linked = {"mentions": empty("mentions"), "events": empty("events")}
    keyed = _rows(t["events_keyed"])
    by_article: dict[str, list[dict]] = {}
    for e in keyed:
        by_article.setdefault(e["article_id"], []).append(e)
    for r in results:
        aid = r.article_id
        part = linked_tables([(aid, persons.mentions[aid], by_article.get(aid, []))],
                             lambda k, aid=aid: ids[(aid, k)], names.__getitem__)
        for name in linked:
            for col, values in part[name].items():
                linked[name][col].extend(values)
    out = {name: t[name] for name in PER_ARTICLE}
    out.update(linked)
    out["persons"] = persons_table(persons.rows)
    return {name: out[name] for name in TABLE_NAMES}


def _rows(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def token_table() -> dict[str, list]:
    """Empty columns of the tokens table."""
    return empty("tokens")


def add_tokens(columns: dict[str, list], r: ArticleResult) -> int:
    """Append the tokens of one article to tokens-table ``columns``; the number added."""
    token_columns = r.token_columns or (tuple(map(list, zip(*r.tokens))) if r.tokens else None)
    if not token_columns:
        return 0
    columns["article_id"].extend([r.article_id] * len(token_columns[0]))
    for col, values in zip(TOKEN_FIELDS, token_columns):
        columns[col].extend(values)
    return len(token_columns[0])
