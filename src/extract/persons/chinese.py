"""Chinese name candidates of one sentence, and the windows the trained recognizer reads.

Candidates: names joined by ``·`` (简·雷克); runs of transliteration characters
(``resources/persons_translit_chars.txt``) on jieba word boundaries that jieba calls a proper
noun; native names (surname + one or two characters) that jieba tags ``nr``; spans of the
recognizer (``persons.recognizer``) in windows around name-like tokens; members of an
enumeration beside a name the recognizer found. Corrections of recognizer spans (one
function character too wide, a 于 surname left out, a known name cut short) live here too.

Reads ``Sentence``s and jieba ``Token``s; returns ``Candidate``s with article offsets.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Collection, Sequence

from .. import lexicon
from ..model import Sentence, Token
from ..text import HAN_RE, is_han
from .names import (
    ANONYMIZED,
    DOTS,
    GLOSS,
    HONORIFICS_AFTER_SURNAME,
    MAX_TRANSLIT_CHARS,
    MIN_TRANSLIT_CHARS,
    Candidate,
    adverbs,
    body_sentences,
    by_sentence,
    dictionary_words,
    is_surname,
    lexicons,
)


def zh_candidates(s: Sentence, toks: Sequence[Token]) -> list[Candidate]:
    r = lexicons()
    translit = r["translit"]     # a frozenset of characters: issuperset(word) tests every character of the word
    out = []
    taken = []
    for a, b in _dot_names(s, toks):
        out.append(Candidate(s.sentence_id, s.char_start + a, s.char_start + b, s.text[a:b], "zh-dot"))
        taken.append((s.char_start + a, s.char_start + b))
    # runs of jieba tokens made only of transliteration characters, tagged as proper nouns
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].text and translit.issuperset(toks[j].text) \
                and (j == i or toks[j].char_start == toks[j - 1].char_end):
            j += 1
        if j > i:
            run = toks[i:j]
            text = "".join(t.text for t in run)
            proper = any((t.pos or "").startswith(("nr", "ns", "nz")) for t in run)
            start, end = run[0].char_start, run[-1].char_end
            if proper and MIN_TRANSLIT_CHARS <= len(text) <= MAX_TRANSLIT_CHARS and text not in r["not"] \
                    and not any(a <= start < b for a, b in taken):
                out.append(Candidate(s.sentence_id, start, end, text, "zh-translit", _zh_context(s, start, end)))
            i = j
        else:
            i += 1
    # native names jieba tags nr: surname + one or two characters
    for t in toks:
        if (t.pos or "") != "nr" or not (2 <= len(t.text) <= 4) or t.text in r["not"]:
            continue
        if len(t.text) == 4 and t.text[:2] not in r["surnames2"]:
            continue          # 吴建宏遭: four characters are a name only with a two-character surname
        if t.text[-1] in r["edge_chars"]:
            continue          # 顾浩等
        if any(a <= t.char_start < b for a, b in taken) or translit.issuperset(t.text):
            continue
        if t.text[:1] in r["surnames1"] or t.text[:2] in r["surnames2"]:
            out.append(Candidate(s.sentence_id, t.char_start, t.char_end, t.text, "zh-native",
                             _zh_context(s, t.char_start, t.char_end)))
    # a withheld name (常某, 张某某): a surname opening a jieba word, then 某, whatever jieba tags
    starts = {t.char_start for t in toks}
    known = {(c.start, c.end) for c in out}
    for m in _ANONYMIZED_NAME.finditer(s.text):
        a, b = s.char_start + m.start(), s.char_start + m.end()
        if m.group(1) in r["any_surname"] and a in starts and (a, b) not in known \
                and not any(x <= a < y for x, y in taken):
            out.append(Candidate(s.sentence_id, a, b, m.group(0), "zh-native", _zh_context(s, a, b)))
    return out


_ANONYMIZED_NAME = re.compile(r"([\u4e00-\u9fff])(?:%s)(?![某些种人地处方面样类个位天时日年月次])"
                              % "|".join(ANONYMIZED))


MAX_DOT_PART = 4   # a part of a dotted name outside the transliteration characters: one short jieba word


def _dot_names(s: Sentence, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans (sentence offsets) of names joined by a middle dot: 简·雷克, 谢尔盖·莱文, 约翰·F·肯尼迪.

    Each side grows over transliteration characters, then to the edge of the jieba word it
    stopped in (莱 → 莱文); a side with no transliteration character takes one short word."""
    r = lexicons()
    text = s.text
    if not any(d in text for d in DOTS):
        return []
    tok_at = {}
    for t in toks:
        for i in range(t.char_start - s.char_start, t.char_end - s.char_start):
            tok_at[i] = (t.char_start - s.char_start, t.char_end - s.char_start)

    def han_at(i):
        return 0 <= i < len(text) and is_han(text[i])

    def short_word(span):
        return span and span[1] - span[0] <= MAX_DOT_PART and all(han_at(k) for k in range(*span))

    def left_edge(d):
        i = d
        while i > 0 and text[i - 1] in r["translit"]:
            i -= 1
        if i == d:
            span = tok_at.get(d - 1)
            return span[0] if short_word(span) else None
        return i            # never grow left past the transliteration characters: 部长|安瓦尔, 和|泽·罗伯特

    def right_edge(d):
        i = d + 1
        while i < len(text) and text[i] in r["translit"]:
            i += 1
        if i == d + 1:
            span = tok_at.get(d + 1)
            if span and span[0] == d + 1 and short_word(span):
                return span[1]
            return d + 2 if i < len(text) and text[d + 1].isalpha() and text[d + 1].isascii() else None
        span = tok_at.get(i - 1)
        return span[1] if span and span[1] > i and short_word(span) else i

    out = []
    d = 0
    while d < len(text):
        if text[d] not in DOTS:
            d += 1
            continue
        a = left_edge(d)
        b = right_edge(d)
        if a is None or b is None:
            d += 1
            continue
        while b < len(text) and text[b] in DOTS:       # further parts: 约翰·F·肯尼迪
            nb = right_edge(b)
            if nb is None:
                break
            b = nb
        han = [ch for ch in text[a:b] if is_han(ch)]
        if han and sum(ch in r["translit"] for ch in han) * 2 >= len(han):   # not "时间·地点"
            out.append((a, b))
        d = b
    return out


