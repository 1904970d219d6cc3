"""Stage 5 — persons across the run: article-local person keys → run-wide person ids, as map →
reduce steps over compact summaries, never over all results at once.

Map, per article (in any process): ``confirmed_aliases`` (the Chinese aliases an article
confirms: glossed with a Latin name, or a dotted full name); ``with_run_aliases`` (a confirmed
alias is a mention wherever else in the run it occurs unclaimed); ``article_nodes`` (the
article's person keys with their surfaces).

Reduce: ``AliasTable`` takes the nodes of every article in article-id order and keeps one
entry per *name* of the run, not per article: a full name (its key, casefolded) is one entry
however many articles use it; a single name (a surname alone) is one entry per key and
qualifying surfaces, with the number of articles it stands for. ``AliasTable.link`` runs the
linking rules over these entries — identical full names, glosses seen in any article
(奥特曼 = Sam Altman), spelling variants of a Latin name, a transliteration that sounds like
exactly one Latin surname of the run, the pinyin of a Chinese name, a surname or given name
alone that only one full name of the run carries — and gives each name a person id
(``Linking.person_of``, the alias table) and the rows of the ``persons`` table. A pass over the
articles then writes ``mentions.person_id`` from it. Every link keeps its evidence in
``persons.link_evidence``.

Memory grows with the distinct names of a run, not its articles. The rules give the same ids,
rows and evidence as running them over every (article, key) node (tests/linking_reference.py).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..model import BODY_LABELS, Mention, PersonRow, RunPersons, Sentence
from ..text import HAN_RE, alternation, is_han
from .names import (
    article_bound,
    before_doctrine,
    dictionary_words,
    full_variant,
    jieba_dictionary,
    lexicons,
    norm_dots,
    untagged,
)

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


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin  # imported on first use: 0.1 s

    return tuple(lazy_pinyin(text))


def _romanizations(name: str) -> tuple[str, ...]:
    """林嘉文 → ("linjiawen", "jiawenlin"): the pinyin of a native Chinese name in both name orders."""
    r = lexicons()
    py = _pinyin(name)
    if len(py) != len(name):
        return ()
    cut = 2 if name[:2] in r["surnames2"] else 1
    surname, given = "".join(py[:cut]), "".join(py[cut:])
    return (surname + given, given + surname)


def _latin_key(name: str) -> str:
    return re.sub(r"[\s\-'’.]", "", name).casefold()


def person_id(name: str) -> str:
    return "P" + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:10]


def _is_full(name: str) -> bool:
    name = untagged(name)
    if HAN_RE.search(name):
        return len(name.replace("·", "")) >= 2
    return len(name.split()) >= 2


# ---------------------------------------------------------------- map: one article at a time

def _qualifies(surface: str) -> bool:
    """A surface that can link two articles by itself: a full name, or a Chinese alias of two characters or
    more, but never a surname with a form of address (陈先生 names someone of one article)."""
    if article_bound(surface):
        return False
    return _is_full(norm_dots(surface)) or (bool(HAN_RE.search(surface)) and len(surface) >= 2)


def confirmed_aliases(mentions: Sequence[Mention]) -> set[str]:
    """The Chinese aliases one article confirms: surfaces of a person key that also has a Latin
    full name or a dotted full name among its surfaces, unless jieba knows them as a common word."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        by_key[m.person_key].add(m.text)
    out: set[str] = set()
    for surfaces in by_key.values():
        latin = any(not HAN_RE.search(x) and len(x.split()) >= 2 for x in surfaces) or any("·" in norm_dots(x) for x in surfaces)
        if latin:
            out.update(x for x in surfaces if HAN_RE.search(x) and len(x) >= 2 and not _common_word(x))
    return out


def _common_word(text: str) -> bool:
    """保安, 首先: a word of jieba's dictionary that confirms nothing (the dictionary is read only
    when an article has a Chinese surface to test: not at all in a German run)."""
    words, function = dictionary_words()
    return text in words or text in function


RUN_NAME_ARTICLES = 3   # articles that must accept a Chinese full name before the run finds it everywhere


