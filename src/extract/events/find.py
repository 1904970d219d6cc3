"""``find_events``: the events of one article, sentence by sentence and trigger by trigger.

Reads an article's ``Sentence``s, person ``Mention``s and ``DateMention``s; returns ``Event``s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..dates.spans import point_of
from ..model import BODY_LABELS, DateMention, Event, Mention, Sentence
from ..text import HAN_RE
from .arguments import affiliation, org_candidates, pick_org, pick_role, posts, role_at, title_of
from .confidence import confidence
from .context import EventCandidate, SentenceContext, clauses, person_keys
from .lexicons import Lang, Trigger, language_code, load_language, trigger_entry
from .merge import JOINT_TYPES, merge_statements
from .modality import blocked, is_passive, negated
from .phrases import np_after, words
from .subjects import AGENT_NOUN, list_items, opens_next_clause, subject
from .timing import DATED_TYPES, date_key, heading_date, pick_date

PRONOUN_BACK = 3      # sentences a pronoun may look back for its antecedent
OBJECT_WINDOW = 12    # chars after a depart trigger where 比赛/市场 make it no personnel event
OBJECT_WINDOW_LATIN = 40   # the same in German/English (verließ nach zwei Stunden das Gebäude)
NARRATIVE_BACK = 2    # sentences back to look for a date when the sentence has none (0 = off)
MEETING_BACK = 8      # ... when it opens with a meeting's decision (会议经表决, 免去): back to the meeting's day
_INTRODUCES = re.compile(r"[:：]\s*$")   # a line ending in a colon introduces the next one
NARRATIVE_SAME_LINE = True  # stay in the paragraph: across lines nets +1 of 59 on dev but wrongly dates list items
PERSONLESS_TYPES = frozenset({"merge"})  # organizations only: reported without a person (pipeline mode)
FALLBACK_ORG_TYPES = frozenset({"depart", "dismiss", "return", "leave_of_absence"})
FOCUS_ORG_TYPES = frozenset({"appoint"})   # without an organization of their own: the article's, if it has one
TRAVEL_TO = 2         # characters between a travel word and an organization it goes to (前往微软)
UNNAMED_MODIFIER = 3  # characters of a modifier between 的 and a person noun (刚入职的新老师)
TITLE_WEIGHT = 3      # an organization in the headline counts as this many trigger sentences
FOCUS_MIN = 3         # times the organization an article is about is named (title and trigger sentences)
FOCUS_LEAD = 2        # times more often than the next one an organization not in the headline must be named
AFFILIATION_LOOKS = 6  # other mentions of a person read for the organization it is introduced with
POST_REACH = 16       # characters after a ``post`` trigger (became, 成为) within which its post must start
SUCCESSION_BACK = 2   # sentences back a successor looks for the departure whose post it takes


@dataclass
class _Article:
    """One article as the events loop sees it: its rules, body sentences, persons and dates by
    sentence, heading dates, the contexts built so far and the candidates found so far."""
    L: Lang
    body: list[Sentence]
    ments_by: dict[int, list[Mention]]
    dates_by: dict[int, list[DateMention]]       # usable (valued date/time) expressions only
    heading: dict[int, str]
    reference: str | None
    require_person: bool
    ctxs: dict[int, SentenceContext] = field(default_factory=dict)
    cands: list[EventCandidate] = field(default_factory=list)

    def apposed(self, noun: str) -> Mention | None:
        """The one person the article names right after ``noun`` (涉事老师常某 for 老师), None when
        nobody or several are."""
        got: dict[str, Mention] = {}
        for s in self.body:
            for m in self.ments_by.get(s.sentence_id, ()):
                if s.text.endswith(noun, 0, m.char_start - s.char_start):
                    got.setdefault(m.person_key, m)
        return next(iter(got.values())) if len(got) == 1 else None

    def ctx_of(self, s: Sentence) -> SentenceContext:
        c = self.ctxs.get(s.sentence_id)
        if c is None:
            c = SentenceContext(s, self.ments_by.get(s.sentence_id, []), self.dates_by.get(s.sentence_id, []),
                                clauses(s))
            self.ctxs[s.sentence_id] = c
        return c


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
    L = load_language(language_code(language))
    body = [s for s in sentences if s.label in BODY_LABELS]
    if not body:
        return []
    ments_by: dict[int, list[Mention]] = {}
    for m in mentions:
        if L.code == "zh" and L.roles is not None and (r := L.roles.search(m.text)) is not None \
                and r.end() == len(m.text) and r.start() > 0:
            continue            # 阿里巴巴CEO: an organization and a post, no person
        ments_by.setdefault(m.sentence_id, []).append(m)
    dates_by: dict[int, list[DateMention]] = {}
    all_dates: dict[int, list[DateMention]] = {}
    for d in dates:
        if d.value and point_of(d.value) != d.value:    # a range (2014年至2018年): its start; this evening: the day
            d = replace(d, value=point_of(d.value))
        all_dates.setdefault(d.sentence_id, []).append(d)
        if d.value and d.type in DATED_TYPES:
            dates_by.setdefault(d.sentence_id, []).append(d)
    for v in list(ments_by.values()) + list(dates_by.values()) + list(all_dates.values()):
        v.sort(key=lambda x: x.char_start)
    heading = heading_date(sentences, all_dates) if dates else {}
    art = _Article(L, body, ments_by, dates_by, heading, reference, require_person)
    for k, s in enumerate(body):
        if L.prefilter is not None and not L.prefilter.search(s.text.lower()):
            continue
        hits = list(L.triggers.finditer(s.text))
        if hits:
            _sentence_events(art, k, s, hits)
    _article_orgs(art, sentences)
    cands = merge_statements(art.cands)
    cands.sort(key=lambda c: (c.start, c.type))
    return [Event(event_id=str(n), type=c.type, person_keys=c.persons, org=c.org, role=c.role, date=c.date,
                  trigger=c.trigger, sentence_id=c.sentence.sentence_id, evidence=c.evidence,
                  char_start=c.start, char_end=c.end,
                  confidence=confidence(c.type, len(c.persons), c.org, c.role, c.date, c.trigger, c.evidence))
            for n, c in enumerate(cands, 1)]


def _sentence_events(art: _Article, k: int, s: Sentence, hits: list[re.Match]) -> None:
    """The candidates of one sentence with trigger matches ``hits`` (``k``: its place in the body)."""
    L, body = art.L, art.body
    ctx = art.ctx_of(s)
    off = s.char_start
    ctx.types = {(h.start() + off, h.end() + off): e.type for h in hits if (e := trigger_entry(L, h)) is not None}
    ctx.spans = list(ctx.types)
    prev = [art.ctx_of(body[j]) for j in range(k - 1, max(-1, k - 1 - PRONOUN_BACK), -1)]
    for h in hits:
        trig = trigger_entry(L, h)
        if trig is not None:
            _trigger_event(art, k, ctx, prev, h, trig)


def _trigger_event(art: _Article, k: int, ctx: SentenceContext, prev: list[SentenceContext], h: re.Match,
                   trig: Trigger) -> None:
    """The event of one trigger, unless its sense or modality rules it out: its subject, then
    organization, role and date; a role complement of the event before it fills that one's role."""
    L, s, cands = art.L, ctx.sent, art.cands
    off = s.char_start
    ts, te = h.start() + off, h.end() + off
    ca, cb = ctx.clause_of(ts)
    if blocked(L, s, ts, te) or negated(L, s, ca, cb, ts, te):
        return
    if trig.type in ("depart", "appoint") and L.objects is not None \
            and L.objects.search(s.text, te - off, min(cb, te + (OBJECT_WINDOW_LATIN if L.latin else OBJECT_WINDOW)) - off):
        return                  # 退出比赛, 担任嘉宾, verließ das Gebäude: a contest, a guest's part, a place
    if trig.type == "return" and L.latin and _TRAVEL_BACK.match(s.text, te - off):
        return                  # Rückkehr nach Europa, returned to London: a journey home
    # 被控告: the person is the defendant, not the one who sued: the lawsuit stands without them
    defendant = trig.type == "sue" and is_passive(L, s, ca, ts)
    if "org" in trig.flags and not any(ca <= o[0] and o[1] <= cb for o in org_candidates(L, ctx)) \
            and not (L.orgref is not None and L.orgref.search(s.text, ca - off, cb - off)):
        return
    if "post" in trig.flags and not _post_follows(L, ctx, te, cb, "succeed" in trig.flags):
        return                  # became chief executive, 成为公司CEO: a post must follow (not became clear)
    if not _in_frame(L, ctx, trig, ts, te):
        return
    subj = subject(L, ctx, trig, ts, te, prev, art.apposed) if trig.type not in PERSONLESS_TYPES and not defendant else []
    if art.require_person and _unnamed_head(L, ctx, te):
        return
    typ = trig.type if (subj or not trig.alt) else trig.alt
    if typ == "appoint" and L.lastday is not None and L.lastday.search(s.text, te - off, cb - off):
        typ = "depart"          # 是他担任X的最后一天, his last day as CEO: he leaves the post
    # a role complement after an earlier trigger of the same clause is that event's role
    # (加入X担任Y = join with role Y; hired as CEO = appointed CEO), also opening the next
    # clause (加盟对手X，出任营运总裁; 重返集团，出任董事); a succession verb without a post of its
    # own restates the event before it (重新出任董事长，接替A)
    last = cands[-1] if cands and cands[-1].sentence is s else None
    # 赵强接任刘洋成为首席科学家: the one between a succession verb and its complement is the predecessor
    predecessor = last is not None and "succeed" in last.extra and bool(subj) \
        and all(last.end <= m.char_start and m.char_end <= ts for m in subj)
    if typ == "appoint" and last is not None and (set(person_keys(subj)) <= set(last.persons) or predecessor) and (
            (L.complement is not None and L.complement.fullmatch(h.group(0))
             and (last.start >= ca or opens_next_clause(L, ctx, last, ca, ts)))
            or ("succeed" in trig.flags and opens_next_clause(L, ctx, last, ca, ts)
                and not role_at(L, s.text, te - off, cb - off))):
        last.role = last.role or pick_role(L, ctx, "appoint", ts, te, subj)
        if last.org is None and last.type == "appoint":     # 取代A成为北辰集团总裁: the new post's organization
            last.org = pick_org(L, ctx, "appoint", trig, ts, te, subj)
        if last.type == "join" and last.extra and last.extra[0] == "patient":
            last.type = "appoint"
        return
    persons = person_keys(subj)
    if not persons and art.require_person and typ not in PERSONLESS_TYPES:
        # a list header ("离职的还包括以下员工:"): one event per following item line
        if "header" in trig.flags and s.text.rstrip().endswith((":", "：")):
            cands.extend(list_items(L, art.body, k, trig, typ, s, ts, te, art.ctx_of, art.heading))
        return
    org = pick_org(L, ctx, typ, trig, ts, te, subj)
    if not persons and art.require_person and not org:
        return
    role = pick_role(L, ctx, typ, ts, te, subj) if subj else None
    date = _event_date(art, k, ctx, ts, te, typ)
    score = (date is not None) * 2 + (org is not None) + (role is not None) + (len(date or "") / 20)
    flags = [trig.voice, *trig.flags]
    if typ in JOINT_TYPES or len(persons) <= 1:
        cands.append(EventCandidate(typ, persons, org, role, date, h.group(0), s, ts, te, s.text, score, flags))
    else:
        for p in persons:
            # A和B相继离职: one event each; a person with a title of its own keeps it (首席财务官A和技术总监B)
            own = next((r for m in subj if m.person_key == p and m.sentence_id == s.sentence_id
                        and (r := title_of(L, ctx, m))), None)
            cands.append(EventCandidate(typ, (p,), org, own or role, date, h.group(0), s, ts, te, s.text, score,
                                        list(flags)))