def _zh_context(s: Sentence, start: int, end: int) -> bool:
    r = lexicons()
    a, b = start - s.char_start, end - s.char_start
    before, after = s.text[max(0, a - 8):a], s.text[b:b + 6]
    return bool(r["titles_zh"].search(before) or r["verbs_zh"].search(after.lstrip()) or GLOSS.match(s.text[b:]))


NEVER_LAST_OF_NAME = frozenset("所等说称们的被把让因外")   # function characters no given name ends with
MODEL_LOOKS_PER_NAME = 2   # windows per distinct name-like token and article; repeats find the rest
# characters of context each side of a name-like token (8 → 6 reads a fifth less; lost 0.3-0.9 % of
# mentions on CCTV and HK news samples)
MODEL_WINDOW = 6


def _model_windows(s: Sentence, toks: Sequence[Token], seen: Counter | None = None) -> list[tuple[int, int]]:
    """Sentence spans worth the model's time: around tokens jieba tags as names (nr, nrfg, nrt) and
    single surname characters it split off an unknown name (芈/昱廷), merged when they overlap.
    ``seen`` counts the name-like tokens already given to the model in this article: after
    ``MODEL_LOOKS_PER_NAME`` looks at one, its later occurrences come from the repeat rule."""
    r = lexicons()
    spans = []
    for i, t in enumerate(toks):
        pos = t.pos or ""
        split_surname = len(t.text) == 1 and t.text in r["surnames1"] and i + 1 < len(toks) \
            and 1 <= len(toks[i + 1].text) <= 2 and HAN_RE.match(toks[i + 1].text) and pos not in ("p", "c", "u", "d")
        if (pos.startswith("nr") and _name_like_token(t.text, pos)) or split_surname:
            key = t.text + (toks[i + 1].text if split_surname else "")
            if seen is not None:
                seen[key] += 1
                if seen[key] > MODEL_LOOKS_PER_NAME:
                    continue
            a = max(0, t.char_start - s.char_start - MODEL_WINDOW)
            b = min(len(s.text), t.char_end - s.char_start + MODEL_WINDOW)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
            else:
                spans.append((a, b))
    return spans