def full_chinese_names(mentions: Sequence[Mention]) -> set[str]:
    """The Chinese names of three or four characters one article accepts, a surname first and no
    common word (four-character ones also to tell which names are the tail of another): a name
    accepted in ``RUN_NAME_ARTICLES`` articles is
    a confirmed alias of the run, found wherever it stands (贯彻落实习近平总书记…, where the
    recognizer alone does not take it)."""
    r = lexicons()

    def surname_first(t: str) -> bool:
        return t[:1] in r["any_surname"] or t[:2] in r["surnames2"]

    return {m.text for m in mentions if m.source != "run-alias" and 3 <= len(m.text) <= 4
            and all(is_han(ch) for ch in m.text) and surname_first(m.text) and not _common_word(m.text)}


COMMON_GIVEN_FREQ = 1000   # jieba frequency from which a given-name part is a common word (水平, 质量)


@lru_cache(maxsize=1)
def _common_two_char_words() -> frozenset[str]:
    """Two-character words jieba's dictionary counts often under a tag other than a name's (水平,
    质量): a "name" of a surname and such a word (高水平) is a recognizer's slip that would repeat
    across the run."""
    return frozenset(w for w, freq, tag in re.findall(r"^(\S\S) (\d+) (\S+)$", jieba_dictionary(), re.M)
                     if not tag.startswith("nr") and int(freq) >= COMMON_GIVEN_FREQ)


_BODY_END = frozenset("署局处部厅院所馆站台队军党会社")   # a name ending so is an office or a body (康文署)


def run_names(counts: Counter) -> set[str]:
    """The full names of ``full_chinese_names`` that enough articles of the run accept: not the tail
    of a longer accepted name (郑月娥 of 林郑月娥), not an office or a body, not a known non-name."""
    r = lexicons()
    longer = [n for n, k in counts.items() if len(n) >= 4 and k >= RUN_NAME_ARTICLES]
    return {n for n, k in counts.items() if k >= RUN_NAME_ARTICLES and n[-1] not in _BODY_END
            and n not in r["not"] and n[-2:] not in _common_two_char_words() and (len(n) == 3 or n[:2] in r["surnames2"])
            and not any(x.endswith(n) and x != n for x in longer)}


# a number right after a word that is not a date (3日, 5月): a quantity the word modifies
_QUANTITY_AFTER = re.compile(r"[\d０-９.,%]+(?![\d０-９]*[日月年号时])"
                             r"|[一二三四五六七八九十百千万亿两几]+(?:[多余])?[万亿千百%倍成个名人元]")


def alias_pattern(confirmed) -> re.Pattern | None:
    """The run's confirmed aliases as one pattern (None when there are none)."""
    return re.compile(alternation(set(confirmed))) if confirmed else None


def with_run_aliases(sentences: Sequence[Sentence], mentions: Sequence[Mention], rx: re.Pattern | None) -> list[Mention]:
    """The article's mentions plus every unclaimed occurrence of a confirmed alias in its body
    sentences (``source`` "run-alias"), sorted by position."""
    if rx is None:
        return list(mentions)
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
            if _QUANTITY_AFTER.match(s.text, m.end()) or before_doctrine(s.text, m.end()):
                continue           # 高达3000万: "as high as" before a quantity, not Godard; 马克思主义
            if not any(used[a:b]):
                used[a:b] = b"\x01" * (b - a)
                added.append(Mention(s.sentence_id, m.group(), a, b, keys.get(m.group(), m.group()), "run-alias"))
    return sorted(list(mentions) + added, key=lambda m: m.char_start)


def article_nodes(mentions: Sequence[Mention]) -> list[tuple[str, tuple[tuple[str, int], ...]]]:
    """The article's person keys in order of first mention, each with its surfaces and how often
    each occurs (in order of first occurrence): what the alias table needs of an article."""
    nodes: dict[str, Counter] = {}
    for m in mentions:
        nodes.setdefault(m.person_key, Counter())[m.text] += 1
    return [(key, tuple(c.items())) for key, c in nodes.items()]


# ---------------------------------------------------------------- reduce: the alias table

class _Name:
    """One entry of the alias table: every node (article, key) of a full name, or of a single name
    with the same key and qualifying surfaces; ``nodes`` says how many."""
    __slots__ = ("key", "full", "nodes", "keys", "key_pos", "surfaces", "langs", "min_node", "first_pos")

    def __init__(self, key: str, full: bool, pos: int, node: tuple[str, str]):
        self.key, self.full, self.nodes, self.first_pos, self.min_node = key, full, 0, pos, node
        self.keys: Counter = Counter()          # exact key -> nodes
        self.key_pos: dict[str, list[int]] = {}  # exact key -> [first, last] node position
        self.surfaces: Counter = Counter()
        self.langs: set[str] = set()


