"""Steps 6–7 of the clean stage: where the body starts, the header zone before it (headline —
the line over the byline when section labels, kickers, tickers or a scraped sidebar come first —,
section labels, Chinese SEO tags, byline block, deck, lead), the headline's site suffix and site
prefix, and author bios. Labels ``Ln``s in place; ``header_zone`` returns the headline's index."""
from __future__ import annotations

import re

from ..text import HAN, HAN_RE
from .features import COMMAS, DECOR, HEADLINE_MIN_UNITS, MD_HEADING, MD_LINK, TRUNCATED, Ln, set_label, units_of
from .local import is_han_tag_list

HEADLINE_MAX_UNITS = 70      # ... and at most this many (longer is a lead paragraph)
HEADLINE_LONG_UNITS = 150    # ... or this many when it has no commas (official multi-clause headlines)
HEADLINE_MAX_WORDS = 45      # Latin headlines: words
MENU_MIN_WORDS = 4           # capitalized single words in a row, no function word: a menu, not a headline
SECTION_MAX_UNITS = 6        # a Chinese section label above the headline ("国际新闻") is this short ...
SECTION_ITEM_UNITS = 5       # ... or its items set apart by "|" / "/" / "·" are ("即时新闻 | 港闻")
BYLINE_GAP_LINES = 2         # chrome lines between a headline and its byline
KICKER_MAX_WORDS = 3         # a Latin kicker above the headline ("Machtkampf im Vorstand") has at most this many words
DECK_MIN_HAN = 12            # a line under the headline with a comma and this many characters is its deck ...
DECK_MIN_WORDS = 6           # ... or with this many Latin words (a byline is a name and a role)


HEADER_MAX_RUN = 3           # this many loose text lines in a row are body, not header
LEAD_MIN_UNITS = 20          # an unsignalled header line this long is the lead, i.e. content
SUFFIX_MAX_CHARS = 24        # a site suffix after "|" / " - " is at most this long ...
SUFFIX_MAX_SHARE = 0.4       # ... and at most this share of the headline
SUFFIX_MAX_WORDS = 4         # ... or a Latin site name of at most this many words ("Schwäbischer Wirtschaftsbote")


CARD_MAX_UNITS = 24          # an author card ("博客 | name or column") is this short


_PUNCT_ALL = re.compile(r"[\W_]+")


_TEXT_END = re.compile(r"[,，、;；。！？!?.…」』”]\s*$")


_MD_H1 = re.compile(r"^\s*#\s+(.+?)\s*#*\s*$")


_SUFFIX_SEP = re.compile(r"\s*(\||｜|丨| - | – | — | _ |_)\s*")


# --- 6-7: body start, header zone, title ----------------------------------------------------------
def looks_like_text(ln: Ln) -> bool:
    """A loose line of running text: it ends with a comma or sentence punctuation."""
    return bool(_TEXT_END.search(ln.m)) and ln.units >= 2 and not TRUNCATED.search(ln.m)


def headline_like(ln: Ln) -> bool:
    if ln.label is not None or ln.date_line or ln.strong or ln.m.endswith("。"):
        return False
    if _MD_H1.match(ln.raw):
        return True
    if ln.han >= ln.words:
        if ln.units > HEADLINE_MAX_UNITS and (ln.units > HEADLINE_LONG_UNITS or COMMAS.search(ln.m)):
            return False  # a long line is a headline only when its clauses are set apart by spaces
        return ln.units >= HEADLINE_MIN_UNITS and ln.han >= HEADLINE_MIN_UNITS
    return 3 <= ln.words <= HEADLINE_MAX_WORDS and not re.search(r"[a-zäöüß]{3}\.$", ln.m)


_MENU_SMALL_WORDS = frozenset("a an in on of to as at up by for and or the with from into "
                              "über und der die das im am zu mit".split())


