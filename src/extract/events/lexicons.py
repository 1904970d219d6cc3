"""The events rules of one language, loaded once: triggers, cues, roles and organizations.

Reads ``resources/events_triggers_{zh,de,en}.txt`` (trigger → type, voice, flags),
``events_negation_{zh,de,en}.txt`` (negation, hypothesis, plan, rumour and denial cues by scope),
``events_cues.txt`` (passive markers, pronouns, coordinators, blockers …), the ``post`` entries
of ``titles.txt`` with ``events_role_modifiers.txt`` (roles) and ``orgs.txt`` (organizations);
returns a ``Lang`` of compiled patterns. A bad line fails with ``file:line``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..model import EVENT_TYPES
from ..text import HAN, HAN_RE, alternation

LANGUAGES = ("zh", "de", "en")


ZH_GAP = 8            # characters a " … " gap may span in a Chinese trigger
LATIN_GAP = 9         # words a " … " gap may span in a German/English trigger


@dataclass(frozen=True)
class Trigger:
    key: str
    type: str          # type when a person subject is found
    alt: str | None    # type when none is (join/merge), else None
    voice: str         # agent | patient
    flags: frozenset


@dataclass(frozen=True)
class Lang:
    code: str
    latin: bool
    triggers: re.Pattern
    prefilter: re.Pattern | None  # Latin: the triggers' longest words, lowercase; a sentence without one has no trigger
    entries: dict            # literal trigger text → Trigger
    shaped: tuple            # (pattern, Trigger) for triggers with a gap or a wildcard
    neg: dict                # scope → compiled pattern or None
    blockers: re.Pattern | None
    passive: re.Pattern | None
    pronoun: re.Pattern | None
    group: re.Pattern | None
    travel: re.Pattern | None    # zh: travel words (离开白宫前往机场)
    thing: re.Pattern | None     # zh: a thing ending the clause of a ``thing`` trigger (加入…的内容): no event
    decide: re.Pattern | None    # zh: a decision or announcement right before an objorg trigger with no object (宣布离开)
    nominal: re.Pattern | None   # zh: a person noun that is no name (titles.txt and nominal cues)
    definite: re.Pattern | None  # zh: a determiner that points back (涉事的老师, 该名男子)
    sequel: re.Pattern | None    # a sentence-opening word going on from the paragraph before (于是, daraufhin)
    meeting: re.Pattern | None   # zh: a sentence opening with a meeting's decision (会议经表决, 免去): its day
    lastday: re.Pattern | None   # the last day in a post after a trigger of holding it (担任X的最后一天)
    domain_heads: frozenset      # zh: posts whose field stands before them (技术负责人)
    owner: re.Pattern | None     # de/en: after a noun trigger, whose event it is (Weggang von, resignation of)
    conj: re.Pattern          # full-match of the text between coordinated persons
    together: re.Pattern | None
    comitative: re.Pattern | None
    prep: re.Pattern | None
    same: re.Pattern | None
    speech: re.Pattern | None
    congratulate: re.Pattern | None
    suffix_verbs: frozenset
    orgref: re.Pattern | None
    complement: re.Pattern | None
    until: re.Pattern | None
    relative: re.Pattern | None
    objects: re.Pattern | None
    now: re.Pattern | None
    roles: re.Pattern | None
    role_mods: dict
    orgs: re.Pattern | None
    zh_org: re.Pattern | None
    generic: frozenset
    org_cut: tuple


def language_code(language: str | None) -> str:
    code = (language or "").lower()[:2]
    return code if code in LANGUAGES else "en"


def _word_rx(text: str, latin: bool) -> str:
    """Regex for one lexicon entry: ' … ' = gap, trailing '*' = any ending, word bounds for Latin."""
    parts = [p.strip() for p in re.split(r"\s*(?:…|\.\.\.)\s*", text) if p.strip()]
    out = []
    for p in parts:
        star = p.endswith("*")
        p = p.rstrip("*")
        rx = r"\s+".join(re.escape(w) for w in p.split())
        if latin:
            rx = rf"(?<![^\W\d_]){rx}" + (r"[^\W\d_]*" if star else r"(?![^\W\d_])")
        out.append(rx)
    gap = rf"(?:\W+\w+){{0,{LATIN_GAP}}}?\W+" if latin else rf".{{0,{ZH_GAP}}}?"
    return gap.join(out)


def _tkey(text: str, latin: bool) -> str:
    return " ".join(text.lower().split()) if latin else text


def trigger_entry(L: "Lang", m: re.Match) -> "Trigger | None":
    got = L.entries.get(_tkey(m.group(0), L.latin))
    if got is not None:
        # German capitalizes nouns: a lower-case verb entry matched with a capital letter inside
        # a sentence is a noun ("aus persönlichen Gründen" is no founding)
        if L.code == "de" and got.key[:1].islower() and m.group(0)[:1].isupper() and m.start() > 0 \
                and m.string[:m.start()].strip(" \"'„“»«(-–—") != "":
            return None
        return got
    for rx, entry in L.shaped:
        if rx.fullmatch(m.group(0)):
            return entry
    return None


def _alt(entries, latin: bool, flags: int = 0) -> re.Pattern | None:
    """One pattern for lexicon entries (gaps and wildcards as ``_word_rx`` reads them), longest
    first; None when there are none."""
    rx = alternation(entries, render=lambda e: _word_rx(e, latin))
    return re.compile(rx, flags) if rx else None


@lru_cache(maxsize=None)
def load_language(code: str) -> Lang:
    """The compiled rules of one language (zh, de, en), once per process."""
    latin = code != "zh"
    ci = re.IGNORECASE if latin else 0
    triggers, prefilter, entries, shaped = _load_triggers(code, latin, ci)
    neg: dict = {}
    by_scope: dict = {}
    for cue, scope in lexicon.rows(f"events_negation_{code}.txt", 2, 2):
        by_scope.setdefault(scope, []).append(cue)
    for scope in ("before", "near", "adjacent", "after", "sentence"):
        neg[scope] = _alt(by_scope.get(scope, ()), latin, ci)
    cues: dict = {}
    for lang, kind, word in lexicon.rows("events_cues.txt", 3, 3):
        if lang == code:
            cues.setdefault(kind, []).append(word)
    conj_words = "|".join(re.escape(w) for w in sorted(cues.get("conj", ()), key=len, reverse=True))
    conj = re.compile(rf"\s*(?:(?:{conj_words})\s*)+", ci) if conj_words else re.compile(r"(?!)")
    roles = _alt(lexicon.titles("post").get(code, ()), False, ci)
    role_mods = {m: k == "yes" for m, k in lexicon.rows("events_role_modifiers.txt", 2, 2)}
    org_lexicon = lexicon.orgs()
    return Lang(
        code=code, latin=latin, triggers=triggers, prefilter=prefilter, entries=entries, shaped=shaped, neg=neg,
        blockers=_alt(cues.get("blocker", ()), latin, ci),
        passive=_alt(cues.get("passive", ()), latin, ci),
        pronoun=_alt(cues.get("pronoun", ()), latin, ci),
        group=_alt(cues.get("group", ()), latin, ci),
        travel=_alt(cues.get("travel", ()), latin, ci),
        thing=re.compile(r"(?:%s)[\s)）」”』。，；！？.,;!?]*$" % _alt(cues["thing"], latin, ci).pattern)
        if cues.get("thing") else None,
        decide=_alt(cues.get("decide", ()), latin, ci),
        definite=_alt(cues.get("definite", ()), latin, ci),
        domain_heads=frozenset(cues.get("domainhead", ())),
        lastday=_alt(cues.get("lastday", ()), latin, ci),
        sequel=re.compile(r"[\s\W]{0,3}(?:%s)" % _alt(cues["sequel"], latin, ci).pattern, ci) if cues.get("sequel") else None,
        meeting=re.compile(r"[\s\W]{0,3}(?:%s)" % _alt(cues["meeting"], latin, ci).pattern) if cues.get("meeting") else None,
        owner=re.compile(r"\s+(?:%s)\s+" % _alt(cues["owner"], latin, ci).pattern, ci) if cues.get("owner") else None,
        nominal=_alt(tuple(lexicon.titles().get(code, ())) + tuple(cues.get("nominal", ())), latin, ci)
        if code == "zh" else None,
        conj=conj,
        together=_alt(cues.get("together", ()), latin, ci),
        comitative=re.compile(r"(?:%s)\s*$" % _alt(cues["with"], latin, ci).pattern, ci) if cues.get("with") else None,
        prep=re.compile(r"(?:%s)\s+(?:[^\W\d_][\w\-]*\s+){0,2}$" % _alt(cues["prep"], latin, ci).pattern, ci)
        if cues.get("prep") else None,
        same=_alt(cues.get("same", ()), latin, ci),
        speech=_alt(cues.get("speech", ()), latin, ci),
        congratulate=_alt(cues.get("congratulate", ()), latin, ci),
        suffix_verbs=frozenset(cues.get("suffixverb", ())),
        orgref=_alt(cues.get("orgref", ()), latin, ci),
        complement=_alt(cues.get("complement", ()), latin, ci),
        until=_alt(cues.get("until", ()), latin, ci),
        objects=_alt(cues.get("object", ()), latin, ci),
        relative=re.compile(r"\s*(?:%s)(?![^\W\d_])" % "|".join(map(re.escape, cues["relative"])), ci)
        if cues.get("relative") else None,
        now=_alt(cues.get("now", ()), latin, ci),
        roles=roles, role_mods=role_mods, orgs=_org_names(code), zh_org=_zh_org_shape(code),
        generic=frozenset(org_lexicon["generic"]),
        org_cut=org_lexicon["cut"],
    )


def _load_triggers(code: str, latin: bool, ci: int) -> tuple[re.Pattern, re.Pattern | None, dict, tuple]:
    """The trigger lexicon of a language: one alternation of every trigger, the Latin prefilter,
    literal trigger text → ``Trigger``, and (pattern, ``Trigger``) for gapped or wildcard ones."""
    name = f"events_triggers_{code}.txt"
    entries: dict[str, Trigger] = {}      # literal trigger text (lower-cased for Latin) → entry
    shaped: list[tuple[re.Pattern, Trigger]] = []   # entries with a gap or a wildcard ending
    rxs = []
    for row in lexicon.rows(name, 3, 4):
        word, typ, voice = row[0], row[1], row[2]
        flags = frozenset(f.strip() for f in row[3].split(",")) if len(row) > 3 and row[3] else frozenset()
        prim, _, alt = typ.partition("/")
        for t in (prim, alt):
            if t and t not in EVENT_TYPES:
                raise lexicon.ResourceError(f"resources/{name}: unknown event type {t!r} for {word!r}")
        if voice not in ("agent", "patient"):
            raise lexicon.ResourceError(f"resources/{name}: voice must be agent or patient, got {voice!r}")
        entry = Trigger(word, prim, alt or None, voice, flags)
        rx = _word_rx(word, latin)
        rxs.append((len(word), rx))
        if "…" in word or "..." in word or word.endswith("*"):
            shaped.append((re.compile(rx, ci), entry))
        else:
            entries.setdefault(_tkey(word, latin), entry)
    # one plain alternation, longest first (被迫离职 before 离职); named groups would make it ~100× slower
    triggers = re.compile("|".join(rx for _, rx in sorted(rxs, key=lambda r: -r[0])), ci)
    # Latin triggers start with a look-behind, which keeps re from skipping ahead by first letter:
    # a literal alternation of each trigger's longest word rules most sentences out far faster
    keys = {max(re.split(r"[\s*…]+|\.\.\.", r[0].strip()), key=len).lower()
            for r in lexicon.rows(name, 3, 4)}    # each trigger's longest word
    # matched against the lowercased sentence: re.IGNORECASE makes this alternation 3× slower
    prefilter = re.compile("|".join(re.escape(w) for w in sorted(keys - {""}, key=len, reverse=True))) \
        if latin else None
    return triggers, prefilter, entries, tuple(shaped)


def _org_names(code: str) -> re.Pattern | None:
    """The well-known organizations of ``orgs.txt``: Latin ones case-sensitive and word-bounded,
    Chinese ones (in Chinese text only) as written."""
    names = lexicon.orgs()["name"]
    han = [w for w in names if HAN_RE.search(w)] if code == "zh" else []
    lat = [w for w in names if not HAN_RE.search(w)]
    parts = [p.pattern for p in (_alt(lat, True), _alt(han, False)) if p is not None]
    return re.compile("|".join(parts)) if parts else None


def _zh_org_shape(code: str) -> re.Pattern | None:
    """A Chinese organization name: up to 12 characters before an organization suffix (谷歌公司)."""
    if code != "zh":
        return None
    alt = "|".join(re.escape(s) for s in sorted(lexicon.orgs()["zh-end"], key=len, reverse=True))
    return re.compile(rf"[“「\"]?[{HAN}A-Za-z0-9·&\-]{{1,12}}?[”」\"]?\s?(?:{alt})+")


@lru_cache(maxsize=None)
def latin_legal() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(lexicon.orgs()["end"], key=len, reverse=True))
    return re.compile(rf"\b[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)*\s+(?:{alt})(?![\w])")
