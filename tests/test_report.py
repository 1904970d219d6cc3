"""report: one self-contained HTML page about a run — its sections, its figures, nothing external."""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import extract
from extract.report import build_report


class _Page(HTMLParser):
    """Headings, section ids, tags and attributes of a page."""

    def __init__(self):
        super().__init__()
        self.ids, self.tags, self.attrs, self.h2, self._in_h2 = [], [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self.ids.extend(v for k, v in attrs if k == "id")
        self._in_h2 = tag == "h2"

    def handle_data(self, data):
        if self._in_h2:
            self.h2.append(data.strip())
            self._in_h2 = False


@pytest.fixture(scope="module")
def page(raw_run_dir):
    return build_report(raw_run_dir)


@pytest.fixture(scope="module")
def parsed(page):
    p = _Page()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def tables(raw_run_dir):
    return extract.load(raw_run_dir, tables=["articles", "persons", "events"])


def test_report_has_every_section(parsed):
    assert parsed.ids == ["lines", "persons", "events", "dates", "errors"]
    assert parsed.h2 == ["Line labels", "Top persons", "Event timeline", "Dates by month", "Articles with errors"]
    assert parsed.tags.count("svg") == 2          # events per month, dates per month


def test_report_loads_nothing_from_outside(page, parsed):
    assert not re.search(r"https?:|//[\w.-]+\.\w|@import|url\(", page)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parsed.tags)
    assert not [v for k, v in parsed.attrs if k in ("src", "href")]


def test_report_names_top_persons_with_aliases(page, tables):
    top = tables.persons.sort_values(["n_articles", "n_mentions"], ascending=False).iloc[0]
    row = re.search(rf"<b>{re.escape(top['name'])}</b>.*?</tr>", page, re.S).group()
    assert all(alias in row for alias in top.aliases if alias != top["name"])


def test_report_lists_articles_with_errors(page, tables):
    for r in tables.articles[tables.articles.status != "ok"].itertuples():
        assert re.search(rf"<td>{re.escape(r.article_id)}</td><td>{r.status}</td>", page), r.article_id


def test_report_event_bars_count_events_dated_to_a_month(page, tables):
    ev = tables.events[tables.events.date_start.notna()]
    precise = ev[(ev.date_end - ev.date_start).dt.days <= 31]
    counted = sum(int(n) for n in re.findall(r"<title>\d{4}-\d\d [a-z_]+: (\d+)</title>", page.split('id="dates"')[0]))
    assert counted == len(precise) > 0


def test_report_cli_writes_the_page(raw_run_dir, tmp_path):
    target = tmp_path / "r.html"
    proc = subprocess.run([sys.executable, "-m", "extract", "report", raw_run_dir, "--to", target, "--title", "样本"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "<h1>样本</h1>" in target.read_text(
        encoding="utf-8")


def test_report_cli_on_a_folder_without_a_run(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "extract", "report", tmp_path], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "not a complete extract run" in proc.stderr