class AliasTable:
    """The run's names, fed article by article in article-id order (``add``), then linked (``link``).

    Positions (``pos``) number the nodes in the order a node-by-node pass over the run meets them:
    the rules that depend on order use them, so linking does not depend on how the run was split."""

    def __init__(self):
        self.names: list[_Name] = []
        self.n_articles = 0
        self.pos = 0
        self.class_full: dict[str, bool] = {}          # casefolded key -> full name? (decided by its first node)
        self.class_key: dict[str, str] = {}            # casefolded key -> exact key of its first node
        self.full_of: dict[str, int] = {}              # casefolded full key -> entry
        self.single_of: dict[tuple, int] = {}          # (key, qualifying surfaces) -> entry
        self.singles: dict[str, list[int]] = {}        # casefolded single key -> its entries
        # normalized surface -> entry -> [(pos, i), article, surface, pos elsewhere]
        self.owners: dict[str, dict[int, list]] = {}
        self._last_aid: str | None = None

    def add(self, aid: str, lang: str | None, nodes: Sequence[tuple[str, Sequence[tuple[str, int]]]]) -> None:
        if self._last_aid is not None and aid <= self._last_aid:
            raise ValueError(f"articles must come in article-id order: {aid!r} after {self._last_aid!r}")
        self._last_aid = aid
        article = self.n_articles
        self.n_articles += 1
        for key, surfaces in nodes:
            self._add_node(aid, article, lang, key, surfaces)

    def _add_node(self, aid, article, lang, key, surfaces) -> None:
        pos = self.pos
        self.pos += 1
        c = key.casefold()
        full = self.class_full.setdefault(c, _is_full(key))
        self.class_key.setdefault(c, key)
        if full:
            i = self.full_of.get(c)
            if i is None:
                i = self.full_of[c] = self._new(key, True, pos, (aid, key))
        else:
            sig = (key, tuple(s for s, _ in surfaces if _qualifies(s)))
            i = self.single_of.get(sig)
            if i is None:
                i = self.single_of[sig] = self._new(key, False, pos, (aid, key))
                self.singles.setdefault(c, []).append(i)
        n = self.names[i]
        n.nodes += 1
        n.keys[key] += 1
        span = n.key_pos.setdefault(key, [pos, pos])
        span[1] = pos
        n.min_node = min(n.min_node, (aid, key))
        for s, count in surfaces:
            n.surfaces[s] += count
        if lang:
            n.langs.add(lang)
        for j, (s, _) in enumerate(surfaces):
            if _qualifies(s):
                owned = self.owners.setdefault(norm_dots(s).casefold(), {})
                e = owned.get(i)
                if e is None:
                    owned[i] = [(pos, j), article, s, None]
                elif e[3] is None and e[1] != article:
                    e[3] = (pos, j)

    def _new(self, key, full, pos, node) -> int:
        self.names.append(_Name(key, full, pos, node))
        return len(self.names) - 1

    def link(self) -> "Linking":
        """Run the linking rules over the table; each rule sees the links of the ones before."""
        u = _Union(self)
        _link_same_full_names(self, u)
        _link_shared_aliases(self, u)
        _link_spelling_variants(self, u)
        _link_transliterations(self, u)
        _link_pinyin(self, u)
        _link_surnames(self, u)
        _link_given_names(self, u)
        _link_same_single_names(self, u)
        return _persons(self, u)


class _Union:
    """Union-find over the entries of an alias table, with the evidence of each group. A single
    name that stands for several nodes is *split* (each node its own group, as a node-by-node
    pass has it) until a rule first links it; then all its nodes go together."""

    def __init__(self, table: AliasTable):
        n = len(table.names)
        self.parent = list(range(n))
        self.evidence: list[set[str] | None] = [None] * n
        self.split = [not x.full and x.nodes >= 2 for x in table.names]

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def record(self, i: int, why: str) -> None:
        r = self.find(i)
        if self.evidence[r] is None:
            self.evidence[r] = set()
        self.evidence[r].add(why)

    def union(self, a: int, b: int) -> None:
        self.split[a] = self.split[b] = False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if (self.evidence[ra] is None) or (self.evidence[rb] is not None and len(self.evidence[rb]) > len(self.evidence[ra])):
                ra, rb = rb, ra
            self.parent[rb] = ra
            if self.evidence[rb]:
                if self.evidence[ra] is None:
                    self.evidence[ra] = set()
                self.evidence[ra] |= self.evidence[rb]
            self.evidence[rb] = None

    def link(self, a: int, b: int, why: str) -> None:
        """Link every node of ``a`` with ``b``'s group, keeping ``why`` when that joins groups."""
        if self.split[a] or self.split[b] or self.find(a) != self.find(b):
            self.record(a, why)
        self.union(a, b)


