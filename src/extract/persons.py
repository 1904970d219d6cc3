"""Stage 4a/5 — persons: find person mentions in an article, then link them across the run.

In one article (``find_mentions``), candidates come from:
1. Latin-script names, in Latin text and inside Chinese text: runs of capitalized words that start
   with a known given name (``resources/persons_given_names.txt``) or follow a title word
   (``resources/persons_titles.txt``); words of ``resources/persons_not_names.txt``
   (organizations, products, places, function words) break a run.
2. Chinese transliterated names joined by ``·`` (简·雷克), and runs of transliteration characters
   (``resources/persons_translit_chars.txt``) on jieba word boundaries that jieba calls a proper
   noun, accepted when the article repeats them, glosses them (奥特曼（Sam Altman）), or puts a
   title or a verb of saying next to them.
3. Native Chinese names (surname + one or two characters, ``resources/persons_surnames_zh.txt``)
   that jieba tags ``nr`` and that have a title or verb of saying next to them.
4. The trained Chinese person recognizer (``person_model``), where it is shipped.
Then, inside the article: a parenthetical gloss merges a Chinese and a Latin name; a single
Latin word joins the full name it is part of (Altman → Sam Altman; the most recent one when
several share it), a genitive (Altmans) or a close spelling variant (Sustkever) joins too;
a part of a ``·`` name joins that name (阿莫迪 → 达里奥·阿莫迪); every later repeat of an accepted
surface is a mention too.

Across the run (``link_persons``): identical full names, glosses seen in any article
(奥特曼 = Sam Altman), and a surname alone that only one full name of the run carries, give one
person id. Every link keeps its evidence in ``persons.link_evidence``.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, Sequence

from . import lexicon
from .model import BODY_LABELS, Mention, Sentence, Token
from .text import HAN_RE, is_han

MAX_LATIN_NAME_WORDS = 4        # "Jan Hendrik Kirchner", "Paul M. Nakasone"; longer runs are titles or headings
MIN_TRANSLIT_CHARS = 2          # one transliteration character alone is not a name
MAX_TRANSLIT_CHARS = 7          # 克里哲夫斯基; longer runs are phrases
SPELLING_VARIANT_RATIO = 0.70   # Ultraman ~ Altman (.71): only for a repeated word with the same ending
SPELLING_VARIANT_SAME_START = 0.85  # Sustkever ~ Sutskever (.89), Schumann ~ Schulman (.88); not Scholz ~ Schulz (.83)
MIN_VARIANT_LENGTH = 7          # shorter surnames differ by one letter between different people (Scholz, Schulz)
MIN_REPEATS_FOR_TRANSLIT = 2    # a transliteration run the article repeats is a name
MIN_REPEATS_FOR_LATIN_SINGLE = 3  # a capitalized word used like a name three times (not after an article) is one
FULL_NAME_VARIANT_RATIO = 0.85  # "Ilja Sutskever" ~ "Ilya Sustkever": one person spelled two ways
DOTS = "·•‧・･"

_IRISH = r"(?:O['’]|Mc|Mac(?=[A-Z]))[A-Z][a-zà-öø-ÿ]+"        # O'Donnell, McGregor, MacArthur
_LATIN_WORD = re.compile(_IRISH + r"|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zà-öø-ÿ]+)*|[A-Z]\.")
# a whole Latin word, CamelCase kept together: inside Chinese text AlexNet and OpenAI are one word
_LATIN_WHOLE = re.compile(r"(?<![A-Za-zà-öø-ÿ])(?:" + _IRISH + r"|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zà-öø-ÿ]+)*|[A-Z]\.)"
                          r"(?![A-Za-zà-öø-ÿ])")
# machine translation glues a function word to a name: "William Saundersund", "SutskeverUnd"
_GLUED_TAIL = re.compile(r"(?<=[a-zà-öø-ÿ]{5}[a-kn-zà-öø-ÿ])(und|and)$")   # not after l/m: Berglund, Garland, Edmund
_GLOSS = re.compile(r"\s*[（(]\s*([A-ZÀ-Þ][A-Za-zà-ÿ.\-' ]{1,60}?)\s*[)）]")
_GERMAN_NOUN_END = re.compile(r"(?:ung|heit|keit|schaft|tät|ion|ismus|ment|tur|chen|nis|ik|ie|ei|enz|anz|ität|ern|tum)$")
_ARTICLES = frozenset("der die das den dem des ein eine einer eines einem einen the a an".split())
_DETERMINERS = frozenset("der die das den dem des ein eine einer eines einem einen the a an this that these those "
                         "dieser diese dieses jener jene mit von vom zum zur im am beim in aus nach bei".split())


@lru_cache(maxsize=1)
def _res():
    titles = lexicon.grouped("persons_titles.txt")
    verbs = lexicon.grouped("persons_speech_verbs.txt")
    translit = "".join(r[0] for r in lexicon.rows("persons_translit_chars.txt", 1, 1))
    surnames = lexicon.words("persons_surnames_zh.txt")
    return {
        "given": lexicon.words("persons_given_names.txt"),
        "not": lexicon.words("persons_not_names.txt") | lexicon.words("persons_org_words.txt"),
        "org_words": lexicon.words("persons_org_words.txt"),
        "edge_chars": frozenset("".join(lexicon.words("persons_edge_chars.txt"))),
        "titles_zh": re.compile(f"(?:{lexicon.alternation(titles.get('zh', ()))})$"),
        "verbs_zh": re.compile(f"^(?:{lexicon.alternation(verbs.get('zh', ()))})"),
        "titles_latin": frozenset(titles.get("de", ()) + titles.get("en", ())),
        "title_ends_de": tuple(t.lower() for t in titles.get("de", ()) if len(t) >= 4 and t[:1].isupper()
                               and t not in ("Herr", "Frau", "Vorstand", "Kollege", "Kollegin")),
        "verbs_latin": frozenset(verbs.get("de", ()) + verbs.get("en", ())),
        "translit": frozenset(translit),
        "dot_name": re.compile(f"[{re.escape(translit)}]{{1,6}}(?:[{DOTS}][{re.escape(translit)}]{{1,8}})+"),
        "surnames_latin": lexicon.words("persons_surnames_latin.txt"),
        "surnames1": frozenset(s for s in surnames if len(s) == 1),
        "surnames2": frozenset(s for s in surnames if len(s) == 2),
        "any_surname": surnames | lexicon.words("persons_surnames_zh_rare.txt"),
    }


@dataclass
class _Cand:
    sentence_id: int
    start: int            # article offsets
    end: int
    text: str
    kind: str             # latin-full, latin-single, zh-dot, zh-translit, zh-native, model
    context: bool = False  # a title or verb of saying stands next to it
    initial: bool = False  # first word of its sentence
    determiner: str | bool = False  # "article" or "preposition" right before it, else False
    glued: bool = False    # letters touch it (OpenAI, SchulmanZurücktreten)


@dataclass
class _Cluster:
    key: str
    surfaces: Counter = field(default_factory=Counter)
    latin_full: Counter = field(default_factory=Counter)
    zh_full: Counter = field(default_factory=Counter)
    last_seen: int = -1

    def canonical(self) -> str:
        if self.latin_full:
            return max(self.latin_full, key=lambda s: (len(s.split()), self.latin_full[s], len(s), s))
        if self.zh_full:
            return max(self.zh_full, key=lambda s: (self.zh_full[s], len(s), s))
        return max(self.surfaces, key=lambda s: (self.surfaces[s], len(s), s))


@lru_cache(maxsize=4096)
def _is_pinyin_word(word: str) -> bool:
    """A word made only of two or more pinyin syllables (Jiawen, Zhiyuan): a romanized Chinese name part."""
    syllables = lexicon.words("persons_pinyin_syllables.txt")
    w = word.lower()
    if not w.isascii() or not w.isalpha():
        return False
    best = [None] * (len(w) + 1)   # fewest syllables covering w[:i]
    best[0] = 0
    for i in range(1, len(w) + 1):
        for j in range(max(0, i - 6), i):
            if best[j] is not None and w[j:i] in syllables and (best[i] is None or best[j] + 1 < best[i]):
                best[i] = best[j] + 1
    return best[-1] is not None and best[-1] >= 2


def _is_romanized_given(word: str) -> bool:
    """Jiawen, Qiming, Tai-man: a Chinese given name in pinyin (one or two syllables) or hyphenated."""
    if "-" in word:
        parts = word.split("-")
        return len(parts) == 2 and all(1 <= len(p) <= 5 for p in parts)
    syllables = lexicon.words("persons_pinyin_syllables.txt")
    w = word.lower()
    return w in syllables or _is_pinyin_word(word) and len(w) <= 12


def _norm_dots(s: str) -> str:
    return re.sub(f"[{DOTS}]", "·", s)


# ------------------------------------------------------------------ candidates

def _latin_candidates(s: Sentence, zh_context: bool) -> list[_Cand]:
    r = _res()
    rx = _LATIN_WHOLE if zh_context else _LATIN_WORD
    words = []
    for m in rx.finditer(s.text):
        a, b, w = m.start(), m.end(), m.group()
        g = None if zh_context else _GLUED_TAIL.search(w)
        if g and w not in r["given"] and len(w) - len(g.group()) >= 4:
            b, w = b - len(g.group()), w[:g.start()]
        words.append((a, b, w))
    runs: list[list[tuple[int, int, str]]] = []
    for w in words:
        if runs and w[0] - runs[-1][-1][1] == 1 and s.text[runs[-1][-1][1]] == " ":
            runs[-1].append(w)
        else:
            runs.append([w])
    out = []
    for run in runs:
        # split the run at words that cannot be part of a name; remember a title word before a name
        part: list[tuple[int, int, str]] = []
        title_before = _title_before(s.text, run[0][0], zh_context)
        for w in run + [None]:
            if w is None or w[2] in r["not"] or _is_title_word(w[2]):
                if part and not (w is not None and w[2] in r["org_words"]):   # "Harlow Logistics": an org
                    out.extend(_name_from_words(s, part, title_before, zh_context))
                part = []
                title_before = w is not None and _is_title_word(w[2])
                continue
            part.append(w)
    return out


def _title_before(text: str, pos: int, zh_context: bool) -> bool:
    r = _res()
    before = text[max(0, pos - 12):pos].rstrip()
    if not before:
        return False
    if r["titles_zh"].search(before):
        return True
    prev = (before.split()[-1] if before.split() else "").rstrip(",")
    return _is_title_word(prev)


def _is_title_word(word: str) -> bool:
    """CEO, Präsident, and German compounds ending in a title word: Bundeskanzler, Konzernchef."""
    r = _res()
    if word in r["titles_latin"]:
        return True
    low = word.lower()
    return len(word) > 6 and word[:1].isupper() and low.endswith(r["title_ends_de"])


def _name_from_words(s: Sentence, words, title_before: bool, zh_context: bool) -> list[_Cand]:
    r = _res()
    # drop initials at the edges ("M." is kept only inside a name)
    while words and words[0][2].endswith("."):
        words = words[1:]
    while words and words[-1][2].endswith("."):
        words = words[:-1]
    if not words:
        return []
    out = []
    first_given = next((i for i, w in enumerate(words) if w[2] in r["given"]), None)
    if first_given and len(words) - first_given >= 2 and not title_before:
        words = words[first_given:]     # "Schwester Dario Amodei": the name starts at the given name
    if len(words) >= 2:
        words = words[:MAX_LATIN_NAME_WORDS]
        first = words[0][2]
        romanized = len(words) == 2 and first in r["surnames_latin"] and _is_romanized_given(words[1][2])
        verb_after = zh_context and bool(r["verbs_zh"].search(s.text[words[-1][1]:words[-1][1] + 6].lstrip()))
        plausible = first in r["given"] or romanized or title_before or verb_after
        if plausible:
            a, b = words[0][0], words[-1][1]
            out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, s.text[a:b], "latin-full", title_before))
            return out
    for a, b, w in words:
        if len(w) < 2 or w.endswith("."):
            continue
        after = s.text[b:b + 12].strip()
        verb_after = bool(after) and after.split()[0].strip(",.:") in r["verbs_latin"] if after else False
        if zh_context and after:
            verb_after = verb_after or bool(r["verbs_zh"].search(after))
        prev_word = s.text[:a].split()[-1].lower() if s.text[:a].split() else ""
        determiner = ("article" if prev_word in _ARTICLES else "preposition") if prev_word in _DETERMINERS else False
        initial = not s.text[:a].strip(" \"'„“«»()[]-–—•*")
        glued = (a > 0 and s.text[a - 1].isalpha()) or (b < len(s.text) and s.text[b].isalpha())
        out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, w, "latin-single",
                         (title_before or (verb_after and not initial)) and not determiner, initial, determiner, glued))
    return out


def _zh_candidates(s: Sentence, toks: Sequence[Token]) -> list[_Cand]:
    r = _res()
    out = []
    taken = []
    for a, b in _dot_names(s, toks):
        out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, s.text[a:b], "zh-dot"))
        taken.append((s.char_start + a, s.char_start + b))
    # runs of jieba tokens made only of transliteration characters, tagged as proper nouns
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].text and all(ch in r["translit"] for ch in toks[j].text) \
                and (j == i or toks[j].char_start == toks[j - 1].char_end):
            j += 1
        if j > i:
            run = toks[i:j]
            text = "".join(t.text for t in run)
            proper = any((t.pos or "").startswith(("nr", "ns", "nz")) for t in run)
            start, end = run[0].char_start, run[-1].char_end
            if proper and MIN_TRANSLIT_CHARS <= len(text) <= MAX_TRANSLIT_CHARS and text not in r["not"] \
                    and not any(a <= start < b for a, b in taken):
                out.append(_Cand(s.sentence_id, start, end, text, "zh-translit", _zh_context(s, start, end)))
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
        if any(a <= t.char_start < b for a, b in taken) or all(ch in r["translit"] for ch in t.text):
            continue
        if t.text[:1] in r["surnames1"] or t.text[:2] in r["surnames2"]:
            out.append(_Cand(s.sentence_id, t.char_start, t.char_end, t.text, "zh-native",
                             _zh_context(s, t.char_start, t.char_end)))
    return out


MAX_DOT_PART = 4   # a part of a dotted name outside the transliteration characters: one short jieba word


def _dot_names(s: Sentence, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans (sentence offsets) of names joined by a middle dot: 简·雷克, 谢尔盖·莱文, 约翰·F·肯尼迪.

    Each side grows over transliteration characters, then to the edge of the jieba word it
    stopped in (莱 → 莱文); a side with no transliteration character takes one short word."""
    r = _res()
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
    r = _res()
    a, b = start - s.char_start, end - s.char_start
    before, after = s.text[max(0, a - 8):a], s.text[b:b + 6]
    return bool(r["titles_zh"].search(before) or r["verbs_zh"].search(after.lstrip()) or _GLOSS.match(s.text[b:]))