_AGE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*岁")
_TRAVEL_BACK = re.compile(r"\s+(?:nach|home|to\s+(?:the\s+)?(?:country|city|island|capital|home))\b", re.I)
_FREE_AFTER_OBJORG = set("了后前并和及与而再又也就才时的，")   # what may follow an objorg trigger with no object
_INTRANSITIVE_NOT = re.compile(r"了?(?:时|的|之际|期间|现场)")


def _in_frame(L: Lang, ctx: SentenceContext, trig: Trigger, ts: int, te: int) -> bool:
    """A trigger's sense from what stands next to it: an ``objorg`` trigger's object, if it has one,
    is an organization, a post or a word for one (离开腾讯, 离开了团队, 宣布离开; not 离开北京, 离开白宫);
    a ``noplace`` trigger does not follow a place name (澳门回归); the clause of a ``thing`` trigger
    does not end in a thing (加入…的内容)."""
    if L.code != "zh" or not trig.flags & {"objorg", "noplace", "thing"}:
        return True
    s, off = ctx.sent, ctx.sent.char_start
    if "thing" in trig.flags and L.thing is not None:
        # 加入…宣传内容, 加入保障自主的条文, 加入监察的工作: a thing put into another, not a person joining
        if L.thing.search(s.text, te - off, ctx.clause_of(ts)[1] - off):
            return False
    if "noplace" in trig.flags:
        # the place right before it, or one jieba word with it (香港回归)
        before = [w for w in words(ctx) if w[1] == ts - off or w[0] < ts - off < w[1]]
        if before and before[0][3] == "ns" and not any(m.char_end == ts for m in ctx.ments):
            return False
    if "objorg" in trig.flags:
        lo, hi = ctx.clause_of(ts)
        reach = ctx.clause_of(hi)[1] if hi < s.char_end else hi     # 离开X，前往Y: the next clause too
        for t in (L.travel.finditer(s.text, lo - off, reach - off) if L.travel is not None else ()):
            # 离开X前往机场: travel; 离开X并前往Y公司: a move
            if not any(0 <= o[0] - off - t.end() <= TRAVEL_TO for o in org_candidates(L, ctx)):
                return False
        obj = np_after(L, ctx, te - off, hi - off)
        if obj is None:
            # 离开时 / 离开的人: the moment or the people leaving, not a departure from a post;
            # 回归初心: an object that is no noun phrase of a name is no organization either
            nxt = s.text[te - off:te - off + 1]
            if HAN_RE.match(nxt) and nxt not in _FREE_AFTER_OBJORG:
                return False
            return _INTRANSITIVE_NOT.match(s.text, te - off) is None and _bare_departure(L, ctx, ts, te)
        a, b = obj[0] + off, obj[1] + off
        if any(o[0] < b and a < o[1] for o in org_candidates(L, ctx)):
            return True
        if any(x < obj[1] and obj[0] < y for x, y, _r, _o in posts(L, ctx)):
            return True
        return L.orgref is not None and L.orgref.search(s.text, obj[0], obj[1]) is not None
    return True


