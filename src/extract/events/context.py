"""Working records of the events stage: a candidate event, and what one sentence with a
trigger holds (its persons, dates, clauses, organizations). No rules here."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..model import Mention, Sentence

CLAUSE_END = re.compile(r"[,，;；:：。!?！？()（）\u2013\u2014]")   # clause limits for subject and cue search


@dataclass
class EventCandidate:
    type: str
    persons: tuple[str, ...]
    org: str | None
    role: str | None
    date: str | None
    trigger: str
    sentence: Sentence
    start: int
    end: int
    evidence: str
    score: float = 0.0
    extra: list = field(default_factory=list)


@dataclass
class SentenceContext:
    """Per-sentence working data, built only for sentences that contain a trigger."""
    sent: Sentence
    ments: list            # Mention, sorted, in this sentence
    dates: list            # DateMention with a usable value, sorted
    clauses: list          # (start, end) article offsets
    orgs: list | None = None
    spans: list = field(default_factory=list)   # trigger spans of the sentence
    types: dict = field(default_factory=dict)   # trigger span → event type
    owners: dict | None = None   # date start → trigger span (see date_owners)
    words: list | None = None    # Chinese: jieba (start, end, word, pos), sentence-relative (see phrases.words)
    posts: list | None = None    # role spans (see arguments.posts)

    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.sent.char_start, self.sent.char_end


def clauses(s: Sentence) -> list[tuple[int, int]]:
    out, a = [], 0
    for m in CLAUSE_END.finditer(s.text):
        out.append((s.char_start + a, s.char_start + m.end()))
        a = m.end()
    if a < len(s.text):
        out.append((s.char_start + a, s.char_end))
    return out


def person_keys(ms: Sequence[Mention]) -> tuple[str, ...]:
    out: list[str] = []
    for m in sorted(ms, key=lambda m: m.char_start):
        if m.person_key not in out:
            out.append(m.person_key)
    return tuple(out)