def _name_like_token(word: str, pos: str) -> bool:
    """Whether a token jieba tags as a name (nr, nrfg, nrt) is shaped like one, so worth the
    model's time: a surname first (common or rare: jieba already says name), or transliteration
    characters (all but one of three or more). jieba also tags idioms and
    nouns nr (明显改善, 通达, 二十大); on CCTV news 60 % of the model's windows found nobody."""
    r = lexicons()
    foreign = sum(ch in r["translit"] for ch in word)
    if foreign == len(word) or (len(word) >= 3 and foreign >= len(word) - 1):     # 奥斯汀
        return True
    if pos == "nrt":      # jieba's foreign-name tag, which it also gives unknown Chinese names (蔡佩珊)
        return len(word) <= 3 and word[0] in r["surnames1"]
    if len(word) == 3 and word[0] in r["any_surname"]:
        return True
    if len(word) <= 2:    # two characters with a rare "surname" first are mostly words (通达)
        return word[0] in r["surnames1"]
    # longer: a two-character surname, or a name and what jieba glued to it (胡可明作, 毛泽东思想)
    return word[:2] in r["any_surname"] or word[0] in r["surnames1"]


def _model_jobs(body: Sequence[Sentence], toks_by_sentence, scope: str = "candidates") -> list[tuple[Sentence, int, int]]:
    """(sentence, window start, window end) for the recognizer: whole sentences (``scope="all"``)
    or windows around name-like tokens (``"candidates"``, the pipeline default: the model reads
    20-40 k characters per second, so it reads what may hold a name)."""
    jobs = []
    seen: Counter = Counter()
    for s in body:
        if not HAN_RE.search(s.text):
            continue
        if scope == "all":
            jobs.append((s, 0, len(s.text)))
        else:
            jobs.extend((s, a, b) for a, b in _model_windows(s, toks_by_sentence.get(s.sentence_id, []), seen))
    return jobs


def model_jobs(sentences: Sequence[Sentence], tokens: Sequence[Token],
               scope: str = "candidates", language: str | None = None) -> list[tuple[Sentence, int, int]]:
    """What ``find_mentions`` gives the recognizer for this article, in order: (sentence, window
    start, window end); the text is ``sentence.text[start:end]``. A caller with many articles
    predicts all their windows in one batch (``recognizer.predict``: 45 % faster than one small
    batch per article) and passes each article its (job, spans) pairs as
    ``find_mentions(..., predicted=...)``."""
    from .latin import latin_model_jobs

    body = body_sentences(sentences)
    return _model_jobs(body, by_sentence(tokens), scope) + latin_model_jobs(body, language, scope)


def model_candidates(body: Sequence[Sentence], toks_by_sentence, scope: str = "candidates",
                      read: dict | None = None, predicted: Sequence | None = None) -> list[Candidate]:
    """Spans of the trained recognizer, as candidates; ``predicted``: (job, spans) pairs for
    ``model_jobs`` when the caller ran the recognizer already."""
    if predicted is not None:
        jobs, spans_of = [job for job, _ in predicted], [spans for _, spans in predicted]
    else:
        try:
            from . import recognizer
        except ImportError:
            return []
        if not recognizer.available():
            return []
        jobs = _model_jobs(body, toks_by_sentence, scope)
        spans_of = recognizer.predict([s.text[a:b] for s, a, b in jobs]) if jobs else []
    if not jobs:
        return []
    if read is not None:
        for s, a, b in jobs:
            read[s.sentence_id].append((s.char_start + a, s.char_start + b))
    out = []
    for (s, wa, wb), spans in zip(jobs, spans_of):
        for a, b in spans:
            if (a == 0 and wa > 0) or (b == wb - wa and wb < len(s.text)):
                continue      # the window cut through it: not a whole name
            out.append(Candidate(s.sentence_id, s.char_start + wa + a, s.char_start + wa + b, s.text[wa + a:wa + b],
                             "model", True))
    return out