_QUOTED_OBJECT = set("《「“『〈\"'")
BARE_CUE_GAP = 2      # characters between a decision word or a date and a bare objorg trigger (宣布正式离开)


def _bare_departure(L: Lang, ctx: SentenceContext, ts: int, te: int) -> bool:
    """An objorg trigger with no object leaves a post only when a decision or an announcement
    (宣布离开, 决定回归) or a date (2012年离开) stands right before it; else it is someone leaving
    the scene (拍照后离开, 陪同离开, 制止女童离开) or a time word (回归后 = since the Handover)."""
    if L.decide is None:
        return True
    off = ctx.sent.char_start
    if ctx.sent.text[te - off:te - off + 1] in _QUOTED_OBJECT:
        return True       # 离开《青乐》: a quoted name is its object
    lo = ctx.clause_of(ts)[0] - off
    before = ctx.sent.text[lo:ts - off]
    if any(len(before) - m.end() <= BARE_CUE_GAP for m in L.decide.finditer(before)):
        return True
    return any(0 <= ts - d.char_end <= BARE_CUE_GAP for d in ctx.dates)


_RANKED = re.compile(r"[一首]\s*[位个名]|第[一二三四五六七八九十\d]|最后|唯一|[A-Za-z]*\b(?:first|only|last)\b")
POST_TAIL = 3         # characters after the post of a ``post`` trigger before its clause ends


