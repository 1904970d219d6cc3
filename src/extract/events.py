"""Stage 4c — events: personnel and business events from trigger words and sentence structure.

``find_events(sentences, mentions, dates, language, reference)`` turns the sentences of one
article, its person mentions and its time expressions into :class:`~extract.model.Event` records
of the nine contract types (depart, join, dismiss, appoint, return, leave_of_absence, found, sue,
merge). Rules and word lists are data in ``resources/``:

- ``events_triggers_{zh,de,en}.txt``  trigger → type, voice (agent / patient), flags;
- ``events_negation_{zh,de,en}.txt``  negation, hypothesis, plan, rumour and denial cues;
- ``titles.txt`` (the ``post`` entries) + ``events_role_modifiers.txt``  roles;
- ``orgs.txt``  organizations: well-known names, Latin name endings, Chinese suffixes;
- ``events_cues.txt``  passive markers, pronouns, coordinators, blockers;
- ``event_types_map.txt``  our types ↔ ACE 2005 ↔ DuEE 1.0 (documentation, loaded by tests).

Per sentence (title/content only), one pre-compiled alternation finds the triggers; only a
sentence with a trigger does any more work:

1. **Skip** a trigger inside a blocker word (新成立的, 曾担任) or with a negation / hypothesis cue in
   its clause (否认离职, 计划加入, may join, nicht zurückgetreten).
2. **Subject**: an agent trigger (辞职, join) takes the nearest person before it in its clause,
   plus persons coordinated with it (A 和 B; A and B), plus comitative ones for joint acts
   (与 A 一起创立); else a relative-clause head after it (加入 X 的 A); else the person of an
   earlier clause of the sentence unless a plural subject intervenes; else, after a singular
   pronoun (他, er, she), the first person of the previous sentence. A patient trigger (解雇,
   appointed) takes the person after it (the object) unless a passive marker (被, was, wurde)
   precedes it, then the person before. A trigger heading a list ("离职的还包括以下员工:") gives
   one event per following line that begins with a name.
3. **Organization** next to the trigger (after it for join/found/sue/merge/leave X, before it for
   从 X 离职), from the org lexicons, Chinese names ending in 公司/大学/团队…, CamelCase, acronyms
   and (zh/en) capitalized Latin words that are not persons; **role** from the role lexicon after
   an appointment trigger or next to the subject; **date** = the time expression governing the
   trigger: one of its own clause with no other trigger in between (于2019年加入…，今日宣布离职
   gives 加入 2019 and 离职 today; who founded X in 2004, stepped down leaves the depart undated),
   else the nearest before it that no trigger of another clause owns, else a later restatement's
   (被任命为CTO，任命自3月10日起生效), else a date-only heading line governing the block
   (timelines), else after 同时/gleichzeitig the latest date of the events told before, else the
   last date of the previous sentences of the same paragraph, else the reference date when a
   present-time adverb (刚刚, gerade, just) says it happened at publication, else None. Measured on the dev gold:
   falling back to the reference date for every undated event drops date accuracy from 0.74 to
   0.56 (gold leaves background events undated).
   A post taken in the clause right after a join/return (加盟X，出任营运总裁; 重返集团，出任董事)
   is that event's role, not a second appointment; so is a succession verb without a post of its
   own (重新出任董事长，接替A). German/English names right after a preposition (von Firmengründer
   X, zu X, from co-founder X) are never the subject; a German verb-second clause with nothing
   before the verb takes the person after it (Kommissarisch übernimmt Vorstand X …).
4. **Merge** statements of the same real-world event: same type, overlapping persons (or same org
   when no person), compatible org and date; the clearest statement (most fields, most precise
   date) is kept as evidence.

Pure: no I/O beyond the cached resource files, no printing.
"""
from __future__ import annotations

import re
from datetime import date as _Date
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from . import lexicon
from .model import BODY_LABELS, EVENT_TYPES, DateMention, Event, Mention, Sentence
from .text import HAN, HAN_RE, alternation

LANGUAGES = ("zh", "de", "en")
CLAUSE_END = re.compile(r"[,，;；:：。!?！？()（）\u2013\u2014]")   # clause limits for subject and cue search
ZH_GAP = 8            # characters a " … " gap may span in a Chinese trigger
LATIN_GAP = 9         # words a " … " gap may span in a German/English trigger
NEAR_CHARS = 3        # "near" negation cues must end this close to the trigger (zh chars / Latin words)
PASSIVE_WINDOW_ZH = 16  # 被 must be this close before a Chinese patient trigger (被董事会罢免)
PASSIVE_WINDOW_EN = 3   # words between an English auxiliary and the participle (was quickly fired)
ROLE_NOT_AFTER_ZH = "会"   # a role word followed by this names a body (董事会), not a post
ROLE_GAP = 8          # characters between a role word and the person it describes (首席科学家 Ilya)
CONJ_GAP = 6          # max characters between two coordinated persons besides the conjunction
SUBJECT_LEAD = 24     # a person this close to a sentence start is its subject (pronoun antecedent)
PRONOUN_BACK = 3      # sentences a pronoun may look back for its antecedent
BLOCK_REACH_ZH = 12   # characters around a trigger searched for a blocker word containing it
BLOCK_REACH_LATIN = 60  # German/English blockers may be separable verbs (kündigte … an = announced)
CLAUSE_LEAD = 3       # characters before a trigger that still "opens" its clause (并, 将, and)
V2_WORDS = 3          # words (a title) between a German finite verb and its inverted subject
LIST_ITEM_LEAD = 4    # a list item begins with a name within this many characters (bullets, numbers)
OBJECT_WINDOW = 12    # chars after a depart trigger where 比赛/市场 make it no personnel event
NARRATIVE_BACK = 2    # sentences back to look for a date when the sentence has none (0 = off)
NARRATIVE_SAME_LINE = True  # stay in the paragraph: across lines nets +1 of 59 on dev but wrongly dates list items
_COORDINATION = re.compile(r"\s(?:und|aber|sondern|and|but)\s|并且|而且|但是|但|并(?=[" + HAN + "])")
DATED_TYPES = frozenset({"date", "time"})
JOINT_TYPES = frozenset({"join", "dismiss", "found", "sue", "merge"})  # coordinated subjects = one event
COMITATIVE_TYPES = frozenset({"join", "found", "sue", "merge"})  # 与 A 共同创立: A is a co-subject
PERSONLESS_TYPES = frozenset({"merge"})  # organizations only: reported without a person (pipeline mode)


