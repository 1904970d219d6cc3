"""Record types passed between stages and the Parquet schema of every output table.

Declared once here: stages build these records, ``io`` writes them with ``TABLE_SCHEMAS``.
The columns the contract requires (``../shared/CONTRACT.md``) come first in every table;
extra columns follow.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import NamedTuple

import pyarrow as pa

LINE_LABELS = ("title", "meta", "content", "boilerplate", "spam", "duplicate")
BODY_LABELS = frozenset({"title", "content"})          # lines whose sentences carry persons and events
DATED_LABELS = frozenset({"title", "content", "meta"})  # lines whose sentences carry time expressions
ARTICLE_STATUSES = ("ok", "empty", "error", "duplicate")
EVENT_TYPES = ("depart", "join", "dismiss", "appoint", "return", "leave_of_absence", "found", "sue", "merge")
DATE_TYPES = ("date", "time", "duration", "set")


@dataclass(frozen=True)
class Line:
    """One non-empty raw line and the cleaning decision about it."""
    line_no: int          # 1-based line number in the raw file
    text: str             # the raw line, as decoded
    label: str            # one of LINE_LABELS
    reason: str           # short machine-readable cause, e.g. "spam:adult-lexicon"
    language: str | None = None   # per-line language where it differs from the article's
    script: str | None = None     # per-line script (Hans / Hant / Latn / mixed)


@dataclass(frozen=True)
class CleanArticle:
    """Output of the clean stage for one article."""
    lines: tuple[Line, ...]
    title: str | None          # headline without site suffix (raw script; normalized later)
    published: str | None      # ISO 8601 date or date-time found in the meta lines
    language: str | None       # zh / de / en / ...
    script: str | None         # Hans / Hant / Latn / mixed
    front_matter: "ArticleMeta | None" = None   # what a YAML front-matter block at the top says


@dataclass(frozen=True)
class ArticleMeta:
    """What is known of an article from outside its text: a row of the archive's index file,
    its front matter, or its path (``metadata``)."""
    title: str | None = None
    published: str | None = None   # ISO 8601 date or date-time
    author: str | None = None
    url: str | None = None
    source: str | None = None      # site or outlet
    language: str | None = None    # zh / de / en when the index says so
    origin: str = "metadata"       # metadata | front-matter


@dataclass(frozen=True)
class Piece:
    """One raw line's share of the clean text."""
    line_no: int
    label: str
    start: int            # offsets into NormalizedArticle.text
    end: int
    raw_cols: array       # raw column of each character of text[start:end]


@dataclass(frozen=True)
class NormalizedArticle:
    """Output of the normalize stage: the clean text of an article and where each character came from."""
    text: str
    pieces: tuple[Piece, ...]
    config: str           # OpenCC configuration used

    def to_raw(self, offset: int) -> tuple[int, int]:
        """(line_no, raw column) of a clean-text offset."""
        for p in self.pieces:
            if p.start <= offset < p.end:
                return p.line_no, p.raw_cols[offset - p.start]
        raise IndexError(f"offset {offset} is outside every line of the clean text")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article's clean normalized text."""
    sentence_id: int
    text: str
    char_start: int      # offsets into the article's clean normalized text
    char_end: int
    line_no: int         # raw line the sentence comes from
    label: str           # label of that line (title / meta / content)


class Token(NamedTuple):
    """A token. A named tuple, not a dataclass: an article has thousands and they cross process
    boundaries, where tuples pickle three times faster."""
    sentence_id: int
    token_id: int        # unique within the article
    text: str
    char_start: int      # offsets into the clean normalized text
    char_end: int
    pos: str | None = None


@dataclass(frozen=True)
class Mention:
    """A person mention. ``person_key`` groups mentions of one person inside one article;
    the run-level linker maps keys to global ``person_id``s."""
    sentence_id: int
    text: str
    char_start: int      # offsets into the clean normalized text
    char_end: int
    person_key: str      # article-local cluster key, e.g. the canonical surface
    source: str          # what found it: "model", "latin-name", "translit", "repeat", ...


@dataclass(frozen=True)
class DateMention:
    sentence_id: int
    text: str
    char_start: int      # offsets into the clean normalized text (or into the text given to the API)
    char_end: int
    value: str | None    # ISO 8601 value, duration P.., XXXX-MM-DD, or None when vague
    type: str            # one of DATE_TYPES
    relative: bool = False
    anchor: str | None = None  # what the value was resolved against: "reference", "narrative", None


@dataclass(frozen=True)
class Event:
    event_id: str
    type: str                  # one of EVENT_TYPES
    person_keys: tuple[str, ...]  # article-local person keys (mapped to person_ids at write time)
    org: str | None
    role: str | None
    date: str | None
    trigger: str
    sentence_id: int
    evidence: str
    char_start: int = -1       # trigger offsets into the clean normalized text
    char_end: int = -1
    confidence: float = 0.0    # 0-1: how likely a reader judges type and person right (events.confidence)


