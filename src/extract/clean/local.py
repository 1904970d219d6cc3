"""Steps 1–5 of the clean stage, each line on its own: spam, markup, local boilerplate (share,
login, copyright, navigation, menu rows, language switchers), local meta (bylines, date lines)
and site chrome (lines many articles of the run share). Labels ``Ln``s in place."""
from __future__ import annotations

import re
from typing import Mapping

from ..dates.stamps import stamp_patterns
from ..text import HAN_RE
from .features import DECOR, DIGITS, LETTER, MD_LINK, WORD, Ln, line_key, set_label, units_of

MIN_ENCODED_RUN = 200        # an unbroken run of base64/URL-safe characters this long is encoded data, not text
MAX_BOILERPLATE_UNITS = 120  # boilerplate patterns are tried on lines up to this size only
MAX_META_UNITS = 30          # byline / source / credit patterns: longer lines are body text
MAX_NAV_UNITS = 16           # navigation-word lines are short
BREADCRUMB_ITEM_UNITS = 4    # a two-part breadcrumb "A > B" has parts this short
BREADCRUMB_SLASH_WORDS = 2   # a slash breadcrumb "News / Tech / AI" has parts of at most this many words
KEYWORD_MIN_ITEMS = 4        # an SEO keyword line has at least this many comma-separated items ...
KEYWORD_ITEM_WORDS = 3       # ... of at most this many words each
KEYWORD_ITEM_HAN = 6         # ... or Chinese items of at most this many characters (a clause is longer)
NAV_ROW_MIN_ITEMS = 3        # a menu row has at least this many "|" / "·" / wide-space separated items ...
NAV_ITEM_MAX_UNITS = 5       # ... of at most this many units each
NAV_ROW_LONG_ITEMS = 5       # a row of this many items may start with a site name and hold one number
NAV_ROW_MIN_SPACED = 5       # Chinese items set apart by single spaces: at least this many ...
NAV_ITEM_MAX_HAN = 4         # ... of at most this many characters (headline clauses are longer)
NAV_RESIDUE_LETTERS = 1      # letters left after removing navigation words from a nav line
MAX_DATE_LINE_UNITS = 8      # a date line has at most this many units besides the date itself
MAX_DATE_BYLINE_UNITS = 16   # ... or this many when they are a byline (site, 记者, a name)
CONSENT_OPTION_WINDOW = 2    # a consent option alone ("Einstellungen", "了解更多") is chrome this close to a banner


LINKFARM_MIN_PARTS = 8       # a link farm has at least this many "|"-separated parts ...
LINKFARM_MAX_PART = 10       # ... of at most this many characters on average
STUFFED_MIN_PARTS = 4        # a keyword-stuffed line has at least this many short segments
SPAM_MIN_HITS = 2            # lexicon hits that make a line spam on their own
SPAM_PROSE_COVER = 0.15      # in a prose paragraph the hits must cover this share of the line


_HTML = re.compile(r"^\s*</?(a|div|span|h\d|p|ul|li|ol|br|section|article|header|footer|nav|script|style|iframe"
                   r"|table|tr|td|button|form|input|i|b|em|strong|source|video|picture)\b[^>]*>?"
                   r"|</(a|div|span|h\d|li|ul|p)>|\bhref=|^\s*<!--|-->\s*$|^\s*[\"']?\s*/?>\s*$", re.I)