# ---------------------------------------------------------------- resources


@dataclass(frozen=True)
class _Trigger:
    key: str
    type: str          # type when a person subject is found
    alt: str | None    # type when none is (join/merge), else None
    voice: str         # agent | patient
    flags: frozenset


@dataclass(frozen=True)
class _Lang:
    code: str
    latin: bool
    triggers: re.Pattern
    prefilter: re.Pattern | None  # Latin: the triggers' longest words, lowercase; a sentence without one has no trigger
    entries: dict            # literal trigger text → _Trigger
    shaped: tuple            # (pattern, _Trigger) for triggers with a gap or a wildcard
    neg: dict                # scope → compiled pattern or None
    blockers: re.Pattern | None
    passive: re.Pattern | None
    pronoun: re.Pattern | None
    group: re.Pattern | None
    conj: re.Pattern          # full-match of the text between coordinated persons
    together: re.Pattern | None
    comitative: re.Pattern | None
    prep: re.Pattern | None
    same: re.Pattern | None
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


def _lang(language: str | None) -> str:
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


def _entry(L: "_Lang", m: re.Match) -> "_Trigger | None":
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
def _load(code: str) -> _Lang:
    latin = code != "zh"
    ci = re.IGNORECASE if latin else 0
    entries: dict[str, _Trigger] = {}      # literal trigger text (lower-cased for Latin) → entry
    shaped: list[tuple[re.Pattern, _Trigger]] = []   # entries with a gap or a wildcard ending
    rxs = []
    for row in lexicon.rows(f"events_triggers_{code}.txt", 3, 4):
        word, typ, voice = row[0], row[1], row[2]
        flags = frozenset(f.strip() for f in row[3].split(",")) if len(row) > 3 and row[3] else frozenset()
        prim, _, alt = typ.partition("/")
        for t in (prim, alt):
            if t and t not in EVENT_TYPES:
                raise lexicon.ResourceError(f"resources/events_triggers_{code}.txt: unknown event type {t!r} for {word!r}")
        if voice not in ("agent", "patient"):
            raise lexicon.ResourceError(f"resources/events_triggers_{code}.txt: voice must be agent or patient, got {voice!r}")
        entry = _Trigger(word, prim, alt or None, voice, flags)
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
            for r in lexicon.rows(f"events_triggers_{code}.txt", 3, 4)}    # each trigger's longest word
    # matched against the lowercased sentence: re.IGNORECASE makes this alternation 3× slower
    prefilter = re.compile("|".join(re.escape(w) for w in sorted(keys - {""}, key=len, reverse=True))) \
        if latin else None

    neg: dict = {}
    by_scope: dict = {}
    for cue, scope in lexicon.rows(f"events_negation_{code}.txt", 2, 2):
        by_scope.setdefault(scope, []).append(cue)
    for scope in ("before", "near", "adjacent", "after"):
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
    org_words = list(org_lexicon["name"])
    han = [w for w in org_words if HAN_RE.search(w)] if code == "zh" else []
    lat = [w for w in org_words if not HAN_RE.search(w)]
    parts = [p.pattern for p in (_alt(lat, True), _alt(han, False)) if p is not None]
    orgs = re.compile("|".join(parts)) if parts else None   # case-sensitive; Latin names word-bounded
    zh_org = None
    if code == "zh":
        alt = "|".join(re.escape(s) for s in sorted(org_lexicon["zh-end"], key=len, reverse=True))
        zh_org = re.compile(rf"[“「\"]?[{HAN}A-Za-z0-9·&\-]{{1,12}}?[”」\"]?\s?(?:{alt})+")
    return _Lang(
        code=code, latin=latin, triggers=triggers, prefilter=prefilter, entries=entries, shaped=tuple(shaped), neg=neg,
        blockers=_alt(cues.get("blocker", ()), latin, ci),
        passive=_alt(cues.get("passive", ()), latin, ci),
        pronoun=_alt(cues.get("pronoun", ()), latin, ci),
        group=_alt(cues.get("group", ()), latin, ci),
        conj=conj,
        together=_alt(cues.get("together", ()), latin, ci),
        comitative=re.compile(r"(?:%s)\s*$" % _alt(cues["with"], latin, ci).pattern, ci) if cues.get("with") else None,
        prep=re.compile(r"(?:%s)\s+(?:[^\W\d_][\w\-]*\s+){0,2}$" % _alt(cues["prep"], latin, ci).pattern, ci)
        if cues.get("prep") else None,
        same=_alt(cues.get("same", ()), latin, ci),
        orgref=_alt(cues.get("orgref", ()), latin, ci),
        complement=_alt(cues.get("complement", ()), latin, ci),
        until=_alt(cues.get("until", ()), latin, ci),
        objects=_alt(cues.get("object", ()), latin, ci),
        relative=re.compile(r"\s*(?:%s)(?![^\W\d_])" % "|".join(map(re.escape, cues["relative"])), ci)
        if cues.get("relative") else None,
        now=_alt(cues.get("now", ()), latin, ci),
        roles=roles, role_mods=role_mods, orgs=orgs, zh_org=zh_org,
        generic=frozenset(org_lexicon["generic"]),
        org_cut=org_lexicon["cut"],
    )


