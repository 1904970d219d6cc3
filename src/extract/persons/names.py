"""Name knowledge that finding mentions and linking persons share.

Reads the persons lexicons in ``resources/`` (given names, surnames, titles, verbs of saying,
transliteration characters, words that are not names, nicknames), lazily and once per process,
and holds the name-shape tests both stages use. Writes nothing.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .. import lexicon
from ..model import BODY_LABELS, Sentence, Token
from ..text import is_han

MIN_TRANSLIT_CHARS = 2          # one transliteration character alone is not a name
MAX_TRANSLIT_CHARS = 7          # 克里哲夫斯基; longer runs are phrases


FULL_NAME_VARIANT_RATIO = 0.85  # "Ilja Sutskever" ~ "Ilya Sustkever": one person spelled two ways
DOTS = "·•‧・･"


GLOSS = re.compile(r"\s*[（(]\s*([A-ZÀ-Þ][A-Za-zà-ÿ.\-' ]{1,60}?)\s*[)）]")


@lru_cache(maxsize=1)
def lexicons():
    titles = lexicon.titles()
    orgs = lexicon.orgs()
    verbs = lexicon.grouped("persons_speech_verbs.txt")
    translit = "".join(r[0] for r in lexicon.rows("persons_translit_chars.txt", 1, 1))
    surnames = lexicon.words("persons_surnames_zh.txt")
    return {
        "given": lexicon.words("persons_given_names.txt"),
        "not": lexicon.words("persons_not_names.txt") | frozenset(orgs["end"]) | frozenset(orgs["name"]),
        "org_words": frozenset(orgs["end"]),
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
        # a personnel verb a person does right after the name, an adverb between them or not (杨鸣卸任,
        # 厄齐尔退出, 柴琦岳加盟, 埃尔克森正式加入): the
        # event triggers of the agent voice (resources/events_triggers_zh.txt), the one definition
        "acts_zh": re.compile("(?:%s)?(?:%s)" % (lexicon.alternation(lexicon.words("persons_act_adverbs_zh.txt")),
                                                 lexicon.alternation(_personnel_acts()))),
        # ... and one done to the person right before the name (签下马奎尔, 解雇了A): the patient voice
        "undergoes_zh": re.compile("(?:%s)了?$" % lexicon.alternation(_personnel_acts(("patient",)))),
    }


LOOSE_TRIGGER_FLAGS = frozenset({"objorg", "org", "near", "post"})   # triggers that are events only in a frame


def _personnel_acts(voices: tuple[str, ...] = ("agent",)) -> list[str]:
    """The Chinese event triggers of ``voices`` (agent: a person does them; patient: they are done to
    one), of two characters or more and with no frame condition (离开 needs an organization, 成为 a
    post): read from the events' trigger file."""
    out = []
    for row in lexicon.rows("events_triggers_zh.txt", 3, 4):
        flags = set(row[3].split(",")) if len(row) > 3 and row[3] else set()
        if row[2] in voices and len(row[0]) >= 2 and "…" not in row[0] and not flags & LOOSE_TRIGGER_FLAGS \
                and not row[1].startswith("merge") and "/" not in row[1]:     # companies merge (东西德合并, 夏粮收购)
            out.append(row[0])
    return out


# jieba's dictionary (word, frequency, part of speech) tells common words from names
TRANSLIT_WORD_MIN_FREQ = 20      # a transliteration run jieba knows this often as a place or word is one (加沙, 保安)
NAME_TAGGED_WORD_FREQ = 1000     # ... and a "name" jieba counts this often is a word it mis-tags (道德 3241)
FUNCTION_WORD_MIN_FREQ = 1000    # a surname + a word this common of these tags is a surname and a word (张首先);
                                 # rarer ones are given names too often (李欣然 286, 陈一新 597)
FUNCTION_TAGS = frozenset("v vd d c f t m r p q u y".split())   # verbs, adverbs, conjunctions, time, numbers …


@lru_cache(maxsize=1)
def jieba_dictionary() -> str:
    """jieba's own dictionary file (word, frequency, tag per line), read once. Found through
    jieba's import spec, so jieba itself is not imported (its import loads its HMM tables: 0.13 s)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed: pip install jieba (its dictionary names common words)")
    return (Path(spec.submodule_search_locations[0]) / "dict.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def adverbs() -> frozenset[str]:
    """jieba's two-character adverbs, conjunctions and prepositions (首先, 随即, 并且)."""
    return frozenset(re.findall(r"^(\S\S) \d+ (?:d|c|p)$", jieba_dictionary(), re.M))