def _post_follows(L: Lang, ctx: SentenceContext, te: int, cb: int, succession: bool = False) -> bool:
    """A ``post`` trigger (成为, became) takes a post: one starts within ``POST_REACH`` characters,
    with no person and no ranking (首位, 最后一位, the first) before it, and ends its clause or a
    coordination (成为特首。, 成为秘书长及…; not 成为首位被定罪的前特首, 成为X批评的重点). After a
    succession verb the person before the post is the predecessor (取代A成为特首)."""
    s, off = ctx.sent, ctx.sent.char_start
    got = role_at(L, s.text, te - off, min(cb, te + POST_REACH) - off)
    if not got:
        return False
    x, y, _r = got[-1]
    if (not succession and any(te <= m.char_start and m.char_end <= x + off for m in ctx.ments)) \
            or _RANKED.search(s.text, te - off, x):
        return False
    tail = s.text[y:cb - off].strip()
    return len(tail) <= POST_TAIL or tail[:1] in "及和、与" or (L.latin and tail.split(" ")[0] in ("in", "at", "of", "on", "and"))


def _unnamed_head(L: Lang, ctx: SentenceContext, te: int) -> bool:
    """The trigger modifies a person noun that is no name (刚入职的新老师, 被辞退的员工): the event
    is that unnamed person's."""
    if L.nominal is None:
        return False
    off = ctx.sent.char_start
    m = re.match(r"了?的", ctx.sent.text[te - off:])
    if m is None or any(0 <= x.char_start - te <= 6 for x in ctx.ments):
        return False
    at = te - off + m.end()
    return any(L.nominal.match(ctx.sent.text, at + k) is not None for k in range(UNNAMED_MODIFIER + 1))