@lru_cache(maxsize=None)
def _latin_legal() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(lexicon.orgs()["end"], key=len, reverse=True))
    return re.compile(rf"\b[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)*\s+(?:{alt})(?![\w])")


# Latin-script organization shapes: CamelCase (OpenAI, DeepMind), acronyms (IBM, CMU)
_CAMEL = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*|[A-Z]{2,6})(?![A-Za-z])")
_CAP_SEQ = re.compile(r"(?<![A-Za-z\-])[A-Z][A-Za-z&\-]+(?:\s[A-Z][A-Za-z&\-]+)*(?![A-Za-z])")
_HAS_DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------- records


@dataclass
class _Cand:
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
class _Ctx:
    """Per-sentence working data, built only for sentences that contain a trigger."""
    sent: Sentence
    ments: list            # Mention, sorted, in this sentence
    dates: list            # DateMention with a usable value, sorted
    clauses: list          # (start, end) article offsets
    orgs: list | None = None
    spans: list = field(default_factory=list)   # trigger spans of the sentence
    types: dict = field(default_factory=dict)   # trigger span → event type
    owners: dict | None = None   # date start → trigger span (see _date_owners)

    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.sent.char_start, self.sent.char_end


def _clauses(s: Sentence) -> list[tuple[int, int]]:
    out, a = [], 0
    for m in CLAUSE_END.finditer(s.text):
        out.append((s.char_start + a, s.char_start + m.end()))
        a = m.end()
    if a < len(s.text):
        out.append((s.char_start + a, s.char_end))
    return out


# ---------------------------------------------------------------- helpers


def _negated(L: _Lang, s: Sentence, ca: int, cb: int, ts: int, te: int) -> bool:
    off = s.char_start
    before = s.text[ca - off: ts - off]
    after = s.text[te - off: cb - off]
    # a coordinated clause has its own polarity: "bestreitet die Vorwürfe und hat Klage eingereicht"
    joins = list(_COORDINATION.finditer(before))
    if joins:
        before = before[joins[-1].end():]
    if L.neg["before"] is not None and L.neg["before"].search(before):
        return True
    if L.neg["near"] is not None:
        for m in L.neg["near"].finditer(before):
            gap = before[m.end():]
            if (len(gap.split()) if L.latin else len(gap.strip())) <= NEAR_CHARS:
                return True
    if L.neg["adjacent"] is not None and any(m.end() == len(before) for m in L.neg["adjacent"].finditer(before)):
        return True
    return bool(L.neg["after"] is not None and L.neg["after"].search(after))


def _blocked(L: _Lang, s: Sentence, ts: int, te: int) -> bool:
    if L.blockers is None:
        return False
    off = s.char_start
    reach = BLOCK_REACH_LATIN if L.latin else BLOCK_REACH_ZH
    lo, hi = max(0, ts - off - reach), min(len(s.text), te - off + reach)
    for m in L.blockers.finditer(s.text, lo, hi):
        if m.start() + off < te and m.end() + off > ts:
            return True
    return False


def _is_passive(L: _Lang, s: Sentence, ca: int, ts: int) -> bool:
    if L.passive is None:
        return False
    off = s.char_start
    before = s.text[ca - off: ts - off]
    if L.code == "zh":
        return any(len(before) - m.end() <= PASSIVE_WINDOW_ZH for m in L.passive.finditer(before))
    if L.code == "de":
        return L.passive.search(before) is not None
    for m in L.passive.finditer(before):
        if len(before[m.end():].split()) <= PASSIVE_WINDOW_EN:
            return True
    return False


def _expand(L: _Lang, ctx: _Ctx, idx: int, direction: int, limit: tuple[int, int]) -> list[Mention]:
    """The mention at idx plus persons coordinated with it (A 和 B、C; A and B)."""
    ms, text, off = ctx.ments, ctx.sent.text, ctx.sent.char_start
    out = [ms[idx]]
    j = idx
    while 0 <= j + direction < len(ms):
        a, b = (ms[j + direction], ms[j]) if direction < 0 else (ms[j], ms[j + direction])
        if not (limit[0] <= ms[j + direction].char_start and ms[j + direction].char_end <= limit[1]):
            break
        between = text[a.char_end - off: b.char_start - off]
        if not (L.conj.fullmatch(between) or (len(between) <= CONJ_GAP and L.conj.search(between)
                                               and not CLAUSE_END.search(between.replace(",", "").replace("、", "")))):
            break
        j += direction
        out.append(ms[j])
    return out


