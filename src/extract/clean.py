"""Stage 1 — clean: a label and a reason for every non-empty raw line of an article.

Labels: title, meta, content, boilerplate, spam, duplicate (see ``model.LINE_LABELS``).
Lines are matched on a *match form*: mirror pinyin removed, Latin mojibake repaired (ftfy, only
for lines that look broken), Traditional converted to Simplified (one OpenCC call per article),
full-width ASCII folded, so every Chinese lexicon is written once in Simplified. The signals, in the order they are applied:

1. **spam** — adult / gambling / SEO vocabulary (``clean_spam.txt``, two hits or one hit in a
   keyword-stuffed line) and link farms (many short ``|``-separated names).
2. **markup** — HTML debris, image and embed lines, horizontal rules, link-only lines.
3. **local boilerplate** — share / login / copyright / disclaimer / subscribe / cookie patterns
   (``clean_boilerplate.txt``), breadcrumbs, language switchers, lines made of navigation words
   and counters only (``clean_nav.txt``), menu rows (short items set apart by ``|`` / ``·`` / wide
   spaces).
4. **local meta** — short byline / source / editor / credit lines (``clean_meta.txt``) and
   lines that are only a date or time.
5. **site chrome** — lines that occur in many articles of the run (``chrome`` counts from the
   pipeline's first pass); never applied to strong body lines or to the headline.
6. **body start** — the first *strong* line (a real paragraph: long, with sentence punctuation,
   not a truncated teaser) that no rule above took. Lines before it are the header zone.
7. **header zone** — the headline (markdown ``#`` or the first headline-like line; site suffix
   such as ``|Site`` removed; a row of capitalized menu words is passed over), lines before it
   (section labels), byline block after it (meta up to the last byline/date line, chrome after it),
   a lead or a section heading that runs into the body. Then author bios: a paragraph that starts
   with the byline's name and goes on like a bio, an author card ("博客 | name") with its paragraph.
8. **regions after the body start** — a list header (related / hot / comments, ``clean_list_headers.txt``),
   a footer marker (copyright, disclaimer, subscription appeal, login prompt, ``clean_footer.txt``)
   or a run of ``name + timestamp`` teaser items opens a boilerplate region that lasts until body
   text clearly resumes (``RESUME_STRONG_LINES`` strong lines in a row); a references header
   opens a meta region that lasts while lines look like citations.
   A figure or a section heading closes a related-links region. Two comment headers close together
   (``name + date-time``, ``name 发表于 date-time``, ``name · 2 小时前``) open a comment region.
9. **timestamps after the body start** — bare date-times and relative times, and the short source
   or user name line before them, are list / comment chrome, not article dates.
10. **duplicates** — exact and near repeats of an earlier title / meta / content line (3-gram
   Jaccard ≥ 0.8, or one line nearly containing the other: a few characters changed, a sentence
   added); a near repeat of the line right before is a templated list item unless almost identical;
   a more edited line inside a copied block follows its neighbours. The headline repeated after
   the body is boilerplate, before or inside the body it is a duplicate.
11. **published / language / script** — the first absolute date of a header-zone meta line
   (or of a line that says "published"; 12-hour clocks 下午2:30 / 2:30 PM read as 14:30); language
   from the body's Han share and stop words; script from ``normalize.script_of`` on the body, once;
   per line, where it differs from the article's: script from the characters the one t2s pass
   changed, Latin language from stop words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from . import lexicon
from .dates.stamps import first_stamp, stamp_patterns
from .model import CleanArticle, Line
from .normalize import fix_mojibake, script_of, strip_pinyin, to_simplified
from .settings import DEFAULT
from .text import HAN, HAN_RE

# --- thresholds -------------------------------------------------------------------------------
MIN_KEY_LETTERS = 2          # line_key of a line with fewer letters is "" (too short to count)
STRONG_ZH_UNITS = 12         # a Chinese line with "。" and at least this many units is a paragraph
STRONG_ZH_LONG = 40          # ... or this many units ending in sentence punctuation
STRONG_ANY_UNITS = 80        # ... or this many units with a few commas, whatever the ending
STRONG_LATIN_WORDS = 12      # a Latin line with this many words and a sentence end is a paragraph
STRONG_LATIN_LONG = 40       # ... or this many words whatever the ending
MIN_ENCODED_RUN = 200        # an unbroken run of base64/URL-safe characters this long is encoded data, not text
MAX_BOILERPLATE_UNITS = 120  # boilerplate patterns are tried on lines up to this size only
MAX_META_UNITS = 30          # byline / source / credit patterns: longer lines are body text
MAX_NAV_UNITS = 16           # navigation-word lines are short
BREADCRUMB_ITEM_UNITS = 4    # a two-part breadcrumb "A > B" has parts this short
NAV_ROW_MIN_ITEMS = 3        # a menu row has at least this many "|" / "·" / wide-space separated items ...
NAV_ITEM_MAX_UNITS = 5       # ... of at most this many units each
NAV_ROW_LONG_ITEMS = 5       # a row of this many items may start with a site name and hold one number
NAV_ROW_MIN_SPACED = 5       # Chinese items set apart by single spaces: at least this many ...
NAV_ITEM_MAX_HAN = 4         # ... of at most this many characters (headline clauses are longer)
NAV_RESIDUE_LETTERS = 1      # letters left after removing navigation words from a nav line
MAX_DATE_LINE_UNITS = 8      # a date line has at most this many units besides the date itself
MAX_DATE_BYLINE_UNITS = 16   # ... or this many when they are a byline (site, 记者, a name)
HEADLINE_MIN_UNITS = 4       # a headline has at least this many units ...
HEADLINE_MAX_UNITS = 70      # ... and at most this many (longer is a lead paragraph)
HEADLINE_LONG_UNITS = 150    # ... or this many when it has no commas (official multi-clause headlines)
HEADLINE_MAX_WORDS = 45      # Latin headlines: words
MENU_MIN_WORDS = 4           # capitalized single words in a row, no function word: a menu, not a headline
HEADER_MAX_LINES = 8         # a header zone with more loose lines than this is really body
HEADER_MAX_RUN = 3           # this many loose text lines in a row are body, not header
LEAD_MIN_UNITS = 20          # an unsignalled header line this long is the lead, i.e. content
SUFFIX_MAX_CHARS = 24        # a site suffix after "|" / " - " is at most this long ...
SUFFIX_MAX_SHARE = 0.4       # ... and at most this share of the headline
SUFFIX_MAX_WORDS = 4         # ... or a Latin site name of at most this many words ("Schwäbischer Wirtschaftsbote")
LINKFARM_MIN_PARTS = 8       # a link farm has at least this many "|"-separated parts ...
LINKFARM_MAX_PART = 10       # ... of at most this many characters on average
STUFFED_MIN_PARTS = 4        # a keyword-stuffed line has at least this many short segments
SPAM_MIN_HITS = 2            # lexicon hits that make a line spam on their own
SPAM_PROSE_COVER = 0.15      # in a prose paragraph the hits must cover this share of the line
LIST_NAME_MAX_UNITS = 14     # a source / user name before a timestamp is this short
CARD_MAX_UNITS = 24          # an author card ("博客 | name or column") is this short
RESUME_STRONG_LINES = 2      # strong lines in a row that end a list / footer region
RESUME_LOOSE_LINES = 4       # ... or this many lines of running text (verse) in a row
TIMESTAMP_PAIR_WINDOW = 6    # two timestamps this close after the body start open a list region
MIN_DUP_CHARS = 6            # shorter exact repeats (refrains, "完") count only inside a repeated block
NEAR_DUP_MIN_CHARS = 20      # near-duplicate comparison only for lines this long (key chars)
NEAR_DUP_JACCARD = 0.8       # 4-gram Jaccard at which a line repeats an earlier one (a few characters changed)
NEAR_DUP_CONTAIN = 0.9       # ... or the share of the shorter line's 4-grams found in the other (a sentence added)
NEAR_DUP_SIZE_RATIO = 0.6    # ... when the shorter has at least this share of the longer's 4-grams
NEAR_DUP_ADJACENT = 0.9      # Jaccard needed against the line right before (templated list items differ a little)
NEAR_DUP_BLOCK_JACCARD = 0.4 # a line this similar to its source is a copy when its neighbours are copies too
NEAR_DUP_CANDIDATES = 4      # earlier lines checked on all n-grams, best sampled matches first
NEAR_DUP_CANDIDATE_SHARE = 0.3  # sampled n-grams shared to be a candidate at all
SHINGLE = 4                  # character n-gram size for finding near-duplicate candidates
VERIFY_SHINGLE = 3           # ... and for confirming them (one changed character costs three n-grams)
SKETCH_MIN = 8               # fewer sampled n-grams than this: compare all of them
LANG_SAMPLE_CHARS = 20000    # body characters used for language and script
ZH_HAN_PER_LATIN = 1 / 3     # Han characters per Latin letter above which the body is Chinese
LINE_SCRIPT_MIN_HAN = 4      # per-line script only for lines with this many Han characters
LINE_LANG_MIN_WORDS = 4      # per-line language of a Latin line only from this many words

# --- character classes and structural patterns ------------------------------------------------
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+|\d+(?:[.,]\d+)*")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_PUNCT_ALL = re.compile(r"[\W_]+")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x00A0: 0x20, 0x200B: None, 0xFEFF: None}
_SENT_END = re.compile(r"[。！？!?.…」』”\"'»«)）:：;；]\s*$")
_TRUNCATED = re.compile(r"(\.\.\.|…)\s*$|\S(\.\.\.|…)\s+\S")
_TEXT_END = re.compile(r"[,，、;；。！？!?.…」』”]\s*$")
_COMMAS = re.compile(r"[,，、;；]")
_HTML = re.compile(r"^\s*</?(a|div|span|h\d|p|ul|li|ol|br|section|article|header|footer|nav|script|style|iframe|table|tr|td|button|form|input|i|b|em|strong|source|video|picture)\b[^>]*>?|</(a|div|span|h\d|li|ul|p)>|\bhref=|^\s*<!--|-->\s*$|^\s*[\"']?\s*/?>\s*$", re.I)
_IMAGE = re.compile(r"^\s*(<figure\b[^>]*>|</figure>|<img\b|!\[[^\]]*\]\([^)]*\)\s*$|\[!\[)", re.I)
_CAPTION = re.compile(r"^\s*<figcaption\b", re.I)
_EMBED = re.compile(r"^\s*(\{\{[<%].*[>%]\}\}|<(iframe|video|embed|object|script)\b)", re.I)
_RULE = re.compile(r"^\s*(([-*_=~]\s*){3,}|(\|\s*:?-{2,}:?\s*)+\|?|\*{4,})\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_URL = re.compile(r"(https?://|www\.)\S+", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINK_ONLY = re.compile(r"^\s*(#{1,6}\s*)?(\[[^\]]*\]\([^)]*\)|<?(https?://|www\.)\S+>?)\s*[.。]?\s*$", re.I)
_REF_LIKE = re.compile(r"^\s*(\[\d{1,3}\]|\d{1,3}[.、)]\s|[-*•·]\s*)?.*((https?://|www\.)\S+)|^\s*\[\d{1,3}\]|^\s*\d{1,3}[.、]\s*\S", re.I)
_MD_H1 = re.compile(r"^\s*#\s+(.+?)\s*#*\s*$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_BREADCRUMB_SEP = re.compile(r"\s*(>|›|»|→|/|\\|＞)\s*")
_SUFFIX_SEP = re.compile(r"\s*(\||｜|丨| - | – | — | _ |_)\s*")
_PIPE = re.compile(r"\s*[|｜]\s*")
_STUFF_SEP = re.compile(r"[,，、|/ ]+")
_HEADER_TRAIL = re.compile(r"[\s:>›»→\-—|]*(更多|more|mehr|全部|all)?[\s:>›»→\-—|]*$", re.I)
_DECOR = re.compile(r"^[\s#*>•·\-–—【\[(（]+|[\s*】\])）]+$")

_TIMESTAMP_LINE = re.compile(
    r"^\s*(发布于|发表于|更新于|posted|updated)?\s*[:]?\s*("
    r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:[\sT]+[0-2]?\d:[0-5]\d(?::[0-5]\d)?)?"
    r"|(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*[0-2]?\d[:：][0-5]\d(?::[0-5]\d)?"
    r"|\d{1,2}[-/]\d{1,2}\s+[0-2]?\d:[0-5]\d"
    r"|[0-2]?\d:[0-5]\d(?::[0-5]\d)?"
    r"|(\d+|几|一|两|半)\s*(秒|分钟|小时|天|日|周|星期|个月|月|年)前"
    r"|(刚刚|昨天|前天|今天)(\s*[0-2]?\d:[0-5]\d)?"
    r"|\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|vor\s+\d+\s*(sekunden|minuten|stunden|tagen|wochen|monaten|jahren)"
    r")\s*$", re.I)
# a user / source name and a relative time on one line: "路过的乡民 · 2 小时前", "Hans_W vor 2 Stunden"
_NAMED_STAMP = re.compile(
    r"^\s*[^\s,.。，]{1,24}\s*[·•|,-]?\s*("
    r"(\d+|几|一|两|半)\s*(秒|分钟|小时|天|日|周|星期|个月|月|年)前"
    r"|\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|vor\s+(\d+|einer?)\s*(sekunden?|minuten?|stunden?|tag(en)?|wochen?|monat(en)?|jahr(en)?))\s*$", re.I)
_CLOCK = re.compile(r"(?<!\d)[0-2]?\d[:：][0-5]\d(?!\d)")
_NAV_ROW_SEP = re.compile(r"\s*[|｜丨·•]\s*|\s{2,}|\t")
_TIME_PART = re.compile(r"[0-2]?\d:[0-5]\d|前\s*$|ago\s*$|^vor\s|刚刚", re.I)


@lru_cache(maxsize=None)
def _res():
    """Every resource of the stage, loaded and compiled once per process."""
    spam = lexicon.grouped("clean_spam.txt")
    spam_terms = {t.casefold(): cat for cat, terms in spam.items() for t in terms}
    headers = [(k, re.compile(rx.pattern, re.I)) for k, rx in lexicon.patterns("clean_list_headers.txt")]
    stop: dict[str, set[str]] = {}
    for lang, word in lexicon.rows("clean_stopwords.txt", 2, 2):
        stop.setdefault(lang, set()).add(word)
    return {
        # searched in the lowercased line: an alternation this size runs 3x slower with re.I
        "spam_re": re.compile(lexicon.alternation({t.lower() for terms in spam.values() for t in terms})),
        "spam_cat": spam_terms,
        "boiler": lexicon.patterns("clean_boilerplate.txt", re.I),
        "footer": lexicon.patterns("clean_footer.txt", re.I),
        "meta": lexicon.patterns("clean_meta.txt", re.I),
        "headers": headers,
        "nav_re": re.compile(r"(?:%s)" % lexicon.alternation(lexicon.words("clean_nav.txt")), re.I),
        "lang_re": re.compile(lexicon.alternation(lexicon.words("clean_languages.txt"))),
        "stop": stop,
    }


# --- per-line features ------------------------------------------------------------------------
@dataclass
class _Ln:
    i: int                 # index into raw_lines
    raw: str
    m: str                 # match form: pinyin removed, Simplified, width-folded, stripped
    han: int
    words: int
    latin: int             # Latin letters
    units: int             # han + words: a rough size that works for both scripts
    strong: bool           # a real paragraph
    label: str | None = None
    reason: str | None = None
    chrome: bool = False
    date_line: bool = False
    header: str | None = None   # list header kind
    footer: str | None = None   # footer marker reason
    stamp: bool = False         # bare timestamp line
    trad: int = 0               # characters the t2s conversion changed


# UTF-8 read as Latin-1 / cp1252: "Ã¤" for ä, "â€™" for ’ (a cheap prefilter before asking ftfy)
def _fold(text: str) -> str:
    return text.translate(_FOLD)


def line_key(line: str) -> str:
    """Normalized key of a raw line for run-level counting: stripped, width-folded, digits
    dropped, spaces collapsed, casefolded; "" when fewer than ``MIN_KEY_LETTERS`` letters."""
    t = _SPACES.sub(" ", _DIGITS.sub("", _fold(line))).strip().casefold()
    if len(_LETTER.findall(t)) < MIN_KEY_LETTERS:
        return ""
    return t


def _is_strong(m: str, han: int, words: int, units: int) -> bool:
    """A line that reads like a body paragraph, not a headline, teaser or label."""
    if _TRUNCATED.search(m):
        return False
    if han >= words:
        if units >= STRONG_ZH_UNITS and "。" in m:
            return True
        if units >= STRONG_ZH_LONG and _SENT_END.search(m):
            return True
        return units >= STRONG_ANY_UNITS and len(_COMMAS.findall(m)) >= 2
    if words >= STRONG_LATIN_LONG:
        return True
    return words >= STRONG_LATIN_WORDS and bool(_SENT_END.search(m) or re.search(r"[a-z]{2}[.!?] [A-ZÄÖÜ]", m))


def _features(raw_lines: Sequence[str]) -> list[_Ln]:
    idx = [i for i, t in enumerate(raw_lines) if t.strip()]
    prepped = []
    for i in idx:
        t = raw_lines[i]
        if "(" in t:
            t = strip_pinyin(t)[0]
        if "Ã" in t or "Â" in t or "â€" in t:
            t = fix_mojibake(t)   # the match form only; the raw line is kept as it is
        prepped.append(t.replace("\n", " "))
    joined = "\n".join(prepped)
    if HAN_RE.search(joined):
        conv = to_simplified(joined, "t2s").split("\n")
        if len(conv) != len(prepped):  # never expected; fall back to the raw lines
            conv = prepped
    else:
        conv = prepped
    out = []
    for i, p, m in zip(idx, prepped, conv):
        # characters t2s changed: a per-line Traditional signal at no extra OpenCC cost
        trad = sum(a != b for a, b in zip(p, m)) if m != p and len(p) == len(m) else 0
        m = _fold(m).strip()
        han = len(HAN_RE.findall(m))
        words = len(_WORD.findall(m))
        latin = sum(len(w) for w in _LATIN_WORD.findall(m))
        units = han + words
        ln = _Ln(i, raw_lines[i], m, han, words, latin, units, _is_strong(m, han, words, units))
        ln.trad = trad
        out.append(ln)
    return out


def _set(ln: _Ln, label: str, reason: str) -> None:
    ln.label, ln.reason = label, reason


# --- 1-4: local rules ---------------------------------------------------------------------------
def _spam_reason(ln: _Ln, R) -> str | None:
    m = ln.m
    parts = _PIPE.split(m)
    if len(parts) >= LINKFARM_MIN_PARTS and not _TABLE_ROW.match(m):
        short = [p for p in parts if p]
        names = [p for p in short if not _DIGITS.search(p)]
        if (short and len(names) >= 0.8 * len(short) and "。" not in m
                and sum(len(p) for p in short) / len(short) <= LINKFARM_MAX_PART):
            return "spam:link-farm"
    hits = R["spam_re"].findall(m.lower())
    if hits:
        cats = [R["spam_cat"][h.casefold()] for h in hits]
        distinct = {h.casefold() for h in hits}
        cat = max(sorted(set(cats)), key=cats.count)
        cover = sum(len(h) for h in hits) / max(len(m), 1)
        if len(distinct) >= SPAM_MIN_HITS and (not ln.strong or cover >= SPAM_PROSE_COVER):
            return f"spam:{cat}-lexicon"
        parts = [p for p in _STUFF_SEP.split(m) if p]
        if len(parts) >= STUFFED_MIN_PARTS and not ln.strong:
            return f"spam:{cat}-keywords"
    return None


_ENCODED = re.compile(r"[A-Za-z0-9+/=_\-]{%d,}" % MIN_ENCODED_RUN)


def _markup_reason(ln: _Ln) -> tuple[str, str] | None:
    raw = ln.raw
    if _ENCODED.search(raw[:20000]) and sum(ch.isspace() for ch in raw[:20000]) * 50 < min(len(raw), 20000):
        return "boilerplate", "boilerplate:encoded-data"    # base64 images, tracking blobs
    if _CAPTION.match(raw):
        return "content", "content:caption"
    if _IMAGE.match(raw):
        return "boilerplate", "boilerplate:image"
    if _EMBED.match(raw):
        return "boilerplate", "boilerplate:embed"
    if _RULE.match(raw):
        return "boilerplate", "boilerplate:rule"
    if _HTML.search(raw):
        return "boilerplate", "boilerplate:html"
    return None


def _is_breadcrumb(m: str) -> bool:
    parts = [p for p in _BREADCRUMB_SEP.split(m) if p and not _BREADCRUMB_SEP.fullmatch(p)]
    seps = len(re.findall(r">|›|»|→|＞", m))
    if "。" in m:
        return False
    if seps >= 2 and len(parts) >= 3 and all(len(p) <= 16 for p in parts):
        return True
    # "新闻 > 港闻": two short section names
    return seps == 1 and len(parts) == 2 and all(_units(p) <= BREADCRUMB_ITEM_UNITS and not _DIGITS.search(p) for p in parts)


def _is_nav(ln: _Ln, R) -> str | None:
    if ln.units > MAX_NAV_UNITS:
        return None
    m = ln.m.casefold()
    if not R["nav_re"].search(m):
        return None
    residue = R["nav_re"].sub("", m)
    letters = _LETTER.findall(residue)
    if len(letters) <= NAV_RESIDUE_LETTERS:
        return "boilerplate:counter" if _DIGITS.search(m) else "boilerplate:nav"
    return None


def _is_nav_row(ln: _Ln) -> str | None:
    """A menu row: several short items set apart by pipes, dots or wide spaces ("Home | World |
    Business", "只看楼主 | 倒序浏览 | 阅读模式"), or many one-word Chinese items set apart by spaces."""
    m = ln.m
    if ln.strong or ln.units > MAX_NAV_UNITS * 2 or _TABLE_ROW.match(m) or re.search(r"[。！？!?]", m):
        return None
    parts = [p for p in _NAV_ROW_SEP.split(m) if p.strip()]
    if (len(parts) >= NAV_ROW_MIN_ITEMS and all(_units(p) <= NAV_ITEM_MAX_UNITS for p in parts)
            and not any(_DIGITS.search(p) or ":" in p for p in parts)):  # table cells, credits
        return "boilerplate:nav-row"
    # a longer menu may lead with the site name and hold one numbered item ("2. Liga")
    if len(parts) >= NAV_ROW_LONG_ITEMS and not any(":" in p for p in parts) \
            and sum(_units(p) > NAV_ITEM_MAX_UNITS for p in parts[1:]) == 0 \
            and sum(bool(_DIGITS.search(p)) for p in parts) <= 1 and _units(parts[0]) <= 2 * NAV_ITEM_MAX_UNITS:
        return "boilerplate:nav-row"
    if ln.han >= ln.words:
        parts = m.split()
        if len(parts) >= NAV_ROW_MIN_SPACED and all(_units(p) <= NAV_ITEM_MAX_HAN and not _DIGITS.search(p) for p in parts):
            return "boilerplate:nav-row"
    return None


def _units(text: str) -> int:
    return len(HAN_RE.findall(text)) + len(_WORD.findall(text))


def _is_counter(ln: _Ln) -> bool:
    """Digits and separators only, e.g. '2,719 0 0' (view / like / comment counters)."""
    m = ln.m
    return (bool(m) and len(_LETTER.findall(m)) <= 1 and bool(_DIGITS.search(m)) and not ln.date_line
            and not _TABLE_ROW.match(m))


def _language_switcher(ln: _Ln, R) -> bool:
    if ln.strong:
        return False
    hits = R["lang_re"].findall(ln.m)
    if len({h.casefold() for h in hits}) < 3:
        return False
    covered = sum(len(h) for h in hits)
    return covered >= 0.6 * len(re.sub(r"\s|[|/,·•]", "", ln.m))


_WEEKDAY_OR_TIME = re.compile(r"[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?|\b\d{1,2}:\d{2}(?::\d{2})?\b"
                              r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\.")
_WEEKDAY_PAREN = re.compile(r"\s*[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?\s*(?=\d{1,2}:\d\d)|\s*[(（](?:星期|礼拜|周)[一二三四五六日天][)）]\s*")
_BYLINE_CUE = re.compile(r"记者|作者|编辑|来源|撰文|通讯员|\b(?:by|von|autor|author|reporter)\b", re.I)


def _date_line(ln: _Ln, R) -> bool:
    """A line that is essentially one date or date-time (units besides the date are few)."""
    if ln.units > MAX_DATE_BYLINE_UNITS + 8:
        return False
    rest, found = ln.m, False
    for rx in stamp_patterns():
        rest, n = rx.subn(" ", rest)
        found = found or n > 0
    if found:  # every date of the line removed ("2024/05/17 11:05（最后更新：2024/05/17 13:20）")
        rest = _WEEKDAY_OR_TIME.sub(" ", rest)
        units = len(HAN_RE.findall(rest)) + len(_WORD.findall(rest))
        # "千帆科技网 记者 周晓彤 2024-03-12 09:30": a byline with the date is still the date line
        return units <= MAX_DATE_LINE_UNITS or (units <= MAX_DATE_BYLINE_UNITS and bool(_BYLINE_CUE.search(rest)))
    return bool(_TIMESTAMP_LINE.match(ln.m) or _NAMED_STAMP.match(ln.m))


def _header_kind(ln: _Ln, R) -> str | None:
    if ln.units > 12 or ln.strong:
        return None
    t = _HEADER_TRAIL.sub("", _DECOR.sub("", ln.m)).strip()
    t = _MD_LINK.sub(r"\1", t).strip(" *#")
    if not t:
        return None
    for kind, rx in R["headers"]:
        if rx.fullmatch(t):
            return kind
    return None


def _local(lines: list[_Ln], R, chrome: Mapping[str, int] | None, chrome_min: int) -> None:
    for ln in lines:
        ln.date_line = _date_line(ln, R)
        ln.stamp = bool(_TIMESTAMP_LINE.match(ln.m)) and bool(_TIME_PART.search(ln.m)) or bool(_NAMED_STAMP.match(ln.m))
        mk = _markup_reason(ln)
        if mk:
            _set(ln, *mk)
            continue
        r = _spam_reason(ln, R)
        if r:
            _set(ln, "spam", r)
            continue
        ln.header = _header_kind(ln, R)
        if ln.header:
            _set(ln, "meta" if ln.header == "references" else "boilerplate", f"{'meta' if ln.header == 'references' else 'boilerplate'}:{ln.header}-header")
            continue
        if ln.units <= MAX_BOILERPLATE_UNITS:
            for name, rx in R["footer"]:
                if rx.search(ln.m):
                    ln.footer = name
                    break
        if ln.units <= MAX_BOILERPLATE_UNITS and not (ln.strong and ln.units > MAX_META_UNITS and ln.footer is None):
            hit = next((name for name, rx in R["boiler"] if rx.search(ln.m)), None)
            if hit:
                _set(ln, "boilerplate", f"boilerplate:{hit}")
                continue
        if ln.footer:
            _set(ln, "boilerplate", f"boilerplate:{ln.footer}")
            continue
        if _LINK_ONLY.match(ln.raw):
            _set(ln, "boilerplate", "boilerplate:link")
            continue
        if _is_breadcrumb(ln.m):
            _set(ln, "boilerplate", "boilerplate:breadcrumb")
            continue
        if _language_switcher(ln, R):
            _set(ln, "boilerplate", "boilerplate:language-switcher")
            continue
        nav = _is_nav(ln, R) or _is_nav_row(ln)
        if nav:
            _set(ln, "boilerplate", nav)
            continue
        if ln.units <= MAX_META_UNITS and not ln.strong:
            hit = next((name for name, rx in R["meta"] if rx.search(ln.m)), None)
            if hit:
                _set(ln, "meta", f"meta:{hit}")
                # "小明 发表于 2024-04-02 21:30": after the body start, repeated ones are comment headers
                ln.stamp = hit == "published" and ln.date_line and bool(_CLOCK.search(ln.m))
                continue
        if ln.date_line:
            # a date-time with a clock time and a short name ("回复 #2 小王 2024-05-17 11:02") is a
            # comment / list timestamp after the body start; decided by position like bare dates
            ln.stamp = ln.stamp or bool(_CLOCK.search(ln.m))
            continue  # decided by position: header-zone date is meta, list timestamp is chrome
        if _is_counter(ln):
            _set(ln, "boilerplate", "boilerplate:counter")
            continue
        if chrome and not ln.strong:
            key = line_key(ln.raw)
            if key and chrome.get(key, 0) >= chrome_min:
                ln.chrome = True


# --- 6-7: body start, header zone, title ----------------------------------------------------------
def _looks_like_text(ln: _Ln) -> bool:
    """A loose line of running text: it ends with a comma or sentence punctuation."""
    return bool(_TEXT_END.search(ln.m)) and ln.units >= 2 and not _TRUNCATED.search(ln.m)


def _headline_like(ln: _Ln) -> bool:
    if ln.label is not None or ln.date_line or ln.strong or ln.m.endswith("。"):
        return False
    if _MD_H1.match(ln.raw):
        return True
    if ln.han >= ln.words:
        if ln.units > HEADLINE_MAX_UNITS and (ln.units > HEADLINE_LONG_UNITS or _COMMAS.search(ln.m)):
            return False  # a long line is a headline only when its clauses are set apart by spaces
        return ln.units >= HEADLINE_MIN_UNITS and ln.han >= HEADLINE_MIN_UNITS
    return 3 <= ln.words <= HEADLINE_MAX_WORDS and not re.search(r"[a-zäöüß]{3}\.$", ln.m)


_MENU_SMALL_WORDS = frozenset("a an in on of to as at up by for and or the with from into über und der die das im am zu mit".split())


def _menu_like(ln: _Ln) -> bool:
    """A row of capitalized single words without any function word or punctuation
    ("Politik Wirtschaft Panorama Sport Kultur"): a menu, unless nothing better follows."""
    words = ln.m.split()
    return (ln.han == 0 and len(words) >= MENU_MIN_WORDS and all(w[:1].isupper() and w.isalpha() for w in words)
            and not any(w.casefold() in _MENU_SMALL_WORDS for w in words))


def _strip_suffix(title: str) -> str:
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


def _dkey(text: str) -> str:
    return _PUNCT_ALL.sub("", text.casefold())


def _header_zone(lines: list[_Ln], start: int) -> int | None:
    """Label the lines before the body start; return the index of the title line (or None)."""
    zone = [k for k in range(start) if lines[k].label is None]
    cands = [k for k in zone if _headline_like(lines[k])]
    title = None
    h1 = [k for k in cands if _MD_H1.match(lines[k].raw)]
    if h1:
        title = h1[0]
    elif cands:
        title = cands[0]
        if _menu_like(lines[title]):
            later = [k for k in cands[1:] if not _menu_like(lines[k]) and not lines[k].chrome]
            if later:
                _set(lines[title], "boilerplate", "boilerplate:menu-row")
                title = later[0]
        if lines[title].chrome:
            later = [k for k in cands[1:] if not lines[k].chrome and _next_unlabeled(lines, k) != start]
            if later:
                title = later[0]
    if title is not None:
        _set(lines[title], "title", "title:headline")
    # the last byline / date line of the header zone closes the byline block
    meta_ks = [k for k in range(start) if lines[k].date_line or (lines[k].label == "meta")]
    last_meta = max(meta_ks) if meta_ks else -1
    tkey = _dkey(_strip_suffix(lines[title].m)) if title is not None else None
    for k in range(start):
        ln = lines[k]
        if ln.label is not None:
            continue
        if ln.date_line:
            _set(ln, "meta", "meta:date")
        elif tkey and _dkey(_strip_suffix(ln.m)) == tkey:
            _set(ln, "duplicate", "duplicate:title")
        elif ln.chrome:
            _set(ln, "boilerplate", "chrome:run-frequency")
        elif title is None or k < title:
            if ln.units >= LEAD_MIN_UNITS:
                _set(ln, "content", "content:lead")
            else:
                _set(ln, "boilerplate", "boilerplate:before-title")
        elif ln.units >= LEAD_MIN_UNITS or _looks_like_text(ln) or (_MD_HEADING.match(ln.raw) and ln.units >= HEADLINE_MIN_UNITS):
            _set(ln, "content", "content:lead")
        elif _next_unlabeled(lines, k) == start and _headline_like(ln):
            _set(ln, "content", "content:heading")
        elif k < last_meta:
            _set(ln, "meta", "meta:byline-block")
        else:
            _set(ln, "boilerplate", "boilerplate:header")
    return title


def _next_unlabeled(lines: list[_Ln], k: int) -> int:
    for j in range(k + 1, len(lines)):
        if lines[j].label is None or lines[j].label in ("content", "title"):
            return j
        if lines[j].reason == "duplicate:title":
            continue
    return len(lines)


def _body_start(lines: list[_Ln]) -> int:
    """The first strong line, or the first of HEADER_MAX_RUN loose lines in a row (verse, short
    paragraphs), whichever comes first; a footer marker also ends the header zone."""
    run = 0
    for k, ln in enumerate(lines):
        if ln.label is None and ln.strong and not ln.chrome:
            return k - run if run >= HEADER_MAX_RUN - 1 else k
        if ln.header in ("related", "comments") and run:
            return k - run
        if ln.label is None and not ln.chrome and not ln.date_line and _looks_like_text(ln):
            run += 1
            if run >= HEADER_MAX_RUN:
                return k - run + 1
        else:
            run = 0
    # no paragraph at all: the body starts after the first headline-like line
    for k, ln in enumerate(lines):
        if _headline_like(ln):
            return k + 1
    return 0


# --- 7b: author bios -----------------------------------------------------------------------------
_AUTHOR_LATIN = re.compile(r"\b(?:by|von)\s+([A-ZÄÖÜ][\w'.-]+(?:\s+[A-ZÄÖÜ][\w'.-]+){1,3})")
_AUTHOR_ZH = re.compile(r"(?:记者|撰文|作者|文|编辑|博客)\s*[:/|丨]\s*\**\s*([" + HAN + "·]{2,5})|记者\s*([" + HAN + "]{2,3})")
_CARD = re.compile(r"^[\s*_#]*[^|丨]{1,12}[|丨]\s*([^|丨*_#]{2,16}?)[\s*_#]*$")
_BIO_SELF = re.compile(
    r"^[A-ZÄÖÜ][\w.'-]+(?: [A-ZÄÖÜ][\w.'-]+){1,3},? (?:is|was|ist|war) (?:a|an|the|ein|eine)? ?.{0,50}?"
    r"\b(?:correspondent|reporter|writer|editor|journalist|columnist|contributor|author|producer|"
    r"korrespondent|redakteur|journalist|autor|reporter|kolumnist)(?:in)?\b")
_BIO_CUE = re.compile(r"^.{0,24}?(\b(is|was|ist|war|covers|writes|reports|schreibt|berichtet|arbeitet)\b|[,，:：】]|是|为|曾|现|任)", re.I)


def _author_bios(lines: list[_Ln], start: int) -> None:
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
            _set(ln, "boilerplate", "boilerplate:author-bio")  # "Jane Doe is a correspondent …" at the page tail
            continue
        head = _DECOR.sub("", _MD_LINK.sub(r"\1", ln.m)).strip(" *_")
        card = None
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if not ln.strong and ln.units <= CARD_MAX_UNITS and nxt is not None and nxt.label in (None, "content"):
            mt = _CARD.match(ln.m)
            name = mt.group(1).strip() if mt else ""
            avatar = k > 0 and lines[k - 1].reason == "boilerplate:image" and name and name in lines[k - 1].m
            if mt and (_bio_of(nxt, name) or avatar):   # avatar image + "博客 | name" + bio paragraph
                card = k
        if card is not None:
            _set(ln, "boilerplate", "boilerplate:author-bio")
            _set(nxt, "boilerplate", "boilerplate:author-bio")
            continue
        if names and any(head.casefold().startswith(n) or head.startswith(n) for n in names) and any(_bio_of(ln, n) for n in names):
            _set(ln, "boilerplate", "boilerplate:author-bio")


def _bio_of(ln: _Ln, name: str) -> bool:
    """The line starts with ``name`` (after decoration such as 【name・column】) and goes on like a bio."""
    head = _DECOR.sub("", _MD_LINK.sub(r"\1", ln.m)).strip(" *_")
    if not name or not head.casefold().startswith(name.casefold()):
        return False
    return bool(_BIO_CUE.match(head[len(name):]))


# --- 8-9: regions after the body start ----------------------------------------------------------
def _resumes(lines: list[_Ln], k: int) -> bool:
    """Body text clearly resumes at k: RESUME_STRONG_LINES strong lines in a row, or
    RESUME_LOOSE_LINES lines of running text in a row (verse, short paragraphs)."""
    strong = loose = 0
    for j in range(k, len(lines)):
        ln = lines[j]
        if ln.label is not None or ln.chrome or ln.stamp or not (ln.strong or _looks_like_text(ln)):
            return False
        strong = strong + 1 if ln.strong else 0
        loose += 1
        if strong >= RESUME_STRONG_LINES or loose >= RESUME_LOOSE_LINES:
            return True
    return False


def _regions(lines: list[_Ln], start: int) -> None:
    mode = None           # None, or the reason label of the open region
    ref = False           # inside a references block
    k = start
    n = len(lines)
    body_seen = False     # a footer marker ends the article only after some body text
    while k < n:
        ln = lines[k]
        if mode is None and ln.label is None and ln.units >= HEADLINE_MIN_UNITS:
            body_seen = True
        if ln.header in ("related", "comments") or (ln.footer and ln.label == "boilerplate" and body_seen):
            mode = f"boilerplate:{ln.header or ln.footer}-list" if ln.header else f"boilerplate:after-{ln.footer}"
            ref = False
            k += 1
            continue
        if ln.header == "references":
            ref, mode = True, None
            k += 1
            continue
        if ref:
            if (ln.label is None or ln.reason == "boilerplate:link") and (_REF_LIKE.match(ln.m) or _URL.search(ln.m)):
                _set(ln, "meta", "meta:reference")
                k += 1
                continue
            if ln.label is None or ln.label != "meta":
                ref = False
        if mode is None and ln.stamp and ln.label in (None, "meta"):
            # two timestamps close together: a teaser / comment list without a header
            nxt = [j for j in range(k + 1, min(n, k + TIMESTAMP_PAIR_WINDOW + 1)) if lines[j].stamp]
            if nxt:
                mode = "boilerplate:timestamp-list"
                back = k - 1
                while back >= start and lines[back].label is None and not lines[back].strong and lines[back].units <= LIST_NAME_MAX_UNITS:
                    _set(lines[back], "boilerplate", mode)
                    back -= 1
        if mode is not None:
            if ln.label == "spam":
                k += 1
                continue
            if ln.label in (None, "content", "meta") and _resumes(lines, k):
                mode = None
                continue
            if mode.endswith("related-list") and (ln.reason in ("boilerplate:image", "content:caption")
                                                  or (_MD_HEADING.match(ln.raw) and ln.label is None)):
                mode = None   # a figure or a section heading: the article goes on after a link list
                continue
            if ln.label != "boilerplate":
                _set(ln, "boilerplate", mode)
        k += 1


def _timestamps(lines: list[_Ln], start: int) -> None:
    """Bare timestamps after the body start and the short name line right before each; a bare
    date inside the body is a timeline heading (content), after the body's last line it is meta."""
    last = max((k for k, ln in enumerate(lines) if ln.label is None and not ln.date_line), default=-1)
    for k in range(start, len(lines)):
        ln = lines[k]
        if ln.label is not None or not ln.date_line:
            continue
        if ln.stamp:
            _set(ln, "boilerplate", "boilerplate:timestamp")
            p = k - 1
            if p >= start and lines[p].label is None and not lines[p].strong and lines[p].units <= LIST_NAME_MAX_UNITS:
                _set(lines[p], "boilerplate", "boilerplate:list-source")
        elif k < last:
            _set(ln, "content", "content:date-heading")
        else:
            _set(ln, "meta", "meta:date")


# --- 10: duplicates -------------------------------------------------------------------------------
def _sketch(key: str) -> set[str]:
    """A content-defined sample of the key's character n-grams (about one in four), so that
    near-duplicate search stays cheap on long pages; all n-grams when the sample is tiny."""
    n = len(key) - SHINGLE + 1
    codes = list(map(ord, key))
    last = SHINGLE - 1
    sample = {key[j:j + SHINGLE] for j in range(n) if (codes[j] + 7 * codes[j + last]) & 3 == 0}
    return sample if len(sample) >= SKETCH_MIN else {key[j:j + SHINGLE] for j in range(n)}


def _shingles(key: str) -> set[str]:
    return {key[j:j + VERIFY_SHINGLE] for j in range(max(len(key) - VERIFY_SHINGLE + 1, 1))}


def _near(a: set[str], b: set[str]) -> tuple[float, bool]:
    """(Jaccard of two shingle sets, whether one is a near copy of the other): high Jaccard, or
    one contains almost all of the other and is not much longer (a sentence added or dropped)."""
    inter = len(a & b)
    if not inter:
        return 0.0, False
    jac = inter / len(a | b)
    small, big = sorted((len(a), len(b)))
    contained = inter / small >= NEAR_DUP_CONTAIN and small >= NEAR_DUP_SIZE_RATIO * big
    return jac, jac >= NEAR_DUP_JACCARD or contained


def _duplicates(lines: list[_Ln], title: int | None) -> None:
    """Exact and near repeats of earlier title / meta / content lines. A near repeat is found through
    sampled n-grams and confirmed on all n-grams; a near repeat of the line right before it is a
    templated list item ("第六十五号主席令说…", "第六十六号主席令说…"), not a copy, unless almost
    identical. A line inside a copied block whose neighbours are copies of its source's neighbours
    is a copy too, even with heavier edits."""
    tkey = _dkey(_strip_suffix(lines[title].m)) if title is not None else None
    seen: dict[str, int] = {}
    short: list[int] = []      # short repeats: duplicates only inside a repeated block
    grams: dict[str, list[int]] = {}
    sizes: dict[int, int] = {}
    full: dict[int, set[str]] = {}
    src: dict[int, int] = {}    # duplicate line -> the earlier line it repeats
    weak: dict[int, int] = {}   # kept line -> its most similar earlier line, when fairly similar
    kept: list[int] = []        # body / meta lines in order, for adjacency
    last_body = max((k for k, ln in enumerate(lines) if ln.label in (None, "content")
                     and not (tkey and _dkey(_strip_suffix(ln.m)) == tkey)), default=-1)
    for k, ln in enumerate(lines):
        if ln.label not in (None, "content", "meta", "title"):
            continue
        key = _dkey(ln.m)
        if not key:
            continue
        prev = kept[-1] if kept else None
        kept.append(k)
        if ln.label != "title" and tkey and _dkey(_strip_suffix(ln.m)) == tkey:
            if k > last_body:
                _set(ln, "boilerplate", "boilerplate:title-repeat")
            else:
                _set(ln, "duplicate", "duplicate:title")
            continue
        if key in seen and ln.label != "title":
            if len(key) >= MIN_DUP_CHARS:
                _set(ln, "duplicate", "duplicate:exact")
                src[k] = seen[key]
            else:
                short.append(k)
            continue
        seen.setdefault(key, k)
        if len(key) < NEAR_DUP_MIN_CHARS or ln.label == "title":
            continue
        sh = _sketch(key)
        counts: dict[int, int] = {}
        for g in sh:
            for j in grams.get(g, ()):
                counts[j] = counts.get(j, 0) + 1
        mine = full[k] = _shingles(key)
        best_j, best_jac, hit = None, 0.0, False
        for j, c in sorted(counts.items(), key=lambda kv: -kv[1])[:NEAR_DUP_CANDIDATES]:
            if c < NEAR_DUP_CANDIDATE_SHARE * min(sizes[j], len(sh)):
                break
            jac, near = _near(mine, full[j])
            if near and j == prev and jac < NEAR_DUP_ADJACENT:
                near = False  # a templated list item right after its sibling
            if near or jac > best_jac:
                best_j, best_jac, hit = j, jac, near
            if near:
                break
        if hit:
            _set(ln, "duplicate", "duplicate:near")
            src[k] = best_j
            continue
        if best_j is not None and best_jac >= NEAR_DUP_BLOCK_JACCARD:
            weak[k] = best_j
        sizes[k] = len(sh)
        for g in sh:
            grams.setdefault(g, []).append(k)
    # inside or at the edge of a copied block: a kept neighbour repeats the same neighbour of this line's source
    pos = {k: i for i, k in enumerate(kept)}
    for k, j in weak.items():
        i = pos[k]
        nb = [(kept[i + d], d) for d in (-1, 1) if 0 <= i + d < len(kept)]
        if any(m in src and 0 <= pos[j] + d < len(kept) and src[m] == kept[pos[j] + d] for m, d in nb):
            _set(lines[k], "duplicate", "duplicate:near-block")
    for k in short:
        near = [lines[j].label for j in (k - 1, k + 1) if 0 <= j < len(lines)]
        if "duplicate" in near:
            _set(lines[k], "duplicate", "duplicate:exact")


# --- 11: published, language, script ----------------------------------------------------------
def find_date(text: str) -> str | None:
    """The first absolute date (or date-time) in a line, as ISO 8601; None if there is none."""
    # "2024年7月2日（星期二）20:15": the weekday splits date and time
    return first_stamp(_WEEKDAY_PAREN.sub(" ", _fold(text)))


def _published(lines: list[_Ln], start: int) -> str | None:
    head = [ln for ln in lines[:start] if ln.label in ("meta", "title")]
    keyed = [ln for ln in lines if ln.label == "meta" and ln.reason == "meta:published"]
    for ln in head + keyed:
        if ln.label == "title":
            continue
        v = find_date(ln.m)
        if v:
            return v
    return None


def _language(body: str, R) -> str | None:
    han = len(HAN_RE.findall(body))
    latin = sum(len(w) for w in _LATIN_WORD.findall(body))
    if han and han >= ZH_HAN_PER_LATIN * latin:
        return "zh"
    words = [w.casefold() for w in _LATIN_WORD.findall(body)]
    if not words:
        return "zh" if han else None
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in R["stop"].items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    lang, hits = ranked[0]
    return lang if hits >= 1 and (len(ranked) == 1 or hits > ranked[1][1]) else None


def _line_lang_script(ln: _Ln, art_lang: str | None, art_script: str | None, R) -> tuple[str | None, str | None]:
    """Per-line language and script where a page mixes them, given only where different from the
    article's. Cheap: Han lines use the characters the article's one t2s pass changed (``trad``);
    Latin lines count stop words. Lines too short to tell get None."""
    if ln.han and ln.han >= ZH_HAN_PER_LATIN * ln.latin:
        lang = "zh"
        if ln.han < LINE_SCRIPT_MIN_HAN:
            script = None
        else:
            script = "Hant" if ln.trad >= max(2, 0.02 * ln.han) else ("Hans" if ln.trad == 0 else None)
    elif ln.latin:
        script = "Latn"
        words = [w.casefold() for w in _LATIN_WORD.findall(ln.m)]
        lang = None
        if len(words) >= LINE_LANG_MIN_WORDS:
            scores = sorted(((sum(w in sw for w in words), lg) for lg, sw in R["stop"].items()), reverse=True)
            if scores[0][0] >= 2 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
                lang = scores[0][1]
    else:
        return None, None
    return (lang if lang != art_lang else None), (script if script != art_script else None)


# --- entry point ----------------------------------------------------------------------------------
def clean_article(raw_lines: Sequence[str], chrome: Mapping[str, int] | None = None,
                  n_articles: int = 1, settings=DEFAULT) -> CleanArticle:
    """Label every non-empty raw line and find the article's title, publication date, language
    and script. ``chrome`` maps ``line_key`` to the number of articles of the run containing the
    line; ``n_articles`` is the size of the run."""
    R = _res()
    lines = _features(raw_lines)
    chrome_min = max(settings.chrome_min_articles, int(-(-settings.chrome_min_share * n_articles // 1)))
    _local(lines, R, chrome if n_articles >= settings.chrome_min_articles else None, chrome_min)
    start = _body_start(lines)
    zone = [k for k in range(start) if lines[k].label is None and not lines[k].date_line and not lines[k].chrome]
    if len(zone) > HEADER_MAX_LINES:  # no paragraph to anchor on (verse, lyrics): body follows the headline
        first = next((k for k in zone if _headline_like(lines[k])), zone[0])
        start = first + 1
    title = _header_zone(lines, start)
    _author_bios(lines, start)
    _regions(lines, start)
    _timestamps(lines, start)
    for ln in lines:
        if ln.label is None:
            if ln.chrome:
                _set(ln, "boilerplate", "chrome:run-frequency")
            elif _MD_HEADING.match(ln.raw):
                _set(ln, "content", "content:heading")
            else:
                _set(ln, "content", "content:default")
    _duplicates(lines, title)

    body = "\n".join(ln.raw for ln in lines if ln.label in ("title", "content"))[:LANG_SAMPLE_CHARS]
    lang = _language(body, R)
    script = script_of(body) if body else None
    if script is not None and lang == "zh" and script == "Latn":
        script = "mixed"
    out = []
    for ln in lines:
        ll, ls = _line_lang_script(ln, lang, script, R)
        out.append(Line(ln.i + 1, ln.raw, ln.label, ln.reason, ll, ls))
    title_text = _strip_suffix(lines[title].raw) if title is not None else None
    return CleanArticle(tuple(out), title_text or None, _published(lines, start), lang, script)
