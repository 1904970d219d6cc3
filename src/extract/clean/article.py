"""The clean stage's entry point, ``clean_article``: steps 1–10 in order, then step 11 —
the publication date, the article's language and script, and per-line language and script
where they differ. Reads raw lines; returns a ``CleanArticle``."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from ..dates.stamps import first_stamp
from ..metadata import front_matter, meta_of_row
from ..model import CleanArticle, Line
from ..normalize import script_of
from ..settings import DEFAULT
from ..text import HAN_RE
from .duplicates import label_duplicates
from .features import LATIN_WORD, MD_HEADING, Ln, fold, line_features, resources, set_label
from .head import author_bios, body_start, header_zone, headline_like, strip_site_prefix, strip_suffix
from .local import local_rules
from .regions import label_regions, label_tail, label_timestamps

HEADER_MAX_LINES = 8         # a header zone with more loose lines than this is really body


LANG_SAMPLE_CHARS = 20000    # body characters used for language and script
ZH_HAN_PER_LATIN = 1 / 3     # Han characters per Latin letter above which the body is Chinese
LINE_SCRIPT_MIN_HAN = 4      # per-line script only for lines with this many Han characters
LINE_LANG_MIN_WORDS = 4      # per-line language of a Latin line only from this many words


_WEEKDAY_PAREN = re.compile(r"\s*[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?\s*(?=\d{1,2}:\d\d)"
                            r"|\s*[(（](?:星期|礼拜|周)[一二三四五六日天][)）]\s*")


# --- 11: published, language, script ----------------------------------------------------------
_DATE_BAR_TIME = re.compile(r"(\d)(?:\s*[|｜·•]|\s+[-–—])\s*(?=[0-2]?\d:[0-5]\d)")


_DOTTED_TIME = re.compile(r"\b([0-2]?\d)\.([0-5]\d)(?=\s*(?:GMT|BST|UTC|CET|CEST|MEZ|MESZ|Uhr)\b)", re.I)


def find_date(text: str) -> str | None:
    """The first absolute date (or date-time) in a line, as ISO 8601; None if there is none."""
    # "2024年7月2日（星期二）20:15": the weekday splits date and time; in "03.02.2025 | 08:15" and
    # "2025/02/03 - 08:15" a bar or a dash does
    # "08.15 GMT", "08.15 Uhr": a time with a dot
    t = _DOTTED_TIME.sub(r"\1:\2", _WEEKDAY_PAREN.sub(" ", fold(text)))
    return first_stamp(_DATE_BAR_TIME.sub(r"\1 ", t))


def _published(lines: list[Ln], start: int) -> str | None:
    head = [ln for ln in lines[:start] if ln.label in ("meta", "title")]
    keyed = [ln for ln in lines if ln.label == "meta" and ln.reason == "meta:published"]
    for ln in head + keyed:
        if ln.label == "title":
            continue
        v = find_date(ln.m)
        if v:
            return v
    return None


def language_of(text: str) -> str | None:
    """The language of a text as the clean stage decides it for an article body: ``zh`` when Han
    characters dominate, else the language of most stop words (de, en), else None."""
    return _language(text, resources())


def _language(body: str, R) -> str | None:
    han = len(HAN_RE.findall(body))
    latin = sum(len(w) for w in LATIN_WORD.findall(body))
    if han and han >= ZH_HAN_PER_LATIN * latin:
        return "zh"
    words = [w.casefold() for w in LATIN_WORD.findall(body)]
    if not words:
        return "zh" if han else None
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in R["stop"].items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    lang, hits = ranked[0]
    return lang if hits >= 1 and (len(ranked) == 1 or hits > ranked[1][1]) else None


def _line_lang_script(ln: Ln, art_lang: str | None, art_script: str | None, R) -> tuple[str | None, str | None]:
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
        words = [w.casefold() for w in LATIN_WORD.findall(ln.m)]
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
    R = resources()
    lines = line_features(raw_lines)
    fm = front_matter(raw_lines)
    if fm is not None:
        for ln in lines:
            if ln.i <= fm[0]:
                set_label(ln, "meta", "meta:front-matter")
    chrome_min = max(settings.chrome_min_articles, int(-(-settings.chrome_min_share * n_articles // 1)))
    local_rules(lines, R, chrome if n_articles >= settings.chrome_min_articles else None, chrome_min)
    start = body_start(lines)
    zone = [k for k in range(start) if lines[k].label is None and not lines[k].date_line and not lines[k].chrome]
    if len(zone) > HEADER_MAX_LINES:  # no paragraph to anchor on (verse, lyrics): body follows the headline
        first = next((k for k in zone if headline_like(lines[k])), zone[0])
        start = first + 1
    title = header_zone(lines, start)
    author_bios(lines, start)
    label_regions(lines, start)
    label_timestamps(lines, start)
    label_tail(lines, start, R)
    for ln in lines:
        if ln.label is None:
            if ln.chrome:
                set_label(ln, "boilerplate", "chrome:run-frequency")
            elif MD_HEADING.match(ln.raw):
                set_label(ln, "content", "content:heading")
            else:
                set_label(ln, "content", "content:default")
    label_duplicates(lines, title)

    body = "\n".join(ln.raw for ln in lines if ln.label in ("title", "content"))[:LANG_SAMPLE_CHARS]
    lang = _language(body, R)
    script = script_of(body) if body else None
    if script is not None and lang == "zh" and script == "Latn":
        script = "mixed"
    out = []
    for ln in lines:
        ll, ls = _line_lang_script(ln, lang, script, R)
        out.append(Line(ln.i + 1, ln.raw, ln.label, ln.reason, ll, ls))
    title_text = None
    if title is not None:
        site_lines = [ln.m for ln in lines if ln.label == "meta" or ln.reason == "boilerplate:copyright"]
        title_text = strip_site_prefix(strip_suffix(lines[title].raw), site_lines, lines[title].m)
    return CleanArticle(tuple(out), title_text or None, _published(lines, start), lang, script,
                        meta_of_row(fm[1], origin="front-matter") if fm is not None else None)
