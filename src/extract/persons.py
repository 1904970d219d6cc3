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

MAX_LATIN_NAME_WORDS = 4        # "Jan Hendrik Kirchner", "Paul M. Nakasone"; longer runs are titles or headings
MIN_TRANSLIT_CHARS = 2          # one transliteration character alone is not a name
MAX_TRANSLIT_CHARS = 7          # 克里哲夫斯基; longer runs are phrases
SPELLING_VARIANT_RATIO = 0.70   # Sustkever ~ Sutskever (.89), Schumann ~ Schulman (.88), Ultraman ~ Altman (.71)
MIN_REPEATS_FOR_TRANSLIT = 2    # a transliteration run the article repeats is a name
DOTS = "·•‧・･"

_LATIN_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'][A-Za-zà-öø-ÿ]+)*|[A-Z]\.")
_HAN = re.compile(r"[\u3400-\u9fff]")
_GLOSS = re.compile(r"\s*[（(]\s*([A-ZÀ-Þ][A-Za-zà-ÿ.\-' ]{1,60}?)\s*[)）]")
_GERMAN_NOUN_END = re.compile(r"(?:ung|heit|keit|schaft|tät|ion|ismus|ment|tur|chen|nis|ik|ie|ei|enz|anz|ität|ern|tum)$")
_DETERMINERS = frozenset("der die das den dem des ein eine einer eines einem einen the a an this that these those "
                         "dieser diese dieses jener jene mit von vom zum zur im am beim".split())


@lru_cache(maxsize=1)
def _res():
    titles = lexicon.grouped("persons_titles.txt")
    verbs = lexicon.grouped("persons_speech_verbs.txt")
    translit = "".join(r[0] for r in lexicon.rows("persons_translit_chars.txt", 1, 1))
    surnames = lexicon.words("persons_surnames_zh.txt")
    return {
        "given": lexicon.words("persons_given_names.txt"),
        "not": lexicon.words("persons_not_names.txt"),
        "titles_zh": re.compile(f"(?:{lexicon.alternation(titles.get('zh', ()))})$"),
        "verbs_zh": re.compile(f"^(?:{lexicon.alternation(verbs.get('zh', ()))})"),
        "titles_latin": frozenset(titles.get("de", ()) + titles.get("en", ())),
        "verbs_latin": frozenset(verbs.get("de", ()) + verbs.get("en", ())),
        "translit": frozenset(translit),
        "dot_name": re.compile(f"[{re.escape(translit)}]{{1,6}}(?:[{DOTS}][{re.escape(translit)}]{{1,8}})+"),
        "surnames1": frozenset(s for s in surnames if len(s) == 1),
        "surnames2": frozenset(s for s in surnames if len(s) == 2),
    }


@dataclass
class _Cand:
    sentence_id: int
    start: int            # article offsets
    end: int
    text: str
    kind: str             # latin-full, latin-single, zh-dot, zh-translit, zh-native, model
    context: bool = False  # a title or verb of saying stands next to it


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


def _norm_dots(s: str) -> str:
    return re.sub(f"[{DOTS}]", "·", s)


# ------------------------------------------------------------------ candidates

def _latin_candidates(s: Sentence, zh_context: bool) -> list[_Cand]:
    r = _res()
    words = [(m.start(), m.end(), m.group()) for m in _LATIN_WORD.finditer(s.text)]
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
            if w is None or w[2] in r["not"] or w[2] in r["titles_latin"]:
                if part:
                    out.extend(_name_from_words(s, part, title_before, zh_context))
                part = []
                title_before = w is not None and w[2] in r["titles_latin"]
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
    prev = before.split()[-1] if before.split() else ""
    return prev in r["titles_latin"] or prev.rstrip(",") in r["titles_latin"]


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
    if len(words) >= 2:
        words = words[:MAX_LATIN_NAME_WORDS]
        first = words[0][2]
        plausible = first in r["given"] or title_before or (zh_context and all(len(w[2]) > 2 for w in words if not w[2].endswith(".")))
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
        determiner = prev_word in _DETERMINERS
        out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, w, "latin-single",
                         (title_before or verb_after) and not determiner))
    return out


def _zh_candidates(s: Sentence, toks: Sequence[Token]) -> list[_Cand]:
    r = _res()
    out = []
    taken = []
    for m in r["dot_name"].finditer(s.text):
        a, b = m.span()
        out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, m.group(), "zh-dot"))
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
        if any(a <= t.char_start < b for a, b in taken) or all(ch in r["translit"] for ch in t.text):
            continue
        if t.text[:1] in r["surnames1"] or t.text[:2] in r["surnames2"]:
            out.append(_Cand(s.sentence_id, t.char_start, t.char_end, t.text, "zh-native",
                             _zh_context(s, t.char_start, t.char_end)))
    return out