def _after_prep(L: _Lang, text: str, pos: int) -> bool:
    """A Latin-script name right after a preposition (von Firmengründer Otto Brenner, zu Brenner,
    from co-founder X) names a predecessor, a source or a target, not the one who acts."""
    return L.prep is not None and L.prep.search(text, max(0, pos - 60), pos) is not None


def _subject(L: _Lang, ctx: _Ctx, trig: _Trigger, ts: int, te: int, prev_ctx: Sequence[_Ctx]) -> list[Mention]:
    subj = _subject_core(L, ctx, trig, ts, te, prev_ctx)
    if subj and trig.type in COMITATIVE_TYPES and trig.voice == "agent" and L.comitative is not None:
        # 2017年与李卫东共同创立 / gemeinsam mit Jan Seidel gegründet: the one named with 与/mit is a
        # co-subject; the subject is the person before (or a pronoun's antecedent)
        s, ms, off = ctx.sent, ctx.ments, ctx.sent.char_start
        first = min(subj, key=lambda m: m.char_start)
        ca = ctx.clause_of(ts)[0]
        if first.char_end <= ts and L.comitative.search(s.text, max(ca, first.char_start - 24) - off,
                                                         first.char_start - off):
            lead = [i for i, m in enumerate(ms) if m.char_end <= first.char_start
                    and m.person_key not in _keys(subj)]
            extra = _expand(L, ctx, lead[-1], -1, (s.char_start, first.char_start)) if lead else (
                _antecedent(L, prev_ctx) if L.pronoun is not None and prev_ctx
                and L.pronoun.search(s.text[:first.char_start - off]) else [])
            return extra + subj
    return subj


def _subject_core(L: _Lang, ctx: _Ctx, trig: _Trigger, ts: int, te: int, prev_ctx: Sequence[_Ctx]) -> list[Mention]:
    s, ms, off = ctx.sent, ctx.ments, ctx.sent.char_start
    ca, cb = ctx.clause_of(ts)
    before = [i for i, m in enumerate(ms) if ca <= m.char_start and m.char_end <= ts]
    after = [i for i, m in enumerate(ms) if te <= m.char_start and m.char_end <= cb]
    if L.latin:     # (a name right before a noun trigger is its owner: von Schumanns Rücktritt)
        noun = s.text[ts - off].isupper()
        before = [i for i in before if (noun and ts - ms[i].char_end <= 1) or not _after_prep(L, s.text, ms[i].char_start - off)]
        after = [i for i in after if not _after_prep(L, s.text, ms[i].char_start - off)]
    if L.relative is not None and L.relative.match(s.text, ca - off) and ca > s.char_start:
        # X, der … zurücktrat / X, who resigned: the subject is the head before the relative clause
        head_ms = [i for i, m in enumerate(ms) if m.char_end <= ca]
        if head_ms:
            return _expand(L, ctx, head_ms[-1], -1, (s.char_start, ca))
        if L.pronoun is not None and prev_ctx and L.pronoun.search(s.text[:ca - off]):
            return _antecedent(L, prev_ctx)
        return []
    if trig.voice == "patient" and not _is_passive(L, s, ca, ts):
        if after:
            return _expand(L, ctx, after[0], +1, (te, cb))
        if before:
            return _expand(L, ctx, before[-1], -1, (ca, ts))
        return []
    # relative clause head after the trigger: 加入 X 的 A, 最近请长假休息的总裁 A
    # (not after a succession verb: 接替因病辞职的 A = A is the predecessor)
    if after and L.code == "zh" and "succeed" not in trig.flags:
        mid = s.text[te - off: ms[after[0]].char_start - off]
        if _ZH_RELATIVE.fullmatch(mid):
            return _expand(L, ctx, after[0], +1, (te, cb))
    if before:
        return _expand(L, ctx, before[-1], -1, (ca, ts))
    head = s.text[:ts - off]
    clause_head = s.text[ca - off: ts - off]
    if "near" in trig.flags:        # 代理/署理 also open titles (代理董事长 X): the doer must stand right before
        return []
    # German verb-second after a fronted adverbial: the subject follows the finite verb
    # (Kommissarisch übernimmt Vorstand Stefan Kühn die Führung)
    if L.code == "de" and after and s.text[ts - off].islower() and not (L.pronoun is not None and L.pronoun.search(clause_head)) \
            and len(s.text[te - off: ms[after[0]].char_start - off].split()) <= V2_WORDS:
        return _expand(L, ctx, after[0], +1, (te, cb))
    # an earlier clause of the sentence (unless a plural subject stands in between)
    if L.group is not None and any(not clause_head[g.end():].lstrip().startswith("的")
                                   for g in L.group.finditer(clause_head)):
        return []
    earlier = [i for i, m in enumerate(ms) if m.char_end <= ca]
    if L.latin:
        earlier = [i for i in earlier if not _after_prep(L, s.text, ms[i].char_start - off)]
    if earlier:
        return _expand(L, ctx, earlier[-1], -1, (s.char_start, ca))
    # a singular pronoun: the first person of the previous sentence
    if L.pronoun is not None and prev_ctx and L.pronoun.search(head):
        return _antecedent(L, prev_ctx)
    return []