_IMAGE = re.compile(r"^\s*(<figure\b[^>]*>|</figure>|<img\b|!\[[^\]]*\]\([^)]*\)\s*$|\[!\[)", re.I)
_CAPTION = re.compile(r"^\s*<figcaption\b", re.I)
_EMBED = re.compile(r"^\s*(\{\{[<%].*[>%]\}\}|<(iframe|video|embed|object|script)\b)", re.I)
_RULE = re.compile(r"^\s*(([-*_=~]\s*){3,}|(\|\s*:?-{2,}:?\s*)+\|?|\*{4,})\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


_LINK_ONLY = re.compile(r"^\s*(#{1,6}\s*)?(\[[^\]]*\]\([^)]*\)|<?(https?://|www\.)\S+>?)\s*[.。]?\s*$", re.I)


_BREADCRUMB_SEP = re.compile(r"\s*(>|›|»|→|/|\\|＞)\s*")


_PIPE = re.compile(r"\s*[|｜]\s*")
_KEYWORD_LABEL = re.compile(r"^\s*(?:keywords?|tags?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|关键词|关键字|标签)\s*[:：]\s*\S",
                            re.I)
_STUFF_SEP = re.compile(r"[,，、|/ ]+")
_HEADER_TRAIL = re.compile(r"[\s:>›»→\-—|]*(更多|more|mehr|全部|all)?[\s:>›»→\-—|]*$", re.I)


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


# --- 1-4: local rules ---------------------------------------------------------------------------
def _spam_reason(ln: Ln, R) -> str | None:
    m = ln.m
    parts = _PIPE.split(m)
    if len(parts) >= LINKFARM_MIN_PARTS and not _TABLE_ROW.match(m):
        short = [p for p in parts if p]
        names = [p for p in short if not DIGITS.search(p)]
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


def _markup_reason(ln: Ln) -> tuple[str, str] | None:
    raw = ln.raw
    if _ENCODED.search(raw[:20000]) and sum(ch.isspace() for ch in raw[:20000]) * 50 < min(len(raw), 20000):
        return "boilerplate", "boilerplate:encoded-data"    # base64 images, tracking blobs
    if _CAPTION.match(raw):
        # the caption of a picture the scrape kept as <figcaption>: page furniture, not article text
        # (the convention of the gold of real corpus articles)
        return "boilerplate", "boilerplate:caption"
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
    if seps == 1 and len(parts) == 2 and all(units_of(p) <= BREADCRUMB_ITEM_UNITS and not DIGITS.search(p) for p in parts):
        return True
    # "News / Tech / AI", "Home / Wirtschaft / Unternehmen": section names set apart by slashes,
    # each one or two capitalized words (a headline with a slash in it has more words per part)
    slashed = [p.strip() for p in m.split("/")]
    return len(slashed) >= 3 and all(
        p and len(p.split()) <= BREADCRUMB_SLASH_WORDS and p[:1].isupper() and not DIGITS.search(p) for p in slashed)


def _is_keyword_line(m: str) -> bool:
    """An SEO keyword line: a keywords/tags label (关键词：电池、辞职; Tags: ...), or many short
    comma-separated Latin items, mostly lowercase, without sentence punctuation
    ("ai, startups, funding, layoffs")."""
    if _KEYWORD_LABEL.match(m):
        return True
    items = [x.strip() for x in re.split(r"[,，;；]", m)]
    if len(items) < KEYWORD_MIN_ITEMS or HAN_RE.search(m) or re.search(r"[.!?]$", m.strip()):
        return False
    return all(0 < len(x.split()) <= KEYWORD_ITEM_WORDS for x in items) and \
        sum(x[:1].islower() or not x[:1].isalpha() for x in items) >= 0.5 * len(items)


def is_han_tag_list(m: str) -> bool:
    """Many comma-separated Chinese words, no clause among them ("人工智能,大模型,首席科学家,辞职"):
    SEO keywords in the header zone. In the body the same shape is a list of names or a verse line,
    so the header zone asks for it (``head.header_zone``), not the local rules."""
    if not HAN_RE.search(m) or re.search(r"[。！？!?:：]", m):
        return False
    items = [x.strip() for x in re.split(r"[,，、;；]", m)]
    return len(items) >= KEYWORD_MIN_ITEMS and all(
        0 < len(x) <= KEYWORD_ITEM_HAN and len(HAN_RE.findall(x)) == len(x) for x in items)


def is_tag_row(m: str, R) -> bool:
    """A row of Latin tags, capitalized or not ("Bahn, Streik, Verkehr, Gewerkschaft"): many short
    comma-separated items, most a single word, no function word, no sentence end. A list of names
    (two words each) is not one. Only the page tail asks for it (``regions.label_tail``): in the
    body the shape is an enumeration."""
    if HAN_RE.search(m) or re.search(r"[.!?:]\s*$", m):
        return False
    items = [x.strip() for x in re.split(r"[,;]", m)]
    words = [w.casefold() for x in items for w in x.split()]
    stop = set().union(*R["stop"].values())
    return (len(items) >= KEYWORD_MIN_ITEMS and all(0 < len(x.split()) <= KEYWORD_ITEM_WORDS for x in items)
            and sum(len(x.split()) == 1 for x in items) >= 0.5 * len(items) and not any(w in stop for w in words))


def _is_nav(ln: Ln, R) -> str | None:
    if ln.units > MAX_NAV_UNITS:
        return None
    m = ln.m.casefold()
    if not R["nav_re"].search(m):
        return None
    residue = R["nav_re"].sub("", m)
    letters = LETTER.findall(residue)
    if len(letters) <= NAV_RESIDUE_LETTERS:
        return "boilerplate:counter" if DIGITS.search(m) else "boilerplate:nav"
    return None


def _is_nav_row(ln: Ln) -> str | None:
    """A menu row: several short items set apart by pipes, dots or wide spaces ("Home | World |
    Business", "只看楼主 | 倒序浏览 | 阅读模式"), or many one-word Chinese items set apart by spaces."""
    m = ln.m
    if ln.strong or ln.units > MAX_NAV_UNITS * 2 or _TABLE_ROW.match(m) or re.search(r"[。！？!?]", m):
        return None
    parts = [p for p in _NAV_ROW_SEP.split(m) if p.strip()]
    if (len(parts) >= NAV_ROW_MIN_ITEMS and all(units_of(p) <= NAV_ITEM_MAX_UNITS for p in parts)
            and not any(DIGITS.search(p) or ":" in p for p in parts)):  # table cells, credits
        return "boilerplate:nav-row"
    # a longer menu may lead with the site name and hold one numbered item ("2. Liga")
    if len(parts) >= NAV_ROW_LONG_ITEMS and not any(":" in p for p in parts) \
            and sum(units_of(p) > NAV_ITEM_MAX_UNITS for p in parts[1:]) == 0 \
            and sum(bool(DIGITS.search(p)) for p in parts) <= 1 and units_of(parts[0]) <= 2 * NAV_ITEM_MAX_UNITS:
        return "boilerplate:nav-row"
    if _is_bracket_row(m):
        return "boilerplate:toolbar"
    if ln.han >= ln.words:
        parts = m.split()
        if len(parts) >= NAV_ROW_MIN_SPACED and all(units_of(p) <= NAV_ITEM_MAX_HAN and not DIGITS.search(p) for p in parts):
            return "boilerplate:nav-row"
    return None


_BRACKET_ITEM = re.compile(r"\s*[【\[][^】\]]{1,%d}[】\]]\s*" % (2 * NAV_ITEM_MAX_UNITS + 2))


def _is_bracket_row(m: str) -> bool:
    """A toolbar of bracketed items ("【字体：大 中 小】【打印】【关闭】", "[Drucken] [Teilen]")."""
    items = _BRACKET_ITEM.findall(m)
    return len(items) >= 2 and "".join(items) == m


_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)   # LETTER twice: stops at the second (findall read every one)


