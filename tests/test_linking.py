"""persons.linking: the alias table gives the same person ids, rows and evidence as linking
every (article, key) node (the frozen node-level algorithm in linking_reference.py), on runs
drawn to make every rule fire and to collide names; and its memory follows names, not articles."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.model import Mention
from extract.persons import linking

sys.path.insert(0, str(Path(__file__).parent))
import linking_reference as reference  # noqa: E402

# (person key, surface) pairs an article may hold: full names, case and spelling variants,
# glosses, transliterations, pinyin, surnames and given names alone, one-character names
PAIRS = [
    ("Sam Altman", "Sam Altman"), ("Sam Altman", "奥特曼"), ("Sam Altman", "Altman"), ("奥特曼", "奥特曼"),
    ("Altman", "Altman"), ("SAM ALTMAN", "SAM ALTMAN"), ("Elon Musk", "Elon Musk"), ("Elon Musk", "埃隆·马斯克"),
    ("马斯克", "马斯克"), ("埃隆·马斯克", "埃隆·马斯克"), ("埃隆·马斯克", "埃隆•马斯克"), ("Musk", "Musk"),
    ("Musk", "马斯克"), ("Ilya Sutskever", "Ilya Sutskever"), ("Ilya Sustkever", "Ilya Sustkever"),
    ("Sutskever", "Sutskever"), ("Mira Murati", "Mira Murati"), ("Mira", "Mira"), ("Murati", "Murati"),
    ("Mira Chen", "Mira Chen"), ("Lin Jiawen", "Lin Jiawen"), ("林嘉文", "林嘉文"), ("林嘉文", "Lin Jiawen"),
    ("Jeff Wu", "Jeff Wu"), ("Jeffrey Wu", "Jeffrey Wu"), ("Wu", "Wu"), ("习近平", "习近平"), ("王", "王"),
    ("克", "克"), ("Wang", "Wang"), ("Wang Yi", "Wang Yi"), ("王毅", "王毅"), ("王毅", "Wang Yi"),
    ("Klaus Weber", "Klaus Weber"), ("Weber", "Weber"), ("Anna Weber", "Anna Weber"), ("韦伯", "韦伯"),
    ("陈先生", "陈先生"), ("陈", "陈先生"),
]


def _mentions(pairs) -> list[Mention]:
    return [Mention(0, surface, 3 * i, 3 * i + len(surface), key, "test") for i, (key, surface) in enumerate(pairs)]


_ARTICLE = st.tuples(st.sampled_from(["zh", "de", "en", None]), st.lists(st.sampled_from(PAIRS), max_size=6))


@settings(max_examples=400, deadline=None)
@given(st.lists(_ARTICLE, min_size=1, max_size=9))
def test_linking_alias_table_equals_node_level_linking(articles):
    run = [(f"a{i:02d}.txt", lang, _mentions(pairs)) for i, (lang, pairs) in enumerate(articles)]
    want_ids, want_rows = reference.link_persons(run)
    got_ids, got_rows = linking.link_persons(run)
    assert got_ids == want_ids
    assert got_rows == want_rows


@pytest.mark.parametrize("pairs, persons", [
    pytest.param([[("Sam Altman", "Sam Altman"), ("Sam Altman", "奥特曼")], [("奥特曼", "奥特曼")]], 1, id="gloss"),
    pytest.param([[("Musk", "Musk")], [("Musk", "Musk")], [("马斯克", "马斯克")]], 2,
                 id="two-lone-surnames-block-a-transliteration"),
    pytest.param([[("Elon Musk", "Elon Musk")], [("马斯克", "马斯克")]], 1, id="one-full-name-takes-it"),
    pytest.param([[("Musk", "Musk")], [("马斯克", "马斯克")]], 2, id="a-lone-surname-is-no-evidence"),
    pytest.param([[("Donald Trump", "Donald Trump")], [("Didier Drogba", "Didier Drogba")], [("特朗普", "特朗普")]], 3,
                 id="one-consonant-apart-is-no-evidence"),
    pytest.param([[("Ilya Sutskever", "Ilya Sutskever")], [("Ilya Sustkever", "Ilya Sustkever")]], 1, id="spelling"),
    pytest.param([[("Mira Murati", "Mira Murati")], [("Mira Chen", "Mira Chen")], [("Mira", "Mira")]], 3,
                 id="given-name-of-two-people"),
])
def test_linking_rules_on_small_runs(pairs, persons):
    run = [(f"a{i}.txt", None, _mentions(p)) for i, p in enumerate(pairs)]
    ids, rows = linking.link_persons(run)
    assert len(rows) == persons
    assert (ids, rows) == reference.link_persons(run)


def test_linking_alias_table_grows_with_names_not_articles():
    """10,000 articles naming the same people make as many table entries as 77 do (every pairing once)."""
    def table(n):
        t = linking.AliasTable()
        for i in range(n):
            t.add(f"a{i:05d}", "zh", linking.article_nodes(_mentions([PAIRS[i % 7], PAIRS[(i * 3) % 11]])))
        return t

    small, big = table(77), table(10_000)
    assert len(big.names) == len(small.names) == len({*small.full_of, *small.single_of})
    assert sum(len(x) for x in big.owners.values()) == sum(len(x) for x in small.owners.values())
    assert big.link().person_of == small.link().person_of


def test_run_names_need_three_articles_and_a_name_shape():
    from collections import Counter

    from extract.model import Mention
    from extract.persons.linking import full_chinese_names, run_names

    def article(*names):
        return full_chinese_names([Mention(0, n, 0, len(n), n, "model") for n in names])

    counts = Counter()
    for names in [("区志明", "林郑月娥", "高水平", "康文署"), ("区志明", "林郑月娥", "高水平", "康文署"),
                  ("区志明", "郑月娥", "林郑月娥", "高水平", "康文署", "陈大文"), ("郑月娥", "郑月娥"), ("郑月娥",)]:
        counts.update(article(*names))
    got = run_names(counts)
    assert "区志明" in got                      # three articles accept it
    assert "陈大文" not in got                   # one article only
    assert "郑月娥" not in got                   # the tail of 林郑月娥, a name of the run
    assert "高水平" not in got and "康文署" not in got   # a common word after a surname; an office
    assert "林郑月娥" not in got                 # four characters without a double surname


def test_run_names_are_found_where_the_recognizer_missed_them():
    from extract.model import Sentence
    from extract.persons.linking import alias_pattern, with_run_aliases

    s = Sentence(0, "要深入贯彻落实区志明主席的重要指示。", 0, 18, 1, "content")
    got = with_run_aliases([s], [], alias_pattern({"区志明"}))
    assert [(m.text, m.source) for m in got] == [("区志明", "run-alias")]