def _antecedent(L: _Lang, prev: Sequence[_Ctx]) -> list[Mention]:
    """The person a sentence-initial pronoun refers to: the subject of the nearest earlier sentence
    that has one (a sentence that itself starts with a pronoun passes the chain on)."""
    for c in prev:
        lead = c.ments[0] if c.ments else None
        if lead is not None and lead.char_start - c.sent.char_start <= SUBJECT_LEAD:
            return [lead]
        m = L.pronoun.match(c.sent.text.lstrip()) if L.pronoun is not None else None
        if m is not None:
            continue
        return [lead] if lead is not None else []
    return []


def _keys(ms: Sequence[Mention]) -> tuple[str, ...]:
    out: list[str] = []
    for m in sorted(ms, key=lambda m: m.char_start):
        if m.person_key not in out:
            out.append(m.person_key)
    return tuple(out)


def _org_cands(L: _Lang, ctx: _Ctx) -> list[tuple[int, int, str]]:
    if ctx.orgs is not None:
        return ctx.orgs
    s, off = ctx.sent, ctx.sent.char_start
    text = s.text
    taken = [(m.char_start - off, m.char_end - off) for m in ctx.ments]
    found: list[tuple[int, int, str]] = []

    def add(a: int, b: int) -> None:
        while b > a and text[b - 1] in ". ":
            b -= 1
        name = text[a:b].strip()
        if len(name) < 2 or any(a < y and x < b for x, y in taken):
            return
        if any(a < y and x < b for x, y, _ in found):
            return
        found.append((a, b, name))

    if L.orgs is not None:
        for m in L.orgs.finditer(text):
            add(*m.span())
    for m in _latin_legal().finditer(text):
        add(*m.span())
    if L.zh_org is not None:
        for m in L.zh_org.finditer(text):
            a, b = m.span()
            seg = text[a:b]
            # trim at the last function character or trigger on the left (他加入了谷歌公司 → 谷歌公司)
            cut = 0
            for k, ch in enumerate(seg):
                if ch in _ZH_STOP:
                    cut = k + 1
            for tm in L.triggers.finditer(seg):
                cut = max(cut, tm.end())
            for w in L.org_cut:
                k = seg.rfind(w)
                if k >= 0:
                    cut = max(cut, k + len(w))
            core = seg[cut:].strip("“”「」\" ")
            stem = core
            for suf in sorted(_zh_suffixes(), key=len, reverse=True):
                if core.endswith(suf):
                    stem = core[: -len(suf)]
                    break
            stem = stem.strip("“”「」\" ")
            if len(stem) < 2 or stem in L.generic or any(stem.startswith(g) and len(g) >= 2 for g in L.generic) \
                    or stem.isdigit():
                continue
            add(a + cut, b)
    for m in _CAMEL.finditer(text):
        if m.group(0) not in L.generic:
            add(*m.span())
    if L.code in ("zh", "en"):
        first = re.match(r"\W*\w+", text)
        for m in _CAP_SEQ.finditer(text):
            a, b = m.span()
            if L.code == "en" and first and a < first.end():
                continue
            if _HAS_DIGIT.search(text[a:b]) or m.group(0) in _EN_STOP or m.group(0) in L.generic:
                continue
            add(a, b)
    roles = L.roles
    out = []
    for a, b, name in sorted(found):
        if roles is not None and roles.fullmatch(name):
            continue
        out.append((a + off, b + off, name))
    ctx.orgs = out
    return out


# trigger … 的 … name, with no verb of saying or copula in between: the name heads a relative clause
_ZH_RELATIVE = re.compile(r"[^,，。;；:：是说称表示的]{0,12}的[^,，。;；:：是说称表示的]{0,10}")
_ZH_STOP = frozenset("的了在和与及从到向于是被把将由为对给让跟同也都又还就并而或但且其该这那此每各一家个位名已曾")
_EN_STOP = frozenset("""The A An In On At For From To Of And But Or After Before When While As By With This That
These Those He She They We It His Her Their Our Its I You Mr Ms Mrs Dr Prof Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October
November December Last Next Today Yesterday According However Meanwhile Also Then So Now Earlier Later""".split())


@lru_cache(maxsize=None)
def _zh_suffixes() -> tuple[str, ...]:
    return lexicon.orgs()["zh-end"]


