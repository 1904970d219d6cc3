"""When an event happened: the time expression governing its trigger (one of its own clause,
else the nearest free one before it, else a later restatement's), and date-only heading lines
that date a block. Reads a ``SentenceContext``'s dates; returns ISO values."""
from __future__ import annotations

import re
from datetime import date as _Date
from typing import Sequence

from ..model import BODY_LABELS, Sentence
from .context import SentenceContext
from .lexicons import Lang
from .phrases import words

DATED_TYPES = frozenset({"date", "time"})


def date_owners(L: Lang, ctx: SentenceContext) -> dict[int, tuple[int, int] | None]:
    """date start → the trigger span that date belongs to: a trigger of the date's clause with no
    other trigger in between; Chinese and German put the time before the verb (于2019年加入, ist am
    Montag zurückgetreten), English after it (joined in 2017, was appointed on Thursday). A date
    inside a gapped trigger (trat im Mai zurück) is that trigger's. None = no trigger in its clause."""
    if ctx.owners is not None:
        return ctx.owners
    out: dict[int, tuple[int, int] | None] = {}
    spans = ctx.spans
    for d in ctx.dates:
        ca, cb = ctx.clause_of(d.char_start)
        inside = [sp for sp in spans if ca <= sp[0] < cb]
        owner = next((sp for sp in inside if sp[0] < d.char_end and d.char_start < sp[1]), None)
        if owner is None:
            nxt = [sp for sp in inside if sp[0] >= d.char_end][:1]
            prv = [sp for sp in inside if sp[1] <= d.char_start][-1:]
            order = prv + nxt if L.code == "en" else nxt + prv
            owner = order[0] if order else None
        out[d.char_start] = owner
    ctx.owners = out
    return out


def pick_date(ctx: SentenceContext, ts: int, te: int, L: Lang, typ: str = "") -> str | None:
    """The time expression governing a trigger: one of its own (see ``date_owners``), else the
    nearest before it that belongs to no other trigger (a clause of its own: 2023年3月，…), that
    opens the sentence before any person (2023年3月孙丽离开腾讯，加入阿里巴巴), or that stands in the
    trigger's own clause (7月后离职并加入X). A date of another trigger in another clause is that
    event's only (于2019年加入X，今日离职; who founded X in 2004, stepped down).
    A span end after 直到/bis/until is no event date."""
    off, text = ctx.sent.char_start, ctx.sent.text
    usable = [d for d in ctx.dates
              if L.until is None or not L.until.search(text[max(0, d.char_start - off - 4): d.char_start - off])]
    owners = date_owners(L, ctx)
    own = [d for d in usable if owners.get(d.char_start) == (ts, te)]
    if own:
        before = [d for d in own if d.char_end <= ts]
        if L.code == "en" and before and len(own) > len(before):
            return own[len(before)].value       # said on Tuesday that X will retire at the end of the year
        return (before[-1] if before else own[0]).value
    first_person = ctx.ments[0].char_start if ctx.ments else ctx.sent.char_end
    ca = ctx.clause_of(ts)[0]
    free = [d for d in usable if d.char_end <= ts
            and (d.char_start >= ca or d.char_end <= first_person
                 or (owners.get(d.char_start) is None and not _other_verb(L, ctx, d)))]
    if free:
        return free[-1].value
    # restated later in the sentence with its own date (被任命为CTO，任命自3月10日起生效)
    later = [d for d in usable if (o := owners.get(d.char_start)) is not None and o[0] >= te
             and ctx.types.get(o) == typ]
    return later[0].value if later else None


def _other_verb(L: Lang, ctx: SentenceContext, d) -> bool:
    """The clause of date ``d`` (another clause than the trigger's) has a verb of its own, not one of
    saying (``speech`` cues): the date is that verb's (A在2014年1月发表报告时改变安排，…直至A卸任),
    not the event's; 3日发文称，A辞职 keeps it."""
    if L.code != "zh":
        return False
    off = ctx.sent.char_start
    a, b = ctx.clause_of(d.char_start)
    return any(a - off <= w[0] and w[1] <= b - off and w[3].startswith("v")
               and not (d.char_start - off <= w[0] < d.char_end - off)
               and not (L.speech is not None and L.speech.fullmatch(w[2]))
               for w in words(ctx))


def heading_date(sentences: Sequence[Sentence], all_dates: dict) -> dict[int, str]:
    """sentence_id → value of a date-only heading line that governs it (timeline blocks)."""
    out: dict[int, str] = {}
    current: str | None = None
    for s in sentences:
        if s.label not in BODY_LABELS:
            continue
        ds = all_dates.get(s.sentence_id, [])
        covered = sum(d.char_end - d.char_start for d in ds)
        rest = re.sub(r"[\W\d_]", "", s.text)
        if ds and ds[0].value and ds[0].type in DATED_TYPES and covered >= 0.5 * len(s.text.strip()) \
                and len(rest) <= covered + 8 and len(s.text) <= 40:
            current = ds[0].value
            continue
        if current is not None:
            out[s.sentence_id] = current
    return out


def date_key(v: str) -> str:
    """Sortable form of an ISO value: an ISO week becomes its Monday."""
    m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
    if m:
        try:
            return _Date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()
        except ValueError:
            return v
    return v