LIST_SEPARATOR = "、"


def _name_shaped(text: str) -> bool:
    """Two to four Han characters that start with a surname, or a run of transliteration characters."""
    r = lexicons()
    if text in r["not"] or not HAN_RE.fullmatch(text[:1] or "x") or not all(HAN_RE.match(ch) or ch in DOTS for ch in text):
        return False
    if all(ch in r["translit"] or ch in DOTS for ch in text):
        return MIN_TRANSLIT_CHARS <= len(text) <= MAX_TRANSLIT_CHARS + 4
    if 2 <= len(text) <= 3 and text[0] in r["surnames1"]:
        return True
    return 3 <= len(text) <= 4 and text[:2] in r["surnames2"]


def list_members(sentences: Sequence[Sentence], person_spans: Sequence[tuple[int, int]],
                  toks_by_sentence) -> list[Candidate]:
    """Members of an enumeration (甲、乙、丙) whose neighbour in the list is a person the model
    found are persons too when they are shaped like names: items of one list share their kind.
    A member between two separators is the whole item; the first and the last member of a list
    are the jieba word (or two, surname + given name) that touches the separator."""
    out = []
    spans_by_sentence: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for s in sentences:
        for a, b in person_spans:
            if s.char_start <= a and b <= s.char_end:
                spans_by_sentence[s.sentence_id].add((a - s.char_start, b - s.char_start))
    for s in sentences:
        persons = spans_by_sentence.get(s.sentence_id)
        text = s.text
        if not persons or LIST_SEPARATOR not in text:
            continue
        seps = [i for i, ch in enumerate(text) if ch == LIST_SEPARATOR]
        items: list[tuple[int, int]] = []          # list members in order, chained by separators
        for k, p in enumerate(seps):
            if not items or items[-1][1] != p:                # a list starts: its first member ends at p
                items.append(_edge_member(text, p, toks_by_sentence.get(s.sentence_id, []), s.char_start, before=True))
            nxt = seps[k + 1] if k + 1 < len(seps) else None
            if nxt is not None and nxt - p - 1 <= 8:
                items.append((p + 1, nxt))
            else:                                             # the list ends: its last member starts at p + 1
                items.append(_edge_member(text, p + 1, toks_by_sentence.get(s.sentence_id, []), s.char_start, before=False))
        chained = [(a, b) for a, b in items if b > a]
        accepted = {it for it in chained if it in persons}
        changed = bool(accepted)
        while changed:
            changed = False
            for i, (a, b) in enumerate(chained):
                if (a, b) in accepted or not _name_shaped(text[a:b]):
                    continue
                if any(x < b and a < y for x, y in persons):
                    continue
                near = [chained[j] for j in (i - 1, i + 1) if 0 <= j < len(chained)]
                if any(n in accepted and (n[1] == a - 1 or b == n[0] - 1) for n in near):
                    accepted.add((a, b))
                    changed = True
                    out.append(Candidate(s.sentence_id, s.char_start + a, s.char_start + b, text[a:b], "zh-list", True))
    return out


def _edge_member(text: str, p: int, toks: Sequence[Token], offset: int, before: bool) -> tuple[int, int]:
    """The first (``before``: ending at ``p``) or last (starting at ``p``) member of a list: one
    jieba word, or a surname jieba split off and the word beside it (司马/相林)."""
    if before:
        words = [t for t in toks if t.char_end - offset <= p]
        if not words or words[-1].char_end - offset != p:
            return (p, p)
        last = words[-1]
        a = last.char_start - offset
        if len(last.text) <= 2 and len(words) >= 2 and is_surname(words[-2].text) and words[-2].char_end - offset == a:
            a = words[-2].char_start - offset
        return (a, p)
    words = [t for t in toks if t.char_start - offset >= p]
    if not words or words[0].char_start - offset != p:
        return (p, p)
    first = words[0]
    b = first.char_end - offset
    if is_surname(first.text) and len(words) >= 2 and len(words[1].text) <= 2 and words[1].char_start - offset == b:
        b = words[1].char_end - offset
    return (p, b)


