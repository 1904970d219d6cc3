"""cli: `python -m extract` exit codes and messages, help texts with examples, commands in the README."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from extract import cli

ROOT = Path(__file__).parents[1]
ARTICLE = ("华研生物首席科学官苏文博离职 黄若琳接棒\n发布时间：2024-09-10 08:00:00 | 来源：医药观察\n"
           "9月9日，华研生物发布公告，首席科学官苏文博因个人原因辞任，自当日起生效。\n"
           "公告显示，董事会同日委任研发副总裁黄若琳为新任首席科学官。\n")


def _extract(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def _commands() -> list[str]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_cli_run_exit_0_and_writes_tables(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    proc = _extract("run", src, "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["articles", "lines", "sentences", "tokens", "mentions", "persons", "dates", "events", "_manifest.json",
         "current", ".extract"])
    assert "Traceback" not in proc.stderr


def test_cli_run_summary_on_stderr(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = _extract("run", src, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"1 articles \(ok 1\)", proc.stderr)
    # the progress display names the model loading before it counts articles
    assert re.search(r"reading files.*loading models.*extract: 100%.*1/1", proc.stderr, re.S)


def test_cli_run_include_exclude(tmp_path):
    src = tmp_path / "in"
    (src / "old").mkdir(parents=True)
    for rel in ("a.txt", "b.md", "old/c.txt"):
        (src / rel).write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    # in this process: the models are loaded once for the whole test session
    assert cli.main(["run", str(src), "--out", str(out), "--quiet", "--include", "*.txt", "--exclude", "old/*"]) == 0
    import extract

    assert extract.load(out).articles.article_id.tolist() == ["a.txt"]


def test_cli_version():
    import extract

    proc = _extract("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"extract {extract.__version__}"


@pytest.mark.parametrize("case, words", [
    pytest.param("missing-input", "input folder not found", id="missing-input-dir"),
    pytest.param("file-as-input", "not a folder", id="file-as-input-dir"),
    pytest.param("out-under-file", "cannot write to", id="out-dir-under-a-regular-file"),
    pytest.param("out-is-file", "cannot write to", id="out-dir-is-a-regular-file"),
])
def test_cli_run_bad_paths_exit_2_one_line(tmp_path, case, words):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    plain = tmp_path / "plain_file.txt"
    plain.write_text("not a folder", encoding="utf-8")
    args = {
        "missing-input": (tmp_path / "no_such_dir", tmp_path / "out"),
        "file-as-input": (plain, tmp_path / "out"),
        "out-under-file": (src, plain / "out"),
        "out-is-file": (src, plain),
    }[case]
    proc = _extract("run", args[0], "--out", args[1])
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("extract: error:") and words in lines[0], proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", _commands())
def test_cli_help_has_example(command):
    proc = _extract(command, "--help")
    assert proc.returncode == 0
    assert "example:" in proc.stdout
    assert re.search(rf"^\s+extract {command} ", proc.stdout, re.M), proc.stdout


@pytest.mark.parametrize("command", _commands())
def test_cli_command_in_readme(command):
    readme = ROOT / "README.md"
    assert readme.exists(), f"{readme} is missing: it must document every command"
    assert re.search(rf"\bextract {command}\b", readme.read_text(encoding="utf-8")), \
        f"command `extract {command}` is not in README.md"



def test_cli_ci_runs_exactly_the_readme_test_command():
    """.ci/run is the README's test command (linter, then tests), so what CI checks is what users run."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines() if line.strip().endswith(".venv/bin/pytest"))
    assert "ruff check" in command
    assert command in ci.splitlines()
