"""Latin-script name candidates of one sentence, in Latin text and inside Chinese text.

A candidate is a run of capitalized words that starts with a known given name
(``resources/persons_given_names.txt``) or follows a title word (``resources/persons_titles.txt``);
words of ``resources/persons_not_names.txt`` (organizations, products, places, function words)
break a run. Single capitalized words are candidates too, with what stands around them
(a title, a verb of saying, an article), for ``mentions`` to decide.

Reads a ``Sentence``; returns ``Candidate``s with article offsets.
"""
from __future__ import annotations

import re

from ..model import Sentence
from .names import Candidate, is_romanized_given, lexicons

MAX_LATIN_NAME_WORDS = 4        # "Jan Hendrik Kirchner", "Paul M. Nakasone"; longer runs are titles or headings


_IRISH = r"(?:O['’]|Mc|Mac(?=[A-Z]))[A-Z][a-zà-öø-ÿ]+"        # O'Donnell, McGregor, MacArthur
_LATIN_WORD = re.compile(_IRISH + r"|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zà-öø-ÿ]+)*|[A-Z]\.")
# a whole Latin word, CamelCase kept together: inside Chinese text AlexNet and OpenAI are one word
_LATIN_WHOLE = re.compile(r"(?<![A-Za-zà-öø-ÿ])(?:" + _IRISH + r"|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zà-öø-ÿ]+)*|[A-Z]\.)"
                          r"(?![A-Za-zà-öø-ÿ])")
# machine translation glues a function word to a name: "William Saundersund", "SutskeverUnd"
_GLUED_TAIL = re.compile(r"(?<=[a-zà-öø-ÿ]{5}[a-kn-zà-öø-ÿ])(und|and)$")   # not after l/m: Berglund, Garland, Edmund


GERMAN_NOUN_END = re.compile(r"(?:ung|heit|keit|schaft|tät|ion|ismus|ment|tur|chen|nis|ik|ie|ei|enz|anz|ität|ern|tum)$")
_ARTICLES = frozenset("der die das den dem des ein eine einer eines einem einen the a an".split())
_DETERMINERS = frozenset("der die das den dem des ein eine einer eines einem einen the a an this that these those "
                         "dieser diese dieses jener jene mit von vom zum zur im am beim in aus nach bei".split())


def latin_candidates(s: Sentence, zh_context: bool) -> list[Candidate]:
    r = lexicons()
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
    r = lexicons()
    before = text[max(0, pos - 12):pos].rstrip()
    if not before:
        return False
    if r["titles_zh"].search(before):
        return True
    prev = (before.split()[-1] if before.split() else "").rstrip(",")
    return _is_title_word(prev)


def _is_title_word(word: str) -> bool:
    """CEO, Präsident, and German compounds ending in a title word: Bundeskanzler, Konzernchef."""
    r = lexicons()
    if word in r["titles_latin"]:
        return True
    low = word.lower()
    return len(word) > 6 and word[:1].isupper() and low.endswith(r["title_ends_de"])


def _name_from_words(s: Sentence, words, title_before: bool, zh_context: bool) -> list[Candidate]:
    r = lexicons()
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
        romanized = len(words) == 2 and first in r["surnames_latin"] and is_romanized_given(words[1][2])
        verb_after = zh_context and bool(r["verbs_zh"].search(s.text[words[-1][1]:words[-1][1] + 6].lstrip()))
        plausible = first in r["given"] or romanized or title_before or verb_after
        if plausible:
            a, b = words[0][0], words[-1][1]
            out.append(Candidate(s.sentence_id, s.char_start + a, s.char_start + b, s.text[a:b], "latin-full", title_before))
            return out
    for a, b, w in words:
        if len(w) < 2 or w.endswith(".") or (not zh_context and _company_word(s.text, a, b)):
            continue
        after = s.text[b:b + 12].strip()
        verb_after = bool(after) and after.split()[0].strip(",.:") in r["verbs_latin"] if after else False
        if zh_context and after:
            verb_after = verb_after or bool(r["verbs_zh"].search(after))
        prev_word = s.text[:a].split()[-1].lower() if s.text[:a].split() else ""
        determiner = ("article" if prev_word in _ARTICLES else "preposition") if prev_word in _DETERMINERS else False
        initial = not s.text[:a].strip(" \"'„“«»()[]-–—•*")
        glued = (a > 0 and s.text[a - 1].isalpha()) or (b < len(s.text) and s.text[b].isalpha())
        out.append(Candidate(s.sentence_id, s.char_start + a, s.char_start + b, w, "latin-single",
                         (title_before or (verb_after and not initial)) and not determiner, initial, determiner, glued))
    return out


# --------------------------------------------------------------------------- the trained recognizers