def model_says_no(c: Candidate, model_read: dict, model_spans: list[tuple[int, int]]) -> bool:
    """The model read this candidate's span and found no person overlapping it."""
    if not any(a <= c.start and c.end <= b for a, b in model_read.get(c.sentence_id, ())):
        return False
    return not any(a < c.end and c.start < b for a, b in model_spans)


def without_word_tail(c: Candidate) -> Candidate:
    """A three-character model span that is a surname and a common verb, adverb or time word
    (骆指出, 张首先, 李当年: Hong Kong papers write a person's surname alone) is the surname."""
    t = c.text
    r = lexicons()
    if len(t) == 3 and t[1] == t[2]:
        return c          # a doubled given name (李微微, 王婷婷) is a name, not an adverb
    if len(t) == 3 and t[0] in r["surnames1"] and (t[1:] in dictionary_words()[1] or r["verbs_zh"].fullmatch(t[1:])):
        return Candidate(c.sentence_id, c.start, c.start + 1, t[0], c.kind, c.context)
    return c


TITLE_REACH = 20      # characters before a name read for a title ending there (the longest zh title is shorter)


def without_title_char(c: Candidate, s: Sentence) -> Candidate:
    """A name of three characters or more that opens with a title's last character is the name after
    it (首席财务官|陈䶮, not 官陈䶮: 官, 长 and 理 are surnames too)."""
    e = c.start - s.char_start + 1
    if len(c.text) >= 3 and lexicons()["titles_zh"].search(s.text, max(0, e - TITLE_REACH), e):
        return replace(c, start=c.start + 1, text=c.text[1:])
    return c


def without_day_tail(c: Candidate, s: Sentence) -> Candidate:
    """A name run into a day word after it (林郑今早指出, 周昨天表示, 郑今|早被: the word's first
    character taken in) is the name before it."""
    t = c.text
    if len(t) >= 3 and t[-2:] in _day_words() and (len(t) >= 4 or t[0] in lexicons()["surnames1"]):
        return Candidate(c.sentence_id, c.start, c.end - 2, t[:-2], c.kind, c.context)
    nxt = s.text[c.end - s.char_start:c.end - s.char_start + 1]
    if len(t) == 2 and t[-1] + nxt in _day_words():
        return Candidate(c.sentence_id, c.start, c.end - 1, t[:-1], c.kind, c.context)
    return c


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """Two-character day words of the dates lexicon (今早, 昨天, 当天): the one definition; not those
    opening with a character that also ends given names (明日, 前日)."""
    from ..dates.rules import lex

    words = lex("zh")
    return frozenset(w for cat in ("relday", "narrday") for w in words.get(cat, {})
                     if len(w) == 2 and is_han(w[-1]) and w[0] not in _NAME_END_DAY_CHARS)


# first characters of day words that also end given names (张晓明|日前, 李同|日, 王次|日): no cut there
_NAME_END_DAY_CHARS = frozenset("明前同次后")


def with_jieba_name(c: Candidate, toks: Sequence[Token]) -> Candidate:
    """A surname alone, or two characters, from the recognizer where jieba reads a longer personal
    name (up to three characters) starting there (王 in 27岁的王帅，, 徐立 in 徐立之表示) is that name;
    a surname jieba also leaves alone (骆指出) stays one, and a title after it is no part (刘老师)."""
    if len(c.text) > 2:
        return c
    r = lexicons()
    for t in toks:
        if t.char_start == c.start and t.pos == "nr" and len(c.text) < len(t.text) <= 3 \
                and all(is_han(ch) for ch in t.text) and t.text[-1] not in NEVER_LAST_OF_NAME \
                and (len(c.text) == 1 or t.text[-1] not in r["edge_chars"]) \
                and not _title_tail(t.text[len(c.text):] if len(c.text) == 2 else t.text[1:], r):
            return Candidate(c.sentence_id, c.start, t.char_end, t.text, c.kind, c.context)
    return c


