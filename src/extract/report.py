"""The page a journalist opens first: one self-contained HTML file about a run (`extract report`).

Reads the tables of a run (articles, lines, persons, dates and events, only the columns shown;
never tokens); writes nothing — ``build_report`` returns the HTML text. The page loads nothing:
styles are inline CSS, charts inline SVG, text drawn with the browser's own fonts.

Sections: run summary; line labels with their shares and the reasons that decided them; top
persons with their aliases; events per month and the dated events in order; dates by month;
articles that are not ``ok`` with the reason.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

from . import io
from .model import LINE_LABELS

TOP_PERSONS = 25            # persons listed, by articles then mentions
TOP_REASONS = 4             # reasons shown per line label
MAX_EVENTS_LISTED = 200     # dated events listed in the timeline table (the chart counts all)
MAX_PROBLEM_ARTICLES = 200  # articles with errors listed
PRECISE_DAYS = 31           # only values that cover at most a month are counted in a month

LABEL_COLOURS = {"title": "#4c78a8", "meta": "#9d9da1", "content": "#54a24b", "boilerplate": "#f58518",
                 "spam": "#e45756", "duplicate": "#b279a2"}
EVENT_COLOURS = {"depart": "#e45756", "join": "#54a24b", "dismiss": "#b22222", "appoint": "#4c78a8",
                 "return": "#72b7b2", "leave_of_absence": "#eeca3b", "found": "#ff9da6", "sue": "#9d755d",
                 "merge": "#bab0ac"}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","PingFang SC",
"Microsoft YaHei","Source Han Sans SC",sans-serif;margin:0 auto;max-width:1180px;padding:24px;color:#222;
line-height:1.45}
h1{font-size:1.6em;margin-bottom:0}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#666;margin-top:4px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:1.5em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
td.date{white-space:nowrap}
th{background:#f6f6f6}
.bar{height:12px;display:inline-block;vertical-align:middle;border-radius:2px}
.chip{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:.85em}
.alias{color:#555}.num{text-align:right;font-variant-numeric:tabular-nums}
.legend span{margin-right:12px;white-space:nowrap}
.note{color:#666;font-size:.9em}
svg text{font-size:11px;fill:#444}
"""


def _e(x) -> str:
    """Text made safe for HTML ('' for a missing value)."""
    if x is None or (isinstance(x, float) and x != x):
        return ""
    return html.escape(str(x))


def _list(x) -> list:
    return [] if x is None or (isinstance(x, float) and x != x) else list(x)


def _chip(label: str, colours: dict) -> str:
    return f'<span class="chip" style="background:{colours.get(label, "#888")}">{_e(label)}</span>'


def _per_month(frame, kinds: dict) -> tuple[list[str], dict[str, Counter], int]:
    """Rows per month and kind (the ``type`` column) of the rows whose value covers at most a
    month (a year value is not put in January): every month from the first to the last, the
    counts, how many rows were counted."""
    series = {k: Counter() for k in kinds}
    if frame is None or frame.empty:
        return [], series, 0
    precise = frame[frame.date_start.notna()]
    precise = precise[(precise.date_end - precise.date_start).dt.days <= PRECISE_DAYS]
    for kind, start in zip(precise.type, precise.date_start):
        series.setdefault(kind, Counter())[start.strftime("%Y-%m")] += 1
    found = sorted({m for c in series.values() for m in c})
    return (_month_range(found[0], found[-1]) if found else []), series, len(precise)


