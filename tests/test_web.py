"""Tests for web.html_to_text: saved web pages written for these tests → lines for the clean stage."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.clean import clean_article
from extract.web import html_to_text

EN_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Northern Bank chief quits after trading scandal | Daily Courier</title>
<meta property="og:title" content="Northern Bank chief quits after trading scandal">
<meta property="article:published_time" content="2024-05-17T14:30:00+00:00">
<meta name="author" content="Jane Doe">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<article>
<h1>Northern Bank chief quits after trading scandal</h1>
<p>The chief executive of Northern Bank, Richard Hale, resigned on Friday after regulators found serious failures in the lender's trading controls.</p>
<p>Hale, who had led the bank since 2019, said in a statement that he took full responsibility for the lapses and would leave immediately.</p>
<p>The board named finance chief Laura Kim as interim chief executive while it searches for a permanent replacement.</p>
</article>
<section id="comments" class="comments">
<h3>Comments (2)</h3>
<div class="comment"><span class="user">JohnSmith42</span> <time>2024-05-18 09:10</time><p>This was long overdue. The regulators should have acted years ago.</p></div>
</section>
<footer><p>© 2024 Daily Courier. All rights reserved.</p></footer>
</body></html>"""

ZH_PAGE = """<html><head><meta charset="utf-8"><title>晶片公司董事長宣布退休 總裁接任｜某某新聞網</title>
<meta name="pubdate" content="2024-05-17">
</head><body>
<div class="breadcrumb"><a href="/">首頁</a> &gt; <a href="/money">財經</a></div>
<div id="article_body">
<h1 class="article-title">晶片公司董事長宣布退休 總裁接任</h1>
<p>晶片公司今日召開董事會，董事長劉大同宣布將於六月股東會後退休，由總裁魏志明接任董事長一職。</p>
<p>劉大同在聲明中表示，公司已完成世代交接的準備，他感謝全體同仁多年來的努力。</p>
<p>魏志明於2018年出任總裁，任內主導先進製程量產與海外設廠計畫。</p>
</div>
<div class="comments"><h3>留言</h3><div class="comment"><b>阿明</b> 2024/05/18 15:02<p>真的假的？終於要退休了</p></div></div>
</body></html>"""

DE_PAGE_NO_META = """<html><body><main>
<p>Der Vorstandschef der Landesbank Nord, Klaus Weber, tritt überraschend zurück. Das teilte das Institut am Freitagabend in Hannover mit.</p>
<p>Weber begründete seinen Schritt mit persönlichen Gründen.</p>
</main></body></html>"""


@pytest.mark.parametrize("page, first, date", [
    (EN_PAGE, "# Northern Bank chief quits after trading scandal", "2024-05-17T14:30:00"),
    (ZH_PAGE, "# 晶片公司董事長宣布退休 總裁接任", "2024-05-17"),
])
def test_web_headline_first_then_date(page, first, date):
    text, meta = html_to_text(page)
    lines = text.split("\n")
    assert lines[0] == first
    assert lines[1] == date == meta["date"]
    assert sum(first[2:] in ln for ln in lines) == 1      # the body's own <h1> is not repeated


@pytest.mark.parametrize("page, must_keep, must_go", [
    (EN_PAGE, ["Richard Hale, resigned on Friday", "Laura Kim as interim"], ["JohnSmith42", "long overdue", "Home", "All rights reserved"]),
    (ZH_PAGE, ["董事長劉大同宣布", "魏志明於2018年出任總裁"], ["阿明", "真的假的", "2024/05/18"]),
])
def test_web_main_text_without_comments_or_chrome(page, must_keep, must_go):
    text, _ = html_to_text(page)
    for phrase in must_keep:
        assert phrase in text, phrase
    for phrase in must_go:
        assert phrase not in text, phrase


def test_web_metadata_dict():
    _, meta = html_to_text(EN_PAGE)
    assert meta["title"] == "Northern Bank chief quits after trading scandal"
    assert meta["author"] == "Jane Doe"
    assert set(meta) == {"title", "date", "author", "sitename", "language"}


@pytest.mark.parametrize("page, title, published, language", [
    (EN_PAGE, "Northern Bank chief quits after trading scandal", "2024-05-17T14:30:00", "en"),
    (ZH_PAGE, "晶片公司董事長宣布退休 總裁接任", "2024-05-17", "zh"),
])
def test_web_output_feeds_clean_title_and_published(page, title, published, language):
    text, _ = html_to_text(page)
    ca = clean_article(text.split("\n"))
    assert (ca.title, ca.published, ca.language) == (title, published, language)
    assert [ln.label for ln in ca.lines][:2] == ["title", "meta"]
    assert all(ln.label == "content" for ln in ca.lines[2:])


def test_web_page_without_metadata_keeps_body():
    text, meta = html_to_text(DE_PAGE_NO_META)
    assert text.startswith("Der Vorstandschef") and "persönlichen Gründen" in text
    assert meta["title"] is None and meta["date"] is None


@pytest.mark.parametrize("page", ["", "   ", "<<<>>>", "<html></html>", "<p>unclosed <b>tags", "\x00\x01<html>"])
def test_web_malformed_pages_never_raise(page):
    text, meta = html_to_text(page)
    assert isinstance(text, str) and isinstance(meta, dict)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abpdivhtml1&;#港鐵ä\n")), max_size=300))
def test_web_random_markup_never_raises(page):
    text, meta = html_to_text(page)
    assert isinstance(text, str) and set(meta) == {"title", "date", "author", "sitename", "language"}


def _nested(depth: int, tag: str = "div") -> str:
    return ("<html><head><title>Vorstand der Nordbank tritt zurück</title></head><body>" + f"<{tag}>" * depth
            + "<p>Der Vorstand der Nordbank tritt zurück, sagte ein Sprecher am Montag in Hamburg.</p>"
            + "<div>Die Nachfolge soll bis zum Sommer geregelt werden, hieß es weiter.</div>"
            + f"</{tag}>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [10, 254, 300, 3000, 20000])
def test_web_deeply_nested_page_keeps_its_text(depth):
    """libxml2 gives up 256 elements deep; such pages are unwrapped below that depth first."""
    text, meta = html_to_text(_nested(depth))
    lines = text.split("\n")
    assert lines[0] == "# Vorstand der Nordbank tritt zurück"
    assert "Der Vorstand der Nordbank tritt zurück, sagte ein Sprecher am Montag in Hamburg." in lines
    assert "Die Nachfolge soll bis zum Sommer geregelt werden, hieß es weiter." in lines


def test_web_flatten_limits_depth_and_keeps_text():
    from extract.web import flatten, nesting_depth

    page = _nested(1000, "section")
    assert nesting_depth(page) == 1000 + 3        # html, body, the sections, then p
    flat = flatten(page, limit=50)
    assert nesting_depth(flat) <= 50
    assert "Der Vorstand der Nordbank tritt zurück" in flat and "hieß es weiter." in flat
    assert flat.count("<br>") <= 4                 # one break per run of unwrapped block edges
