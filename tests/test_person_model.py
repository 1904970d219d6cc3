"""The shipped person recognizer finds clear names with exact spans, and its training code runs."""
from __future__ import annotations

import random

import pytest

from extract.persons import recognizer as person_model
from extract.persons.train import Arch, Sentence, normalize_persons, score_spans, train_persons


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for name in names:
        i = text.index(name)
        out.append((i, i + len(name)))
    return sorted(out)


def test_person_model_is_shipped():
    assert person_model.available()


@pytest.mark.parametrize("text, names", [
    ("王建国表示，明年将继续推进农村道路建设。", ["王建国"]),
    ("李明华说，这项工作关系到每一户居民。", ["李明华"]),
    ("会上，王建国表示支持这一方案，李明华则说还需要再听听群众的意见。", ["王建国", "李明华"]),
    ("约翰·史密斯昨天下午抵达上海，开始为期三天的访问。", ["约翰·史密斯"]),
    ("记者采访了刚从外地赶来的张晓燕。", ["张晓燕"]),
])
def test_person_model_finds_clear_names(text, names):
    assert person_model.predict([text]) == [spans_of(text, *names)]


@pytest.mark.parametrize("text", [
    "该组织昨天在城市中心召开了年度会议。",
    "市政府宣布，明年将新建三条地铁线路。",
    "这家公司的产品已经销往全国各地。",
])
def test_person_model_ignores_non_names(text):
    assert person_model.predict([text]) == [[]]


def test_person_model_predict_keeps_order_and_empty_texts():
    texts = ["", "王建国表示同意。", "没有人名的句子。"]
    out = person_model.predict(texts)
    assert len(out) == 3 and out[0] == [] and out[1] == [(0, 3)]


@pytest.mark.parametrize("record, expected", [
    ({"text": "陈小姐说好。", "persons": [{"start": 0, "end": 3}], "entities": []}, [(0, 1)]),
    ({"text": "我们见到了黄先生。", "persons": [], "entities": []}, [(5, 6)]),
    ({"text": "王建明先生来了。", "persons": [], "entities": []}, []),
])
def test_train_normalize_persons_follows_peoples_daily(record, expected):
    assert normalize_persons(record) == expected


def test_train_score_spans_exact():
    assert score_spans([[(0, 3)], [(1, 2)]], [[(0, 3)], [(1, 3)]])["f1"] == 0.5


def _synthetic(n: int, seed: int) -> list[Sentence]:
    rng = random.Random(seed)
    names = ["赵一鸣", "钱小红", "孙立", "周国平", "吴海涛", "郑秋", "冯雪梅"]
    frames = ["{}表示，工作进展顺利。", "昨天{}说，会议很成功。", "记者见到了{}。", "{}和{}一起出席。"]
    out = []
    for _ in range(n):
        frame = rng.choice(frames)
        picked = rng.sample(names, frame.count("{}"))
        text, spans = "", []
        parts = frame.split("{}")
        for part, name in zip(parts, picked + [None]):
            text += part
            if name:
                spans.append((len(text), len(text) + len(name)))
                text += name
        out.append(Sentence(text, spans))
    return out


def test_train_persons_end_to_end_on_tiny_data(tmp_path):
    import spacy

    report = train_persons(tmp_path / "m", max_steps=40, eval_frequency=20, seed=1,
                           arch=Arch(width=32, depth=1, embed_rows=(500, 50, 50, 50)),
                           train_sets={"synthetic": _synthetic(120, 0)}, evaluate=False)
    nlp = spacy.load(tmp_path / "m")
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert nlp.get_pipe("ner").labels == ("PER",)
    assert (tmp_path / "m" / "TRAINING.md").exists()
    assert report["steps_run"] == 40 and "extract_training" in nlp.meta
    assert not list((tmp_path / "m").rglob("*.spacy"))  # no corpora shipped
