"""The events table's confidence and trigger offsets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.events import confidence as conf
from test_pipeline import OK, clean_text  # noqa: E402

AUDITS = Path(__file__).resolve().parent.parent / "docs" / "audits"


@pytest.fixture(scope="module")
def tables(raw_run_dir):
    return extract.load(raw_run_dir)


def test_events_trigger_offsets_point_at_the_trigger_in_the_clean_text(tables):
    events = tables.events[tables.events.article_id.isin(OK)]
    assert len(events) > 0
    for aid, rows in events.groupby("article_id"):
        text = clean_text(tables, aid)
        for e in rows.itertuples():
            assert text[e.trigger_start:e.trigger_end] == e.trigger


def test_events_confidence_is_a_probability_on_every_row(tables):
    c = tables.events.confidence
    assert c.notna().all() and ((c > 0) & (c < 1)).all()


def test_events_confidence_higher_for_a_full_statement_than_a_bare_quoted_return():
    full = extract.find_events("2023年3月，锐达科技董事孙立平辞职。", lang="zh")
    assert len(full) == 1 and full.confidence[0] > 0.7
    quoted = conf.confidence("return", 1, None, None, None, "回归",
                             "他在节目里笑说「我一定会回归」，又谈到这些年在外地打拼的种种辛苦和对家乡球迷的想念之情，"
                             "还提及当年离开时的心情以及未来想做的事情，包括开办青训营和写一本书。")
    assert quoted < full.confidence[0] - 0.4


def test_events_confidence_weights_refit_from_the_committed_audits():
    shipped = json.loads(Path(str(extract.lexicon.resource_path(conf.WEIGHTS_FILE))).read_text(encoding="utf-8"))
    xs, ys = conf._rows([str(AUDITS / s) for s in shipped["sheets"]])
    assert len(ys) == shipped["rows"] and sum(ys) == shipped["right"]
    w = conf.fit(xs, ys)
    assert [round(v, 4) for v in w] == [shipped["weights"][n] for n in conf.FEATURE_NAMES]
