"""One frozen Settings object that travels through every stage."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import ClassVar


@dataclass(frozen=True)
class Settings:
    workers: int = 1                 # processes that take whole articles (spaCy's n_process is slower here)
    quiet: bool = False              # no progress bar or summary on stderr
    segmenter: str = "rjieba"        # "rjieba" (jieba's dictionary in Rust, default) or "jieba" (pure Python)
    use_person_model: bool = True    # run the trained Chinese person recognizer where it is shipped
    max_file_bytes: int = 20_000_000 # larger input files are recorded as errors, not read
    metadata: str | None = None      # index file (JSONL/CSV) of the articles; None: INPUT_DIR's own index, if any
    reference_date: str | None = None  # ISO date relative dates resolve against where an article gives none
    chrome_min_articles: int = 3     # a line seen in this many articles of one run is site chrome
    chrome_min_share: float = 0.05   # ... and in at least this share of the run's articles
    include: tuple[str, ...] = ()    # glob patterns: only input files matching one are read (io.select_files)
    exclude: tuple[str, ...] = ()    # glob patterns: input files matching one are skipped
    max_article_chars: int = 500_000 # longer texts are errors: 11x the longest article of the corpora (44k), and a
                                     # worker needs ~0.5 KB a character (a 19 MB one-line file took 2-3 GB)
    segment_articles: int = 64       # articles per segment, the unit of work and of checkpoints (and of part files)
    engine: str = "local"            # "local": worker processes of this machine; "dask": a Dask cluster
    scheduler: str | None = None     # the Dask scheduler's address; None starts a LocalCluster of `workers`

    RUN_ONLY: ClassVar[tuple[str, ...]] = ("workers", "quiet", "engine", "scheduler")   # fields that do not shape the tables

    def but(self, **changes) -> "Settings":
        """A copy with ``changes``; an unknown name is a ``TypeError`` that lists the valid ones."""
        valid = [f.name for f in fields(self)]
        unknown = sorted(set(changes) - set(valid))
        if unknown:
            raise TypeError(f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                            f"valid options: {', '.join(valid)}")
        return replace(self, **changes)


DEFAULT = Settings()
