"""Stage 1 — clean: a label and a reason for every non-empty raw line of an article.

Labels: title, meta, content, boilerplate, spam, duplicate (see ``model.LINE_LABELS``).
Lines are matched on a *match form*: mirror pinyin removed, Latin mojibake repaired (ftfy, only
for lines that look broken), Traditional converted to Simplified (one OpenCC call per article),
full-width ASCII folded, so every Chinese lexicon is written once in Simplified (``features``).
The signals, in the order they are applied (``local``: 1–5, ``head``: 6–7, ``regions``: 8–9,
``duplicates``: 10, ``article``: 11 and the entry point ``clean_article``):

1. **spam** — adult / gambling / SEO vocabulary (``clean_spam.txt``, two hits or one hit in a
   keyword-stuffed line) and link farms (many short ``|``-separated names).
2. **markup** — HTML debris, image and embed lines, horizontal rules, link-only lines.
3. **local boilerplate** — share / login / copyright / disclaimer / subscribe / legal patterns
   (``clean_boilerplate.txt``), cookie-consent banners, even paragraph-long ones, and their button
   rows (``clean_consent.txt``; an option such as "Einstellungen" only next to them), breadcrumbs,
   language switchers, lines made of navigation words and counters only (``clean_nav.txt``), menu
   rows (short items set apart by ``|`` / ``·`` / wide spaces), toolbars of bracketed items
   (``【字体：大 中 小】【打印】【关闭】``).
4. **local meta** — short byline / source / editor / credit lines (``clean_meta.txt``) and
   lines that are only a date or time.
5. **site chrome** — lines that occur in many articles of the run (``chrome`` counts from the
   pipeline's first pass); never applied to strong body lines or to the headline.
6. **body start** — the first *strong* line (a real paragraph: long, with sentence punctuation,
   not a truncated teaser) that no rule above took. Lines before it are the header zone.
7. **header zone** — the headline (markdown ``#`` or the first headline-like line; site suffix
   such as ``|Site`` removed, and a site prefix ``东岸网 - `` that the source or copyright line
   names; a row of capitalized menu words is passed over, and so is a section label, a row of
   short links, a kicker of three words, a ticker (``BREAKING:``) or the items of a list scraped
   before the article when a later line stands over the byline), Chinese SEO tags
   (``人工智能,大模型,辞职``: many short comma-separated words) as spam, lines before it (section
   labels), byline block after it (meta up to the last byline/date line, chrome after it; a deck,
   a clause with a comma or six words and more, is content), a lead or a section heading that runs
   into the body. Then author bios: a paragraph that starts with the byline's name and goes on
   like a bio, an author card ("博客 | name") with its paragraph.
8. **regions after the body start** — a list header (related / hot / comments, ``clean_list_headers.txt``),
   a footer marker (copyright, disclaimer, subscription appeal, login prompt, ``clean_footer.txt``)
   or a run of ``name + timestamp`` teaser items opens a boilerplate region that lasts until body
   text clearly resumes (``RESUME_STRONG_LINES`` strong lines in a row); a references header
   opens a meta region that lasts while lines look like citations.
   A figure or a section heading closes a related-links region. Two comment headers close together
   (``name + date-time``, ``name 发表于 date-time``, ``name · 2 小时前``) open a comment region.
   After the body's last strong line, a row of Latin tags (``Bahn, Streik, Verkehr``: short
   comma-separated items, most one word, no function word) is boilerplate:tags, and a short line
   repeating a chrome line of the page (``Bild vergrößern`` at top and bottom) boilerplate:repeat.
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

from .article import clean_article, find_date, language_of
from .features import line_key

__all__ = ["clean_article", "line_key", "find_date", "language_of"]
