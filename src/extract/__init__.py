"""extract — raw scraped news articles in, tidy tables of who, when and what happened out.

    import extract
    extract.run("data/raw", "data/processed")          # the whole pipeline, eight Parquet tables
    t = extract.load("data/processed")                 # one pandas DataFrame per table
    extract.find_persons("伊利亚宣布离开OpenAI。")       # stage functions on one text

Every ``find_*`` function returns a pandas DataFrame with the contract's columns and
``char_start``/``char_end`` offsets into the text given.
"""
from __future__ import annotations

import logging

__all__ = ["run", "load", "to_simplified", "find_persons", "find_dates", "find_events", "Settings"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name):
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(name)


def run(input_dir, out_dir, **options):
    """Run the pipeline on every file under ``input_dir``; write the tables to ``out_dir``.

    Options are fields of :class:`extract.Settings`: ``workers``, ``quiet``, ``segmenter``,
    ``use_person_model``. Returns a summary (articles by status, rows per table, seconds).
    """
    from .pipeline import run as _run

    options.setdefault("quiet", True)
    return _run(input_dir, out_dir, **options)


def load(out_dir, tables=None, columns=None):
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
    from .normalize import choose_config, to_simplified as _to_simplified

    if config == "auto":
        config = choose_config(text[:AUTO_CONFIG_CHARS])
    return _to_simplified(text, config)


AUTO_CONFIG_CHARS = 20000   # the pipeline also decides on an article's first 20,000 characters


def _check(text, lang: str, reference: str | None = None) -> None:
    """Clear errors for wrong arguments to the find_* functions."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if lang not in ("zh", "de", "en"):
        raise ValueError(f"lang must be 'zh', 'de' or 'en', not {lang!r}")
    if reference is not None:
        from datetime import date

        try:
            date.fromisoformat(str(reference)[:10])
        except ValueError:
            raise ValueError(f"reference must be an ISO date YYYY-MM-DD, not {reference!r}") from None


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


def find_persons(text: str, lang: str = "zh"):
    """Person mentions in ``text``: columns text, char_start, char_end, person_id, source."""
    import pandas as pd

    from .persons import find_mentions

    _check(text, lang)
    _, sentences, tokens, to_text = _analyse(text, lang)
    rows = []
    for m in find_mentions(sentences, tokens, lang, use_model=True, model_scope="all"):
        a, b = _span_back(to_text, m.char_start, m.char_end)
        rows.append({"text": text[a:b], "char_start": a, "char_end": b, "person_id": m.person_key,
                     "source": m.source})
    return pd.DataFrame(rows, columns=["text", "char_start", "char_end", "person_id", "source"])


def find_dates(text: str, reference: str | None = None, lang: str = "zh"):
    """Time expressions in ``text`` resolved against ``reference`` (ISO date):
    columns text, char_start, char_end, value, type, relative."""
    import pandas as pd

    from .dates import find_dates_in_text

    _check(text, lang, reference)
    rows = [{"text": d.text, "char_start": d.char_start, "char_end": d.char_end, "value": d.value,
             "type": d.type, "relative": d.relative} for d in find_dates_in_text(text, reference, lang)]
    return pd.DataFrame(rows, columns=["text", "char_start", "char_end", "value", "type", "relative"])


def find_events(text: str, lang: str = "zh", reference: str | None = None):
    """Personnel events stated in ``text``: columns type, persons, org, role, date, trigger,
    char_start, char_end, evidence. Sentence typing: events whose subject is not a recognized
    person (a team, a company) are kept too."""
    import pandas as pd

    from . import dates, events, persons

    _check(text, lang, reference)
    norm, sentences, tokens, to_text = _analyse(text, lang)
    mentions = persons.find_mentions(sentences, tokens, lang, use_model=True, model_scope="all")
    found_dates = dates.find_dates(sentences, reference, lang)
    rows = []
    for e in events.find_events(sentences, mentions, found_dates, lang, reference, require_person=False):
        a, b = (_span_back(to_text, e.char_start, e.char_end) if e.char_start >= 0 else (-1, -1))
        rows.append({"type": e.type, "persons": list(e.person_keys), "org": e.org, "role": e.role, "date": e.date,
                     "trigger": e.trigger, "char_start": a, "char_end": b, "evidence": e.evidence})
    return pd.DataFrame(rows, columns=["type", "persons", "org", "role", "date", "trigger", "char_start", "char_end",
                                       "evidence"])
