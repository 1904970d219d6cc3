"""Saved web pages → text lines for the clean stage, with the page's own metadata.

A pure function: HTML in, text and a metadata dict out, nothing read or written. The main text
comes from trafilatura (offline; its comment extraction switched off, so reader comments never
reach the article), its metadata from trafilatura / htmldate (``<title>``, ``og:title``,
``article:published_time``, JSON-LD, bylines).

The text is laid out the way the clean stage expects a scraped page:

1. the headline, as a markdown H1 (``# …``) so ``clean`` takes it as the title;
2. the publication date (ISO 8601) on a line of its own, so it becomes the ``meta`` line that
   feeds ``articles.published``;
3. the body, one paragraph per line, with the headline dropped when the body repeats it first.
"""
from __future__ import annotations

import re
from collections import Counter

MAX_HTML_DEPTH = 200          # libxml2 (under trafilatura) drops a page nested 256 elements deep: flatten before
MIN_TEXT_CHARS = 1            # trafilatura's own size limits are lowered: short notices are articles too
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
_MIDNIGHT = re.compile(r"T00:00(:00)?$")
_BLANKS = re.compile(r"\n\s*\n+")


def _config():
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "min_extracted_size", str(MIN_TEXT_CHARS))
    cfg.set("DEFAULT", "min_output_size", str(MIN_TEXT_CHARS))
    cfg.set("DEFAULT", "extraction_timeout", "0")   # no signal-based timeout inside worker processes
    return cfg


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset("address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
                   "header hr li main nav ol p pre section table tbody td th thead tr ul".split())


def nesting_depth(html: str) -> int:
    """How deep the elements of a page nest (void and self-closed elements do not count)."""
    deepest, stack, open_ = 0, [], Counter()
    for m in _TAG.finditer(html):
        closing, tag, selfclosed = m.group(1), m.group(2).lower(), m.group(3)
        if tag in _VOID or selfclosed:
            continue
        if closing:
            if open_[tag]:
                while True:
                    t = stack.pop()
                    open_[t] -= 1
                    if t == tag:
                        break
        else:
            stack.append(tag)
            open_[tag] += 1
            deepest = max(deepest, len(stack))
    return deepest


def flatten(html: str, limit: int = MAX_HTML_DEPTH) -> str:
    """The page with every element deeper than ``limit`` unwrapped: its text kept, a block
    element's edges kept as one ``<br>`` so paragraphs stay apart. For pages nested deeper than the
    HTML parser goes."""
    out, stack, last, open_ = [], [], 0, Counter()
    at_break = False          # the last thing written is a <br> of an unwrapped block (no second one)

    def put(piece: str, unwrapped_block: bool = False) -> None:
        nonlocal at_break
        if unwrapped_block:
            if not at_break:
                out.append("<br>")
                at_break = True
        elif piece:
            out.append(piece)
            at_break = at_break and not piece.strip()

    for m in _TAG.finditer(html):
        put(html[last:m.start()])
        last = m.end()
        closing, tag, selfclosed = m.group(1), m.group(2).lower(), m.group(3)
        if tag in _VOID or selfclosed:
            put(m.group())
            continue
        if closing:
            if not open_[tag]:
                continue
            while True:
                t, kept = stack.pop()
                open_[t] -= 1
                if t == tag:
                    break
        else:
            kept = len(stack) < limit
            stack.append((tag, kept))
            open_[tag] += 1
        if kept:
            put(m.group())
        elif tag in _BLOCK:
            put("", unwrapped_block=True)
    put(html[last:])
    return "".join(out)


def _same(a: str, b: str) -> bool:
    def strip(s: str) -> str:
        return re.sub(r"[\W_]+", "", s).casefold()

    return bool(a) and strip(a) == strip(b)


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text of a saved web page as lines (headline first, then the date, then the body) and its
    metadata ``{"title", "date", "author", "sitename", "language"}`` (values None when not found).
    Comment sections are left out. Never raises on malformed HTML: an unparsable page gives ("", {…})."""
    import trafilatura  # only for saved web pages

    info = {"title": None, "date": None, "author": None, "sitename": None, "language": None}
    if not html or not html.strip():
        return "", info
    if nesting_depth(html) > MAX_HTML_DEPTH:
        html = flatten(html)
    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, favor_recall=True, with_metadata=True,
            date_extraction_params={"extensive_search": True, "original_date": True, "outputformat": DATE_FORMAT},
            config=_config())
    except Exception:  # a parser failure on broken markup: fall back to the plain text below
        doc = None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if doc is not None:
        for key in info:
            value = getattr(doc, key, None)
            info[key] = str(value).strip() if value else None
    if not body.strip():
        try:
            body = trafilatura.html2txt(html) or ""
        except Exception:
            body = ""
    if info["date"]:
        info["date"] = _MIDNIGHT.sub("", info["date"])   # a date without a stated time
    body_lines = [ln.strip() for ln in _BLANKS.sub("\n", body).split("\n") if ln.strip()]
    head = []
    title = info["title"]
    if title:
        if body_lines and _same(body_lines[0], title):
            body_lines = body_lines[1:]
        head.append(f"# {title}")
    if info["date"]:
        head.append(info["date"])
    return "\n".join(head + body_lines), info
