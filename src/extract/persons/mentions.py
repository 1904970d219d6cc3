"""Stage 4a — the person mentions of one article (``find_mentions``).

Candidates come from ``latin`` (Latin-script names) and ``chinese`` (dotted, transliterated
and native names, the trained recognizer). Then, inside the article: a parenthetical gloss
merges a Chinese and a Latin name; a single Latin word joins the full name it is part of
(Altman → Sam Altman; the most recent one when several share it), a genitive (Altmans) or a
close spelling variant (Sustkever) joins too; a part of a ``·`` name joins that name
(阿莫迪 → 达里奥·阿莫迪); every later repeat of an accepted surface is a mention too.

Reads an article's ``Sentence``s and ``Token``s; returns ``Mention``s whose ``person_key``
groups the mentions of one person inside the article (``linking`` maps keys to run-wide ids).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Sequence

from ..model import Mention, Sentence, Token
from ..text import HAN_RE, alternation
from .chinese import (
    after_numeral,
    extend_to_known,
    list_members,
    model_candidates,
    model_says_no,
    names_a_place,
    names_a_vessel,
    trim_to_known,
    verb_tail,
    with_function_surname,
    with_honorific,
    with_jieba_name,
    with_married_surname,
    with_rare_char,
    without_day_tail,
    without_fourth_char,
    without_title_char,
    without_verb_char,
    without_word_tail,
    zh_candidates,
)
from .latin import GERMAN_NOUN_END, latin_candidates, latin_model_candidates
from .names import (
    ANONYMIZED,
    GLOSS,
    Candidate,
    article_bound,
    body_sentences,
    by_sentence,
    dictionary_words,
    full_variant,
    is_address_form,
    lexicons,
    norm_dots,
    tagged,
)

SPELLING_VARIANT_RATIO = 0.70   # Ultraman ~ Altman (.71): only for a repeated word with the same ending
SPELLING_VARIANT_SAME_START = 0.85  # Sustkever ~ Sutskever (.89), Schumann ~ Schulman (.88); not Scholz ~ Schulz (.83)
MIN_VARIANT_LENGTH = 7          # shorter surnames differ by one letter between different people (Scholz, Schulz)
MIN_REPEATS_FOR_TRANSLIT = 2    # a transliteration run the article repeats is a name
UNDERGOES_REACH = 4             # characters before a name read for a trigger done to it (签下了)
MIN_REPEATS_FOR_LATIN_SINGLE = 3  # a capitalized word used like a name three times (not after an article) is one


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


@dataclass
class _Article:
    """What one article has accepted so far: clusters of surfaces, surface → cluster key, and
    every accepted candidate with its key (in the order accepted)."""
    clusters: dict[str, _Cluster] = field(default_factory=dict)
    alias_of: dict[str, str] = field(default_factory=dict)      # surface (dots normalized) -> cluster key
    accepted: list[tuple[Candidate, str]] = field(default_factory=list)

    def add(self, c: Candidate, key: str, full: str | None = None) -> None:
        cl = self.clusters.setdefault(key, _Cluster(key))
        cl.surfaces[c.text] += 1
        if full == "latin":
            cl.latin_full[c.text] += 1
        elif full == "zh":
            cl.zh_full[norm_dots(c.text)] += 1
        self.alias_of.setdefault(norm_dots(c.text), key)
        self.accepted.append((c, key))


def find_mentions(sentences: Sequence[Sentence], tokens: Sequence[Token], language: str | None,
                  use_model: bool = True, model_scope: str = "candidates",
                  predicted: Sequence | None = None) -> list[Mention]:
    """Person mentions of one article, grouped by article-local ``person_key``.

    ``predicted``: (job, spans) pairs for ``model_jobs(sentences, tokens, model_scope)``, when
    the caller ran the recognizer for many articles at once; None runs it here."""
    body = body_sentences(sentences)
    if not body:
        return []
    toks_by_sentence = by_sentence(tokens)
    model_read: dict[int, list[tuple[int, int]]] = defaultdict(list)   # sentence -> spans the model read
    cands = _candidates(body, toks_by_sentence, use_model, model_scope, predicted, model_read, language)
    model_spans = [(c.start, c.end) for c in cands if c.kind == "model"]
    if model_spans:
        cands.extend(list_members(body, model_spans, toks_by_sentence))
    text_of = {s.sentence_id: s for s in body}
    art = _Article()
    # 1. strong candidates: Latin full names
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind == "latin-full":
            art.add(c, art.alias_of.get(c.text, c.text), "latin")
    # 2. Chinese candidates: dotted names first, then short forms of them, glossed, repeated or in context
    cands = [with_jieba_name(c, toks_by_sentence.get(c.sentence_id, ())) if c.kind == "model" else c for c in cands]
    _accept_chinese(art, cands, model_read, model_spans, text_of)
    _merge_spelling_variants(art.clusters, art.accepted, art.alias_of)
    # 3. single Latin words: parts of known names, genitives, spelling variants, or in context
    _accept_latin_singles(art, cands, text_of)
    # 4. every other occurrence of an accepted surface is a mention too, and short forms of
    #    Chinese full names
    bounds = {t.char_start for t in tokens} | {t.char_end for t in tokens}
    short_forms, unaligned = _short_forms(art.clusters)
    mentions = _with_repeats(art.accepted, body, short_forms, bounds, unaligned)
    out = [Mention(sid, text, a, b, _canonical_key(art.clusters, key), src) for sid, text, a, b, key, src in mentions]
    return _article_bound_keys(out, body)


def _article_bound_keys(mentions: list[Mention], body: Sequence[Sentence]) -> list[Mention]:
    """A person known only by a surname (陈) or a surname with a form of address (陈先生) is
    someone of this article: the key gets the article's tag (a digest of its body), so across
    the run 陈先生 of one story is not 陈先生 of another."""
    if not any(article_bound(m.person_key) for m in mentions):
        return mentions
    tag = hashlib.sha1("\n".join(s.text for s in body).encode("utf-8")).hexdigest()[:8]
    return [replace(m, person_key=tagged(m.person_key, tag)) if article_bound(m.person_key) else m for m in mentions]


def _candidates(body: Sequence[Sentence], toks_by_sentence, use_model: bool, model_scope: str,
                predicted: Sequence | None, model_read: dict, language: str | None = None) -> list[Candidate]:
    """Every candidate of the article's body sentences: Latin names, Chinese names by rule, and
    the recognizer's spans (``model_read`` collects the windows it read)."""
    cands: list[Candidate] = []
    for s in body:
        zh = bool(HAN_RE.search(s.text))
        cands.extend(latin_candidates(s, zh))
        if zh:
            cands.extend(zh_candidates(s, toks_by_sentence.get(s.sentence_id, [])))
    if use_model:
        zh_pred = lat_pred = None
        if predicted is not None:
            zh_pred = [(j, sp) for j, sp in predicted if HAN_RE.search(j[0].text)]
            lat_pred = [(j, sp) for j, sp in predicted if not HAN_RE.search(j[0].text)]
        cands.extend(model_candidates(body, toks_by_sentence, model_scope, model_read, zh_pred))
        cands.extend(latin_model_candidates(body, language, model_scope, lat_pred))
    return cands


