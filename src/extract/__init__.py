"""extract — raw scraped news articles in, tidy tables of who, when and what happened out.

    import extract
    extract.run("data/raw", "data/processed")          # the whole pipeline, eight Parquet tables
    t = extract.load("data/processed")                 # one pandas DataFrame per table
    extract.find_persons("伊利亚宣布离开OpenAI。")       # stage functions on one text

Every ``find_*`` function takes the text and keyword options (``lang``: zh, de or en, detected
from the text when not given; ``reference``: the ISO date relative dates resolve against) and
returns a pandas DataFrame with ``char_start``/``char_end`` offsets into the text given.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

__all__ = ["run", "load", "to_simplified", "find_persons", "find_dates", "find_events", "Settings"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    import pandas as pd

    from .io import Tables
    from .pipeline import RunSummary
    from .settings import Settings

LANGUAGES = ("zh", "de", "en")


def __getattr__(name):
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(name)


def run(input_dir, out_dir, **options) -> "RunSummary":
    """Run the pipeline on every file under ``input_dir``; write the tables to ``out_dir``.

    Options are fields of :class:`extract.Settings`: ``workers``, ``quiet``, ``segmenter``,
    ``use_person_model``, ``engine`` ("local" or "dask"), ``scheduler``, ``segment_articles``,
    ``metadata``, ``reference_date`` …; an unknown one is a ``TypeError`` that lists them. Returns a
    summary (articles by status, rows per table, seconds). Run again after an interruption, it
    resumes from the segments already done.
    """
    from .pipeline import run as _run

    options.setdefault("quiet", True)
    return _run(input_dir, out_dir, **options)


def load(out_dir, tables=None, columns=None) -> "Tables":
    """The tables of a run: an object with one DataFrame per table (``t.persons``, ``t["events"]``).

    ``tables``: only these (``["persons", "events"]``); ``columns``: only these columns of a table
    (``{"mentions": ["article_id", "person_id"]}``). A large run's tokens are most of its size:
    leave them out when they are not needed."""
    from .io import load_tables
    from .model import TABLE_NAMES

    return load_tables(out_dir, tuple(tables) if tables is not None else TABLE_NAMES, columns)


def to_simplified(text: str, config: str = "t2s") -> str:
    """Traditional → Simplified with one OpenCC configuration (t2s, tw2s, hk2s, tw2sp, hk2sp), or
    ``config="auto"``: the one the pipeline would choose for this text as an article body (hk2s
    for Hong Kong wording, tw2sp for Taiwan wording, t2s for other Traditional text, nothing for
    text already Simplified)."""
    from .normalize import choose_config
    from .text import to_simplified as _to_simplified

    if config == "auto":
        config = choose_config(text[:AUTO_CONFIG_CHARS])
    return _to_simplified(text, config)


AUTO_CONFIG_CHARS = 20000   # the pipeline also decides on an article's first 20,000 characters


def _check(text, lang: str | None, reference: str | None = None) -> str:
    """Clear errors for wrong arguments to the find_* functions; the language to use."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGUAGES))} (or None to detect it), not {lang!r}")
    if reference is not None:
        from datetime import date

        try:
            date.fromisoformat(str(reference)[:10])
        except ValueError:
            raise ValueError(f"reference must be an ISO date YYYY-MM-DD, not {reference!r}") from None
    if lang is None:
        from .clean import language_of
        from .text import HAN_RE

        detected = language_of(text)
        if detected in LANGUAGES:
            lang = detected
        elif HAN_RE.search(text):
            lang = "zh"
        else:   # too short for stop words: German by its letters, else English
            lang = "de" if any(ch in text for ch in "äöüßÄÖÜ") else "en"
    return lang