NEVER_LAST_OF_NAME = frozenset("所等说称们的被把让")   # function characters no given name ends with
MODEL_LOOKS_PER_NAME = 2   # windows per distinct name-like token and article; repeats find the rest
MODEL_WINDOW = 6    # characters of context each side of a name-like token (8 → 6 reads a fifth less; lost 0.3-0.9 % of mentions on CCTV and HK news samples)


def _model_windows(s: Sentence, toks: Sequence[Token], seen: Counter | None = None) -> list[tuple[int, int]]:
    """Sentence spans worth the model's time: around tokens jieba tags as names (nr, nrfg, nrt) and
    single surname characters it split off an unknown name (芈/昱廷), merged when they overlap.
    ``seen`` counts the name-like tokens already given to the model in this article: after
    ``MODEL_LOOKS_PER_NAME`` looks at one, its later occurrences come from the repeat rule."""
    r = _res()
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
    r = _res()
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


def _by_sentence(tokens: Sequence[Token]) -> dict[int, list[Token]]:
    out: dict[int, list[Token]] = defaultdict(list)
    for t in tokens:
        out[t.sentence_id].append(t)
    return out


def _body(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sentences if s.label in BODY_LABELS]


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


def model_jobs(sentences: Sequence[Sentence], tokens: Sequence[Token], scope: str = "candidates") -> list[tuple[Sentence, int, int]]:
    """What ``find_mentions`` gives the recognizer for this article, in order: (sentence, window
    start, window end); the text is ``sentence.text[start:end]``. A caller with many articles
    predicts all their windows in one batch (``person_model.predict``: 45 % faster than one small
    batch per article) and passes each article its (job, spans) pairs as
    ``find_mentions(..., predicted=...)``."""
    return _model_jobs(_body(sentences), _by_sentence(tokens), scope)


