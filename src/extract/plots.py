"""Figures of a run for notebooks: matplotlib charts that stay readable at corpus size, drawn with
a font that has Chinese glyphs, and an article prepared for spaCy's displaCy.

Reads font files only (the CJK font shipped by the ``mplfonts`` package, else one of the system's);
takes the run's tables as DataFrames and returns figures or dicts — it loads no table itself.
Needs the notebook extra: ``pip install -e ".[notebook]"`` (matplotlib, mplfonts, JupyterLab).

    from extract import plots
    font = plots.use_cjk_font()                    # before the first figure
    plots.top_counts(t.persons.set_index("name").n_articles, "Persons in the most articles")
    plots.events_per_month(t.events)
    plots.person_timeline(t.events, "林嘉文")
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGED_FONT = "NotoSansCJKsc-Regular.otf"    # Noto Sans CJK SC, in the mplfonts wheel
# system fonts with Chinese glyphs, by file name (Debian's fonts-noto-cjk, WenQuanYi, macOS, Windows)
SYSTEM_FONT_HINTS = ("NotoSansCJK", "NotoSansSC", "SourceHanSans", "wqy-zenhei", "wqy-microhei", "PingFang",
                     "Hiragino Sans GB", "msyh", "simhei", "SimHei")
PRECISE_DAYS = 31      # a value covering at most this many days is put in its month; a year is not
TOP_N = 20             # bars in a top-N chart
EVENT_COLOURS = {"depart": "#e45756", "join": "#54a24b", "dismiss": "#b22222", "appoint": "#4c78a8",
                 "return": "#72b7b2", "leave_of_absence": "#eeca3b", "found": "#ff9da6", "sue": "#9d755d",
                 "merge": "#bab0ac"}
ENTITY_COLOURS = {"PERSON": "#aa9cfc", "DATE": "#bfe1d9", "TIME": "#bfe1d9"}


@dataclass(frozen=True)
class Font:
    name: str      # the family name matplotlib knows it by
    path: Path     # the font file


def find_cjk_font() -> Path | None:
    """The file of a font with Chinese glyphs: the one mplfonts ships, else a system font."""
    try:
        import mplfonts
    except ImportError:
        mplfonts = None
    if mplfonts is not None:
        packaged = Path(mplfonts.__file__).parent / "fonts" / PACKAGED_FONT
        if packaged.exists():
            return packaged
    from matplotlib import font_manager

    for path in sorted(font_manager.findSystemFonts()):
        if any(hint.lower() in Path(path).name.lower() for hint in SYSTEM_FONT_HINTS):
            return Path(path)
    return None


def use_cjk_font() -> Font:
    """Make matplotlib draw text with a CJK font (Latin letters included), for every figure from
    now on; the font chosen. Registers the file with matplotlib's font manager in memory (no
    font cache or matplotlibrc is written)."""
    import matplotlib
    from matplotlib import font_manager

    path = find_cjk_font()
    if path is None:
        raise RuntimeError("no font with Chinese glyphs found: install the notebook extra "
                           "(pip install -e \".[notebook]\", which ships Noto Sans CJK) or a system font "
                           "(apt-get install fonts-noto-cjk)")
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False    # CJK fonts often lack U+2212 MINUS SIGN
    return Font(name, path)


def figure_texts(fig) -> list[str]:
    """Every non-empty string a figure draws (titles, labels, ticks, legends, annotations)."""
    from matplotlib.text import Text

    fig.canvas.draw()       # tick labels exist only once drawn
    return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]


def missing_glyphs(texts, font_path: Path) -> set[str]:
    """Characters of ``texts`` the font file has no glyph for (whitespace aside)."""
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(str(font_path)).get_charmap()
    return {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in charmap}


# ------------------------------------------------------------------ figures

def top_counts(counts, title: str, xlabel: str = "articles", n: int = TOP_N):
    """Horizontal bars of the ``n`` largest values of a Series (index = labels), largest on top."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    top = counts.dropna().sort_values(ascending=False).head(n)[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(top) + 1.2))
    ax.barh([str(x) for x in top.index], top.values, color="#4c78a8")
    for y, v in enumerate(top.values):
        ax.text(v, y, f" {v:,}", va="center", fontsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def _precise(frame):
    """Rows whose date_start/date_end cover at most PRECISE_DAYS (a month, a week, a day)."""
    frame = frame[frame.date_start.notna()]
    return frame[(frame.date_end - frame.date_start).dt.days <= PRECISE_DAYS]


def events_per_month(events):
    """Events per month, stacked by type, for events dated to a month or finer."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.ticker import MaxNLocator

    precise = _precise(events).assign(month=lambda d: d.date_start.dt.to_period("M").dt.to_timestamp())
    table = precise.groupby(["month", "type"]).size().unstack(fill_value=0)
    fig, ax = plt.subplots(figsize=(11, 3.6))
    bottom = pd.Series(0, index=table.index)
    for kind in [k for k in EVENT_COLOURS if k in table.columns]:
        ax.bar(table.index, table[kind], width=25, bottom=bottom, label=kind, color=EVENT_COLOURS[kind])
        bottom += table[kind]
    ax.set_ylabel("events")
    ax.set_title(f"Personnel events per month ({len(precise)} of {len(events)} dated to a month or finer)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def person_timeline(events, person: str):
    """The events of one person (a name of the ``persons`` column) in time, one row per event type:
    a dot for a day or a month, a bar over the whole time of a coarser value (a year, a decade),
    labelled with the organization and role."""
    import matplotlib.pyplot as plt

    mine = events[events.persons.map(lambda names: person in list(names))]
    dated = mine[mine.date_start.notna()].sort_values("date_start")
    kinds = [k for k in EVENT_COLOURS if k in set(dated.type)]
    fig, ax = plt.subplots(figsize=(10, 0.6 * max(len(kinds), 1) + 1.6))
    for e in dated.itertuples():
        y = kinds.index(e.type)
        colour = EVENT_COLOURS.get(e.type, "#888")
        span = e.date_end - e.date_start
        if span.days > PRECISE_DAYS:
            ax.plot([e.date_start, e.date_end], [y, y], color=colour, linewidth=6, alpha=0.45, solid_capstyle="butt")
        ax.plot([e.date_start + span / 2], [y], "o", color=colour, markersize=8)
        label = " · ".join(x for x in (e.org, e.role, e.date) if isinstance(x, str))
        ax.annotate(label, (e.date_start + span / 2, y), textcoords="offset points", xytext=(0, 8),
                    ha="center", fontsize=8)
    ax.set_yticks(range(len(kinds)), kinds)
    ax.set_ylim(-0.6, len(kinds) - 0.2)
    ax.margins(x=0.12)            # room for the labels of the first and last events
    undated = len(mine) - len(dated)
    ax.set_title(f"{person}: {len(dated)} dated events" + (f" ({undated} without a date)" if undated else ""))
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ one article for displaCy

def article_text(sentences) -> str:
    """An article's clean text rebuilt from its ``sentences`` rows, so that offsets into it stay
    exact: a gap between sentences of one line is blank, between lines a line break."""
    rows = sentences.sort_values("char_start")
    text = [" "] * (int(rows.char_end.max()) if len(rows) else 0)
    previous = None
    for r in rows.itertuples():
        text[r.char_start:r.char_end] = r.text
        if previous is not None and previous.line_no != r.line_no and previous.char_end < r.char_start:
            text[previous.char_end] = "\n"
        previous = r
    return "".join(text)


def displacy_article(sentences, mentions, dates, title: str | None = None) -> dict:
    """One article for ``spacy.displacy.render(..., style="ent", manual=True)``: its clean text with
    person mentions and time expressions as entities (a date's ISO value in its label)."""
    text = article_text(sentences)
    ents = [{"start": int(m.char_start), "end": int(m.char_end), "label": "PERSON"} for m in mentions.itertuples()]
    for d in dates.itertuples():
        value = d.value if isinstance(d.value, str) else "?"
        ents.append({"start": int(d.char_start), "end": int(d.char_end), "label": f"DATE {value}"})
    ents.sort(key=lambda e: (e["start"], -e["end"]))
    kept, end = [], -1
    for e in ents:                # displaCy draws no overlaps: the first (longest) wins
        if e["start"] >= end:
            kept.append(e)
            end = e["end"]
    return {"text": text, "ents": kept, "title": title}


def displacy_colours(doc: dict) -> dict:
    """displaCy colour options for the labels of ``displacy_article``'s output."""
    return {e["label"]: ENTITY_COLOURS["PERSON" if e["label"] == "PERSON" else "DATE"] for e in doc["ents"]}