def _zh_context(s: Sentence, start: int, end: int) -> bool:
    r = _res()
    a, b = start - s.char_start, end - s.char_start
    before, after = s.text[max(0, a - 8):a], s.text[b:b + 6]
    return bool(r["titles_zh"].search(before) or r["verbs_zh"].search(after.lstrip()) or _GLOSS.match(s.text[b:]))


def _model_candidates(sentences: Sequence[Sentence]) -> list[_Cand]:
    try:
        from . import person_model
    except ImportError:
        return []
    if not person_model.available():
        return []
    todo = [s for s in sentences if _HAN.search(s.text)]
    if not todo:
        return []
    out = []
    for s, spans in zip(todo, person_model.predict([s.text for s in todo])):
        for a, b in spans:
            out.append(_Cand(s.sentence_id, s.char_start + a, s.char_start + b, s.text[a:b], "model", True))
    return out


# ------------------------------------------------------------------ one article

def find_mentions(sentences: Sequence[Sentence], tokens: Sequence[Token], language: str | None,
                  use_model: bool = True) -> list[Mention]:
    """Person mentions of one article, grouped by article-local ``person_key``."""
    r = _res()
    body = [s for s in sentences if s.label in BODY_LABELS]
    if not body:
        return []
    toks_by_sentence: dict[int, list[Token]] = defaultdict(list)
    for t in tokens:
        toks_by_sentence[t.sentence_id].append(t)
    cands: list[_Cand] = []
    for s in body:
        zh = bool(_HAN.search(s.text))
        cands.extend(_latin_candidates(s, zh))
        if zh:
            cands.extend(_zh_candidates(s, toks_by_sentence.get(s.sentence_id, [])))
    if use_model:
        cands.extend(_model_candidates(body))
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
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind == "latin-full":
            add(c, alias_of.get(c.text, c.text), "latin")
        elif c.kind == "zh-dot":
            add(c, alias_of.get(_norm_dots(c.text), _norm_dots(c.text)), "zh")
    # parts of full names are aliases of them
    for key, cl in list(clusters.items()):
        for full in list(cl.latin_full) + list(cl.zh_full):
            parts = full.split("·") if "·" in full else full.split()
            for p in parts:
                if len(p) >= 2 and not p.endswith("."):
                    alias_of.setdefault(p, key)
    # 2. Chinese candidates: short forms of dotted names, glossed, repeated or in context
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind not in ("zh-translit", "zh-native", "model"):
            continue
        if c.text in r["not"] or len(c.text) < 2:
            continue
        key = alias_of.get(c.text)
        s = text_of[c.sentence_id]
        gloss = _GLOSS.match(s.text[c.end - s.char_start:])
        if key is None and gloss:
            g = gloss.group(1).strip()
            key = alias_of.get(g)
            if key is None:
                key = g if len(g.split()) >= 2 else c.text
        ok = key is not None or c.kind == "model" or c.context or \
            (c.kind == "zh-translit" and translit_counts[c.text] >= MIN_REPEATS_FOR_TRANSLIT)
        if not ok:
            continue
        key = key or c.text
        add(c, key, "zh" if len(c.text) >= 2 else None)
        alias_of.setdefault(c.text, key)
        if gloss:
            g = gloss.group(1).strip()
            gs = s.char_start + (c.end - s.char_start) + gloss.start(1)
            gc = _Cand(c.sentence_id, gs, gs + len(g), g, "latin-full" if len(g.split()) >= 2 else "latin-single")
            add(gc, key, "latin" if len(g.split()) >= 2 else None)
            for p in g.split():
                alias_of.setdefault(p, key)
    # 3. single Latin words: parts of known names, genitives, spelling variants, or in context
    last_names = {k: {p for f in cl.latin_full for p in f.split()[1:]} for k, cl in clusters.items()}
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind != "latin-single":
            continue
        w = c.text
        key = _single_key(w, c.start, clusters, accepted)
        if key is None and w.endswith("s") and len(w) > 3:
            key = _single_key(w[:-1], c.start, clusters, accepted)
        if key is None:
            key = _variant_key(w, last_names)
        if key is None:
            zh = bool(_HAN.search(text_of[c.sentence_id].text))
            if zh and w in r["given"]:
                key = w
            elif c.context and not _GERMAN_NOUN_END.search(w):
                key = w
        if key is None:
            continue
        add(c, key)
    # 4. every other occurrence of an accepted surface is a mention too
    mentions = _with_repeats(accepted, body)
    return [Mention(sid, text, a, b, _canonical_key(clusters, key), src) for sid, text, a, b, key, src in mentions]


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