def _article_orgs(art: _Article, sentences: Sequence[Sentence]) -> None:
    """A departure, dismissal, return or leave whose sentence names no organization or post for it:
    those of an earlier event of the person in the sentence (加入X担任Y，并于4月辞职); the organization
    and the post the person is introduced with elsewhere in the article (OpenAI 前工程负责人 A … A
    离职); else the organization the article is about (named in the title or in most trigger
    sentences, ``FOCUS_MIN`` times and more than any other)."""
    # the post of an earlier event of the same person in the same sentence (加入X担任Y，并于4月辞职)
    for i, c in enumerate(art.cands):
        if c.role is None and c.persons and c.type in FALLBACK_ORG_TYPES:
            for o in art.cands[:i][::-1]:
                if o.sentence is c.sentence and o.role and set(c.persons) <= set(o.persons):
                    c.role = o.role
                    c.org = c.org or o.org
                    break
    # a successor takes the post of the departure told before (A离职 … 接替他的是B; B succeeds A)
    place = {s.sentence_id: k for k, s in enumerate(art.body)}
    for i, c in enumerate(art.cands):
        if c.type == "appoint" and "succeed" in c.extra:
            # 委任A为X局局长，接替辞职的B: B's departure is from the post A takes (the one of A's
            # appointments in the sentence that names it)
            same = [x for x in art.cands if x.sentence is c.sentence and x.type == "appoint" and x.persons == c.persons]
            role = next((x.role for x in [c, *same] if x.role), None)
            org = next((x.org for x in [c, *same] if x.org), None)
            for o in art.cands[i + 1:]:
                if o.sentence is c.sentence and o.type in ("depart", "dismiss") and o.start > c.start \
                        and not set(o.persons) & set(c.persons):
                    o.role, o.org = o.role or role, o.org or org
    for i, c in enumerate(art.cands):
        if c.type == "appoint" and "succeed" in c.extra and c.persons:
            for o in art.cands[:i][::-1]:
                if place[c.sentence.sentence_id] - place[o.sentence.sentence_id] > SUCCESSION_BACK:
                    break
                if o.type in ("depart", "dismiss") and not set(o.persons) & set(c.persons):
                    # the post left is the post taken (Nachfolger wird Finanzvorständin X: X's new post is
                    # the predecessor's, not the title X has now), from when it is left
                    c.org, c.role, c.date = c.org or o.org, o.role or c.role, c.date or o.date
                    break
    todo = [c for c in art.cands if (c.org is None or c.role is None) and c.persons
            and (c.type in FALLBACK_ORG_TYPES or (c.type in FOCUS_ORG_TYPES and c.org is None))]
    if not todo:
        return
    L = art.L
    seen: dict[str, int] = {}
    shown: dict[str, str] = {}
    titles = [s for s in sentences if s.label == "title"]
    # a part of a person's name is no organization (Trump of Donald Trump, left untagged elsewhere)
    name_parts = {w.casefold() for ms in art.ments_by.values() for m in ms for w in re.split(r"[\s·.\-]+", m.text) if w}
    for ctx, weight in [(c, 1) for c in art.ctxs.values()] + [(art.ctx_of(s), TITLE_WEIGHT) for s in titles]:
        for _a, _b, name in org_candidates(L, ctx):
            if name.casefold() in name_parts:
                continue
            key = name.casefold().replace(" ", "")
            seen[key] = seen.get(key, 0) + weight
            shown.setdefault(key, name)
    ranked = sorted(seen.items(), key=lambda kv: -kv[1])
    in_title = {name.casefold().replace(" ", "") for s in titles for _a, _b, name in org_candidates(L, art.ctx_of(s))}
    # the article is about it: named in the headline, or far more often than any other
    focus = shown[ranked[0][0]] if ranked and ranked[0][1] >= FOCUS_MIN and (
        len(ranked) == 1 or ranked[0][1] > ranked[1][1]) and (
        ranked[0][0] in in_title or len(ranked) == 1 or ranked[0][1] >= FOCUS_LEAD * ranked[1][1]) else None
    by_key: dict[str, list[Mention]] = {}
    for ms in art.ments_by.values():
        for m in ms:
            by_key.setdefault(m.person_key, []).append(m)
    sent_of = {s.sentence_id: s for s in art.body}
    for c in todo:
        ms = sorted(by_key.get(c.persons[0], []), key=lambda m: (m.char_start > c.start, abs(m.char_start - c.start)))
        for m in ms[:AFFILIATION_LOOKS] if c.type in FALLBACK_ORG_TYPES else ():   # (a new post: not the old one)
            s = sent_of.get(m.sentence_id)
            if s is None or (c.org is not None and c.role is not None):
                continue
            ctx = art.ctx_of(s)
            title = title_of(L, ctx, m)
            if c.org is None and (c.role is None or title is None or _same_post(title, c.role)):
                c.org = affiliation(L, ctx, m)      # (CEO孙丽 dismissed: not the org of her other post, 基金会理事长)
            if c.role is None:
                c.role = title
        if c.role is None and c.type in FALLBACK_ORG_TYPES:
            # the title the person is named with anywhere in the article (… 宣布 CEO Sam Altman …)
            for m in ms[AFFILIATION_LOOKS:]:
                s = sent_of.get(m.sentence_id)
                if s is not None and (r := title_of(L, art.ctx_of(s), m)) is not None:
                    c.role = r
                    break
        if c.org is None:
            c.org = focus