def _accept_chinese(art: _Article, cands: list[Candidate], model_read: dict, model_spans: list[tuple[int, int]],
                    text_of: dict[int, Sentence]) -> None:
    """Accept the Chinese candidates: dotted names first (their parts become aliases), then the
    others when the article knows them, glosses them, repeats them or puts them in context, and
    the recognizer did not read them and disagree. A gloss adds its Latin name to the cluster."""
    r = lexicons()
    translit_counts = Counter(c.text for c in cands if c.kind in ("zh-translit", "zh-native", "model"))
    # repeated transliterations the model read at every occurrence without finding a person there
    translit_vetoed: dict[str, bool] = {}
    for c in cands:
        if c.kind == "zh-translit":
            translit_vetoed[c.text] = translit_vetoed.get(c.text, True) and model_says_no(c, model_read, model_spans)
    model_rejected = {t for t, vetoed in translit_vetoed.items() if vetoed}
    zh_cands = sorted((c for c in cands if c.kind in ("zh-dot", "zh-translit", "zh-native", "model", "zh-list")),
                      key=lambda c: (c.kind != "zh-dot", c.start))
    alias_of = art.alias_of
    for c in zh_cands:
        if c.kind == "zh-dot" and norm_dots(c.text) not in alias_of:
            for part in norm_dots(c.text).split("·"):
                if len(part) >= 2:
                    alias_of.setdefault(part, norm_dots(c.text))
    for key, cl in list(art.clusters.items()):          # parts of Latin full names are aliases of them
        for full in cl.latin_full:
            for p in full.split():
                if len(p) >= 2 and not p.endswith("."):
                    alias_of.setdefault(p, key)
    # names the recognizer finds later in the article also complete a cut form before them (叶刘 …
    # 叶刘淑仪): known ahead for extending, not yet accepted
    ahead = {}
    for c in zh_cands:
        if c.kind == "model" and len(c.text) >= 3:
            # not 骆指出, 张首先: a surname and a verb or adverb (a time word or noun, 张万年, 李明朝,
            # may be a given name: the recognizer's whole span stays known ahead)
            c = without_verb_char(without_fourth_char(trim_to_known(c, {})), text_of[c.sentence_id])   # not 徐雷因 ahead
            cut = without_word_tail(c)
            kept = cut if cut.text != c.text and verb_tail(c.text[1:]) else c
            s = text_of[c.sentence_id]
            full = without_day_tail(with_married_surname(kept, s), s).text
            if len(full) >= 3:
                ahead[full] = full
    married = {n for n in ahead if len(n) == 4}     # 林郑月娥, named so somewhere in the article
    for c in zh_cands:
        s = text_of[c.sentence_id]
        if c.kind == "model":
            c = trim_to_known(c, alias_of)
            c = without_verb_char(without_fourth_char(without_word_tail(c)), s)
            c = with_function_surname(c, s)
        if c.kind == "zh-native":
            c = without_verb_char(c, s)
        if c.kind in ("model", "zh-native"):
            c = with_married_surname(c, s, married)
        if c.kind != "zh-dot":
            c = extend_to_known(c, {**ahead, **alias_of}, s)
            c = with_rare_char(with_honorific(c, s), s)
            cut = without_day_tail(c, s)      # 林郑今早指出
            if cut is not c:
                c = with_married_surname(cut, s, married)
        if c.kind in ("zh-translit", "zh-native") and after_numeral(c, s):
            continue
        if names_a_vessel(c, s) or names_a_place(c, s):
            continue
        if c.text in r["not"] or (len(c.text) < 2 and not (c.kind == "model" and c.text in r["surnames1"])):
            continue
        repeated = c.kind == "zh-translit" and translit_counts[c.text] >= MIN_REPEATS_FOR_TRANSLIT
        # 常某, 张某某: a withheld name is a person whatever the recognizer (trained to tag 张 of 张某) says
        anonymized = c.kind == "zh-native" and c.text[1:] in ANONYMIZED
        if c.kind == "zh-native":
            c = without_title_char(c, s)         # 首席财务官|陈䶮
        # a personnel verb right after a name jieba tags as one (杨鸣卸任, 厄齐尔退出), or done to the
        # person right before it (签下阿米里): the name acts, whatever the recognizer read there
        acts = c.kind in ("zh-translit", "zh-native") and (
            r["acts_zh"].match(s.text, c.end - s.char_start) is not None
            or r["undergoes_zh"].search(s.text, max(0, c.start - s.char_start - UNDERGOES_REACH),
                                        c.start - s.char_start) is not None)
        if c.kind in ("zh-translit", "zh-native") and not anonymized and not acts and (
                c.text in model_rejected if repeated else model_says_no(c, model_read, model_spans)):
            # its only support is a title or verb next to it (or its repeats), and the model read it and disagrees
            continue
        gloss = GLOSS.match(s.text[c.end - s.char_start:])
        key = _chinese_key(c, alias_of, gloss)
        ok = key is not None or c.kind in ("model", "zh-list") or c.context or repeated or anonymized or acts
        if ok and key is None and not c.context and c.kind == "zh-translit" and c.text in dictionary_words()[0]:
            continue          # only its repeats vouch for it, and jieba knows it as a place or word (加沙, 保安)
        if ok:
            _add_chinese(art, c, key or c.text, s, gloss)


