"""normalize: mirror pinyin removed, 著 → 着 where it is the particle, full-width folded, OpenCC, offsets kept."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import normalize


@pytest.mark.parametrize("raw, expected", [
    pytest.param("芯聞網(wǎng)首頁", "芯闻网首页", id="wang"),
    pytest.param("據(jù)知情人士透露", "据知情人士透露", id="ju"),
    pytest.param("執(zhí)行官何志遠", "执行官何志远", id="zhi"),
    pytest.param("網(wǎng)友說(shuō)：業(yè)內(nèi)震動", "网友说：业内震动", id="several"),
    pytest.param("任期至股東大會召開時(shí", "任期至股东大会召开时", id="cut-off-at-line-end"),
    pytest.param("人工智能(AI)公司", "人工智能(AI)公司", id="keep-acronym"),
    pytest.param("奥特曼(Sam Altman)表示", "奥特曼(Sam Altman)表示", id="keep-latin-name"),
    pytest.param("成立于(2024)年", "成立于(2024)年", id="keep-year"),
    pytest.param("(fā)在句首", "(fā)在句首", id="keep-without-hanzi-before"),
    pytest.param("Preis (ohne Steuer)", "Preis (ohne Steuer)", id="keep-latin-text"),
])
def test_normalize_pinyin_artifacts(raw, expected):
    assert normalize.normalize_line(raw, "t2s")[0] == expected


@pytest.mark.parametrize("raw, expected", [
    pytest.param("隨著消息傳出", "随着消息传出", id="suizhe"),
    pytest.param("何志遠對著全體員工說", "何志远对着全体员工说", id="duizhe"),
    pytest.param("他看著窗外", "他看着窗外", id="kanzhe"),
    pytest.param("著名學者", "著名学者", id="zhuming-kept"),
    pytest.param("效果顯著", "效果显著", id="xianzhu-kept"),
    pytest.param("隨著市場變化，效果顯著", "随着市场变化，效果显著", id="both-in-one-line"),
])
def test_normalize_zhe_particle(raw, expected):
    assert normalize.normalize_line(raw, "t2s")[0] == expected


@pytest.mark.parametrize("raw, expected", [
    pytest.param("随著消息传出", "随着消息传出", id="simplified-suizhe"),
    pytest.param("著名学者", "著名学者", id="simplified-zhuming"),
    pytest.param("显著提升", "显著提升", id="simplified-xianzhu"),
])
def test_normalize_fix_zhe(raw, expected):
    assert normalize.fix_zhe(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    pytest.param("ＯｐｅｎＡＩ", "OpenAI", id="letters"),
    pytest.param("２０２４年３月", "2024年3月", id="digits"),
    pytest.param("ＣＥＯ何志遠", "CEO何志远", id="with-hanzi"),
    pytest.param("（ＡＩ）公司，", "（AI）公司，", id="cjk-punctuation-kept"),
    pytest.param("首席\u3000執行官", "首席 执行官", id="ideographic-space"),
])
def test_normalize_fullwidth_folded(raw, expected):
    assert normalize.normalize_line(raw, "t2s")[0] == expected


@pytest.mark.parametrize("config, raw, expected", [
    pytest.param("t2s", "芯瀾半導體發佈公告", "芯澜半导体发布公告", id="t2s"),
    pytest.param("t2s", "漢字", "汉字", id="t2s-short"),
    pytest.param("tw2s", "軟體工程師", "软体工程师", id="tw2s-characters-only"),
    pytest.param("tw2sp", "軟體工程師", "软件工程师", id="tw2sp-phrases"),
    pytest.param("tw2sp", "記憶體和滑鼠", "内存和鼠标", id="tw2sp-more-phrases"),
    pytest.param("hk2s", "軟件裏面嘅資料", "软件里面嘅资料", id="hk2s-cantonese-kept"),
    pytest.param("s2s", "網路", "網路", id="s2s-identity"),
    pytest.param("t2s", "", "", id="empty"),
])
def test_normalize_to_simplified(config, raw, expected):
    assert normalize.to_simplified(raw, config) == expected


def test_normalize_to_simplified_unknown_config():
    with pytest.raises(ValueError, match="unknown OpenCC configuration"):
        normalize.to_simplified("漢字", "t2x")


@pytest.mark.parametrize("text, config", [
    pytest.param("林嘉文已于3月8日正式离职，随后加入灵犀动力。", "s2s", id="simplified"),
    pytest.param("Klaus Wendler tritt mit sofortiger Wirkung zurück.", "s2s", id="latin"),
    pytest.param("芯瀾半導體發生了一場震驚業內的風波，董事會罷免首席執行官。", "t2s", id="traditional"),
    pytest.param("消息人士話，佢哋嘅行政總裁梁家豪已經辭職，喺今日公佈咗。", "hk2s", id="hong-kong"),
    pytest.param("公司的軟體工程師說，網路服務與記憶體晶片業務都會擴大。", "tw2sp", id="taiwan"),
])
def test_normalize_choose_config(text, config):
    assert normalize.choose_config(text) == config


# ---------------------------------------------------------------- properties

_TRAD = list("發網時說據執聯節業產態內瀾導體們議總經職務罷國華員隨對著")
_PINYIN_UNITS = ["網(wǎng)", "發(fā)", "時(shí)", "說(shuō)", "據(jù)", "業(yè)", "內(nèi)", "節(jié)"]
_OTHER = ["ＯｐｅｎＡＩ", "ＣＥＯ", "２０２４", " ", "\u3000", "，", "。", "「", "」", "(AI)", "(2024)", "Sam Altman",
          "顯著", "著名", "隨著", "12月15日", "abc"]
_FRAGMENTS = st.sampled_from(_TRAD + _PINYIN_UNITS + _OTHER)
_LINES = st.builds(lambda parts, cut: "".join(parts) + ("時(shí" if cut else ""),
                   st.lists(_FRAGMENTS, max_size=25), st.booleans())


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_normalize_line_idempotent(raw):
    once, _ = normalize.normalize_line(raw, "t2s")
    assert normalize.normalize_line(once, "t2s")[0] == once


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_normalize_line_offsets_map_back(raw):
    out, cols = normalize.normalize_line(raw, "t2s")
    assert len(cols) == len(out)
    assert list(cols) == sorted(cols)
    for ch, col in zip(out, cols):
        assert 0 <= col < len(raw)
        src = raw[col]
        assert ch == src or ch == normalize.normalize_line(src, "t2s")[0], (ch, col, src)


@pytest.mark.parametrize("raw, expected", [
    pytest.param("<figcaption>董事長陳國華辭職。記者攝</figcaption>", "董事长陈国华辞职。记者摄", id="html-caption-tags"),
    pytest.param("### 新任總裁上任", "新任总裁上任", id="markdown-heading"),
    pytest.param("<b>重要</b>：網(wǎng)易公告", "重要：网易公告", id="tags-and-pinyin"),
    pytest.param("價格 < 100 元，a<b 也行", "价格 < 100 元，a<b 也行", id="less-than-is-not-a-tag"),
])
def test_normalize_strips_markup_and_maps_back(raw, expected):
    text, cols = normalize.normalize_line(raw, "t2s")
    assert text == expected
    assert all(normalize.to_simplified(raw[c], "t2s") == ch or raw[c] == ch for ch, c in zip(text, cols))