def _pick_org(L: _Lang, ctx: _Ctx, typ: str, trig: _Trigger, ts: int, te: int) -> str | None:
    orgs = _org_cands(L, ctx)
    if not orgs:
        return None
    ca, cb = ctx.clause_of(ts)
    after = [o for o in orgs if o[0] >= ts and o[1] <= cb]   # inside a gapped trigger too (schließt sich X an)
    before = [o for o in orgs if o[1] <= ts and o[0] >= ca]
    if L.code == "de":
        near = sorted(after + before, key=lambda o: min(abs(o[0] - te), abs(ts - o[1])))
        return near[0][2] if near else None
    forward = typ in ("join", "found", "sue", "merge") or trig.flags & {"org"} or typ == "appoint"
    if typ == "join" and trig.voice == "patient":       # 谷歌聘用 A: the hiring org is the subject
        forward = False
    first, second = (after, before[::-1]) if forward else (before[::-1], after)
    for group in (first, second):
        if group:
            return group[0][2]
    if typ in ("depart", "dismiss", "return", "leave_of_absence"):
        earlier = [o for o in orgs if o[1] <= ts]
        if earlier:
            return earlier[-1][2]
    return None


def _role_at(L: _Lang, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    if L.roles is None:
        return []
    out = []
    for m in L.roles.finditer(text, a, b):
        x, y = m.span()
        if L.latin:
            if x > 0 and text[x - 1].isalpha() and text[x - 1].islower() and L.code == "en":
                continue
            if y < len(text) and text[y].isalpha() and text[y].islower():
                continue
        elif y < len(text) and text[y] in ROLE_NOT_AFTER_ZH:
            continue            # 董事会, 委员会: a body, not a post
        # a modifier right before the role (临时 CEO, interim CEO)
        head = text[max(0, x - 16):x]
        for mod, keep in L.role_mods.items():
            h = head.rstrip()
            if h.endswith(mod) and (not L.latin or len(h) == len(mod) or not h[-len(mod) - 1].isalpha()):
                if keep:
                    x = x - (len(head) - len(h)) - len(mod)
                break
        out.append((x, y, text[x:y]))
    return out


def _pick_role(L: _Lang, ctx: _Ctx, typ: str, ts: int, te: int, subj: Sequence[Mention]) -> str | None:
    s, off = ctx.sent, ctx.sent.char_start
    ca, cb = ctx.clause_of(ts)
    if typ in ("appoint", "return"):
        # the new post: after the trigger (出任 CEO, named CEO), else between subject and trigger
        # (Anna Keller wurde zur Präsidentin ernannt)
        got = []
        if subj and subj[0].char_start >= te:    # 委任营运总监A为行政总裁: the post after the person
            got = _role_at(L, s.text, subj[-1].char_end - off, cb - off)
        got = got or _role_at(L, s.text, te - off, cb - off)
        if not got and subj and subj[-1].char_end <= ts:
            got = _role_at(L, s.text, subj[-1].char_end - off, ts - off)
        if got:
            return got[0][2]
    for m in subj[:1]:
        a, b = m.char_start - off, m.char_end - off
        # title before the name: 首席科学家 Ilya / OpenAI 总裁、董事会主席 Greg Brockman / 作为CEO的奥特曼
        lo = max(ca - off, a - ROLE_GAP - 12)
        cands = [r for r in _role_at(L, s.text, lo, a) if a - r[1] <= ROLE_GAP]
        if cands:
            last = cands[-1]
            chain = [last]
            for r in reversed(cands[:-1]):
                if re.fullmatch(r"\s*[、,，和&/]\s*|\s*(?:and|und)\s*", s.text[r[1]:chain[0][0]]):
                    chain.insert(0, r)
                else:
                    break
            return s.text[chain[0][0]:chain[-1][1]] if len(chain) > 1 else last[2]
        # apposition after the name: Ilya Sutskever, chief scientist at ...
        tail = _role_at(L, s.text, b, min(len(s.text), b + ROLE_GAP + 14))
        if tail and re.fullmatch(r"\s*[,，(（]\s*(?:the\s+|der\s+|die\s+|des\s+|ehemaliger\s+|former\s+)?",
                                 s.text[b:tail[0][0]], re.IGNORECASE):
            return tail[0][2]
    if typ != "appoint":
        # the role named with the trigger: 辞去首席执行官职务, stepped down as CEO
        got = _role_at(L, s.text, te - off, min(cb - off, te - off + 12))
        if got and (L.code != "zh" or s.text[te - off: got[0][0]].strip() in ("", "了", "其", "去", "任")):
            return got[0][2]
    return None


def _date_owners(L: _Lang, ctx: _Ctx) -> dict[int, tuple[int, int] | None]:
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


def _pick_date(ctx: _Ctx, ts: int, te: int, L: _Lang, typ: str = "") -> str | None:
    """The time expression governing a trigger: one of its own (see ``_date_owners``), else the
    nearest before it that belongs to no other trigger (a clause of its own: 2023年3月，…), that
    opens the sentence before any person (2023年3月孙丽离开腾讯，加入阿里巴巴), or that stands in the
    trigger's own clause (7月后离职并加入X). A date of another trigger in another clause is that
    event's only (于2019年加入X，今日离职; who founded X in 2004, stepped down).
    A span end after 直到/bis/until is no event date."""
    off, text = ctx.sent.char_start, ctx.sent.text
    usable = [d for d in ctx.dates
              if L.until is None or not L.until.search(text[max(0, d.char_start - off - 4): d.char_start - off])]
    owners = _date_owners(L, ctx)
    own = [d for d in usable if owners.get(d.char_start) == (ts, te)]
    if own:
        before = [d for d in own if d.char_end <= ts]
        return (before[-1] if before else own[0]).value
    first_person = ctx.ments[0].char_start if ctx.ments else ctx.sent.char_end
    ca = ctx.clause_of(ts)[0]
    free = [d for d in usable if d.char_end <= ts
            and (owners.get(d.char_start) is None or d.char_start >= ca or d.char_end <= first_person)]
    if free:
        return free[-1].value
    # restated later in the sentence with its own date (被任命为CTO，任命自3月10日起生效)
    later = [d for d in usable if (o := owners.get(d.char_start)) is not None and o[0] >= te
             and ctx.types.get(o) == typ]
    return later[0].value if later else None


def _heading_date(sentences: Sequence[Sentence], all_dates: dict) -> dict[int, str]:
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


def _better(a: _Cand, b: _Cand) -> _Cand:
    """The clearer of two statements of one event; fields the other one knows are filled in."""
    keep, other = (a, b) if a.score >= b.score else (b, a)
    date = keep.date
    if other.date and (not date or (other.date.startswith(date) and len(other.date) > len(date))):
        date = other.date
    keep.date = date
    keep.org = keep.org or other.org
    keep.role = keep.role or other.role
    return keep


def _compatible(x: str | None, y: str | None) -> bool:
    return not x or not y or x == y or x.startswith(y) or y.startswith(x)


def _same_event_dates(x: str | None, y: str | None) -> bool:
    """Dates two statements of one event may carry: one unknown, one within the other, same month."""
    return _compatible(x, y) or (len(x) >= 7 and len(y) >= 7 and x[:7] == y[:7])


def _merge(cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
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


def _date_key(v: str) -> str:
    """Sortable form of an ISO value: an ISO week becomes its Monday."""
    m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
    if m:
        try:
            return _Date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()
        except ValueError:
            return v
    return v


def _norm_org(x: str | None) -> str | None:
    return re.sub(r"[\s“”「」\"'·]", "", x).lower() if x else None


# ---------------------------------------------------------------- main


def find_events(sentences: Sequence[Sentence], mentions: Sequence[Mention], dates: Sequence[DateMention],
                language: str, reference: str | None, require_person: bool = True) -> list[Event]:
    """Events of one article.

    ``mentions`` and ``dates`` carry article-level offsets (the space of ``Sentence.char_start``).
    ``require_person=True`` (pipeline) keeps only events with a subject person, except mergers
    and foundings, which may name organizations only; ``False`` (sentence typing, e.g. DuEE,
    where subjects are teams and companies) keeps every non-negated trigger.
    ``reference`` (the article's reference date) dates only events told with a present-time
    adverb; other events without a governing time expression stay ``None``.
    """
    L = _load(_lang(language))
    body = [s for s in sentences if s.label in BODY_LABELS]
    if not body:
        return []
    ments_by: dict[int, list[Mention]] = {}
    for m in mentions:
        ments_by.setdefault(m.sentence_id, []).append(m)
    dates_by: dict[int, list[DateMention]] = {}
    all_dates: dict[int, list[DateMention]] = {}
    for d in dates:
        all_dates.setdefault(d.sentence_id, []).append(d)
        if d.value and d.type in DATED_TYPES:
            dates_by.setdefault(d.sentence_id, []).append(d)
    for v in list(ments_by.values()) + list(dates_by.values()) + list(all_dates.values()):
        v.sort(key=lambda x: x.char_start)
    heading = _heading_date(sentences, all_dates) if dates else {}

    cands: list[_Cand] = []
    ctxs: dict[int, _Ctx] = {}

    def ctx_of(s: Sentence) -> _Ctx:
        c = ctxs.get(s.sentence_id)
        if c is None:
            c = _Ctx(s, ments_by.get(s.sentence_id, []), dates_by.get(s.sentence_id, []), _clauses(s))
            ctxs[s.sentence_id] = c
        return c

    for k, s in enumerate(body):
        if L.prefilter is not None and not L.prefilter.search(s.text.lower()):
            continue
        hits = list(L.triggers.finditer(s.text))
        if not hits:
            continue
        ctx = ctx_of(s)
        off = s.char_start
        ctx.types = {(h.start() + off, h.end() + off): e.type for h in hits if (e := _entry(L, h)) is not None}
        ctx.spans = list(ctx.types)
        prev = [ctx_of(body[j]) for j in range(k - 1, max(-1, k - 1 - PRONOUN_BACK), -1)]
        off = s.char_start
        for h in hits:
            trig = _entry(L, h)
            if trig is None:
                continue
            ts, te = h.start() + off, h.end() + off
            ca, cb = ctx.clause_of(ts)
            if _blocked(L, s, ts, te) or _negated(L, s, ca, cb, ts, te):
                continue
            if trig.type == "depart" and L.objects is not None \
                    and L.objects.search(s.text, te - off, min(cb, te + OBJECT_WINDOW) - off):
                continue
            if "org" in trig.flags and not any(ca <= o[0] and o[1] <= cb for o in _org_cands(L, ctx)) \
                    and not (L.orgref is not None and L.orgref.search(s.text, ca - off, cb - off)):
                continue
            subj = _subject(L, ctx, trig, ts, te, prev) if trig.type not in PERSONLESS_TYPES else []
            typ = trig.type if (subj or not trig.alt) else trig.alt
            # a role complement after an earlier trigger of the same clause is that event's role
            # (加入X担任Y = join with role Y; hired as CEO = appointed CEO)
            # (加入X担任Y = join with role Y; hired as CEO = appointed CEO), also opening the next
            # clause (加盟对手X，出任营运总裁; 重返集团，出任董事); a succession verb without a post of its
            # own restates the event before it (重新出任董事长，接替A)
            last = cands[-1] if cands and cands[-1].sentence is s else None
            if typ == "appoint" and last is not None and set(_keys(subj)) <= set(last.persons) and (
                    (L.complement is not None and L.complement.fullmatch(h.group(0))
                     and (last.start >= ca or _opens_next_clause(L, ctx, last, ca, ts)))
                    or ("succeed" in trig.flags and _opens_next_clause(L, ctx, last, ca, ts)
                        and not _role_at(L, s.text, te - off, cb - off))):
                last.role = last.role or _pick_role(L, ctx, "appoint", ts, te, subj)
                if last.type == "join" and last.extra and last.extra[0] == "patient":
                    last.type = "appoint"
                continue
            persons = _keys(subj)
            if not persons and require_person and typ not in PERSONLESS_TYPES:
                # a list header ("离职的还包括以下员工:"): one event per following item line
                if "header" in trig.flags and s.text.rstrip().endswith((":", "：")):
                    cands.extend(_list_items(L, body, k, trig, typ, s, ts, te, ctx_of, heading))
                continue
            org = _pick_org(L, ctx, typ, trig, ts, te)
            if not persons and require_person and not org:
                continue
            role = _pick_role(L, ctx, typ, ts, te, subj) if subj else None
            date = _pick_date(ctx, ts, te, L, typ) or heading.get(s.sentence_id)
            if date is None and cands and L.same is not None and L.same.search(s.text, 0, ts - off):
                # 同时/gleichzeitig/at the same time: when the news told before happened (the latest
                # date of the events before it, not a background one)
                known = [c.date for c in cands if c.date]
                date = max(known, key=_date_key) if known else None
            if date is None and NARRATIVE_BACK:
                for j in range(k - 1, max(-1, k - 1 - NARRATIVE_BACK), -1):
                    if NARRATIVE_SAME_LINE and body[j].line_no != s.line_no:
                        break
                    ds = dates_by.get(body[j].sentence_id)
                    if ds:
                        date = ds[-1].value
                        break
            if date is None and reference and L.now is not None and L.now.search(s.text, 0, ts - off):
                date = reference
            score = (date is not None) * 2 + (org is not None) + (role is not None) + (len(date or "") / 20)
            c = _Cand(typ, persons, org, role, date, h.group(0), s, ts, te, s.text, score, [trig.voice, *trig.flags])
            if typ in JOINT_TYPES or len(persons) <= 1:
                cands.append(c)
            else:
                for p in persons:
                    cands.append(_Cand(typ, (p,), org, role, date, h.group(0), s, ts, te, s.text, score,
                                       [trig.voice, *trig.flags]))
    cands = _merge(cands)
    cands.sort(key=lambda c: (c.start, c.type))
    return [Event(event_id=str(n), type=c.type, person_keys=c.persons, org=c.org, role=c.role, date=c.date,
                  trigger=c.trigger, sentence_id=c.sentence.sentence_id, evidence=c.evidence,
                  char_start=c.start, char_end=c.end)
            for n, c in enumerate(cands, 1)]


def _opens_next_clause(L: _Lang, ctx: _Ctx, last: _Cand, ca: int, ts: int) -> bool:
    """The trigger opens the clause right after the one of the event before it, with no person of
    its own in between (…加盟对手宝德金融，出任营运总裁)."""
    if last.start >= ca or any(last.end <= m.char_start < ts for m in ctx.ments):
        return False
    if last.type not in ("join", "return", "appoint"):
        return False
    prev_clause = ctx.clause_of(last.start)
    head = ctx.sent.text[ca - ctx.sent.char_start: ts - ctx.sent.char_start]
    return prev_clause[1] == ca and len(head.strip()) <= CLAUSE_LEAD


def _list_items(L: _Lang, body: Sequence[Sentence], k: int, trig: _Trigger, typ: str, header: Sentence,
                ts: int, te: int, ctx_of, heading: dict) -> list[_Cand]:
    """One event per list item after a header that ends with a colon; an item begins with a name."""
    hctx = ctx_of(header)
    org = _pick_org(L, hctx, typ, trig, ts, te)
    hdate = _pick_date(hctx, ts, te, L) or heading.get(header.sentence_id)
    out, seen_line = [], header.line_no
    for s in body[k + 1:]:
        if s.line_no == seen_line:
            continue              # later sentences of an item line
        ctx = ctx_of(s)
        lead = ctx.ments[0] if ctx.ments else None
        if lead is None or lead.char_start - s.char_start > LIST_ITEM_LEAD:
            break
        seen_line = s.line_no
        persons = _keys(_expand(L, ctx, 0, +1, (s.char_start, s.char_end)))
        role = _pick_role(L, ctx, typ, s.char_start, s.char_start, [lead])
        out.append(_Cand(typ, persons, org, role, hdate, header.text[ts - header.char_start: te - header.char_start],
                         s, s.char_start, s.char_start, s.text, 0.0, ["header"]))
    return out