SURNAME_SUFFIXES = "氏老公婆翁伯叔姐哥嫂杯"   # 杜氏, 胡老, 王公, 尤杯: a surname with a form of address or a cup


def _title_tail(tail: str, r: dict) -> bool:
    """What follows a surname in jieba's word is a title or a form of address (刘老师, 周总理, 杜氏)."""
    return tail[0] in SURNAME_SUFFIXES or tail in HONORIFICS_AFTER_SURNAME or bool(r["titles_zh"].search(tail))


VERB_CHARS_AFTER_NAME = "指称续作发说问答"   # HK papers: 林瑞华指，… 陈官续指 … 王毅作出 … 张翔发表
_VERB_WORDS_AFTER_NAME = ("作出", "发表", "发言", "续指", "续称", "续说", "问道", "答道", "说明", "发文", "作证")


def without_verb_char(c: Candidate, s: Sentence) -> Candidate:
    """A recognizer span of three characters or more that ends in a one-character verb of saying
    or doing (林瑞华指，, 陈官续指, 王毅作出, 张翔发表): the name before it."""
    t = c.text
    if c.kind not in ("model", "zh-native") or len(t) < 3 or t[-1] not in VERB_CHARS_AFTER_NAME \
            or t[0] not in lexicons()["surnames1"]:
        return c
    nxt = s.text[c.end - s.char_start:c.end - s.char_start + 1]
    word = t[-1] + nxt
    # before punctuation only 指 and 称 are verbs (林瑞华指，); 刘皇发、黄宏发、 are names
    alone = t[-1] in "指称" and (nxt == "" or not is_han(nxt))
    if not (alone or word in _VERB_WORDS_AFTER_NAME or lexicons()["verbs_zh"].fullmatch(word)):
        return c
    return Candidate(c.sentence_id, c.start, c.end - 1, t[:-1], c.kind, c.context)


# a verb or function character after a name that a four-character span has taken in (吴基培有多次,
# 戴耀廷闻讯, 林振宙代表): a single-surname Chinese name has at most three characters
FOURTH_CHAR_NOT_NAME = frozenset("有是为闻代在说指称表曾将已也都就又则却向对和与及等被把让因所的了")


def without_fourth_char(c: Candidate) -> Candidate:
    """A four-character recognizer span of a single surname (not a double one: 欧阳; not a married
    form: 林郑月娥) that ends in a verb or function character: the three-character name before it."""
    t, r = c.text, lexicons()
    if c.kind not in ("model", "zh-native") or len(t) != 4 or t[-1] not in FOURTH_CHAR_NOT_NAME \
            or t[0] not in r["surnames1"] or t[:2] in r["surnames2"] or t[1] in r["surnames1"] \
            or not all(is_han(ch) for ch in t):
        return c
    return Candidate(c.sentence_id, c.start, c.end - 1, t[:-1], c.kind, c.context)


def verb_tail(word: str) -> bool:
    """A two-character word after a surname that is a verb of saying or doing, or an adverb (指出,
    首先), not a time word or a noun that may be a given name (万年, 明朝, 当年)."""
    r = lexicons()
    return bool(r["verbs_zh"].fullmatch(word)) or word in adverbs()


def trim_to_known(c: Candidate, alias_of: dict[str, str]) -> Candidate:
    """A model span one function character wider than a name (于奥特曼, 袁鹰所说) is that name:
    trimmed at the end when three characters or more remain a name, at the start when the
    character is no surname or the rest is a name the article already has."""
    t = c.text
    if t in alias_of or len(t) < 3:
        return c
    r = lexicons()
    edge = r["edge_chars"]
    if t[0] in edge and (t[1:] in alias_of or t[0] not in r["surnames1"]):
        return Candidate(c.sentence_id, c.start + 1, c.end, t[1:], c.kind, c.context)
    if t[-1] in edge and (t[:-1] in alias_of or (len(t) >= 3 and t[-1] in NEVER_LAST_OF_NAME)):
        return Candidate(c.sentence_id, c.start, c.end - 1, t[:-1], c.kind, c.context)     # 袁鹰所(说)
    return c


