"""Steps 8–9 of the clean stage, after the body start: list, footer, comment and reference
regions, timestamp chrome (bare date-times of lists and comments), tag rows of the page tail.
Labels ``Ln``s in place."""
from __future__ import annotations

import re

from .features import HEADLINE_MIN_UNITS, MD_HEADING, Ln, set_label
from .head import dup_key, looks_like_text
from .local import is_tag_row

LIST_NAME_MAX_UNITS = 14     # a source / user name before a timestamp is this short


RESUME_STRONG_LINES = 2      # strong lines in a row that end a list / footer region
RESUME_LOOSE_LINES = 4       # ... or this many lines of running text (verse) in a row
REPEAT_MAX_UNITS = 12       # a line of the page tail this short that repeats a chrome line is chrome
TIMESTAMP_PAIR_WINDOW = 6    # two timestamps this close after the body start open a list region


_URL = re.compile(r"(https?://|www\.)\S+", re.I)


_REF_LIKE = re.compile(r"^\s*(\[\d{1,3}\]|\d{1,3}[.、)]\s|[-*•·]\s*)?.*((https?://|www\.)\S+)"
                       r"|^\s*\[\d{1,3}\]|^\s*\d{1,3}[.、]\s*\S", re.I)


# --- 8-9: regions after the body start ----------------------------------------------------------
def _resumes(lines: list[Ln], k: int) -> bool:
    """Body text clearly resumes at k: RESUME_STRONG_LINES strong lines in a row, or
    RESUME_LOOSE_LINES lines of running text in a row (verse, short paragraphs)."""
    strong = loose = 0
    for j in range(k, len(lines)):
        ln = lines[j]
        if ln.label is not None or ln.chrome or ln.stamp or not (ln.strong or looks_like_text(ln)):
            return False
        strong = strong + 1 if ln.strong else 0
        loose += 1
        if strong >= RESUME_STRONG_LINES or loose >= RESUME_LOOSE_LINES:
            return True
    return False


def label_regions(lines: list[Ln], start: int) -> None:
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
                set_label(ln, "meta", "meta:reference")
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
                while back >= start and lines[back].label is None and not lines[back].strong \
                        and lines[back].units <= LIST_NAME_MAX_UNITS:
                    set_label(lines[back], "boilerplate", mode)
                    back -= 1
        if mode is not None:
            if ln.label == "spam":
                k += 1
                continue
            if ln.label in (None, "content", "meta") and _resumes(lines, k):
                mode = None
                continue
            if mode.endswith("related-list") and (ln.reason in ("boilerplate:image", "boilerplate:caption")
                                                  or (MD_HEADING.match(ln.raw) and ln.label is None)):
                mode = None   # a figure or a section heading: the article goes on after a link list
                continue
            if ln.label != "boilerplate":
                set_label(ln, "boilerplate", mode)
        k += 1


def label_tail(lines: list[Ln], start: int, R) -> None:
    """After the body's last strong line: a row of tags (``local.is_tag_row``) is boilerplate:tags;
    a short line that repeats a chrome line of the page ("Bild vergrößern" at the top and the
    bottom) is boilerplate:repeat."""
    last = max((k for k, ln in enumerate(lines) if ln.strong and ln.label in (None, "content")), default=-1)
    chrome = {dup_key(ln.m) for ln in lines if ln.label == "boilerplate" and not ln.strong} - {""}
    for k in range(max(start, last + 1), len(lines)):
        ln = lines[k]
        if ln.label is None and is_tag_row(ln.m, R):
            set_label(ln, "boilerplate", "boilerplate:tags")
        elif ln.label is None and ln.units <= REPEAT_MAX_UNITS and dup_key(ln.m) in chrome:
            set_label(ln, "boilerplate", "boilerplate:repeat")


def label_timestamps(lines: list[Ln], start: int) -> None:
    """Bare timestamps after the body start and the short name line right before each; a bare
    date inside the body is a timeline heading (content), after the body's last line it is meta."""
    last = max((k for k, ln in enumerate(lines) if ln.label is None and not ln.date_line), default=-1)
    for k in range(start, len(lines)):
        ln = lines[k]
        if ln.label is not None or not ln.date_line:
            continue
        if ln.stamp:
            set_label(ln, "boilerplate", "boilerplate:timestamp")
            p = k - 1
            if p >= start and lines[p].label is None and not lines[p].strong and lines[p].units <= LIST_NAME_MAX_UNITS:
                set_label(lines[p], "boilerplate", "boilerplate:list-source")
        elif k < last:
            set_label(ln, "content", "content:date-heading")
        else:
            set_label(ln, "meta", "meta:date")