@dataclass
class PersonRow:
    """One person of a run, as the ``persons`` table holds it (``persons.linking.link_persons``)."""
    person_id: str
    name: str                  # canonical: Latin full name where known, else the Chinese full name
    aliases: list[str]         # every surface form seen for this person
    n_mentions: int
    n_articles: int
    languages: list[str]
    link_evidence: list[str]   # why mentions were linked: "same-name:…", "shared-alias:…", "surname:…"


@dataclass
class RunPersons:
    """Stage 5's output (``persons.link_run``): every article's mentions (with those the run
    vouches for added), the run-wide id of every (article id, person key), the persons table."""
    mentions: dict[str, list[Mention]]
    person_id_of: dict[tuple[str, str], str]
    rows: list[PersonRow]


@dataclass
class ArticleResult:
    """Everything one article contributes to the tables, before run-level person linking."""
    article_id: str
    path: str
    status: str
    error: str | None = None
    encoding: str | None = None
    language: str | None = None
    script: str | None = None
    title: str | None = None
    title_source: str | None = None      # metadata | front-matter | text
    published: str | None = None
    published_source: str | None = None  # metadata | front-matter | text | path
    reference_date: str | None = None
    reference_source: str | None = None  # published | inferred | run-default
    author: str | None = None
    url: str | None = None
    source: str | None = None
    opencc_config: str | None = None
    n_chars: int = 0
    content_hash: str | None = None
    lines: list[Line] = field(default_factory=list)
    text: str = ""                       # clean normalized text
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    # the tokens as columns (sentence_id, token_id, text, char_start, char_end, pos), set instead of
    # ``tokens`` by a pipeline worker: they pickle ten times faster across the process boundary
    token_columns: tuple[list, ...] | None = None
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


_str, _int, _bool = pa.string(), pa.int64(), pa.bool_()
# date_start / date_end: the inclusive interval a value covers (dates/spans.py); ms, as Parquet keeps no seconds unit
_time = pa.timestamp("ms")

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _str), ("path", _str), ("status", _str), ("error", _str),
        ("language", _str), ("script", _str), ("title", _str), ("published", _str),
        ("reference_date", _str), ("encoding", _str), ("opencc_config", _str),
        ("title_source", _str), ("published_source", _str), ("reference_source", _str),
        ("author", _str), ("url", _str), ("source", _str),
        ("n_chars", _int), ("n_lines", _int), ("n_content_lines", _int), ("content_hash", _str),
    ]),
    "lines": pa.schema([
        ("article_id", _str), ("line_no", _int), ("text", _str), ("label", _str), ("reason", _str),
        ("language", _str), ("script", _str),
    ]),
    "sentences": pa.schema([
        ("article_id", _str), ("sentence_id", _int), ("text", _str), ("char_start", _int),
        ("char_end", _int), ("line_no", _int), ("label", _str),
    ]),
    "tokens": pa.schema([
        ("article_id", _str), ("sentence_id", _int), ("token_id", _int), ("text", _str),
        ("char_start", _int), ("char_end", _int), ("pos", _str),
    ]),
    "mentions": pa.schema([
        ("article_id", _str), ("sentence_id", _int), ("text", _str), ("char_start", _int),
        ("char_end", _int), ("person_id", _str), ("source", _str),
    ]),
    "persons": pa.schema([
        ("person_id", _str), ("name", _str), ("aliases", pa.list_(_str)),
        ("n_mentions", _int), ("n_articles", _int), ("languages", pa.list_(_str)),
        ("link_evidence", pa.list_(_str)),
    ]),
    "dates": pa.schema([
        ("article_id", _str), ("sentence_id", _int), ("text", _str), ("char_start", _int),
        ("char_end", _int), ("value", _str), ("type", _str), ("relative", _bool), ("anchor", _str),
        ("date_start", _time), ("date_end", _time),
    ]),
    "events": pa.schema([
        ("article_id", _str), ("event_id", _str), ("type", _str), ("person_ids", pa.list_(_str)),
        ("org", _str), ("role", _str), ("date", _str), ("trigger", _str), ("sentence_id", _int),
        ("evidence", _str), ("persons", pa.list_(_str)), ("date_start", _time), ("date_end", _time),
        ("trigger_start", _int), ("trigger_end", _int), ("confidence", pa.float64()),
    ]),
}

TABLE_NAMES = tuple(TABLE_SCHEMAS)

# Kept per batch of articles between the passes of a run (``io`` checkpoints): mentions and
# events before persons are linked across the run, by article-local person key.
CHECKPOINT_SCHEMAS: dict[str, pa.Schema] = {
    "mentions_keyed": pa.schema([
        ("article_id", _str), ("sentence_id", _int), ("text", _str), ("char_start", _int),
        ("char_end", _int), ("person_key", _str), ("source", _str),
    ]),
    "events_keyed": pa.schema([
        ("article_id", _str), ("event_id", _str), ("type", _str), ("person_keys", pa.list_(_str)),
        ("org", _str), ("role", _str), ("date", _str), ("trigger", _str), ("sentence_id", _int),
        ("evidence", _str), ("char_start", _int), ("char_end", _int), ("confidence", pa.float64()),
    ]),
}