def _model_candidates(body: Sequence[Sentence], toks_by_sentence, scope: str = "candidates",
                      read: dict | None = None, predicted: Sequence | None = None) -> list[_Cand]:
    """Spans of the trained recognizer, as candidates; ``predicted``: (job, spans) pairs for
    ``model_jobs`` when the caller ran the recognizer already."""
    if predicted is not None:
        jobs, spans_of = [job for job, _ in predicted], [spans for _, spans in predicted]
    else:
        try:
            from . import person_model
        except ImportError:
            return []
        if not person_model.available():
            return []
        jobs = _model_jobs(body, toks_by_sentence, scope)
        spans_of = person_model.predict([s.text[a:b] for s, a, b in jobs]) if jobs else []
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
            out.append(_Cand(s.sentence_id, s.char_start + wa + a, s.char_start + wa + b, s.text[wa + a:wa + b],
                             "model", True))
    return out


LIST_SEPARATOR = "、"


def _name_shaped(text: str) -> bool:
    """Two to four Han characters that start with a surname, or a run of transliteration characters."""
    r = _res()
    if text in r["not"] or not HAN_RE.fullmatch(text[:1] or "x") or not all(HAN_RE.match(ch) or ch in DOTS for ch in text):
        return False
    if all(ch in r["translit"] or ch in DOTS for ch in text):
        return MIN_TRANSLIT_CHARS <= len(text) <= MAX_TRANSLIT_CHARS + 4
    if 2 <= len(text) <= 3 and text[0] in r["surnames1"]:
        return True
    return 3 <= len(text) <= 4 and text[:2] in r["surnames2"]


def _list_members(sentences: Sequence[Sentence], person_spans: Sequence[tuple[int, int]],
                  toks_by_sentence) -> list[_Cand]:
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
                    out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, text[a:b], "zh-list", True))
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
        if len(last.text) <= 2 and len(words) >= 2 and _is_surname(words[-2].text) and words[-2].char_end - offset == a:
            a = words[-2].char_start - offset
        return (a, p)
    words = [t for t in toks if t.char_start - offset >= p]
    if not words or words[0].char_start - offset != p:
        return (p, p)
    first = words[0]
    b = first.char_end - offset
    if _is_surname(first.text) and len(words) >= 2 and len(words[1].text) <= 2 and words[1].char_start - offset == b:
        b = words[1].char_end - offset
    return (p, b)