def _menu_like(ln: Ln) -> bool:
    """A row of capitalized single words without any function word or punctuation
    ("Politik Wirtschaft Panorama Sport Kultur"): a menu, unless nothing better follows."""
    words = ln.m.split()
    return (ln.han == 0 and len(words) >= MENU_MIN_WORDS and all(w[:1].isupper() and w.isalpha() for w in words)
            and not any(w.casefold() in _MENU_SMALL_WORDS for w in words))


_TICKER = re.compile(r"^\W*(?-i:[A-ZÄÖÜ]{4,})\s*[:|]")   # "BREAKING:", "EILMELDUNG |", "LIVE:"


_SECTION_SEP = re.compile(r"\s*[|｜丨·•/]\s*")


def _section_like(ln: Ln) -> bool:
    """A section label or a row of short links rather than a headline: a few Chinese characters,
    or short items set apart by separators ("即时新闻 | 港闻", "设为首页 | 加入收藏")."""
    parts = [p for p in _SECTION_SEP.split(ln.m) if p.strip()]
    if len(parts) >= 2 and all(units_of(p) <= SECTION_ITEM_UNITS for p in parts):
        return True
    if ln.han >= ln.words:
        return ln.units <= SECTION_MAX_UNITS and len(parts) == 1 and " " not in ln.m
    return ln.words <= KICKER_MAX_WORDS   # a kicker, the Dachzeile of German pages


def _deck_like(ln: Ln) -> bool:
    """A deck (standfirst) under the headline, not a byline: a clause with a comma, or a run of words."""
    if ln.han >= ln.words:
        return ln.han >= DECK_MIN_HAN and bool(COMMAS.search(ln.m))
    return ln.words >= DECK_MIN_WORDS


def _on_byline(lines: list[Ln], k: int) -> bool:
    """The line after k, chrome (a tag row, a share bar) passed over, is a byline or date line:
    where a headline stands."""
    for j in range(k + 1, min(len(lines), k + 1 + BYLINE_GAP_LINES + 1)):
        if lines[j].date_line or lines[j].label == "meta":
            return True
        if lines[j].label not in ("boilerplate", "spam"):
            return False
    return False


def strip_suffix(title: str) -> str:
    t = title.strip()
    h1 = _MD_H1.match(t)
    if h1:
        t = h1.group(1).strip()
    for _ in range(2):
        parts = _SUFFIX_SEP.split(t)
        if len(parts) < 3:
            break
        last = parts[-1].strip()
        head = "".join(parts[:-2]).strip()
        short = len(last) <= SUFFIX_MAX_CHARS or (not HAN_RE.search(last) and len(last.split()) <= SUFFIX_MAX_WORDS)
        if last and short and len(last) <= SUFFIX_MAX_SHARE * len(t) and head:
            t = t[: list(_SUFFIX_SEP.finditer(t))[-1].start()].rstrip()
        else:
            break
    return t


def strip_site_prefix(title: str, site_lines: list[str], match_form: str) -> str:
    """A site name before the headline ("东岸网 - 标题", "Landbote | Titel"), removed when a meta line
    of the page (the source line) or its copyright line names it too. ``site_lines`` and
    ``match_form`` (the title line's) are match forms, so a Traditional page compares in Simplified."""
    parts = _SUFFIX_SEP.split(title.strip(), maxsplit=1)
    mparts = _SUFFIX_SEP.split(match_form.strip(), maxsplit=1)
    if len(parts) < 3 or len(mparts) < 3:
        return title
    first, rest, key = parts[0].strip(), parts[2].strip(), mparts[0].strip()
    if (first and rest and len(first) <= SUFFIX_MAX_CHARS and len(first) <= SUFFIX_MAX_SHARE * len(title)
            and any(key in x for x in site_lines)):
        return rest
    return title


def dup_key(text: str) -> str:
    return _PUNCT_ALL.sub("", text.casefold())