MODEL_LANGUAGES = ("de", "en")  # languages whose articles the word-level person recognizer reads (when shipped)
# ... inside a run too (``scope="candidates"``): German capitalizes every noun, so nearly every German
# sentence would go to the model. With its word-feature cache the German CRF reads ~0.7 M characters a
# second (0.35 M without, the spaCy model before it 0.17 M) against the rules' 1.6 M; tried in runs it
# lowered persons F1 on both dev sets (dev 0.965 -> 0.938, real dev 0.867 -> 0.824: single common
# nouns such as Internetnutzer, titles of games) while GermEval-style clean news gains, so German runs
# keep the rules and ``find_persons`` uses the model (see issue 12)
PIPELINE_MODEL_LANGUAGES = ("en",)
_CAPITALIZED_LATER = re.compile(r"\S\s+[\"'„“«(]?[A-ZÀ-ÖØ-Þ]")   # a capitalized word that is not the first


def latin_model_jobs(body, language: str | None, scope: str = "candidates") -> list[tuple[Sentence, int, int]]:
    """(sentence, 0, len) for the word-level recognizer of ``language``: the Latin sentences of a
    German or English article (no Han character) that hold a capitalized word after their first
    (``"candidates"``), or all of them (``"all"``); none when no model of that language is shipped."""
    if language not in (MODEL_LANGUAGES if scope == "all" else PIPELINE_MODEL_LANGUAGES):
        return []
    from . import recognizer

    if not recognizer.available(language):
        return []
    from ..text import HAN_RE

    return [(s, 0, len(s.text)) for s in body if not HAN_RE.search(s.text)
            and (scope == "all" or _CAPITALIZED_LATER.search(s.text) or s.text[:1].isupper())]


# a word run into the next: three lowercase letters then a capital (BrockmanLange; McGregor, DiCaprio,
# MacDonald stay whole), or an acronym then a capitalized word (RLHFJan)
_GLUE = re.compile(r"(?<=[a-zà-öø-ÿß]{3})(?=[A-ZÀ-ÖØ-Þ])|(?<=[A-Z]{2})(?=[A-Z][a-zà-öø-ÿß])")


def unglued(text: str, a: int, b: int, given: frozenset | set) -> tuple[int, int]:
    """A span whose words run into the next without a space (Greg BrockmanLange Ferien, RLHFJan
    Leike: text glued by a converter) cut at the glue: the part with a given name, else the first."""
    cuts = [m.start() for m in _GLUE.finditer(text, a, b) if a < m.start() < b]
    if not cuts:
        return a, b
    bounds = [a, *cuts, b]
    parts = [(x, y) for x, y in zip(bounds, bounds[1:]) if text[x:y].strip()]
    for x, y in parts:
        if any(w in given for w in text[x:y].split()):
            return x, y
    return parts[0]


_COMPANY_BEFORE = re.compile(r"\b(?:rival|company|firm|startup|start-up|maker|giant|group|conglomerate|retailer|"
                             r"carrier|lender|insurer|automaker|carmaker|chipmaker|parent|subsidiary|brand|"
                             r"outlet|publisher|network|studio|platform)\s+$", re.I)
_COMPANY_AFTER = re.compile(r"(?:'s|’s)\s+(?:shares|stock|board|chief|CEO|CFO|COO|CTO|founder|co-founder|headquarters|"
                            r"revenue|profit|sales|market|parent|subsidiary|unit|division|spokesperson|spokesman|"
                            r"spokeswoman|employees|staff|stake|products?|platform|app)\b"
                            r"|\s+(?:announced|confirmed|disclosed)\s+(?:\w+\s+){0,3}?that\s+it\b")


def _company_word(text: str, a: int, b: int) -> bool:
    """One English word the recognizer took for a name, said like a company: after a word for one
    (rival Initech), before what companies have (Globex's shares, Initech's board) or referred to
    as "it" (Initech announced last week that it had hired)."""
    return bool(_COMPANY_BEFORE.search(text, max(0, a - 24), a) or _COMPANY_AFTER.match(text, b))


def latin_model_candidates(body, language: str | None, scope: str = "candidates",
                           predicted=None) -> list[Candidate]:
    """The recognizer's spans in Latin sentences as candidates: a span of two or more words is a
    full name (``latin-full``), a single word a ``latin-single`` in context."""
    if predicted is None:
        jobs = latin_model_jobs(body, language, scope)
        if not jobs:
            return []
        from . import recognizer

        predicted = list(zip(jobs, recognizer.predict([s.text[a:b] for s, a, b in jobs], language)))
    r = lexicons()
    out = []
    for (s, wa, _wb), spans in predicted:
        for a, b in spans:
            a, b = unglued(s.text, wa + a, wa + b, r["given"])
            text = s.text[a:b]
            if not text[:1].isupper() or any(w in r["org_words"] or w in r["not"] for w in text.split()):
                continue        # an organization (Harlow Logistics) or a word that is never a name
            if language == "en" and " " not in text and _company_word(s.text, a, b):
                continue        # rival Initech, Globex's shares, Initech announced that it had hired
            initial = not s.text[:a].strip(" \"'„“«»()[]-–—•*")
            kind = "latin-full" if len(text.split()) >= 2 else "latin-single"
            out.append(Candidate(s.sentence_id, s.char_start + a, s.char_start + b, text, kind, True, initial,
                                 False, False, model=True))
    return out