def _analyse(text: str, lang: str):
    """Treat ``text`` as the body of one article: (normalized article, sentences, tokens, offset map)."""
    from . import normalize, segment
    from .model import CleanArticle, Line

    raw_lines = text.split("\n")
    lines = tuple(Line(i + 1, x, "content", "api") for i, x in enumerate(raw_lines) if x.strip())
    norm = normalize.normalize_article(CleanArticle(lines, None, None, lang, None))
    sentences, tokens = segment.segment(norm, lang)
    line_start = [0]
    for x in raw_lines:
        line_start.append(line_start[-1] + len(x) + 1)

    def to_text(offset: int) -> int:
        line_no, col = norm.to_raw(offset)
        return line_start[line_no - 1] + col

    return norm, sentences, tokens, to_text


def _span_back(to_text, a: int, b: int) -> tuple[int, int]:
    return to_text(a), to_text(b - 1) + 1


def _persons_of(text: str, lang: str):
    """(sentences, mentions, {person key: person id}, {person id: name}, offset map) of one text:
    the mentions of stage 4a linked by stage 5 as in a run of one article, so ids and names have
    the tables' form."""
    from .persons import find_mentions, link_run

    _, sentences, tokens, to_text = _analyse(text, lang)
    mentions = find_mentions(sentences, tokens, lang, use_model=True, model_scope="all")
    linked = link_run([("text", lang, sentences, mentions)])
    name_of = {r.person_id: r.name for r in linked.rows}
    id_of = {key: pid for (_, key), pid in linked.person_id_of.items()}
    return sentences, linked.mentions["text"], id_of, name_of, to_text


def find_persons(text: str, *, lang: str | None = None) -> "pd.DataFrame":
    """Person mentions in ``text``: columns text, char_start, char_end, person_id (``P…``, as in
    the tables), name (the person's canonical name), source (which rule or model found it)."""
    import pandas as pd

    lang = _check(text, lang)
    _, mentions, id_of, name_of, to_text = _persons_of(text, lang)
    rows = []
    for m in mentions:
        a, b = _span_back(to_text, m.char_start, m.char_end)
        rows.append({"text": text[a:b], "char_start": a, "char_end": b, "person_id": id_of[m.person_key],
                     "name": name_of[id_of[m.person_key]], "source": m.source})
    return pd.DataFrame(rows, columns=["text", "char_start", "char_end", "person_id", "name", "source"])


def find_dates(text: str, *, lang: str | None = None, reference: str | None = None) -> "pd.DataFrame":
    """Time expressions in ``text`` resolved against ``reference`` (ISO date): columns text,
    char_start, char_end, value (ISO 8601), type (date/time/duration/set), relative."""
    import pandas as pd

    from .dates import find_dates_in_text

    lang = _check(text, lang, reference)
    rows = [{"text": d.text, "char_start": d.char_start, "char_end": d.char_end, "value": d.value,
             "type": d.type, "relative": d.relative} for d in find_dates_in_text(text, reference, lang)]
    return pd.DataFrame(rows, columns=["text", "char_start", "char_end", "value", "type", "relative"])


def find_events(text: str, *, lang: str | None = None, reference: str | None = None) -> "pd.DataFrame":
    """Personnel events stated in ``text``: columns type, persons (names), person_ids, org, role,
    date, trigger, char_start, char_end (of the trigger), evidence. Sentence typing: events whose
    subject is not a recognized person (a team, a company) are kept too."""
    import pandas as pd

    from . import dates, events

    lang = _check(text, lang, reference)
    sentences, mentions, id_of, name_of, to_text = _persons_of(text, lang)
    found_dates = dates.find_dates(sentences, reference, lang)
    rows = []
    for e in events.find_events(sentences, mentions, found_dates, lang, reference, require_person=False):
        a, b = (_span_back(to_text, e.char_start, e.char_end) if e.char_start >= 0 else (-1, -1))
        rows.append({"type": e.type, "persons": [name_of[id_of[k]] for k in e.person_keys],
                     "person_ids": [id_of[k] for k in e.person_keys],
                     "org": e.org, "role": e.role, "date": e.date, "trigger": e.trigger, "char_start": a,
                     "char_end": b, "evidence": e.evidence, "confidence": e.confidence})
    return pd.DataFrame(rows, columns=["type", "persons", "person_ids", "org", "role", "date", "trigger",
                                       "char_start", "char_end", "evidence", "confidence"])
