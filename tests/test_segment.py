"""segment: sentences inside one line (zh/de/en), tokens that lose nothing and have exact offsets."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import normalize, segment
from extract.model import CleanArticle, Line

SEGMENTERS = ["rjieba", "jieba"]


def _split(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in segment.split_sentences(text, language)]


@pytest.mark.parametrize("language, text, expected", [
    pytest.param("zh", "林嘉文离职了。他加入灵犀动力！真的吗？", ["林嘉文离职了。", "他加入灵犀动力！", "真的吗？"], id="zh-marks"),
    pytest.param("zh", "他说：“我们会回来的。”随后离开。", ["他说：“我们会回来的。”", "随后离开。"], id="zh-closing-quote"),
    pytest.param("zh", "何志远说：「目标没有改变。」员工鼓掌。", ["何志远说：「目标没有改变。」", "员工鼓掌。"],
                 id="zh-corner-quote"),
    pytest.param("zh", "他真的走了？！大家都很意外……", ["他真的走了？！", "大家都很意外……"], id="zh-repeated-marks"),
    pytest.param("zh", "约翰逊于2019年加入，此前在美国工作", ["约翰逊于2019年加入，此前在美国工作"], id="zh-no-end-mark"),
    pytest.param("zh", "营收增长3.5%。利润下降。", ["营收增长3.5%。", "利润下降。"], id="zh-decimal"),
    pytest.param("de", "Das gilt z. B. für Dr. Müller. Er kam zurück.", ["Das gilt z. B. für Dr. Müller.", "Er kam zurück."],
                 id="de-abbreviations"),
    pytest.param("de", "Albrecht wechselte am 1. Oktober zu Brenner. Seither leitet er das Controlling.",
                 ["Albrecht wechselte am 1. Oktober zu Brenner.", "Seither leitet er das Controlling."], id="de-ordinal-date"),
    pytest.param("de", "Zhao sagte: „Jiawen ist der Mann.“ Alle lachten.", ["Zhao sagte: „Jiawen ist der Mann.“", "Alle lachten."],
                 id="de-closing-quote"),
    pytest.param("de", "Die Firma u.a. aus Ulm wächst. Gut so!", ["Die Firma u.a. aus Ulm wächst.", "Gut so!"],
                 id="de-ua"),
    pytest.param("en", "Dr. Raman joined in 2021. She was named CFO.", ["Dr. Raman joined in 2021.", "She was named CFO."],
                 id="en-dr"),
    pytest.param("en", 'He said "we will be back." Then he left.', ['He said "we will be back."', "Then he left."],
                 id="en-closing-quote"),
    pytest.param("en", "Revenue fell 3.5 percent. Shares rose.", ["Revenue fell 3.5 percent.", "Shares rose."], id="en-decimal"),
    pytest.param("en", "Was he fired? The board declined to comment!", ["Was he fired?", "The board declined to comment!"],
                 id="en-question"),
    pytest.param("en", "Mr. Okafor, 58, stepped down.", ["Mr. Okafor, 58, stepped down."], id="en-mr"),
])
def test_segment_split_sentences(language, text, expected):
    assert _split(text, language) == expected


def _article(lines: list[str], language: str):
    clean = CleanArticle(tuple(Line(i + 1, x, "content", "test") for i, x in enumerate(lines)), None, None,
                         language, None)
    return normalize.normalize_article(clean)


ARTICLES = {
    "zh": ["星衡机器人首席技术官林嘉文离职", "与此同时，马克·约翰逊（Mark Johnson）被任命为首席技术官。第二天他就上任了",
           "  去年9月，公司首席财务官陈思远因个人原因辞职。  "],
    "de": ["Der Vorstandsvorsitzende Klaus Wendler tritt zurück", "Kommissarisch übernimmt Stefan Kühn. Er kam 2019",
           "zu Brenner. Tags darauf wurde Thomas Albrecht ernannt."],
    "en": ["Halvorsen Logistics CEO steps down", "Priya Raman, who joined in 2021, was appointed CFO. Ellison sued",
           "the company last month."],
}


@pytest.mark.parametrize("segmenter", SEGMENTERS)
@pytest.mark.parametrize("language", ["zh", "de", "en"])
def test_segment_sentences_never_cross_lines(language, segmenter):
    norm = _article(ARTICLES[language], language)
    sentences, tokens = segment.segment(norm, language, segmenter)
    assert sentences
    by_line = {p.line_no: p for p in norm.pieces}
    for s in sentences:
        piece = by_line[s.line_no]
        assert piece.start <= s.char_start < s.char_end <= piece.end
        assert "\n" not in s.text
        assert norm.text[s.char_start:s.char_end] == s.text
        assert s.text == s.text.strip()
    assert [s.sentence_id for s in sentences] == list(range(len(sentences)))
    assert [t.token_id for t in tokens] == list(range(len(tokens)))


@pytest.mark.parametrize("segmenter", SEGMENTERS)
@pytest.mark.parametrize("language", ["zh", "de", "en"])
def test_segment_token_offsets_exact(language, segmenter):
    norm = _article(ARTICLES[language], language)
    sentences, tokens = segment.segment(norm, language, segmenter)
    spans = {s.sentence_id: (s.char_start, s.char_end) for s in sentences}
    for t in tokens:
        assert norm.text[t.char_start:t.char_end] == t.text
        a, b = spans[t.sentence_id]
        assert a <= t.char_start < t.char_end <= b
    joined = "".join(t.text for t in tokens)
    assert joined == re.sub(r"\s", "", "".join(s.text for s in sentences))


@pytest.mark.parametrize("segmenter, words", [
    pytest.param("rjieba", ["机器人", "离职"], id="rjieba"),
    pytest.param("jieba", ["机器人", "离职"], id="jieba"),
])
def test_segment_both_segmenters_work(segmenter, words):
    toks = [t.text for t in segment.tokenize("星衡机器人首席技术官林嘉文离职。", 0, 0, "zh", segmenter)]
    assert "".join(toks) == "星衡机器人首席技术官林嘉文离职。"
    assert all(w in toks for w in words)


def test_segment_unknown_segmenter_is_an_error():
    from spacy.vocab import Vocab

    with pytest.raises(ValueError, match="unknown segmenter"):
        segment.JiebaSegmenter(Vocab(), "thulac")


_ALPHABET = st.sampled_from(list("林嘉文离职加入灵犀动力首席技术官的了是在公司年月日") + list("MarkJohnsonÜöß") +
                            list("0123456789") + list("，。！？、：；“”「」()（）.,!?-·'\" ") + ["\u3000", "\t"])


@settings(max_examples=60, deadline=None)
@given(text=st.text(_ALPHABET, min_size=1, max_size=80),
       language=st.sampled_from(["zh", "de", "en"]), segmenter=st.sampled_from(SEGMENTERS))
def test_segment_tokens_lose_no_characters(text, language, segmenter):
    toks = segment.tokenize(text, 5, 0, language, segmenter)
    assert "".join(t.text for t in toks) == re.sub(r"\s", "", text)
    for t in toks:
        assert text[t.char_start - 5:t.char_end - 5] == t.text


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.text(_ALPHABET, max_size=60), min_size=1, max_size=4),
       language=st.sampled_from(["zh", "de", "en"]))
def test_segment_article_loses_no_characters(lines, language):
    norm = _article(lines, language)
    sentences, tokens = segment.segment(norm, language)
    assert re.sub(r"\s", "", "".join(s.text for s in sentences)) == re.sub(r"\s", "", norm.text)
    assert "".join(t.text for t in tokens) == re.sub(r"\s", "", norm.text)
    for t in tokens:
        assert norm.text[t.char_start:t.char_end] == t.text


def test_segment_latin_vocabulary_renewed_tokens_unchanged(monkeypatch):
    """A worker's tokenizer is made anew when its vocabulary grows past a bound; tokens stay the same."""
    from extract import segment as seg

    text = "Der Vorstandschef der Nordbank, Klaus Weber, tritt zum 1. Mai zurück, teilte die Bank mit."
    before = seg.tokenize(text, 0, 0, "de")
    first = seg._latin_tokenizer("de")
    monkeypatch.setattr(seg, "MAX_LATIN_VOCAB", 5)
    assert seg.tokenize(text, 0, 0, "de") == before
    assert seg._latin_tokenizer("de") is not first