def _chinese_key(c: Candidate, alias_of: dict[str, str], gloss: re.Match | None) -> str | None:
    """The cluster a Chinese candidate joins: a surface the article knows, else the Latin name
    of its gloss (or itself when the gloss is one word), else its own dotted form; None when
    nothing vouches for it yet."""
    key = alias_of.get(c.text)
    if key is None and gloss:
        g = gloss.group(1).strip()
        key = alias_of.get(g)
        if key is None:
            key = g if len(g.split()) >= 2 else c.text
    if key is None and c.kind == "zh-dot":
        key = norm_dots(c.text)
    return key


def _add_chinese(art: _Article, c: Candidate, key: str, s: Sentence, gloss: re.Match | None) -> None:
    """Accept a Chinese candidate into cluster ``key``, with its gloss (奥特曼（Sam Altman）)."""
    alias_of = art.alias_of
    art.add(c, key, "zh" if (c.kind == "zh-dot" or len(c.text) >= 2) else None)
    if c.kind == "zh-dot":     # its parts (阿莫迪) point at the cluster the full name joined
        for part in norm_dots(c.text).split("·"):
            if alias_of.get(part) == norm_dots(c.text):
                alias_of[part] = key
    alias_of.setdefault(c.text, key)
    if gloss:
        g = gloss.group(1).strip()
        gs = s.char_start + (c.end - s.char_start) + gloss.start(1)
        gc = Candidate(c.sentence_id, gs, gs + len(g), g, "latin-full" if len(g.split()) >= 2 else "latin-single")
        art.add(gc, key, "latin" if len(g.split()) >= 2 else None)
        for p in g.split():
            alias_of.setdefault(p, key)