def _is_surname(word: str) -> bool:
    r = _res()
    return word in r["surnames1"] or word in r["surnames2"]


# ------------------------------------------------------------------ one article

def find_mentions(sentences: Sequence[Sentence], tokens: Sequence[Token], language: str | None,
                  use_model: bool = True, model_scope: str = "candidates",
                  predicted: Sequence | None = None) -> list[Mention]:
    """Person mentions of one article, grouped by article-local ``person_key``.

    ``predicted``: (job, spans) pairs for ``model_jobs(sentences, tokens, model_scope)``, when
    the caller ran the recognizer for many articles at once; None runs it here."""
    r = _res()
    body = _body(sentences)
    if not body:
        return []
    toks_by_sentence = _by_sentence(tokens)
    cands: list[_Cand] = []
    for s in body:
        zh = bool(HAN_RE.search(s.text))
        cands.extend(_latin_candidates(s, zh))
        if zh:
            cands.extend(_zh_candidates(s, toks_by_sentence.get(s.sentence_id, [])))
    model_read: dict[int, list[tuple[int, int]]] = defaultdict(list)   # sentence -> spans the model read
    if use_model:
        model_cands = _model_candidates(body, toks_by_sentence, model_scope, model_read, predicted)
        cands.extend(model_cands)
    model_spans = [(c.start, c.end) for c in cands if c.kind == "model"]
    if model_spans:
        cands.extend(_list_members(body, model_spans, toks_by_sentence))
    text_of = {s.sentence_id: s for s in body}

    clusters: dict[str, _Cluster] = {}
    alias_of: dict[str, str] = {}          # surface (normalized) -> cluster key
    accepted: list[tuple[_Cand, str]] = []

    def add(c: _Cand, key: str, full: str | None = None):
        cl = clusters.setdefault(key, _Cluster(key))
        cl.surfaces[c.text] += 1
        if full == "latin":
            cl.latin_full[c.text] += 1
        elif full == "zh":
            cl.zh_full[_norm_dots(c.text)] += 1
        alias_of.setdefault(_norm_dots(c.text), key)
        accepted.append((c, key))

    # 1. strong candidates: Latin full names, dotted Chinese names, model spans
    translit_counts = Counter(c.text for c in cands if c.kind in ("zh-translit", "zh-native", "model"))
    # repeated transliterations the model read at every occurrence without finding a person there
    translit_vetoed: dict[str, bool] = {}
    for c in cands:
        if c.kind == "zh-translit":
            translit_vetoed[c.text] = translit_vetoed.get(c.text, True) and _model_says_no(c, model_read, model_spans)
    model_rejected = {t for t, vetoed in translit_vetoed.items() if vetoed}
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind == "latin-full":
            add(c, alias_of.get(c.text, c.text), "latin")
    # 2. Chinese candidates: dotted names first, then short forms of them, glossed, repeated or in context
    zh_cands = sorted((c for c in cands if c.kind in ("zh-dot", "zh-translit", "zh-native", "model", "zh-list")),
                      key=lambda c: (c.kind != "zh-dot", c.start))
    for c in zh_cands:
        if c.kind == "zh-dot" and _norm_dots(c.text) not in alias_of:
            for part in _norm_dots(c.text).split("·"):
                if len(part) >= 2:
                    alias_of.setdefault(part, _norm_dots(c.text))
    for key, cl in list(clusters.items()):          # parts of Latin full names are aliases of them
        for full in cl.latin_full:
            for p in full.split():
                if len(p) >= 2 and not p.endswith("."):
                    alias_of.setdefault(p, key)
    for c in zh_cands:
        if c.kind == "model":
            c = _trim_to_known(c, alias_of)
            c = _with_function_surname(c, text_of[c.sentence_id])
        if c.kind != "zh-dot":
            c = _extend_to_known(c, alias_of, text_of[c.sentence_id])
        if c.text in r["not"] or (len(c.text) < 2 and not (c.kind == "model" and c.text in r["surnames1"])):
            continue
        repeated = c.kind == "zh-translit" and translit_counts[c.text] >= MIN_REPEATS_FOR_TRANSLIT
        if c.kind in ("zh-translit", "zh-native") and (c.text in model_rejected if repeated
                                                      else _model_says_no(c, model_read, model_spans)):
            continue          # its only support is a title or verb next to it (or its repeats), and the model read it and disagrees
        key = alias_of.get(c.text)
        s = text_of[c.sentence_id]
        gloss = _GLOSS.match(s.text[c.end - s.char_start:])
        if key is None and gloss:
            g = gloss.group(1).strip()
            key = alias_of.get(g)
            if key is None:
                key = g if len(g.split()) >= 2 else c.text
        if key is None and c.kind == "zh-dot":
            key = _norm_dots(c.text)
        ok = key is not None or c.kind in ("model", "zh-list") or c.context or \
            (c.kind == "zh-translit" and translit_counts[c.text] >= MIN_REPEATS_FOR_TRANSLIT)
        if not ok:
            continue
        key = key or c.text
        add(c, key, "zh" if (c.kind == "zh-dot" or len(c.text) >= 2) else None)
        if c.kind == "zh-dot":     # its parts (阿莫迪) point at the cluster the full name joined
            for part in _norm_dots(c.text).split("·"):
                if alias_of.get(part) == _norm_dots(c.text):
                    alias_of[part] = key
        alias_of.setdefault(c.text, key)
        if gloss:
            g = gloss.group(1).strip()
            gs = s.char_start + (c.end - s.char_start) + gloss.start(1)
            gc = _Cand(c.sentence_id, gs, gs + len(g), g, "latin-full" if len(g.split()) >= 2 else "latin-single")
            add(gc, key, "latin" if len(g.split()) >= 2 else None)
            for p in g.split():
                alias_of.setdefault(p, key)
    _merge_spelling_variants(clusters, accepted, alias_of)
    # 3. single Latin words: parts of known names, genitives, spelling variants, or in context
    last_names = {k: {p for f in cl.latin_full for p in f.split()[1:]} for k, cl in clusters.items()}
    with_article = {c.text for c in cands if c.kind == "latin-single" and c.determiner == "article"}  # "die Ferien"
    namelike = Counter(c.text for c in cands if c.kind == "latin-single" and not c.initial and not c.determiner
                       and c.text not in with_article
                       and not c.glued and c.text not in r["given"] and not _GERMAN_NOUN_END.search(c.text))
    repeated: list[_Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind != "latin-single":
            continue
        w, why = c.text, "part"
        key = _single_key(w, c.start, clusters, accepted)
        if key is None and w.endswith("s") and len(w) > 3:
            key, why = _single_key(w[:-1], c.start, clusters, accepted), "genitive"
        if key is None:
            key, why = _variant_key(w, last_names), "variant"
        if key is None:
            zh = bool(HAN_RE.search(text_of[c.sentence_id].text))
            if zh and w in r["given"]:
                key, why = w, "given-name"
            elif c.context and not _GERMAN_NOUN_END.search(w):
                key, why = w, "context"
            elif namelike[w] >= MIN_REPEATS_FOR_LATIN_SINGLE and not zh:
                repeated.append(c)      # decided below, once every other person is known
                continue
        if key is None:
            continue
        if key == w and key not in clusters:
            # a new single-word person: the spelling variant of one already found? (Ultraman ~ Altman)
            singles = {k: {k} for k, cl in clusters.items() if " " not in k and not HAN_RE.search(k)}
            key = _variant_key(w, {**last_names, **singles}) or w
        add(_Cand(c.sentence_id, c.start, c.end, w, f"latin-single:{why}"), key)
    # a capitalized word repeated like a name is one only as a spelling variant of a person the
    # article names otherwise (machine translation: Ultraman ~ Altman); alone it is too often a noun
    # (Ultraman ~ Altman), or when it takes the genitive -s with no article like a proper name
    # ("Musks Anwalt", never "des Musks"); alone it is too often a noun
    singles = {k: {k} for k, cl in clusters.items() if " " not in k and not HAN_RE.search(k)}
    genitive = {c.text[:-1] for c in cands if c.kind == "latin-single" and c.text.endswith("s") and not c.determiner
                and not c.initial and _next_is_capitalized(text_of[c.sentence_id], c.end)}
    genitive |= {c.text[:-1] for c in cands if c.kind == "latin-single" and c.text.endswith("s") and c.initial
                 and _next_is_capitalized(text_of[c.sentence_id], c.end)}
    for c in repeated:
        key = _single_key(c.text, c.start, clusters, accepted) or \
            _variant_key(c.text, {**last_names, **singles}, repeated=True)
        why = "variant"
        if key is None and c.text in genitive:
            key, why = c.text, "proper-genitive"
        if key is not None:
            add(_Cand(c.sentence_id, c.start, c.end, c.text, f"latin-single:{why}"), key)
            singles.setdefault(key, {key})
    done = {(c.start, c.end) for c, _ in accepted}
    for c in cands:        # genitives of the persons found last ("Musks" once "Musk" is known)
        if c.kind == "latin-single" and c.text.endswith("s") and (c.start, c.end) not in done:
            key = _single_key(c.text[:-1], c.start, clusters, accepted)
            if key is not None:
                add(_Cand(c.sentence_id, c.start, c.end, c.text, "latin-single:genitive"), key)
    # 4. every other occurrence of an accepted surface is a mention too, and short forms of
    #    Chinese full names: the last part of a dotted name (约翰逊), the given name of a
    #    three-character name (嘉文 for 林嘉文) where it is a whole jieba word
    short_forms: dict[str, str] = {}
    for key, cl in clusters.items():
        for full in cl.zh_full:
            if "·" in full:
                last = full.split("·")[-1]
                if len(last) >= 2 and last not in r["not"]:
                    short_forms.setdefault(last, key)
            elif len(full) == 3 and full[0] in r["surnames1"]:
                short_forms.setdefault(full[1:], key)
    bounds = {t.char_start for t in tokens} | {t.char_end for t in tokens}
    mentions = _with_repeats(accepted, body, short_forms, bounds)
    return [Mention(sid, text, a, b, _canonical_key(clusters, key), src) for sid, text, a, b, key, src in mentions]


def _next_is_capitalized(s: Sentence, end: int) -> bool:
    rest = s.text[end - s.char_start:].lstrip()
    return bool(rest) and rest[0].isupper()


def _merge_spelling_variants(clusters: dict[str, "_Cluster"], accepted, alias_of) -> None:
    """Merge clusters whose Latin full names are spelling variants (same initials, close spelling)."""
    keys = [k for k, cl in clusters.items() if cl.latin_full]
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if a not in clusters or b not in clusters:
                continue
            if any(_full_variant(x, y) for x in clusters[a].latin_full for y in clusters[b].latin_full):
                keep, drop = sorted((a, b), key=lambda k: (-sum(clusters[k].surfaces.values()), k))
                cl, gone = clusters[keep], clusters.pop(drop)
                cl.surfaces.update(gone.surfaces)
                cl.latin_full.update(gone.latin_full)
                cl.zh_full.update(gone.zh_full)
                for i2, (c, k) in enumerate(accepted):
                    if k == drop:
                        accepted[i2] = (c, keep)
                for s2, k in list(alias_of.items()):
                    if k == drop:
                        alias_of[s2] = keep


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[tuple[str, str]]:
    pairs = set()
    for short, full in lexicon.rows("persons_nicknames.txt", 2, 2):
        pairs.add((short, full))
        pairs.add((full, short))
    return frozenset(pairs)


def _full_variant(x: str, y: str) -> bool:
    px, py = x.split(), y.split()
    if len(px) >= 2 and len(py) >= 2 and px[-1] == py[-1] and (px[0], py[0]) in _nicknames():
        return True     # Jeff Wu ~ Jeffrey Wu
    if x == y or len(px) != len(py) or any(a[:1] != b[:1] for a, b in zip(px, py)):
        return False
    return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= FULL_NAME_VARIANT_RATIO


def _model_says_no(c: _Cand, model_read: dict, model_spans: list[tuple[int, int]]) -> bool:
    """The model read this candidate's span and found no person overlapping it."""
    if not any(a <= c.start and c.end <= b for a, b in model_read.get(c.sentence_id, ())):
        return False
    return not any(a < c.end and c.start < b for a, b in model_spans)


def _trim_to_known(c: _Cand, alias_of: dict[str, str]) -> _Cand:
    """A model span one function character wider than a name (于奥特曼, 袁鹰所说) is that name:
    trimmed at the end when three characters or more remain a name, at the start when the
    character is no surname or the rest is a name the article already has."""
    t = c.text
    if t in alias_of or len(t) < 3:
        return c
    r = _res()
    edge = r["edge_chars"]
    if t[0] in edge and (t[1:] in alias_of or t[0] not in r["surnames1"]):
        return _Cand(c.sentence_id, c.start + 1, c.end, t[1:], c.kind, c.context)
    if t[-1] in edge and (t[:-1] in alias_of or (len(t) >= 3 and t[-1] in NEVER_LAST_OF_NAME)):
        return _Cand(c.sentence_id, c.start, c.end - 1, t[:-1], c.kind, c.context)     # 袁鹰所(说)
    return c


FUNCTION_WORD_SURNAMES = "于"    # surnames that are also prepositions: the model leaves them out (于金山 → 金山)
BEFORE_A_SUBJECT = "的、和与及同跟予给让被是"   # characters after which 于 starts a name, not a phrase (毕业于, 对于)


def _with_function_surname(c: _Cand, s: Sentence) -> _Cand:
    """A two-character model span right after 于 is a 于 name when 于 opens the phrase: at the
    start of a clause or after a particle (，于金山拖着; 授予于晓黎), never after a verb (毕业于)."""
    a = c.start - s.char_start
    if len(c.text) != 2 or a < 1 or s.text[a - 1] not in FUNCTION_WORD_SURNAMES:
        return c
    before = s.text[a - 2] if a >= 2 else ""
    if before and HAN_RE.match(before) and before not in BEFORE_A_SUBJECT:
        return c
    return _Cand(c.sentence_id, c.start - 1, c.end, s.text[a - 1:a + 2], c.kind, c.context)


def _extend_to_known(c: _Cand, alias_of: dict[str, str], s: Sentence) -> _Cand:
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
    return _Cand(c.sentence_id, c.start - i, c.start - i + len(name), name, c.kind, c.context)


def _single_key(word: str, pos: int, clusters: dict[str, _Cluster], accepted) -> str | None:
    """The cluster a single Latin word belongs to: a name part, the most recently mentioned one on ties."""
    owners = [k for k, cl in clusters.items()
              if any(word in f.split() for f in cl.latin_full) or word in cl.surfaces]
    if not owners:
        return None
    if len(owners) == 1:
        return owners[0]
    last = {k: -1 for k in owners}
    for c, k in accepted:
        if k in last and c.start < pos:
            last[k] = max(last[k], c.start)
    return max(owners, key=lambda k: (last[k], k))


def _variant_key(word: str, last_names: dict[str, set[str]], min_ratio: float = SPELLING_VARIANT_RATIO,
                 repeated: bool = False) -> str | None:
    """The person whose surname ``word`` is a spelling variant of: same first letter and close
    (Sustkever ~ Sutskever, Schumann ~ Schulman); a word the article repeats like a name may
    differ in its first letters when it keeps the ending and length (Ultraman ~ Altman)."""
    best, best_ratio = None, min_ratio
    for key, names in last_names.items():
        for n in names:
            same_start = n[:1].lower() == word[:1].lower()
            same_end = repeated and n[-3:] == word[-3:] and abs(len(n) - len(word)) <= 2
            if not (same_start or same_end):
                continue
            if min(len(word), len(n)) < MIN_VARIANT_LENGTH - (1 if same_end else 0):
                continue
            if same_start and not same_end and SequenceMatcher(None, word.lower(), n.lower()).ratio() < SPELLING_VARIANT_SAME_START:
                continue
            ratio = SequenceMatcher(None, word.lower(), n.lower()).ratio()
            if ratio >= best_ratio and ratio < 1.0:
                best, best_ratio = key, ratio
    return best


def _with_repeats(accepted: list[tuple[_Cand, str]], body: Sequence[Sentence],
                  short_forms: dict[str, str] | None = None, bounds: set[int] | None = None):
    """Accepted candidates plus every other occurrence of their surfaces, longest first, no overlaps."""
    size = max((s.char_end for s in body), default=0) + 1
    used = bytearray(size)                      # characters already inside a mention
    out = []

    def free(a, b):
        return not any(used[a:b])

    def take(a, b):
        used[a:b] = b"\x01" * (b - a)

    for c, key in sorted(accepted, key=lambda ck: (-(ck[0].end - ck[0].start), ck[0].start)):
        if free(c.start, c.end):
            take(c.start, c.end)
            out.append((c.sentence_id, c.text, c.start, c.end, key, c.kind))
    surfaces = {}
    for c, key in accepted:
        if len(c.text) >= 2:
            surfaces.setdefault(c.text, key)
    aligned_only = set()
    for form, key in (short_forms or {}).items():
        if form not in surfaces:
            surfaces[form] = key
            aligned_only.add(form)
    if surfaces:
        rx = re.compile(lexicon.alternation(surfaces))
        for s in body:
            for m in rx.finditer(s.text):
                a, b = s.char_start + m.start(), s.char_start + m.end()
                if not HAN_RE.search(m.group()):
                    # Latin surfaces only as whole words
                    before = s.text[m.start() - 1] if m.start() else " "
                    after = s.text[m.end()] if m.end() < len(s.text) else " "
                    if before.isalpha() and before.isascii() or (after.isalpha() and after.islower()):
                        continue
                if m.group() in aligned_only and not (bounds and a in bounds and b in bounds):
                    continue
                if free(a, b):
                    take(a, b)
                    out.append((s.sentence_id, m.group(), a, b, surfaces[m.group()],
                                "short-form" if m.group() in aligned_only else "repeat"))
    out.sort(key=lambda x: x[2])
    return out


def _canonical_key(clusters: dict[str, _Cluster], key: str) -> str:
    cl = clusters.get(key)
    return cl.canonical() if cl else key


# ------------------------------------------------------------------ across the run

@dataclass
class PersonRow:
    person_id: str
    name: str
    aliases: list[str]
    n_mentions: int
    n_articles: int
    languages: list[str]
    link_evidence: list[str]


TRANSLIT_SOUND_RATIO = 0.85   # consonant skeletons this close: 马斯克 (msk) ~ Musk (msk), 布罗克曼 ~ Brockman
# Mandarin has no voicing contrast and few finals, so transliteration maps sound classes together:
# d/t, b/p, g/k, r/l; "hi" is written with x (Hinton → 辛顿), soft g and j with j/q/zh (Page → 佩奇).
_PINYIN_TO_LATIN = (("zh", "j"), ("ch", "j"), ("sh", "s"), ("x", "s"), ("q", "j"), ("c", "ts"), ("r", "l"),
                    ("d", "t"), ("b", "p"), ("g", "k"))
_LATIN_SOUNDS = (("ph", "f"), ("ck", "k"), ("ge", "je"), ("gi", "ji"), ("hi", "si"), ("ch", "j"), ("sch", "s"),
                 ("c", "k"), ("q", "k"), ("w", "v"), ("r", "l"), ("z", "ts"), ("y", "i"), ("d", "t"), ("b", "p"),
                 ("g", "k"), ("v", "f"))


def _skeleton(s: str) -> str:
    s = re.sub(r"[aeiouüy]+", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=65536)
def _zh_sound(chinese: str) -> str:
    """Consonant skeleton of a Chinese transliteration in Latin sound classes (马斯克 → msk)."""
    if not all(is_han(ch) for ch in chinese):
        return ""
    zh = "".join(_pinyin(chinese))
    for a, b in _PINYIN_TO_LATIN:
        zh = zh.replace(a, b)
    return _skeleton(zh.replace("v", "f")).replace("h", "")


@lru_cache(maxsize=65536)
def _latin_sound(latin: str) -> str:
    """Consonant skeleton of a Latin surname in the same sound classes (Musk → msk)."""
    if len(latin) < 3:
        return ""
    la = latin.lower()
    for a, b in _LATIN_SOUNDS:
        la = la.replace(a, b)
    return _skeleton(la.replace("h", ""))


def _sounds_like(chinese: str, latin: str) -> bool:
    """Does a Chinese transliteration sound like a Latin surname? Compares consonant skeletons."""
    sz, sl = _zh_sound(chinese), _latin_sound(latin)
    if len(sz) < 2 or len(sl) < 2:
        return False
    return SequenceMatcher(None, sz, sl).ratio() >= TRANSLIT_SOUND_RATIO


def _one_deletion(skeleton: str) -> set[str]:
    return {skeleton} | {skeleton[:i] + skeleton[i + 1:] for i in range(len(skeleton))}


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin   # imported on first use: 0.1 s

    return tuple(lazy_pinyin(text))


def _romanizations(name: str) -> tuple[str, ...]:
    """林嘉文 → ("linjiawen", "jiawenlin"): the pinyin of a native Chinese name in both name orders."""
    r = _res()
    py = _pinyin(name)
    if len(py) != len(name):
        return ()
    cut = 2 if name[:2] in r["surnames2"] else 1
    surname, given = "".join(py[:cut]), "".join(py[cut:])
    return (surname + given, given + surname)


def _latin_key(name: str) -> str:
    return re.sub(r"[\s\-'’.]", "", name).casefold()


def add_run_aliases(articles: Sequence[tuple[str, Sequence[Sentence], Sequence[Mention]]]) -> dict[str, list[Mention]]:
    """Mentions the run vouches for: a Chinese alias confirmed in one article (glossed with a Latin
    name, or a dotted full name) is a mention wherever else in the run it occurs unclaimed.
    Returns {article_id: mentions with the additions}, positions sorted."""
    confirmed: set[str] = set()
    for _, _, mentions in articles:
        by_key: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            by_key[m.person_key].add(m.text)
        for key, surfaces in by_key.items():
            latin = any(not HAN_RE.search(x) and len(x.split()) >= 2 for x in surfaces) or any("·" in _norm_dots(x) for x in surfaces)
            if latin:
                confirmed.update(x for x in surfaces if HAN_RE.search(x) and len(x) >= 2)
    out = {}
    rx = re.compile(lexicon.alternation(confirmed)) if confirmed else None
    for aid, sentences, mentions in articles:
        if rx is None:
            out[aid] = list(mentions)
            continue
        size = max([m.char_end for m in mentions] + [x.char_end for x in sentences] + [0]) + 1
        used = bytearray(size)
        for m in mentions:
            used[m.char_start:m.char_end] = b"\x01" * (m.char_end - m.char_start)
        keys = {m.text: m.person_key for m in mentions}
        added = []
        for s in sentences:
            if s.label not in BODY_LABELS:
                continue
            for m in rx.finditer(s.text):
                a, b = s.char_start + m.start(), s.char_start + m.end()
                if not any(used[a:b]):
                    used[a:b] = b"\x01" * (b - a)
                    added.append(Mention(s.sentence_id, m.group(), a, b, keys.get(m.group(), m.group()), "run-alias"))
        out[aid] = sorted(list(mentions) + added, key=lambda m: m.char_start)
    return out


def person_id(name: str) -> str:
    return "P" + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:10]