def _variant_key(word: str, last_names: dict[str, set[str]]) -> str | None:
    best, best_ratio = None, SPELLING_VARIANT_RATIO
    for key, names in last_names.items():
        for n in names:
            if n[:1].lower() != word[:1].lower() and n[-3:] != word[-3:]:
                continue
            ratio = SequenceMatcher(None, word.lower(), n.lower()).ratio()
            if ratio >= best_ratio and ratio < 1.0:
                best, best_ratio = key, ratio
    return best


def _with_repeats(accepted: list[tuple[_Cand, str]], body: Sequence[Sentence]):
    """Accepted candidates plus every other occurrence of their surfaces, longest first, no overlaps."""
    taken: list[tuple[int, int]] = []
    out = []

    def free(a, b):
        return all(b <= x or a >= y for x, y in taken)

    for c, key in sorted(accepted, key=lambda ck: (-(ck[0].end - ck[0].start), ck[0].start)):
        if free(c.start, c.end):
            taken.append((c.start, c.end))
            out.append((c.sentence_id, c.text, c.start, c.end, key, c.kind))
    surfaces = {}
    for c, key in accepted:
        if len(c.text) >= 2:
            surfaces.setdefault(c.text, key)
    if surfaces:
        rx = re.compile(lexicon.alternation(surfaces))
        for s in body:
            for m in rx.finditer(s.text):
                a, b = s.char_start + m.start(), s.char_start + m.end()
                if not _HAN.search(m.group()):
                    # Latin surfaces only as whole words
                    before = s.text[m.start() - 1] if m.start() else " "
                    after = s.text[m.end()] if m.end() < len(s.text) else " "
                    if before.isalpha() and before.isascii() or (after.isalpha() and after.islower()):
                        continue
                if free(a, b):
                    taken.append((a, b))
                    out.append((s.sentence_id, m.group(), a, b, surfaces[m.group()], "repeat"))
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


def person_id(name: str) -> str:
    return "P" + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:10]


def _is_full(name: str) -> bool:
    if _HAN.search(name):
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

    # same full name (the article's canonical key) across articles
    by_name: dict[str, list] = defaultdict(list)
    for k in nodes:
        if _is_full(k[1]):
            by_name[k[1].casefold()].append(k)
    for name, ks in by_name.items():
        for k in ks[1:]:
            union(ks[0], k, f"same-name:{ks[0][1]}")
    # glosses and full names: a full surface of one article that is another article's key
    surface_owner: dict[str, list] = defaultdict(list)
    for k, n in nodes.items():
        for s in n["surfaces"]:
            if _is_full(_norm_dots(s)) or (_HAN.search(s) and len(s) >= 2):
                surface_owner[_norm_dots(s).casefold()].append(k)
    for k, n in nodes.items():
        for s in n["surfaces"]:
            for other in surface_owner.get(_norm_dots(s).casefold(), []):
                if other[0] != k[0]:
                    union(k, other, f"shared-alias:{s}")
    # a surname alone that exactly one full Latin name of the run ends with
    surname_owners: dict[str, set] = defaultdict(set)
    for k in nodes:
        parts = k[1].split()
        if len(parts) >= 2 and not _HAN.search(k[1]):
            surname_owners[parts[-1]].add(find(k))
    for k in nodes:
        if len(k[1].split()) == 1 and not _HAN.search(k[1]):
            owners = surname_owners.get(k[1], set())
            if len(owners) == 1:
                target = next(iter(owners))
                union(k, target, f"surname:{k[1]}")

    groups: dict[tuple[str, str], list] = defaultdict(list)
    for k in nodes:
        groups[find(k)].append(k)
    id_of: dict[tuple[str, str], str] = {}
    rows = []
    for root, ks in groups.items():
        surfaces = Counter()
        langs = set()
        for k in ks:
            surfaces.update(nodes[k]["surfaces"])
            if nodes[k]["lang"]:
                langs.add(nodes[k]["lang"])
        keys = Counter(k[1] for k in ks)
        latin = [n for n in keys if not _HAN.search(n) and len(n.split()) >= 2]
        zh = [n for n in keys if _HAN.search(n)]
        if latin:
            name = max(latin, key=lambda n: (keys[n], len(n.split()), n))
        elif zh:
            name = max(zh, key=lambda n: (len(n), keys[n], n))
        else:
            name = max(keys, key=lambda n: (keys[n], len(n), n))
        pid = person_id(name)
        for k in ks:
            id_of[k] = pid
        ev = sorted({e for k in ks for e in evidence.get(k, [])})
        rows.append(PersonRow(pid, name, sorted(surfaces), sum(surfaces.values()), len({k[0] for k in ks}),
                              sorted(langs), ev))
    rows.sort(key=lambda r: r.person_id)
    return id_of, rows