def _same_post(a: str, b: str) -> bool:
    """One post named twice: the same title, or one the end of the other (首席科学家, 科学家)."""
    a, b = a.casefold(), b.casefold()
    return a.endswith(b) or b.endswith(a)


def _event_date(art: _Article, k: int, ctx: SentenceContext, ts: int, te: int, typ: str) -> str | None:
    """The date of an event, in order: the time expression governing its trigger, a heading line's
    date, after 同时/gleichzeitig the latest date of the events told before, the last date of the
    previous sentences of its paragraph, the reference date after a present-time adverb."""
    L, s, body = art.L, ctx.sent, art.body
    off = s.char_start
    if L.code == "zh" and ((L.congratulate is not None and L.congratulate.search(s.text, 0, ts - off))
                           or AGENT_NOUN.match(s.text, te - off)):
        return None     # 11月21日，习近平致电A，祝贺他当选: the message's day; 《明报》创办人A今年逝世: a title
    date = pick_date(ctx, ts, te, L, typ) or art.heading.get(s.sentence_id)
    if date is None and art.cands and L.same is not None and L.same.search(s.text, 0, ts - off):
        # 同时/gleichzeitig/at the same time: when the news told before happened (the latest
        # date of the events before it, not a background one)
        known = [c.date for c in art.cands if c.date]
        date = max(known, key=date_key) if known else None
    if date is None and L.code == "zh" and _AGE.search(s.text, ctx.clause_of(ts)[0] - off, ts - off):
        return None     # 他15岁就加入香港队: dated by an age, not by the dates told before
    if date is None and NARRATIVE_BACK and not ctx.dates:   # (a sentence with dates of its own keeps its frame)
        # 于是/随后 opening the sentence: it goes on from the paragraph before, across the line break
        sequel = L.sequel is not None and L.sequel.match(s.text) is not None
        # 会议经表决，免去A… / 免去B…: the decisions of a meeting told before, on the meeting's day
        meeting = L.meeting is not None and L.meeting.match(s.text) is not None
        sequel = sequel or meeting
        line_no = s.line_no
        for j in range(k - 1, max(-1, k - 1 - (MEETING_BACK if meeting else NARRATIVE_BACK)), -1):
            if NARRATIVE_SAME_LINE and body[j].line_no != line_no and not sequel:
                if not (j == k - 1 and _INTRODUCES.search(body[j].text)):
                    break
                line_no = body[j].line_no   # 2019年，公司爆发了一场风波： / A被解雇: the line it introduces
            ds = art.dates_by.get(body[j].sentence_id)
            if ds:
                date = ds[-1].value
                break
    if date is None and art.reference and L.now is not None and L.now.search(s.text, 0, ts - off):
        date = art.reference
    return date