def header_zone(lines: list[Ln], start: int) -> int | None:
    """Label the lines before the body start; return the index of the title line (or None)."""
    for k in range(start):
        if lines[k].label is None and is_han_tag_list(lines[k].m):
            set_label(lines[k], "spam", "spam:seo-keywords")
    zone = [k for k in range(start) if lines[k].label is None]
    cands = [k for k in zone if headline_like(lines[k])]
    title = None
    h1 = [k for k in cands if _MD_H1.match(lines[k].raw)]
    if h1:
        title = h1[0]
    elif cands:
        title = cands[0]
        if _menu_like(lines[title]):
            later = [k for k in cands[1:] if not _menu_like(lines[k]) and not lines[k].chrome]
            if later:
                set_label(lines[title], "boilerplate", "boilerplate:menu-row")
                title = later[0]
        if lines[title].chrome:
            later = [k for k in cands[1:] if not lines[k].chrome and _next_unlabeled(lines, k) != start]
            if later:
                title = later[0]
    listed = title is not None and any(lines[j].header in ("related", "comments") for j in range(title))
    if (title is not None and not h1 and (_section_like(lines[title]) or listed or _TICKER.match(lines[title].m))
            and not _on_byline(lines, title)):
        # a section label, link row, ticker (BREAKING: …) or an item of a list (a sidebar scraped
        # first) above the headline; the headline is the line over the byline
        later = [k for k in cands if k > title and not _section_like(lines[k]) and not lines[k].chrome
                 and _on_byline(lines, k)]
        if later:
            title = later[0]
    if title is not None:
        set_label(lines[title], "title", "title:headline")
    # the last byline / date line of the header zone closes the byline block
    meta_ks = [k for k in range(start) if lines[k].date_line or (lines[k].label == "meta")]
    last_meta = max(meta_ks) if meta_ks else -1
    tkey = dup_key(strip_suffix(lines[title].m)) if title is not None else None
    for k in range(start):
        ln = lines[k]
        if ln.label is not None:
            continue
        if ln.date_line:
            set_label(ln, "meta", "meta:date")
        elif tkey and dup_key(strip_suffix(ln.m)) == tkey:
            set_label(ln, "duplicate", "duplicate:title")
        elif ln.chrome:
            set_label(ln, "boilerplate", "chrome:run-frequency")
        elif title is None or k < title:
            if ln.units >= LEAD_MIN_UNITS:
                set_label(ln, "content", "content:lead")
            else:
                set_label(ln, "boilerplate", "boilerplate:before-title")
        elif ln.units >= LEAD_MIN_UNITS or looks_like_text(ln) or (MD_HEADING.match(ln.raw) and ln.units >= HEADLINE_MIN_UNITS) \
                or (k < last_meta and _deck_like(ln)):
            set_label(ln, "content", "content:lead")
        elif _next_unlabeled(lines, k) == start and headline_like(ln):
            set_label(ln, "content", "content:heading")
        elif k < last_meta:
            set_label(ln, "meta", "meta:byline-block")
        else:
            set_label(ln, "boilerplate", "boilerplate:header")
    return title


def _next_unlabeled(lines: list[Ln], k: int) -> int:
    for j in range(k + 1, len(lines)):
        if lines[j].label is None or lines[j].label in ("content", "title"):
            return j
        if lines[j].reason == "duplicate:title":
            continue
    return len(lines)


def body_start(lines: list[Ln]) -> int:
    """The first strong line, or the first of HEADER_MAX_RUN loose lines in a row (verse, short
    paragraphs), whichever comes first; a footer marker also ends the header zone."""
    run = 0
    for k, ln in enumerate(lines):
        if ln.label is None and ln.strong and not ln.chrome:
            return k - run if run >= HEADER_MAX_RUN - 1 else k
        if ln.header in ("related", "comments") and run:
            return k - run
        if ln.label is None and not ln.chrome and not ln.date_line and looks_like_text(ln):
            run += 1
            if run >= HEADER_MAX_RUN:
                return k - run + 1
        else:
            run = 0
    # no paragraph at all: the body starts after the first headline-like line
    for k, ln in enumerate(lines):
        if headline_like(ln):
            return k + 1
    return 0


