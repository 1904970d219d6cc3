"""One event per real-world event: statements of the same type with overlapping persons (or
the same organization when no person), compatible organization and date, merged; the clearest
statement (most fields, most precise date) is kept as evidence."""
from __future__ import annotations

import re
from datetime import date as _Date

from .context import EventCandidate

JOINT_TYPES = frozenset({"join", "dismiss", "found", "sue", "merge"})  # coordinated subjects = one event


def _better(a: EventCandidate, b: EventCandidate) -> EventCandidate:
    """The clearer of two statements of one event; fields the other one knows are filled in."""
    keep, other = (a, b) if a.score >= b.score else (b, a)
    date = keep.date
    if other.date and (not date or (other.date.startswith(date) and len(other.date) > len(date))
                       or _in_week(date, other.date)):
        date = other.date
    keep.date = date
    keep.org = keep.org or other.org
    keep.role = keep.role or other.role
    return keep


def _compatible(x: str | None, y: str | None) -> bool:
    return not x or not y or x == y or x.startswith(y) or y.startswith(x)


_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _in_week(week: str | None, day: str | None) -> bool:
    """``day`` (YYYY-MM-DD…) lies in the ISO ``week`` (YYYY-Www)."""
    w, d = _WEEK.fullmatch(week or ""), _DAY.match(day or "")
    if not w or not d:
        return False
    iso = _Date.fromisoformat(d.group(0)).isocalendar()
    return (iso[0], iso[1]) == (int(w.group(1)), int(w.group(2)))


def _same_event_dates(x: str | None, y: str | None) -> bool:
    """Dates two statements of one event may carry: one unknown, one within the other (a day of a
    week: diese Woche … am Montag), same month."""
    return _compatible(x, y) or (len(x) >= 7 and len(y) >= 7 and x[:7] == y[:7]) or _in_week(x, y) or _in_week(y, x)


def merge_statements(cands: list[EventCandidate]) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    for c in cands:
        for i, o in enumerate(out):
            if o.type != c.type:
                continue
            if c.persons or o.persons:
                if not set(c.persons) & set(o.persons):
                    continue
                if set(c.persons) != set(o.persons) and c.type not in JOINT_TYPES:
                    continue
            elif not (c.org and o.org and c.org == o.org):
                continue
            notice = "notice" in c.extra or "notice" in o.extra
            if not _compatible(_norm_org(c.org), _norm_org(o.org)) or not (notice or _same_event_dates(c.date, o.date)):
                continue
            if notice:      # a resignation letter handed in earlier: the departure's date is the event's
                main = o if "notice" in c.extra else c
                merged = _better(o, c)
                merged.date = main.date or merged.date
                merged.extra = [x for x in main.extra]
                out[i] = merged
                break
            merged = _better(o, c)
            if c.type in JOINT_TYPES:
                merged.persons = tuple(dict.fromkeys(o.persons + c.persons))
            out[i] = merged
            break
        else:
            out.append(c)
    return out


def _norm_org(x: str | None) -> str | None:
    return re.sub(r"[\s“”「」\"'·]", "", x).lower() if x else None