FUNCTION_WORD_SURNAMES = "于"    # surnames that are also prepositions: the model leaves them out (于金山 → 金山)
BEFORE_A_SUBJECT = "的、和与及同跟予给让被是"   # characters after which 于 starts a name, not a phrase (毕业于, 对于)


def with_function_surname(c: Candidate, s: Sentence) -> Candidate:
    """A two-character model span right after 于 is a 于 name when 于 opens the phrase: at the
    start of a clause or after a particle (，于金山拖着; 授予于晓黎), never after a verb (毕业于)."""
    a = c.start - s.char_start
    if len(c.text) != 2 or a < 1 or s.text[a - 1] not in FUNCTION_WORD_SURNAMES:
        return c
    before = s.text[a - 2] if a >= 2 else ""
    after_title = bool(lexicons()["titles_zh"].search(s.text[max(0, a - 7):a - 1]))   # (the pattern ends with $)
    if before and HAN_RE.match(before) and before not in BEFORE_A_SUBJECT and not after_title:
        return c          # (中锋于晓辉: after a title 于 opens the name)
    return Candidate(c.sentence_id, c.start - 1, c.end, s.text[a - 1:a + 2], c.kind, c.context)


# common surnames that also work as prepositions or particles: never the first of two surnames
PREPOSITION_SURNAMES = frozenset("向于和与同对给把被让将由从跟以自在为及")
PERSON_NOUN_END = "人者"    # 继任人林郑月娥, 候选人叶刘淑仪: a noun for a person, then the name
MARRIED_NAME_AFTER = "，。、；：！？,.;:!?（(「『“\"《 　"    # what may stand before a married name (林郑月娥)


def with_married_surname(c: Candidate, s: Sentence, known: Collection[str] = ()) -> Candidate:
    """Hong Kong married women's names put the husband's surname before their own: 林郑月娥, 叶刘淑仪,
    范徐丽泰. A three-character name right after another common surname takes it in when that
    surname opens the phrase (after a title, punctuation or a particle: 特首林郑月娥, 和叶刘淑仪), or
    anywhere once the article has named her so (``known``: 举报林郑月娥 after 特首林郑月娥)."""
    r = lexicons()
    a = c.start - s.char_start
    if len(c.text) != 3 or a < 1 or c.text[0] not in r["surnames1"]:
        return c
    first = s.text[a - 1]
    if first not in r["surnames1"] or first in PREPOSITION_SURNAMES:
        return c
    before = s.text[:a - 1]
    # the husband's surname opens the phrase: after a title, punctuation or a particle, or the
    # article names her so where it does (known: 特首林郑月娥 … 举报林郑月娥)
    if before and not (before[-1] in MARRIED_NAME_AFTER or before[-1] in BEFORE_A_SUBJECT
                       or before[-1] in PERSON_NOUN_END or r["titles_zh"].search(before[-12:])
                       or first + c.text in known):
        return c
    given = c.text[1:]
    if (given[0] in PREPOSITION_SURNAMES or NUMERAL_BEFORE.search(given[0]) or given in dictionary_words()[1]
            or r["verbs_zh"].fullmatch(given)):
        # the two surnames alone, then a word of the sentence (林郑今早, 叶刘对林郑): the short form
        return Candidate(c.sentence_id, c.start - 1, c.start + 1, first + c.text[0], c.kind, c.context)
    return Candidate(c.sentence_id, c.start - 1, c.end, first + c.text, c.kind, c.context)


RARE_HAN_RE = re.compile("[\u3400-\u4dbf\U00020000-\U0002ffff]")   # CJK Extension A, B and later
NUMERAL_BEFORE = re.compile(r"[0-9０-９〇零一二两三四五六七八九十百千万廿卅几]$")


@lru_cache(maxsize=1)
def _not_given_name_chars() -> frozenset[str]:
    """Characters a name never takes in from after it: the frequent ones of news (common_hanzi.txt:
    a frequent character after a two-character name is the next word), the one-character Cantonese
    particles (opencc_hk_markers.txt: 郭荣咗) and the function characters of persons_edge_chars.txt."""
    hk = {w for w in lexicon.words("opencc_hk_markers.txt") if len(w) == 1}
    return lexicon.common_hanzi() | hk | lexicons()["edge_chars"]