def _in_order(events):
    """(position, entry, key) evaluation points sorted as a node-by-node pass meets them."""
    return sorted(events)


def _points(name: _Name, i: int, key: str):
    """Where a node-by-node pass evaluates the nodes of ``key`` in entry ``i``: its first and last
    node (a rule whose condition can only become true as groups merge holds at some node of the
    key exactly when it holds at the last)."""
    first, last = name.key_pos[key]
    return [(first, i, key)] if first == last else [(first, i, key), (last, i, key)]


def _link_same_full_names(t: AliasTable, u: _Union) -> None:
    """The same full name (the article's key) across articles: one entry already; the evidence."""
    for i in t.full_of.values():
        if t.names[i].nodes >= 2:
            u.record(i, f"same-name:{t.names[i].key}")


def _link_shared_aliases(t: AliasTable, u: _Union) -> None:
    """Glosses and full names: a full surface of one article that is another article's surface.
    Each owner joins the first owner (or, in the first owner's article, the first owner elsewhere)."""
    for owned in t.owners.values():
        entries = list(owned.items())
        first, (_, first_article, s0, _) = entries[0]
        other, best = None, None
        for i, (pos, article, _, elsewhere) in entries:
            at = pos if article != first_article else elsewhere
            if at is not None and (best is None or at < best):
                best, other = at, i
        if other is None:
            continue
        loose = {i for i, _ in entries if u.split[i]}
        why0 = f"shared-alias:{s0}"
        if first == other:
            if first in loose:
                u.record(first, why0)
        elif first in loose or other in loose or u.find(first) != u.find(other):
            u.record(first, why0)
        u.union(first, other)
        for i, (_, _, s, _) in entries:
            if i in loose:                  # its nodes were each their own group: each joins, saying why
                u.record(i, f"shared-alias:{s}")
            elif i not in (first, other) and u.find(i) != u.find(first):
                u.record(i, f"shared-alias:{s}")
            u.union(i, first)


def _latin_full_keys(t: AliasTable):
    """(entry, exact key) of every Latin full name of the run."""
    for i in t.full_of.values():
        for k in t.names[i].keys:
            if not HAN_RE.search(k) and len(k.split()) >= 2:
                yield i, k


def _link_spelling_variants(t: AliasTable, u: _Union) -> None:
    """Spelling variants of full Latin names (Ilya Sustkever ~ Ilya Sutskever)."""
    fulls = sorted({k for _, k in _latin_full_keys(t)})
    by_shape: dict[tuple, list[str]] = defaultdict(list)     # variants share their last name's initial
    for x in fulls:
        by_shape[(len(x.split()), x.split()[-1][:1])].append(x)
    for group in by_shape.values():
        for a, x in enumerate(group):
            for y in group[a + 1:]:
                if full_variant(x, y):
                    u.link(t.full_of[x.casefold()], t.full_of[y.casefold()], f"spelling:{x}~{y}")


def _count(u: _Union, t: AliasTable, entries) -> tuple[set[int], int]:
    roots, loose = set(), 0
    for i in entries:
        if u.split[i]:
            loose += t.names[i].nodes
        else:
            roots.add(u.find(i))
    return roots, loose