# --- 7b: author bios -----------------------------------------------------------------------------
_AUTHOR_LATIN = re.compile(r"\b(?:by|von)\s+([A-ZÄÖÜ][\w'.-]+(?:\s+[A-ZÄÖÜ][\w'.-]+){1,3})")
_AUTHOR_ZH = re.compile(rf"(?:记者|撰文|作者|文|编辑|博客)\s*[:/|丨]\s*\**\s*([{HAN}·]{{2,5}})|记者\s*([{HAN}]{{2,3}})")
_CARD = re.compile(r"^[\s*_#]*[^|丨]{1,12}[|丨]\s*([^|丨*_#]{2,16}?)[\s*_#]*$")
_BIO_SELF = re.compile(
    r"^[A-ZÄÖÜ][\w.'-]+(?: [A-ZÄÖÜ][\w.'-]+){1,3},? (?:is|was|ist|war) (?:a|an|the|ein|eine)? ?.{0,50}?"
    r"\b(?:correspondent|reporter|writer|editor|journalist|columnist|contributor|author|producer|"
    r"korrespondent|redakteur|journalist|autor|reporter|kolumnist)(?:in)?\b")
_BIO_CUE = re.compile(r"^.{0,24}?(\b(is|was|ist|war|covers|writes|reports|schreibt|berichtet|arbeitet)\b"
                      r"|[,，:：】]|是|为|曾|现|任)", re.I)


def author_bios(lines: list[Ln], start: int) -> None:
    """A paragraph after the body start that begins with the byline's author name and describes
    them ("Jane Doe is a senior correspondent…", "【李家明・城中论政】李家明，资深…"), and an author card
    (a short "博客 | 李家明" line right before such a paragraph), are boilerplate:author-bio."""
    names = set()
    for ln in lines[:start] + [ln for ln in lines if ln.label == "meta"]:
        if ln.label == "meta" or ln.date_line:
            names.update(g.casefold() for mt in _AUTHOR_LATIN.finditer(ln.raw) for g in mt.groups() if g)
            names.update(g for mt in _AUTHOR_ZH.finditer(ln.m) for g in mt.groups() if g)
    last_strong = max((k for k, ln in enumerate(lines) if ln.label is None and ln.strong), default=-1)
    for k in range(len(lines)):   # a page whose only "paragraph" is the bio has its card before the body start
        ln = lines[k]
        if ln.label not in (None, "content") and ln.reason != "boilerplate:nav-row":
            continue
        if k >= last_strong and k > start and _BIO_SELF.match(ln.m):
            set_label(ln, "boilerplate", "boilerplate:author-bio")  # "Jane Doe is a correspondent …" at the page tail
            continue
        head = DECOR.sub("", MD_LINK.sub(r"\1", ln.m)).strip(" *_")
        card = None
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if not ln.strong and ln.units <= CARD_MAX_UNITS and nxt is not None and nxt.label in (None, "content"):
            mt = _CARD.match(ln.m)
            name = mt.group(1).strip() if mt else ""
            avatar = k > 0 and lines[k - 1].reason == "boilerplate:image" and name and name in lines[k - 1].m
            if mt and (_bio_of(nxt, name) or avatar):   # avatar image + "博客 | name" + bio paragraph
                card = k
        if card is not None:
            set_label(ln, "boilerplate", "boilerplate:author-bio")
            set_label(nxt, "boilerplate", "boilerplate:author-bio")
            continue
        starts_with_name = any(head.casefold().startswith(n) or head.startswith(n) for n in names)
        if names and starts_with_name and any(_bio_of(ln, n) for n in names):
            set_label(ln, "boilerplate", "boilerplate:author-bio")


def _bio_of(ln: Ln, name: str) -> bool:
    """The line starts with ``name`` (after decoration such as 【name・column】) and goes on like a bio."""
    head = DECOR.sub("", MD_LINK.sub(r"\1", ln.m)).strip(" *_")
    if not name or not head.casefold().startswith(name.casefold()):
        return False
    return bool(_BIO_CUE.match(head[len(name):]))
