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