def _link_transliterations(t: AliasTable, u: _Union) -> None:
    """A Chinese transliteration and the surname of a Latin full name of the run that are each the
    only one of the run with their consonant skeleton (马斯克 = Elon Musk, 辛顿 = Geoffrey Hinton).
    Skeletons one consonant apart, lone Latin names, or a skeleton several transliterations or
    surnames share linked mostly different people on 2,000 real articles (特朗普 ~ Drogba,
    马哈蒂尔 ~ Martial, 唐 ~ Dunning)."""
    surnames: dict[str, set[int]] = defaultdict(set)
    for i, n in enumerate(t.names):
        for k in n.keys:
            if not HAN_RE.search(k) and len(k.split()) >= 2:
                surnames[k.split()[-1]].add(i)
    by_sound: dict[str, set[str]] = defaultdict(set)     # surnames of Latin full names by consonant skeleton
    for sn in surnames:
        sl = _latin_sound(sn)
        if len(sl) >= 2:
            by_sound[sl].add(sn)
    translit = lexicons()["translit"]
    events = []
    zh_by_sound: dict[str, set[str]] = defaultdict(set)
    for i, n in enumerate(t.names):
        for k in n.keys:
            if HAN_RE.search(k) and all(ch in translit or ch == "·" for ch in k):
                events += _points(n, i, k)
                zh_by_sound[_zh_sound(k.split("·")[-1])].add(k.split("·")[-1])
    for _, i, k in _in_order(events):
        last = k.split("·")[-1]
        sound = _zh_sound(last)
        hits = by_sound.get(sound, set())
        if len(hits) != 1 or len(zh_by_sound[sound]) != 1:
            continue
        roots, loose = _count(u, t, {x for sn in hits for x in surnames[sn]})
        if len(roots) == 1 and not loose:
            u.link(i, next(iter(roots)), f"transliteration:{last}~{'/'.join(sorted(hits))}")


def _link_pinyin(t: AliasTable, u: _Union) -> None:
    """A native Chinese name whose pinyin is a Latin full name of the run (林嘉文 = Lin Jiawen)."""
    latin_by_key: dict[str, set[int]] = defaultdict(set)
    for i, k in _latin_full_keys(t):
        latin_by_key[_latin_key(k)].add(i)
    if not latin_by_key:
        return
    r = lexicons()
    first_chars = r["surnames1"] | {n[:1] for n in r["surnames2"]}
    events = []
    for i, n in enumerate(t.names):
        for k in n.keys:
            if HAN_RE.search(k) and 2 <= len(k) <= 4 and k[:1] in first_chars:
                events += _points(n, i, k)
    for _, i, k in _in_order(events):
        hits = {u.find(x) for rom in _romanizations(k) for x in latin_by_key.get(rom, ())}
        if len(hits) == 1:
            u.link(i, next(iter(hits)), f"pinyin:{k}")


def _single_latin(t: AliasTable):
    """Entries of single Latin names (a surname or given name alone), in order of their first node."""
    return sorted((n.first_pos, i) for i, n in enumerate(t.names)
                  if not n.full and len(n.key.split()) == 1 and not HAN_RE.search(n.key))


def _link_surnames(t: AliasTable, u: _Union) -> None:
    """A surname alone that exactly one full Latin name of the run ends with."""
    surname_owners: dict[str, set[int]] = defaultdict(set)
    for i, k in _latin_full_keys(t):
        surname_owners[k.split()[-1]].add(u.find(i))
    for _, i in _single_latin(t):
        owners = surname_owners.get(t.names[i].key, set())
        if len(owners) == 1:
            u.link(i, next(iter(owners)), f"surname:{t.names[i].key}")


def _link_given_names(t: AliasTable, u: _Union) -> None:
    """A given name alone that exactly one full Latin name of the run starts with (Mira → Mira Murati)."""
    given_owners: dict[str, set[int]] = defaultdict(set)
    for i, k in _latin_full_keys(t):
        given_owners[k.split()[0]].add(u.find(i))
    given = lexicons()["given"]
    events = []
    for _, i in _single_latin(t):
        if t.names[i].key in given:
            events += _points(t.names[i], i, t.names[i].key)
    for _, i, k in _in_order(events):
        owners = {u.find(x) for x in given_owners.get(k, set())}
        if len(owners) == 1 and (u.split[i] or u.find(i) not in owners):
            u.link(i, next(iter(owners)), f"given-name:{k}")


def _link_same_single_names(t: AliasTable, u: _Union) -> None:
    """Single names the surname and given-name rules left alone: the same word is the same person."""
    for c, entries in t.singles.items():
        if sum(t.names[i].nodes for i in entries) < 2:
            continue
        if any(u.split[i] for i in entries) or len({u.find(i) for i in entries}) > 1:
            u.record(entries[0], f"same-name:{t.class_key[c]}")
        for i in entries[1:]:
            u.union(entries[0], i)
        u.split[entries[0]] = False


# ---------------------------------------------------------------- the linked run

@dataclass
class Linking:
    """What linking gives: the alias table (casefolded person key → person id) and the persons
    rows (``n_articles`` left 0: a pass over the articles counts it, ``count_articles``)."""
    person_of: dict[str, str]
    rows: list[PersonRow]

    def id_of(self, person_key: str) -> str:
        return self.person_of[person_key.casefold()]