def with_rare_char(c: Candidate, s: Sentence) -> Candidate:
    """A two-character name right before a rare character takes it in: given names in Hong Kong and
    Taiwan use characters the recognizer and jieba seldom or never saw. Any name before a character
    of the rare CJK blocks (张艳𤩷, not 张艳); a native name (surname + one) before a Han character
    that is rare in news (郭荣|铿, 何珈|桦), not before a frequent character, a Cantonese particle or
    a function character."""
    a = c.end - s.char_start
    if len(c.text) != 2 or a >= len(s.text):
        return c
    nxt = s.text[a]
    rare_block = RARE_HAN_RE.match(nxt) is not None
    uncommon = c.kind in ("zh-native", "model") and is_han(nxt) and nxt not in _not_given_name_chars() \
        and c.text[0] in lexicons()["surnames1"]
    if not (rare_block or uncommon):
        return c
    return Candidate(c.sentence_id, c.start, c.end + 1, c.text + nxt, c.kind, c.context)


def with_honorific(c: Candidate, s: Sentence) -> Candidate:
    """A lone surname before a polite form of address is named by both (苑女士, 陈先生): the surname
    alone is not how the text names the person, and it would link to every other 苑 or 陈."""
    a = c.end - s.char_start
    if len(c.text) != 1:
        return c
    for title in HONORIFICS_AFTER_SURNAME:
        if s.text.startswith(title, a):
            return Candidate(c.sentence_id, c.start, c.end + len(title), c.text + title, c.kind, c.context)
    return c




def after_numeral(c: Candidate, s: Sentence) -> bool:
    """True when a numeral stands right before the candidate: a unit or a count (廿五欧罗, 三名), not a name."""
    return bool(NUMERAL_BEFORE.search(s.text[:c.start - s.char_start]))


_VESSEL_AFTER = re.compile(r"[”」』\"'》]?[号號](?![召称])")


def names_a_vessel(c: Candidate, s: Sentence) -> bool:
    """A name followed by 号 (“罗斯福”号, 艾森豪威尔号) names a ship, a craft or a train, not a person
    (号召 and 号称 are verbs)."""
    return bool(_VESSEL_AFTER.match(s.text, c.end - s.char_start))


_PLACE_AFTER = re.compile(r"(?:医院|机场|港口|车站|广场|大厦|酒店|大道|公园|体育场|球场|大学|铁路|高铁"
                          r"|[州省市县](?![长委议])|地区|共和国|王国)")   # 赫尔松州, 马拉维共和国 (not 州长, 市长)
ROAD_ENDS = "道路街"


def names_a_place(c: Candidate, s: Sentence) -> bool:
    """A transliteration or recognizer span that is a street (骆克道) or stands before a building or
    a place word (纳赛尔医院, 雅万高铁, 赫尔松州) names a place, not a person."""
    if c.kind not in ("zh-translit", "model"):
        return False
    return (len(c.text) >= 3 and c.text[-1] in ROAD_ENDS) or bool(_PLACE_AFTER.match(s.text, c.end - s.char_start))


def extend_to_known(c: Candidate, alias_of: dict[str, str], s: Sentence) -> Candidate:
    """A candidate that is a known Chinese name of the article cut short, where the text goes on
    to read that name, is that name: 林嘉 in 林嘉文本人 (jieba: 林嘉/文本) once 林嘉文 is found."""
    t = c.text
    if t in alias_of or not HAN_RE.match(t):
        return c
    a = c.start - s.char_start
    best = None
    for name in alias_of:
        if len(name) <= len(t) or len(name) > len(t) + 2 or t not in name or not HAN_RE.match(name):
            continue
        i = name.index(t)
        if s.text[a - i:a - i + len(name)] == name and a - i >= 0 and (best is None or len(name) > len(best[0])):
            best = (name, i)
    if best is None:
        return c
    name, i = best
    return Candidate(c.sentence_id, c.start - i, c.start - i + len(name), name, c.kind, c.context)