def _is_counter(ln: Ln) -> bool:
    """Digits and separators only, e.g. '2,719 0 0' (view / like / comment counters): one letter at most."""
    m = ln.m
    return (bool(m) and not ln.date_line and not _TWO_LETTERS.search(m) and bool(DIGITS.search(m))
            and not _TABLE_ROW.match(m))


def _language_switcher(ln: Ln, R) -> bool:
    if ln.strong:
        return False
    hits = R["lang_re"].findall(ln.m)
    if len({h.casefold() for h in hits}) < 3:
        return False
    covered = sum(len(h) for h in hits)
    return covered >= 0.6 * len(re.sub(r"\s|[|/,·•]", "", ln.m))


_WEEKDAY_OR_TIME = re.compile(r"[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?|\b\d{1,2}:\d{2}(?::\d{2})?\b"
                              r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\.")


_BYLINE_CUE = re.compile(r"记者|作者|编辑|来源|撰文|通讯员|\b(?:by|von|autor|author|reporter)\b", re.I)


def _date_line(ln: Ln, R) -> bool:
    """A line that is essentially one date or date-time (units besides the date are few)."""
    if ln.units > MAX_DATE_BYLINE_UNITS + 8:
        return False
    rest, found = ln.m, False
    for rx in stamp_patterns():
        rest, n = rx.subn(" ", rest)
        found = found or n > 0
    if found:  # every date of the line removed ("2024/05/17 11:05（最后更新：2024/05/17 13:20）")
        rest = _WEEKDAY_OR_TIME.sub(" ", rest)
        units = len(HAN_RE.findall(rest)) + len(WORD.findall(rest))
        # "千帆科技网 记者 周晓彤 2024-03-12 09:30": a byline with the date is still the date line
        return units <= MAX_DATE_LINE_UNITS or (units <= MAX_DATE_BYLINE_UNITS and bool(_BYLINE_CUE.search(rest)))
    return bool(_TIMESTAMP_LINE.match(ln.m) or _NAMED_STAMP.match(ln.m))


def _header_kind(ln: Ln, R) -> str | None:
    if ln.units > 12 or ln.strong:
        return None
    whole = MD_LINK.sub(r"\1", DECOR.sub("", ln.m)).strip(" *#:")
    t = MD_LINK.sub(r"\1", _HEADER_TRAIL.sub("", DECOR.sub("", ln.m)).strip()).strip(" *#")
    # "更多新闻 >" without its "more"; "Read more" with it; "Kommentare (12)" with its bracket
    for form in dict.fromkeys((t, whole, ln.m.strip(" *#:"))):
        for kind, rx in R["headers"]:
            if form and rx.fullmatch(form):
                return kind
    return None


_INLINE_HEAD = re.compile(r"\s*([^:：|｜]{2,40}?)\s*[:：]\s*(\S.*)$")
_ITEM_SEP = re.compile(r"[|｜]|\s[/•·]\s|\s{2,}|；")


def _inline_list(ln: Ln, R) -> bool:
    """A related-stories header with its teasers on the same line (Related: A | B, Mehr zum Thema:
    X | Y, 相关阅读：A｜B): the header of ``clean_list_headers.txt`` before a colon and items split by
    separators after it."""
    m = _INLINE_HEAD.match(ln.m)
    if m is None or not _ITEM_SEP.search(m.group(2)):
        return False
    head = _HEADER_TRAIL.sub("", DECOR.sub("", m.group(1))).strip()
    return any(kind == "related" and rx.fullmatch(head) for kind, rx in R["headers"])


def _is_consent_banner(ln: Ln, R) -> bool:
    """A cookie-consent banner: one banner pattern of ``clean_consent.txt``, or two in a line that
    reads like a paragraph (an article about cookies may use one phrase of the trade, not two)."""
    if ln.units > MAX_BOILERPLATE_UNITS:
        return False
    hits = sum(bool(rx.search(ln.m)) for rx in R["consent"]["banner"])
    return hits >= (2 if ln.strong else 1)


def _consent_buttons(ln: Ln, R, alone: bool) -> bool:
    """A row of consent buttons ("Alle akzeptieren | Einstellungen", "Accept all cookies", "同意"):
    every item is a button or an option of ``clean_consent.txt``, one at least a button unless
    ``alone`` is False (the line is next to a banner or a button row)."""
    if ln.units > MAX_NAV_UNITS or re.search(r"[。！？!?](?!\s*$)", ln.m):
        return False   # "Got it!" is a button; a sentence before it is not
    C = R["consent"]
    # items set apart by separators; a Chinese row also by single spaces ("接受 拒绝")
    for sep in (_NAV_ROW_SEP, re.compile(r"\s+")) if ln.han >= ln.words else (_NAV_ROW_SEP,):
        items = [DECOR.sub("", p).strip().rstrip("!.。！") for p in sep.split(ln.m) if p.strip()]
        if not items or not all(items):
            continue
        kinds = [next((k for k in ("button", "option") if any(rx.fullmatch(x) for rx in C[k])), None) for x in items]
        if None not in kinds and ("button" in kinds or not alone):
            return True
    return False


def local_rules(lines: list[Ln], R, chrome: Mapping[str, int] | None, chrome_min: int) -> None:
    _local_lines(lines, R, chrome, chrome_min)
    consent = [k for k, ln in enumerate(lines) if ln.reason in ("boilerplate:cookie", "boilerplate:cookie-button")]
    for k in consent:
        for j in range(max(0, k - CONSENT_OPTION_WINDOW), min(len(lines), k + CONSENT_OPTION_WINDOW + 1)):
            if lines[j].label is None and _consent_buttons(lines[j], R, alone=False):
                set_label(lines[j], "boilerplate", "boilerplate:cookie-button")


def _local_lines(lines: list[Ln], R, chrome: Mapping[str, int] | None, chrome_min: int) -> None:
    for ln in lines:
        if ln.label is not None:        # front matter, labelled before any rule
            continue
        ln.date_line = _date_line(ln, R)
        ln.stamp = bool(_TIMESTAMP_LINE.match(ln.m)) and bool(_TIME_PART.search(ln.m)) or bool(_NAMED_STAMP.match(ln.m))
        mk = _markup_reason(ln)
        if mk:
            set_label(ln, *mk)
            continue
        r = _spam_reason(ln, R)
        if r:
            set_label(ln, "spam", r)
            continue
        ln.header = _header_kind(ln, R)
        if ln.header:
            label = "meta" if ln.header == "references" else "boilerplate"
            set_label(ln, label, f"{label}:{ln.header}-header")
            continue
        if _inline_list(ln, R):
            set_label(ln, "boilerplate", "boilerplate:related-inline")
            continue
        if _is_consent_banner(ln, R):
            set_label(ln, "boilerplate", "boilerplate:cookie")
            continue
        if _consent_buttons(ln, R, alone=True):
            set_label(ln, "boilerplate", "boilerplate:cookie-button")
            continue
        if ln.units <= MAX_BOILERPLATE_UNITS:
            for name, rx in R["footer"]:
                if rx.search(ln.m):
                    ln.footer = name
                    break
        if ln.units <= MAX_BOILERPLATE_UNITS and not (ln.strong and ln.units > MAX_META_UNITS and ln.footer is None):
            hit = next((name for name, rx in R["boiler"] if rx.search(ln.m)), None)
            if hit:
                set_label(ln, "boilerplate", f"boilerplate:{hit}")
                continue
        if ln.footer:
            set_label(ln, "boilerplate", f"boilerplate:{ln.footer}")
            continue
        if _LINK_ONLY.match(ln.raw):
            set_label(ln, "boilerplate", "boilerplate:link")
            continue
        if _is_breadcrumb(ln.m):
            set_label(ln, "boilerplate", "boilerplate:breadcrumb")
            continue
        if ln.units <= MAX_BOILERPLATE_UNITS and not ln.date_line and _is_keyword_line(ln.m):   # "Mon, Feb 3, 2025, 8:15 AM"
            # a site's tag row is chrome; a bare list of search keywords is SEO (the gold's spam)
            if _KEYWORD_LABEL.match(ln.m):
                set_label(ln, "boilerplate", "boilerplate:tags")
            else:
                set_label(ln, "spam", "spam:seo-keywords")
            continue
        if _language_switcher(ln, R):
            set_label(ln, "boilerplate", "boilerplate:language-switcher")
            continue
        nav = _is_nav(ln, R) or _is_nav_row(ln)
        if nav:
            set_label(ln, "boilerplate", nav)
            continue
        if ln.units <= MAX_META_UNITS and not ln.strong:
            hit = next((name for name, rx in R["meta"] if rx.search(ln.m)), None)
            if hit:
                set_label(ln, "meta", f"meta:{hit}")
                # "小明 发表于 2024-04-02 21:30": after the body start, repeated ones are comment headers
                ln.stamp = hit == "published" and ln.date_line and bool(_CLOCK.search(ln.m))
                continue
        if ln.date_line:
            # a date-time with a clock time and a short name ("回复 #2 小王 2024-05-17 11:02") is a
            # comment / list timestamp after the body start; decided by position like bare dates
            ln.stamp = ln.stamp or bool(_CLOCK.search(ln.m))
            continue  # decided by position: header-zone date is meta, list timestamp is chrome
        if _is_counter(ln):
            set_label(ln, "boilerplate", "boilerplate:counter")
            continue
        if chrome and not ln.strong:
            key = line_key(ln.raw)
            if key and chrome.get(key, 0) >= chrome_min:
                ln.chrome = True
