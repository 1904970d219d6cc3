"""Stage 5 — persons across the run: article-local person keys → run-wide person ids.

``add_run_aliases``: a Chinese alias confirmed in one article (glossed with a Latin name, or a
dotted full name) is a mention wherever else in the run it occurs unclaimed.
``link_persons``: identical full names, glosses seen in any article (奥特曼 = Sam Altman),
spelling variants of a Latin name, a transliteration that sounds like exactly one Latin surname
of the run, the pinyin of a Chinese name, and a surname or given name alone that only one full
name of the run carries, give one person id. Every link keeps its evidence in
``persons.link_evidence``.

Reads (article id, language, mentions) of every article; returns the id of every
(article, person key) and the rows of the ``persons`` table (``model.PersonRow``).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, Sequence

from ..model import BODY_LABELS, Mention, PersonRow, RunPersons, Sentence
from ..text import HAN_RE, alternation, is_han
from .names import full_variant, lexicons, norm_dots

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


def link_run(articles: Iterable[tuple[str, str | None, Sequence[Sentence], Sequence[Mention]]]) -> RunPersons:
    """Stage 5 over a run: (article id, language, sentences, mentions) of every article →
    mentions with the run's aliases added, linked to run-wide person ids. Articles are taken in
    article-id order, so the ids do not depend on the order they come in."""
    articles = sorted(articles, key=lambda a: a[0])
    mentions = add_run_aliases([(aid, sentences, found) for aid, _, sentences, found in articles])
    id_of, rows = link_persons((aid, lang, mentions[aid]) for aid, lang, _, _ in articles)
    return RunPersons(mentions, id_of, rows)


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
            latin = any(not HAN_RE.search(x) and len(x.split()) >= 2 for x in surfaces) \
                or any("·" in norm_dots(x) for x in surfaces)
            if latin:
                confirmed.update(x for x in surfaces if HAN_RE.search(x) and len(x) >= 2)
    out = {}
    rx = re.compile(alternation(confirmed)) if confirmed else None
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


class _Links:
    """Union-find over (article id, person key) nodes, keeping why each node was linked."""

    def __init__(self, articles: Iterable[tuple[str, str | None, Sequence[Mention]]]):
        self.nodes: dict[tuple[str, str], dict] = {}
        for aid, lang, mentions in articles:
            for m in mentions:
                n = self.nodes.setdefault((aid, m.person_key), {"surfaces": Counter(), "lang": lang})
                n["surfaces"][m.text] += 1
        self.parent = {k: k for k in self.nodes}
        self.evidence: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_name: dict[str, list] = defaultdict(list)      # the article's key, casefolded -> nodes
        for k in self.nodes:
            self.by_name[k[1].casefold()].append(k)

    def find(self, k):
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(self, a, b, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.evidence[a].append(why)
            self.evidence[b].append(why)


def link_persons(articles: Iterable[tuple[str, str | None, Sequence[Mention]]]
                 ) -> tuple[dict[tuple[str, str], str], list[PersonRow]]:
    """Link article-local person keys across a run.

    ``articles``: (article_id, language, mentions). Returns {(article_id, person_key): person_id}
    and the rows of the ``persons`` table. The rules run in this order, each seeing the links
    of the ones before."""
    links = _Links(articles)
    _link_same_full_names(links)
    _link_shared_aliases(links)
    _link_spelling_variants(links)
    _link_transliterations(links)
    _link_pinyin(links)
    _link_surnames(links)
    _link_given_names(links)
    _link_same_single_names(links)
    return _person_rows(links)


def _link_same_full_names(links: _Links) -> None:
    """The same full name (the article's key) across articles; a surname alone waits for the
    surname rule, which checks that no two full names of the run could own it."""
    for name, ks in links.by_name.items():
        if _is_full(ks[0][1]):
            for k in ks[1:]:
                links.union(ks[0], k, f"same-name:{ks[0][1]}")


def _link_shared_aliases(links: _Links) -> None:
    """Glosses and full names: a full surface of one article that is another article's surface."""
    surface_owner: dict[str, list] = defaultdict(list)
    for k, n in links.nodes.items():
        for s in n["surfaces"]:
            if _is_full(norm_dots(s)) or (HAN_RE.search(s) and len(s) >= 2):
                surface_owner[norm_dots(s).casefold()].append((k, s))
    for owners in surface_owner.values():
        # every owner joins one owner from another article: the components (and the evidence each
        # keeps) of joining all pairs, without the all pairs (4,000 CCTV articles name 习近平)
        first = owners[0][0]
        other = next((k for k, _ in owners if k[0] != first[0]), None)
        if other is None:
            continue
        for k, s in owners:
            links.union(k, first if k[0] != first[0] else other, f"shared-alias:{s}")


def _link_spelling_variants(links: _Links) -> None:
    """Spelling variants of full Latin names (Ilya Sustkever ~ Ilya Sutskever)."""
    fulls = sorted({k[1] for k in links.nodes if not HAN_RE.search(k[1]) and len(k[1].split()) >= 2})
    by_shape: dict[tuple, list[str]] = defaultdict(list)     # variants share their last name's initial
    for x in fulls:
        by_shape[(len(x.split()), x.split()[-1][:1])].append(x)
    for group in by_shape.values():
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if full_variant(x, y):
                    links.union(links.by_name[x.casefold()][0], links.by_name[y.casefold()][0], f"spelling:{x}~{y}")


def _link_transliterations(links: _Links) -> None:
    """A Chinese transliteration that sounds like exactly one Latin surname of the run (马斯克 ~ Musk)."""
    surnames: dict[str, set] = defaultdict(set)
    for k in links.nodes:
        if not HAN_RE.search(k[1]):
            surnames[k[1].split()[-1]].add(k)
    # skeletons this close differ by at most one consonant: index each by its one-deletion forms
    by_sound: dict[str, set[str]] = defaultdict(set)
    for sn in surnames:
        sl = _latin_sound(sn)
        if len(sl) >= 2:
            for form in _one_deletion(sl):
                by_sound[form].add(sn)
    translit = lexicons()["translit"]
    for k in links.nodes:
        if HAN_RE.search(k[1]) and all(ch in translit or ch == "·" for ch in k[1]):
            last = k[1].split("·")[-1]
            near = {sn for form in _one_deletion(_zh_sound(last)) for sn in by_sound.get(form, ())}
            hits = {sn for sn in near if _sounds_like(last, sn)}
            roots = {links.find(x) for sn in hits for x in surnames[sn]}
            if len(roots) == 1:
                links.union(k, next(iter(roots)), f"transliteration:{last}~{'/'.join(sorted(hits))}")


def _link_pinyin(links: _Links) -> None:
    """A native Chinese name whose pinyin is a Latin full name of the run (林嘉文 = Lin Jiawen)."""
    latin_by_key: dict[str, set] = defaultdict(set)
    for k in links.nodes:
        if not HAN_RE.search(k[1]) and len(k[1].split()) >= 2:
            latin_by_key[_latin_key(k[1])].add(k)
    if not latin_by_key:
        return
    r = lexicons()
    first_chars = r["surnames1"] | {n[:1] for n in r["surnames2"]}
    for k in links.nodes:
        name = k[1]
        if HAN_RE.search(name) and 2 <= len(name) <= 4 and name[:1] in first_chars:
            hits = {links.find(x) for rom in _romanizations(name) for x in latin_by_key.get(rom, ())}
            if len(hits) == 1:
                links.union(k, next(iter(hits)), f"pinyin:{name}")


def _link_surnames(links: _Links) -> None:
    """A surname alone that exactly one full Latin name of the run ends with."""
    surname_owners: dict[str, set] = defaultdict(set)
    for k in links.nodes:
        parts = k[1].split()
        if len(parts) >= 2 and not HAN_RE.search(k[1]):
            surname_owners[parts[-1]].add(links.find(k))
    for k in links.nodes:
        if len(k[1].split()) == 1 and not HAN_RE.search(k[1]):
            owners = surname_owners.get(k[1], set())
            if len(owners) == 1:
                links.union(k, next(iter(owners)), f"surname:{k[1]}")


def _link_given_names(links: _Links) -> None:
    """A given name alone that exactly one full Latin name of the run starts with (Mira → Mira Murati)."""
    given_owners: dict[str, set] = defaultdict(set)
    for k in links.nodes:
        parts = k[1].split()
        if len(parts) >= 2 and not HAN_RE.search(k[1]):
            given_owners[parts[0]].add(links.find(k))
    given = lexicons()["given"]
    for k in links.nodes:
        if len(k[1].split()) == 1 and not HAN_RE.search(k[1]) and k[1] in given:
            owners = {links.find(x) for x in given_owners.get(k[1], set())}
            if len(owners) == 1 and links.find(k) not in owners:
                links.union(k, next(iter(owners)), f"given-name:{k[1]}")


def _link_same_single_names(links: _Links) -> None:
    """Single names the surname and given-name rules left alone: the same word is the same person."""
    for name, ks in links.by_name.items():
        if not _is_full(ks[0][1]):
            for k in ks[1:]:
                links.union(ks[0], k, f"same-name:{ks[0][1]}")


def _person_rows(links: _Links) -> tuple[dict[tuple[str, str], str], list[PersonRow]]:
    """One person per linked group: its display name (a Latin full name unless it is only the
    pinyin of a Chinese one, else the longest Chinese name), id, aliases and evidence."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for k in links.nodes:
        groups[links.find(k)].append(k)
    id_of: dict[tuple[str, str], str] = {}
    rows = []
    seen_ids: set[str] = set()
    for root, ks in sorted(groups.items(), key=lambda g: min(g[1])):
        surfaces = Counter()
        langs = set()
        for k in ks:
            surfaces.update(links.nodes[k]["surfaces"])
            if links.nodes[k]["lang"]:
                langs.add(links.nodes[k]["lang"])
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
        ev = sorted({e for k in ks for e in links.evidence.get(k, [])})
        rows.append(PersonRow(pid, name, sorted(surfaces), sum(surfaces.values()), len({k[0] for k in ks}),
                              sorted(langs), ev))
    rows.sort(key=lambda r: r.person_id)
    return id_of, rows