@lru_cache(maxsize=1)
def dictionary_predicates() -> frozenset[str]:
    """jieba's own verbs and adjectives of two characters or more, at any frequency (查找, 终审, 资深)."""
    return frozenset(re.findall(r"^(\S{2,}) \d+ [va][a-z]*$", jieba_dictionary(), re.M))


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[frozenset[str], frozenset[str]]:
    """From jieba's own dictionary, read once: (runs of transliteration characters that are
    places, organizations or common words — 加沙 ns, 保安 nz, 道德; two-character verbs, adverbs,
    conjunctions, numbers and time words — 指出, 首先, 当年)."""
    translit = re.escape("".join(sorted(lexicons()["translit"])))
    text = jieba_dictionary()
    common = {w for w, freq, tag in re.findall(rf"^([{translit}]{{2,7}}) (\d+) (\S+)$", text, re.M)
              if (not tag.startswith("nr") and int(freq) >= TRANSLIT_WORD_MIN_FREQ) or int(freq) >= NAME_TAGGED_WORD_FREQ}
    tags = "|".join(sorted(FUNCTION_TAGS, key=len, reverse=True))
    function = {w for w, freq in re.findall(rf"^(\S\S) (\d+) (?:{tags})$", text, re.M)
                if int(freq) >= FUNCTION_WORD_MIN_FREQ}
    return frozenset(common), frozenset(function)


# an -ism after a name (马克思主义, 马克思列宁主义): a doctrine named after a person. The recognizer
# keeps the person there, as People's Daily tags it; a run alias, which has no context of its own,
# is not added there (24 CCTV articles would have Marx in them for 马克思主义 alone)
_DOCTRINE_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{2})?主义(?!务)")


def before_doctrine(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` of ``text`` opens the name of a doctrine (马克思主义)."""
    return _DOCTRINE_AFTER.match(text, end) is not None


@dataclass
class Candidate:
    sentence_id: int
    start: int            # article offsets
    end: int
    text: str
    kind: str             # latin-full, latin-single, zh-dot, zh-translit, zh-native, model
    context: bool = False  # a title or verb of saying stands next to it
    initial: bool = False  # first word of its sentence
    determiner: str | bool = False  # "article" or "preposition" right before it, else False
    glued: bool = False    # letters touch it (OpenAI, SchulmanZurücktreten)
    model: bool = False    # a span of the word-level recognizer (German, English)


@lru_cache(maxsize=4096)
def is_pinyin_word(word: str) -> bool:
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


def is_romanized_given(word: str) -> bool:
    """Jiawen, Qiming, Tai-man: a Chinese given name in pinyin (one or two syllables) or hyphenated."""
    if "-" in word:
        parts = word.split("-")
        return len(parts) == 2 and all(1 <= len(p) <= 5 for p in parts)
    syllables = lexicon.words("persons_pinyin_syllables.txt")
    w = word.lower()
    return w in syllables or is_pinyin_word(word) and len(w) <= 12


def norm_dots(s: str) -> str:
    return re.sub(f"[{DOTS}]", "·", s)


def by_sentence(tokens: Sequence[Token]) -> dict[int, list[Token]]:
    out: dict[int, list[Token]] = defaultdict(list)
    for t in tokens:
        out[t.sentence_id].append(t)
    return out


def body_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sentences if s.label in BODY_LABELS]


def is_surname(word: str) -> bool:
    r = lexicons()
    return word in r["surnames1"] or word in r["surnames2"]


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[tuple[str, str]]:
    pairs = set()
    for short, full in lexicon.rows("persons_nicknames.txt", 2, 2):
        pairs.add((short, full))
        pairs.add((full, short))
    return frozenset(pairs)


def full_variant(x: str, y: str) -> bool:
    px, py = x.split(), y.split()
    if len(px) >= 2 and len(py) >= 2 and px[-1] == py[-1] and (px[0], py[0]) in _nicknames():
        return True     # Jeff Wu ~ Jeffrey Wu
    if x == y or len(px) != len(py) or any(a[:1] != b[:1] for a, b in zip(px, py)):
        return False
    return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= FULL_NAME_VARIANT_RATIO


# A Chinese surname alone (陈) or with a polite form of address (陈先生) names one person inside an
# article only: its person key carries the article's tag, so the run never links two articles by it.
ARTICLE_TAG = "\u241f"


HONORIFICS_AFTER_SURNAME = ("女士", "先生", "小姐", "太太", "某某", "某")   # 苑女士, 常某: the surface that names them
ANONYMIZED = ("某某", "某")    # 常某, 张某某: a name withheld, one person of this article


def is_address_form(surface: str) -> bool:
    """A surname with a polite form of address or a withheld name (苑女士, 常某, 张某某): names one
    person inside an article only."""
    return (len(surface) == 3 and surface.endswith(HONORIFICS_AFTER_SURNAME)) \
        or (len(surface) in (2, 3) and surface.endswith(ANONYMIZED) and not surface.endswith("某某某"))


def article_bound(key: str) -> bool:
    """A Chinese person key that names someone only inside its article: one character (a surname
    alone), or a surname with 女士/先生/小姐/太太 or 某."""
    return (len(key) == 1 and is_han(key)) or is_address_form(key)


def tagged(key: str, tag: str) -> str:
    return f"{key}{ARTICLE_TAG}{tag}"


def untagged(key: str) -> str:
    """The person key without its article tag (the surface it was made from)."""
    return key.split(ARTICLE_TAG, 1)[0]