def _month_range(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def stacked_bars_svg(months: list[str], series: dict[str, Counter], colours: dict, width: int = 1100,
                     height: int = 220) -> str:
    """An inline SVG of bars per month, stacked by series (e.g. event type), with a month axis."""
    if not months:
        return '<p class="note">nothing dated to a month or finer</p>'
    totals = [sum(s[m] for s in series.values()) for m in months]
    top = max(totals) or 1
    left, plot_h = 34, height - 44
    step = (width - left - 10) / len(months)
    bar_w = max(1.0, step * 0.8)
    label_every = max(1, round(len(months) / 24))   # at most about 24 month labels
    parts = [f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for frac in (0, 0.5, 1):
        y = 10 + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{round(top * frac)}</text>')
    for i, month in enumerate(months):
        x, y = left + i * step, 10 + plot_h
        for name, counts in series.items():
            n = counts[month]
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{colours.get(name, "#888")}"><title>{_e(month)} {_e(name)}: {n}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 18}" text-anchor="middle">{month}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend(names, colours: dict) -> str:
    return '<p class="legend">' + "".join(
        f'<span><span class="bar" style="width:12px;background:{colours.get(n, "#888")}"></span> {_e(n)}</span>'
        for n in names) + "</p>"


def _load(out_dir: Path):
    return io.load_tables(out_dir, ("articles", "lines", "persons", "dates", "events"), {
        "articles": ["article_id", "status", "error", "language", "title", "published", "n_chars"],
        "lines": ["article_id", "label", "reason"],
        "persons": ["person_id", "name", "aliases", "n_mentions", "n_articles", "languages"],
        "dates": ["article_id", "value", "type", "date_start", "date_end"],
        "events": ["article_id", "type", "persons", "org", "role", "date", "evidence", "date_start", "date_end"],
    })


def build_report(out_dir: Path, title: str | None = None) -> str:
    """The HTML page about the run in ``out_dir``."""
    out_dir = Path(out_dir)
    t = _load(out_dir)
    manifest = json.loads((out_dir / io.MANIFEST).read_text(encoding="utf-8")).get("tables", {})
    a = t.articles
    status = Counter(a.status)
    languages = Counter(x for x in a.language if isinstance(x, str))
    body = [f"<h1>{_e(title or 'extract run: ' + out_dir.name)}</h1>",
            f'<p class="sub">{_e(out_dir.resolve())}</p>', '<div class="cards">']
    for label, value in [("articles", len(a)), ("ok", status.get("ok", 0)),
                         ("not ok", len(a) - status.get("ok", 0)), ("persons", len(t.persons)),
                         ("mentions", manifest.get("mentions", "")), ("dates", len(t.dates)), ("events", len(t.events)),
                         ("characters", f"{int(a.n_chars.fillna(0).sum()):,}")]:
        body.append(f'<div class="card"><b>{_e(value)}</b>{_e(label)}</div>')
    body.append("</div>")
    body.append('<p>Articles by status: ' + ", ".join(f"{_e(k)} {v}" for k, v in status.most_common())
                + ". By language: " + (", ".join(f"{_e(k)} {v}" for k, v in languages.most_common()) or "none")
                + ". Rows per table: " + ", ".join(f"{_e(k)} {v:,}" for k, v in manifest.items()) + ".</p>")
    body += _section_lines(t.lines) + _section_persons(t.persons) + _section_events(t.events)
    body += _section_dates(t.dates) + _section_problems(a)
    return ('<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
            f"<title>{_e(title or 'extract report')}</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def _section_lines(lines) -> list[str]:
    """Line labels: their shares and most frequent reasons."""
    body: list[str] = []
    body.append('<h2 id="lines">Line labels</h2><p class="note">Every non-empty raw line gets a label; '
                "only title and content lines feed persons and events. The reasons are the rules or signals "
                "that decided.</p><table><tr><th>label</th><th class=num>lines</th><th>share</th>"
                "<th>most frequent reasons</th></tr>")
    label_counts = Counter(lines.label)
    n_lines = max(1, len(lines))
    reasons = lines.groupby("label").reason.value_counts() if len(lines) else None
    for label in LINE_LABELS:
        n = label_counts.get(label, 0)
        top = ([f"{_e(r)} ({c})" for r, c in reasons[label].head(TOP_REASONS).items()]
               if reasons is not None and n else [])
        body.append(f"<tr><td>{_chip(label, LABEL_COLOURS)}</td><td class=num>{n:,}</td>"
                    f'<td><span class="bar" style="width:{300 * n / n_lines:.0f}px;background:'
                    f'{LABEL_COLOURS[label]}"></span> {100 * n / n_lines:.1f} %</td><td>{", ".join(top)}</td></tr>')
    body.append("</table>")
    return body


def _section_persons(persons) -> list[str]:
    """The persons named in the most articles, with their aliases."""
    body: list[str] = []
    body.append(f'<h2 id="persons">Top persons</h2><p class="note">The {TOP_PERSONS} persons named in the most '
                "articles (then mentions), with every surface form seen for them.</p><table><tr><th>name</th>"
                "<th class=num>articles</th><th class=num>mentions</th><th>languages</th><th>aliases</th></tr>")
    top_persons = persons.sort_values(["n_articles", "n_mentions", "name"], ascending=[False, False, True])
    for p in top_persons.head(TOP_PERSONS).itertuples():
        aliases = [x for x in _list(p.aliases) if x != p.name]
        body.append(f"<tr><td><b>{_e(p.name)}</b></td><td class=num>{p.n_articles}</td><td class=num>"
                    f"{p.n_mentions}</td><td>{_e(', '.join(_list(p.languages)))}</td>"
                    f'<td class="alias">{_e(", ".join(aliases))}</td></tr>')
    body.append("</table>")
    return body


def _section_events(events) -> list[str]:
    """Events per month and the dated events listed."""
    body: list[str] = []
    months, by_type, n_counted = _per_month(events, EVENT_COLOURS)
    dated = events[events.date_start.notna()].sort_values("date_start") if len(events) else events
    body.append(f'<h2 id="events">Event timeline</h2><p class="note">{len(events)} personnel events, '
                f"{len(dated)} with a date; the chart counts the {n_counted} dated to a month or finer.</p>")
    body.append(_legend([k for k in by_type if sum(by_type[k].values())], EVENT_COLOURS))
    body.append(stacked_bars_svg(months, by_type, EVENT_COLOURS))
    body.append("<table><tr><th>date</th><th>type</th><th>persons</th><th>organization</th><th>role</th>"
                "<th>evidence</th></tr>")
    for e in dated.head(MAX_EVENTS_LISTED).itertuples():
        body.append(f"<tr><td class=date>{_e(e.date)}</td><td>{_chip(e.type, EVENT_COLOURS)}</td>"
                    f"<td>{_e(', '.join(_list(e.persons)))}</td><td>{_e(e.org)}</td><td>{_e(e.role)}</td>"
                    f"<td>{_e(e.evidence)}</td></tr>")
    body.append("</table>")
    if len(dated) > MAX_EVENTS_LISTED:
        body.append(f'<p class="note">the first {MAX_EVENTS_LISTED} of {len(dated)} dated events; '
                    "all of them: <code>extract sql OUT_DIR \"SELECT * FROM events ORDER BY date_start\"</code></p>")
    return body


def _section_dates(dates) -> list[str]:
    """Time expressions per month."""
    body: list[str] = []
    colours = {"date": "#4c78a8", "time": "#f58518"}
    months, by_kind, n_counted = _per_month(dates[dates.type.isin(list(colours))] if len(dates) else dates, colours)
    n_interval = int(dates.date_start.notna().sum()) if len(dates) else 0
    body.append(f'<h2 id="dates">Dates by month</h2><p class="note">{len(dates)} time expressions: '
                f"{n_interval} name a stretch of calendar time, {n_counted} of them a month or less "
                f"(counted here); the rest are durations, sets, unknown years or vague.</p>")
    body.append(_legend(["date", "time"], colours) + stacked_bars_svg(months, by_kind, colours))
    return body


def _section_problems(a) -> list[str]:
    """The files that did not become an article, and why."""
    body: list[str] = []
    problems = a[a.status != "ok"]
    body.append(f'<h2 id="errors">Articles with errors</h2><p class="note">{len(problems)} files did not become '
                "an article: unreadable or binary (error), no text (empty), the same text as another file "
                "(duplicate).</p>")
    if len(problems):
        body.append("<table><tr><th>article</th><th>status</th><th>reason</th></tr>")
        for r in problems.head(MAX_PROBLEM_ARTICLES).itertuples():
            body.append(f"<tr><td>{_e(r.article_id)}</td><td>{_e(r.status)}</td><td>{_e(r.error)}</td></tr>")
        body.append("</table>")
    return body