def _persons(t: AliasTable, u: _Union) -> Linking:
    """One person per linked group: its display name (a Latin full name unless it is only the
    pinyin of a Chinese one, else the longest Chinese name), id, aliases and evidence."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(t.names)):
        groups[u.find(i)].append(i)
    person_of: dict[str, str] = {}
    rows = []
    seen_ids: set[str] = set()
    for root, members in sorted(groups.items(), key=lambda g: min(t.names[i].min_node for i in g[1])):
        surfaces, keys, langs = Counter(), Counter(), set()
        for i in members:
            surfaces.update(t.names[i].surfaces)
            keys.update(t.names[i].keys)
            langs |= t.names[i].langs
        latin = [n for n in keys if not HAN_RE.search(n) and len(n.split()) >= 2]
        zh = [n for n in keys if HAN_RE.search(n)]
        romanized = {rom for n in zh for rom in _romanizations(n)}
        latin = [n for n in latin if _latin_key(n) not in romanized]
        if latin:
            name = max(latin, key=lambda n: (keys[n], len(n.split()), n))
        elif zh:
            name = max(zh, key=lambda n: (len(untagged(n)), keys[n], n))
        else:
            name = max(keys, key=lambda n: (keys[n], len(n), n))
        name = untagged(name)
        pid = person_id(name)
        n = 2
        while pid in seen_ids:             # two people the run could not link share a display name
            pid, n = f"{person_id(name)}-{n}", n + 1
        seen_ids.add(pid)
        for k in keys:
            person_of[k.casefold()] = pid
        rows.append(PersonRow(pid, name, sorted(surfaces), sum(surfaces.values()), 0, sorted(langs),
                              sorted(u.evidence[root] or ())))
    rows.sort(key=lambda r: r.person_id)
    return Linking(person_of, rows)


def count_articles(linking: Linking, articles_keys: Iterable[Iterable[str]]) -> None:
    """Fill ``n_articles`` of the rows from the person keys of each article (one iterable per article)."""
    counts = Counter(pid for keys in articles_keys for pid in {linking.id_of(k) for k in keys})
    for r in linking.rows:
        r.n_articles = counts.get(r.person_id, 0)


# ---------------------------------------------------------------- a run held in memory

def link_run(articles: Iterable[tuple[str, str | None, Sequence[Sentence], Sequence[Mention]]]) -> RunPersons:
    """Stage 5 over a run held in memory: (article id, language, sentences, mentions) of every
    article → mentions with the run's aliases added, linked to run-wide person ids. The same
    map and reduce steps the pipeline runs over part files. Articles are taken in article-id
    order, so the ids do not depend on the order they come in."""
    articles = sorted(articles, key=lambda a: a[0])
    mentions = add_run_aliases([(aid, sentences, found) for aid, _, sentences, found in articles])
    id_of, rows = link_persons((aid, lang, mentions[aid]) for aid, lang, _, _ in articles)
    return RunPersons(mentions, id_of, rows)


def add_run_aliases(articles: Sequence[tuple[str, Sequence[Sentence], Sequence[Mention]]]) -> dict[str, list[Mention]]:
    """Mentions the run vouches for (``confirmed_aliases`` of every article, then
    ``with_run_aliases`` in each): {article_id: mentions with the additions}, positions sorted."""
    confirmed = set().union(*(confirmed_aliases(mentions) for _, _, mentions in articles)) if articles else set()
    rx = alias_pattern(confirmed)
    return {aid: with_run_aliases(sentences, mentions, rx) for aid, sentences, mentions in articles}


def link_persons(articles: Iterable[tuple[str, str | None, Sequence[Mention]]]
                 ) -> tuple[dict[tuple[str, str], str], list[PersonRow]]:
    """Link article-local person keys across a run held in memory.

    ``articles``: (article_id, language, mentions). Returns {(article_id, person_key): person_id}
    and the rows of the ``persons`` table."""
    articles = sorted(articles, key=lambda a: a[0])
    table = AliasTable()
    for aid, lang, mentions in articles:
        table.add(aid, lang, article_nodes(mentions))
    linking = table.link()
    count_articles(linking, ({m.person_key for m in mentions} for _, _, mentions in articles))
    id_of = {(aid, m.person_key): linking.id_of(m.person_key) for aid, _, mentions in articles for m in mentions}
    return id_of, linking.rows
