"""The Chinese person recognizer (a CRF over characters, ``persons.crf_zh``) on invented news text,
and its training code."""
from __future__ import annotations

import json
import random

import pytest

from extract.persons import crf_zh, recognizer
from extract.persons.train import Sentence

pytestmark = pytest.mark.skipif(not recognizer.available("zh"), reason="no Chinese person model shipped")


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return sorted((text.index(n), text.index(n) + len(n)) for n in names)


@pytest.fixture
def crf_only(monkeypatch):
    """The CRF alone: no text is unsure enough to go to the spaCy model."""
    monkeypatch.setattr(recognizer, "CRF_SURE", 0.0)


def test_the_chinese_recognizer_reads_the_crf_first():
    assert recognizer.shipped("zh") and recognizer.available("zh")
    d = recognizer.crf_dir("zh")
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
    assert meta["kind"] == "crf" and (d / crf_zh.MODEL_FILE).exists() and (d / "TRAINING.md").exists()
    assert 0 < recognizer.CRF_SURE < 1


def test_only_unsure_texts_go_to_the_spacy_model(monkeypatch):
    sent = []
    monkeypatch.setattr(recognizer, "_predict_spacy", lambda texts, lang: sent.extend(texts) or [[(0, 1)] for _ in texts])
    monkeypatch.setattr(recognizer, "CRF_SURE", 0.0)
    assert recognizer.predict(["王建国表示同意。"], "zh") == [[(0, 3)]] and not sent
    monkeypatch.setattr(recognizer, "CRF_SURE", 1.01)      # every text unsure: the spaCy spans stand
    if (recognizer.model_dir("zh") / "config.cfg").exists():
        assert recognizer.predict(["王建国表示同意。", ""], "zh") == [[(0, 1)], []] and sent == ["王建国表示同意。"]


@pytest.mark.parametrize("text, names", [
    ("王建国表示，明年将继续推进农村道路建设。", ["王建国"]),
    ("李明华说，这项工作关系到每一户居民。", ["李明华"]),
    ("会上，王建国表示支持这一方案，李明华则说还需要再听听群众的意见。", ["王建国", "李明华"]),
    ("约翰·史密斯昨天下午抵达上海，开始为期三天的访问。", ["约翰·史密斯"]),
    ("记者采访了刚从外地赶来的张晓燕。", ["张晓燕"]),
    ("据报道，副市长周立新当天主持了会议。", ["周立新"]),
])
def test_finds_clear_names(text, names, crf_only):
    assert recognizer.predict([text], "zh") == [_spans(text, *names)]


@pytest.mark.parametrize("text", [
    "该组织昨天在城市中心召开了年度会议。",
    "市政府宣布，明年将新建三条地铁线路。",
    "这家公司的产品已经销往全国各地。",
])
def test_ignores_sentences_without_names(text, crf_only):
    assert recognizer.predict([text], "zh") == [[]]


def test_predict_keeps_order_and_empty_texts(crf_only):
    out = recognizer.predict(["", "王建国表示同意。", "  ", "没有人名的句子。"], "zh")
    assert out == [[], [(0, 3)], [], []]


def test_spans_never_start_or_end_on_space_or_punctuation(crf_only):
    text = "“王建国”说， 李明华 也同意。"
    for a, b in recognizer.predict([text], "zh")[0]:
        assert text[a].isalnum() and text[b - 1].isalnum()


@pytest.mark.parametrize("spans", [[], [(0, 1)], [(0, 3), (5, 7)], [(2, 4), (4, 5)]])
def test_bioes_tags_round_trip(spans):
    assert crf_zh.spans_of_tags(crf_zh.tags_of_spans(8, spans)) == spans


def test_features_carry_the_jieba_word_and_the_lexicons():
    text = "王建国局长说"
    feats = crf_zh.sentence_features(text)
    assert len(feats) == len(text)
    assert "t=nr_B" in feats[0] and "k=Hc" in feats[0]       # a name's first character, a common surname
    assert "tn" in feats[2] and "tp" in feats[5]              # a title follows 国, one ends before 说
    assert "vn" in feats[4]                                   # a verb of saying follows 长
    assert crf_zh.sentence_features("") == []


def _synthetic(n: int, seed: int) -> list[Sentence]:
    rng = random.Random(seed)
    names = ["赵一鸣", "钱小红", "孙立", "周国平", "吴海涛", "郑秋", "冯雪梅"]
    frames = ["{}表示，工作进展顺利。", "昨天{}说，会议很成功。", "记者见到了{}。", "{}和{}一起出席。",
              "城市公园将在明年开放。"]
    out = []
    for _ in range(n):
        frame = rng.choice(frames)
        picked = rng.sample(names, frame.count("{}"))
        text, spans = "", []
        for part, name in zip(frame.split("{}"), picked + [None]):
            text += part
            if name:
                spans.append((len(text), len(text) + len(name)))
                text += name
        out.append(Sentence(text, spans))
    return out


def test_train_crf_zh_on_a_tiny_set_writes_a_model_that_loads(tmp_path):
    from extract.persons.train_crf_zh import train_crf_zh

    out = tmp_path / "model"
    report = train_crf_zh(out, grid=((0.1, 0.05),), max_iterations=30, dev_size=20,
                          train_sets={"synthetic": _synthetic(120, 0)}, evaluate=False)
    assert {p.name for p in out.iterdir()} == {"model.crfsuite", "meta.json", "TRAINING.md"}
    assert report["dev"]["sentences"] == 20 and not report["eval"]
    text = "昨天孙立说，会议很成功。"
    assert crf_zh.predict([text], out) == [_spans(text, "孙立")]
