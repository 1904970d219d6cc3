"""A frozen copy of the node-level person linking of extract 0.1 (``persons.linking.link_persons``
before linking ran over an alias table): the yardstick the alias-table mechanism must equal,
id for id and row for row, on the same input (tests/test_linking.py). Its rules (the policy) use
the helpers of ``extract.persons.linking``; only the way they are run over the run is frozen here.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from extract.model import Mention, PersonRow
from extract.persons.linking import _latin_key, _latin_sound, _romanizations, _zh_sound
from extract.persons.names import article_bound, full_variant, lexicons, norm_dots, untagged
from extract.text import HAN_RE


def person_id(name: str) -> str:
    return "P" + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:10]


def _is_full(name: str) -> bool:
    name = untagged(name)
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


def link_persons(articles: Iterable[tuple[str, str | None, Sequence[Mention]]]) -> tuple[dict[tuple[str, str], str], list[PersonRow]]:
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
            if not article_bound(s) and (_is_full(norm_dots(s)) or (HAN_RE.search(s) and len(s) >= 2)):
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
    """A Chinese transliteration and a Latin full name's surname, each the only one of the run with
    their consonant skeleton (马斯克 = Elon Musk)."""
    surnames: dict[str, set] = defaultdict(set)
    for k in links.nodes:
        if not HAN_RE.search(k[1]) and len(k[1].split()) >= 2:
            surnames[k[1].split()[-1]].add(k)
    by_sound: dict[str, set[str]] = defaultdict(set)
    for sn in surnames:
        sl = _latin_sound(sn)
        if len(sl) >= 2:
            by_sound[sl].add(sn)
    translit = lexicons()["translit"]
    zh_by_sound: dict[str, set[str]] = defaultdict(set)
    for k in links.nodes:
        if HAN_RE.search(k[1]) and all(ch in translit or ch == "·" for ch in k[1]):
            zh_by_sound[_zh_sound(k[1].split("·")[-1])].add(k[1].split("·")[-1])
    for k in links.nodes:
        if HAN_RE.search(k[1]) and all(ch in translit or ch == "·" for ch in k[1]):
            last = k[1].split("·")[-1]
            sound = _zh_sound(last)
            hits = by_sound.get(sound, set())
            if len(hits) != 1 or len(zh_by_sound[sound]) != 1:
                continue
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
            name = max(zh, key=lambda n: (len(untagged(n)), keys[n], n))
        else:
            name = max(keys, key=lambda n: (keys[n], len(n), n))
        name = untagged(name)
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