def _accept_latin_singles(art: _Article, cands: list[Candidate], text_of: dict[int, Sentence]) -> None:
    """Accept single capitalized Latin words: parts of a known name, genitives, spelling
    variants, given names inside Chinese text, words in context; a word repeated like a name is
    decided last (``_accept_repeated_singles``), then the genitives of the persons found last."""
    r = lexicons()
    clusters = art.clusters
    last_names = {k: {p for f in cl.latin_full for p in f.split()[1:]} for k, cl in clusters.items()}
    with_article = {c.text for c in cands if c.kind == "latin-single" and c.determiner == "article"}  # "die Ferien"
    namelike = Counter(c.text for c in cands if c.kind == "latin-single" and not c.initial and not c.determiner
                       and c.text not in with_article
                       and not c.glued and c.text not in r["given"] and not GERMAN_NOUN_END.search(c.text))
    repeated: list[Candidate] = []
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind != "latin-single":
            continue
        w, why = c.text, "part"
        key = _single_key(w, c.start, clusters, art.accepted)
        if key is None and w.endswith("s") and len(w) > 3:
            key, why = _single_key(w[:-1], c.start, clusters, art.accepted), "genitive"
        if key is None:
            key, why = _variant_key(w, last_names), "variant"
        if key is None:
            zh = bool(HAN_RE.search(text_of[c.sentence_id].text))
            if zh and w in r["given"]:
                key, why = w, "given-name"
            elif c.context and not GERMAN_NOUN_END.search(w):
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
        art.add(Candidate(c.sentence_id, c.start, c.end, w, f"latin-single:{why}"), key)
    _accept_repeated_singles(art, cands, repeated, last_names, text_of)
    done = {(c.start, c.end) for c, _ in art.accepted}
    for c in cands:        # genitives of the persons found last ("Musks" once "Musk" is known)
        if c.kind == "latin-single" and c.text.endswith("s") and (c.start, c.end) not in done:
            key = _single_key(c.text[:-1], c.start, clusters, art.accepted)
            if key is not None:
                art.add(Candidate(c.sentence_id, c.start, c.end, c.text, "latin-single:genitive"), key)


