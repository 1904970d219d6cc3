"""Stage 6 — table rows from per-article results and the run's linked persons (stage 5).

Reads ``ArticleResult``s and the ``RunPersons`` of ``persons.link_run``; returns every table as
columns (``build_columns``) or as one dict per row (``build``). Rows are ordered by article id
and position, so a re-run on the same input gives identical tables.
"""
from __future__ import annotations

from .dates.spans import interval
from .model import TABLE_NAMES, TABLE_SCHEMAS, ArticleResult, RunPersons, Token

TOKEN_FIELDS = Token._fields      # the tokens table's columns after article_id


def build(results: list[ArticleResult], persons: RunPersons) -> dict[str, list[dict]]:
    """The rows of every table, one dict per row (columns in schema order)."""
    return {name: [dict(zip(cols, values)) for values in zip(*cols.values())]
            for name, cols in build_columns(results, persons).items()}


def build_columns(results: list[ArticleResult], persons: RunPersons) -> dict[str, dict[str, list]]:
    """Every table as columns (name → list of values, in schema order): what ``io.write_tables``
    turns into Parquet without making a dict per row (an article has thousands of tokens)."""
    results = sorted(results, key=lambda r: r.article_id)
    mentions, id_of, person_rows = persons.mentions, persons.person_id_of, persons.rows
    names = {p.person_id: p.name for p in person_rows}
    t = {name: {col: [] for col in TABLE_SCHEMAS[name].names} for name in TABLE_NAMES}

    def add(table: str, /, **row):
        columns = t[table]
        if len(row) != len(columns):
            raise ValueError(f"{table}: row has {sorted(row)}, the table has {list(columns)}")
        for col, values in columns.items():
            values.append(row[col])

    def extend(table: str, aid: str, records, fields: tuple[str, ...]):
        columns = t[table]
        if len(fields) + 1 != len(columns):
            raise ValueError(f"{table}: fields {fields}, the table has {list(columns)}")
        columns["article_id"].extend([aid] * len(records))
        for f in fields:
            columns[f].extend([getattr(x, f) for x in records])

    for r in results:
        aid = r.article_id
        add("articles", article_id=aid, path=r.path, status=r.status, error=r.error, language=r.language,
            script=r.script, title=r.title, published=r.published, reference_date=r.reference_date,
            encoding=r.encoding, opencc_config=r.opencc_config, title_source=r.title_source,
            published_source=r.published_source, reference_source=r.reference_source, author=r.author, url=r.url,
            source=r.source, n_chars=r.n_chars,
            n_lines=len(r.lines), n_content_lines=sum(ln.label == "content" for ln in r.lines),
            content_hash=r.content_hash)
        # lines and sentences run to thousands per article: one column at a time
        extend("lines", aid, r.lines, ("line_no", "text", "label", "reason", "language", "script"))
        extend("sentences", aid, r.sentences, ("sentence_id", "text", "char_start", "char_end", "line_no", "label"))
        add_tokens(t["tokens"], r)
        for m in mentions[r.article_id]:
            add("mentions", article_id=aid, sentence_id=m.sentence_id, text=m.text,
                char_start=m.char_start, char_end=m.char_end,
                person_id=id_of[(aid, m.person_key)], source=m.source)
        for d in r.dates:
            add("dates", article_id=aid, sentence_id=d.sentence_id, text=d.text,
                char_start=d.char_start, char_end=d.char_end, value=d.value,
                type=d.type, relative=d.relative, anchor=d.anchor, **_span(d.value))
        for e in r.events:
            pids = [id_of[(aid, k)] for k in e.person_keys if (aid, k) in id_of]
            add("events", article_id=aid, event_id=e.event_id, type=e.type, person_ids=pids,
                org=e.org, role=e.role, date=e.date, trigger=e.trigger,
                sentence_id=e.sentence_id, evidence=e.evidence, persons=[names[p] for p in pids], **_span(e.date))
    for p in person_rows:
        add("persons", person_id=p.person_id, name=p.name, aliases=p.aliases,
            n_mentions=p.n_mentions, n_articles=p.n_articles, languages=p.languages,
            link_evidence=p.link_evidence)
    return t


def _span(value: str | None) -> dict:
    """The date_start / date_end columns of an ISO value (both null when it covers no fixed time)."""
    span = interval(value)
    return {"date_start": span[0], "date_end": span[1]} if span else {"date_start": None, "date_end": None}


def token_table() -> dict[str, list]:
    """Empty columns of the tokens table."""
    return {col: [] for col in TABLE_SCHEMAS["tokens"].names}


def add_tokens(columns: dict[str, list], r: ArticleResult) -> int:
    """Append the tokens of one article to tokens-table ``columns``; the number added."""
    token_columns = r.token_columns or (tuple(map(list, zip(*r.tokens))) if r.tokens else None)
    if not token_columns:
        return 0
    columns["article_id"].extend([r.article_id] * len(token_columns[0]))
    for col, values in zip(TOKEN_FIELDS, token_columns):
        columns[col].extend(values)
    return len(token_columns[0])
