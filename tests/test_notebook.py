"""The exploration notebook runs from top to bottom on a run of data/raw (so it cannot rot), and
every string its figures draw has glyphs in the font they are drawn with (Chinese is not boxes)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"

# run in the notebook's kernel after its last cell: what its figures draw, and with which font file
CHECK_FIGURES = '''
import json as _json
import matplotlib as _mpl
from matplotlib import font_manager as _fm
from extract import plots as _plots
_figs = {k: v for k, v in dict(globals()).items() if isinstance(v, _mpl.figure.Figure)}
_texts = {k: _plots.figure_texts(f) for k, f in _figs.items()}
_files = sorted({_fm.findfont(t.get_fontproperties(), fallback_to_default=False)
                 for f in _figs.values() for t in f.findobj(_mpl.text.Text) if t.get_text().strip()})
print(_json.dumps({"font": str(font.path), "texts": _texts, "files": _files,
                   "missing": sorted(_plots.missing_glyphs([x for v in _texts.values() for x in v], font.path))}))
'''


@pytest.fixture(scope="module")
def executed(raw_run_dir):
    nb = nbformat.read(NOTEBOOKS / "explore.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "clear outputs before saving"
    nb.cells.append(nbformat.v4.new_code_cell(CHECK_FIGURES))
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EXTRACT_OUT", str(raw_run_dir))     # the session's run of data/raw (conftest.py)
        client.execute()                               # raises CellExecutionError naming the failing cell
    return nb


def _outputs(nb, kind: str):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == kind]


def test_notebook_runs_without_error(executed):
    assert not _outputs(executed, "error")
    assert not [o for o in _outputs(executed, "stream") if o.name == "stderr" and "Glyph" in o.text]


def test_notebook_shows_figures_and_the_article(executed):
    images = [o for o in _outputs(executed, "display_data") if "image/png" in o.data]
    assert len(images) == 4                                  # persons, organizations, months, one person
    html = "".join(o.data.get("text/html", "") for o in _outputs(executed, "display_data"))
    assert "PERSON" in html and "DATE 20" in html            # displaCy: mentions and dates highlighted


def test_notebook_figures_draw_chinese_with_a_font_that_has_it(executed):
    report = json.loads(executed.cells[-1].outputs[-1].text)
    drawn = "".join(x for texts in report["texts"].values() for x in texts)
    assert set(report["texts"]) == {"fig_persons", "fig_orgs", "fig_months", "fig_person"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in drawn), "the figures should show Chinese names"
    assert report["missing"] == [], f"no glyph in {report['font']} for {report['missing']}"
    assert report["files"] == [report["font"]], "every text of every figure is drawn with the CJK font"