def _accept_repeated_singles(art: _Article, cands: list[Candidate], repeated: list[Candidate],
                             last_names: dict[str, set[str]], text_of: dict[int, Sentence]) -> None:
    """A capitalized word repeated like a name is one only as a spelling variant of a person the
    article names otherwise (machine translation: Ultraman ~ Altman), or when it takes the
    genitive -s with no article like a proper name ("Musks Anwalt", never "des Musks"); alone
    it is too often a noun."""
    clusters = art.clusters
    singles = {k: {k} for k, cl in clusters.items() if " " not in k and not HAN_RE.search(k)}
    genitive = {c.text[:-1] for c in cands if c.kind == "latin-single" and c.text.endswith("s") and not c.determiner
                and not c.initial and _next_is_capitalized(text_of[c.sentence_id], c.end)}
    genitive |= {c.text[:-1] for c in cands if c.kind == "latin-single" and c.text.endswith("s") and c.initial
                 and _next_is_capitalized(text_of[c.sentence_id], c.end)}
    for c in repeated:
        key = _single_key(c.text, c.start, clusters, art.accepted) or \
            _variant_key(c.text, {**last_names, **singles}, repeated=True)
        why = "variant"
        if key is None and c.text in genitive:
            key, why = c.text, "proper-genitive"
        if key is not None:
            art.add(Candidate(c.sentence_id, c.start, c.end, c.text, f"latin-single:{why}"), key)
            singles.setdefault(key, {key})


def _short_forms(clusters: dict[str, _Cluster]) -> tuple[dict[str, str], set[str]]:
    """Short forms of the article's Chinese full names → their cluster: the last part of a
    dotted name (约翰逊), the given name of a three-character name (嘉文 for 林嘉文), the two
    surnames of a married name (林郑 for 林郑月娥); the repeat rule takes them only where they are
    whole jieba words."""
    r = lexicons()
    short_forms: dict[str, str] = {}
    unaligned: set[str] = set()             # forms taken where jieba's words do not end with them
    for key, cl in clusters.items():
        for full in cl.zh_full:
            if "·" in full:
                last = full.split("·")[-1]
                if len(last) >= 2 and last not in r["not"]:
                    short_forms.setdefault(last, key)
            elif len(full) == 3 and full[0] in r["surnames1"] and not is_address_form(full):
                short_forms.setdefault(full[1:], key)
            elif len(full) == 4 and full[0] in r["surnames1"] and full[1] in r["surnames1"] \
                    and full[:2] not in r["surnames2"]:
                # a married name's two surnames (林郑 for 林郑月娥), also where jieba splits them otherwise
                short_forms.setdefault(full[:2], key)
                unaligned.add(full[:2])
    return short_forms, unaligned


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
            if any(full_variant(x, y) for x in clusters[a].latin_full for y in clusters[b].latin_full):
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
            close = SequenceMatcher(None, word.lower(), n.lower()).ratio()
            if same_start and not same_end and close < SPELLING_VARIANT_SAME_START:
                continue
            ratio = SequenceMatcher(None, word.lower(), n.lower()).ratio()
            if ratio >= best_ratio and ratio < 1.0:
                best, best_ratio = key, ratio
    return best


def _with_repeats(accepted: list[tuple[Candidate, str]], body: Sequence[Sentence],
                  short_forms: dict[str, str] | None = None, bounds: set[int] | None = None,
                  unaligned: set[str] = frozenset()):
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
        rx = re.compile(alternation(surfaces))
        for s in body:
            for m in rx.finditer(s.text):
                a, b = s.char_start + m.start(), s.char_start + m.end()
                if not HAN_RE.search(m.group()):
                    # Latin surfaces only as whole words
                    before = s.text[m.start() - 1] if m.start() else " "
                    after = s.text[m.end()] if m.end() < len(s.text) else " "
                    if before.isalpha() and before.isascii() or (after.isalpha() and after.islower()):
                        continue
                if m.group() in aligned_only and m.group() not in unaligned \
                        and not (bounds and a in bounds and b in bounds):
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