def _is_full(name: str) -> bool:
    if HAN_RE.search(name):
        return len(name.replace("·", "")) >= 2
    return len(name.split()) >= 2


def link_persons(articles: Iterable[tuple[str, str | None, Sequence[Mention]]]) -> tuple[dict[tuple[str, str], str], list[PersonRow]]:
    """Link article-local person keys across a run.

    ``articles``: (article_id, language, mentions). Returns {(article_id, person_key): person_id}
    and the rows of the ``persons`` table.
    """
    nodes: dict[tuple[str, str], dict] = {}
    for aid, lang, mentions in articles:
        for m in mentions:
            n = nodes.setdefault((aid, m.person_key), {"surfaces": Counter(), "lang": lang})
            n["surfaces"][m.text] += 1
    parent = {k: k for k in nodes}
    evidence: dict[tuple[str, str], list[str]] = defaultdict(list)

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b, why):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            evidence[a].append(why)
            evidence[b].append(why)

    # the same name (the article's key) across articles; a surname alone only while no full name
    # of the run could own it more than one way (checked below by the surname rule)
    by_name: dict[str, list] = defaultdict(list)
    for k in nodes:
        by_name[k[1].casefold()].append(k)
    for name, ks in by_name.items():
        if _is_full(ks[0][1]):
            for k in ks[1:]:
                union(ks[0], k, f"same-name:{ks[0][1]}")
    # glosses and full names: a full surface of one article that is another article's key
    surface_owner: dict[str, list] = defaultdict(list)
    for k, n in nodes.items():
        for s in n["surfaces"]:
            if _is_full(_norm_dots(s)) or (HAN_RE.search(s) and len(s) >= 2):
                surface_owner[_norm_dots(s).casefold()].append((k, s))
    for owners in surface_owner.values():
        # every owner joins one owner from another article: the components (and the evidence each
        # keeps) of joining all pairs, without the all pairs (4,000 CCTV articles name 习近平)
        first = owners[0][0]
        other = next((k for k, _ in owners if k[0] != first[0]), None)
        if other is None:
            continue
        for k, s in owners:
            union(k, first if k[0] != first[0] else other, f"shared-alias:{s}")
    # spelling variants of full Latin names (Ilya Sustkever ~ Ilya Sutskever)
    fulls = sorted({k[1] for k in nodes if not HAN_RE.search(k[1]) and len(k[1].split()) >= 2})
    by_shape: dict[tuple, list[str]] = defaultdict(list)     # variants share their last name's initial
    for x in fulls:
        by_shape[(len(x.split()), x.split()[-1][:1])].append(x)
    for group in by_shape.values():
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if _full_variant(x, y):
                    union(by_name[x.casefold()][0], by_name[y.casefold()][0], f"spelling:{x}~{y}")
    # a Chinese transliteration that sounds like exactly one Latin surname of the run (马斯克 ~ Musk)
    surnames: dict[str, set] = defaultdict(set)
    for k in nodes:
        if not HAN_RE.search(k[1]):
            surnames[k[1].split()[-1]].add(k)
    # skeletons this close differ by at most one consonant: index each by its one-deletion forms
    by_sound: dict[str, set[str]] = defaultdict(set)
    for sn in surnames:
        sl = _latin_sound(sn)
        if len(sl) >= 2:
            for form in _one_deletion(sl):
                by_sound[form].add(sn)
    for k in nodes:
        if HAN_RE.search(k[1]) and all(ch in _res()["translit"] or ch == "·" for ch in k[1]):
            last = k[1].split("·")[-1]
            near = {sn for form in _one_deletion(_zh_sound(last)) for sn in by_sound.get(form, ())}
            hits = {sn for sn in near if _sounds_like(last, sn)}
            roots = {find(x) for sn in hits for x in surnames[sn]}
            if len(roots) == 1:
                union(k, next(iter(roots)), f"transliteration:{last}~{'/'.join(sorted(hits))}")
    # a native Chinese name whose pinyin is a Latin full name of the run (林嘉文 = Lin Jiawen)
    latin_by_key: dict[str, set] = defaultdict(set)
    for k in nodes:
        if not HAN_RE.search(k[1]) and len(k[1].split()) >= 2:
            latin_by_key[_latin_key(k[1])].add(k)
    if latin_by_key:
        for k in nodes:
            name = k[1]
            if HAN_RE.search(name) and 2 <= len(name) <= 4 and name[:1] in _res()["surnames1"] | {n[:1] for n in _res()["surnames2"]}:
                hits = {find(x) for rom in _romanizations(name) for x in latin_by_key.get(rom, ())}
                if len(hits) == 1:
                    union(k, next(iter(hits)), f"pinyin:{name}")
    # a surname alone that exactly one full Latin name of the run ends with
    surname_owners: dict[str, set] = defaultdict(set)
    for k in nodes:
        parts = k[1].split()
        if len(parts) >= 2 and not HAN_RE.search(k[1]):
            surname_owners[parts[-1]].add(find(k))
    for k in nodes:
        if len(k[1].split()) == 1 and not HAN_RE.search(k[1]):
            owners = surname_owners.get(k[1], set())
            if len(owners) == 1:
                target = next(iter(owners))
                union(k, target, f"surname:{k[1]}")

    # a given name alone that exactly one full Latin name of the run starts with (Mira → Mira Murati)
    given_owners: dict[str, set] = defaultdict(set)
    for k in nodes:
        parts = k[1].split()
        if len(parts) >= 2 and not HAN_RE.search(k[1]):
            given_owners[parts[0]].add(find(k))
    for k in nodes:
        if len(k[1].split()) == 1 and not HAN_RE.search(k[1]) and k[1] in _res()["given"]:
            owners = {find(x) for x in given_owners.get(k[1], set())}
            if len(owners) == 1 and find(k) not in owners:
                union(k, next(iter(owners)), f"given-name:{k[1]}")

    # single names the surname and given-name rules left alone: the same word is the same person
    for name, ks in by_name.items():
        if not _is_full(ks[0][1]):
            for k in ks[1:]:
                union(ks[0], k, f"same-name:{ks[0][1]}")

    groups: dict[tuple[str, str], list] = defaultdict(list)
    for k in nodes:
        groups[find(k)].append(k)
    id_of: dict[tuple[str, str], str] = {}
    rows = []
    seen_ids: set[str] = set()
    for root, ks in sorted(groups.items(), key=lambda g: min(g[1])):
        surfaces = Counter()
        langs = set()
        for k in ks:
            surfaces.update(nodes[k]["surfaces"])
            if nodes[k]["lang"]:
                langs.add(nodes[k]["lang"])
        keys = Counter(k[1] for k in ks)
        latin = [n for n in keys if not HAN_RE.search(n) and len(n.split()) >= 2]
        zh = [n for n in keys if HAN_RE.search(n)]
        romanized = {rom for n in zh for rom in _romanizations(n)}
        latin = [n for n in latin if _latin_key(n) not in romanized]
        if latin:
            name = max(latin, key=lambda n: (keys[n], len(n.split()), n))
        elif zh:
            name = max(zh, key=lambda n: (len(n), keys[n], n))
        else:
            name = max(keys, key=lambda n: (keys[n], len(n), n))
        pid = person_id(name)
        n = 2
        while pid in seen_ids:             # two people the run could not link share a display name
            pid, n = f"{person_id(name)}-{n}", n + 1
        seen_ids.add(pid)
        for k in ks:
            id_of[k] = pid
        ev = sorted({e for k in ks for e in evidence.get(k, [])})
        rows.append(PersonRow(pid, name, sorted(surfaces), sum(surfaces.values()), len({k[0] for k in ks}),
                              sorted(langs), ev))
    rows.sort(key=lambda r: r.person_id)
    return id_of, rows
