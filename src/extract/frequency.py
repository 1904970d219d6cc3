"""Run-level counts in bounded memory: in how many articles each line occurs (site chrome, for
the clean stage) and which articles have the same text (exact duplicates).

Map: each article gives the 64-bit hashes of its distinct line keys (``clean.line_key``) and of
its text (``io.content_hash``). Reduce, in two streaming passes over those hashes: a count-min
sketch (fixed size, never under-counts) finds the candidates, then exact counts of the
candidates alone decide. A line is chrome when it is in at least ``threshold`` articles, which
grows with the run (``Settings.chrome_min_share``), so at most ``lines per article /
chrome_min_share`` lines can be chrome however large the run: the exact counts stay small.

Pure functions and numpy arrays; nothing is read or written here.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping

import numpy as np

SKETCH_ROWS = 4            # independent hash rows; the estimate is their minimum
LINE_SKETCH_BITS = 20      # 2^20 counters a row (16 MB): a million articles of 15 lines load each counter ~15
TEXT_SKETCH_BITS = 22      # 2^22 a row for texts, whose threshold is 2: a million texts leave ~0.3 % candidates
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                        dtype=np.uint64)     # odd constants: multiplicative hashing, one row each


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a line key or text (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def hashes(keys) -> np.ndarray:
    return np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)


class CountSketch:
    """A count-min sketch over 64-bit hashes: ``add`` counts, ``estimate`` is never below the true count."""

    def __init__(self, bits: int = LINE_SKETCH_BITS, rows: int = SKETCH_ROWS, dtype=np.uint32):
        self.bits, self.rows = bits, rows
        self.table = np.zeros((rows, 1 << bits), dtype=dtype)

    def _index(self, h: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return (h[None, :] * _MULTIPLIERS[:self.rows, None]) >> np.uint64(64 - self.bits)

    def add(self, h: np.ndarray) -> None:
        if len(h):
            idx = self._index(np.asarray(h, dtype=np.uint64))
            for r in range(self.rows):
                np.add.at(self.table[r], idx[r], 1)

    def estimate(self, h: np.ndarray) -> np.ndarray:
        if not len(h):
            return np.zeros(0, dtype=self.table.dtype)
        idx = self._index(np.asarray(h, dtype=np.uint64))
        return np.min(np.stack([self.table[r][idx[r]] for r in range(self.rows)]), axis=0)


def chrome_threshold(readable: int, min_articles: int, min_share: float) -> int:
    """In how many articles a line must be to be site chrome: the larger of the two rules the
    clean stage applies (``clean.clean_article``'s and the run's), so either decides the same."""
    by_share = max(int(min_share * readable + 0.999), int(-(-min_share * readable // 1)))
    return max(min_articles, by_share)


class HashedCounts(Mapping):
    """``{line_key: count}`` for the clean stage, held as hashes: ``get(key)`` hashes the key."""

    def __init__(self, counts: dict[int, int]):
        self.counts = counts

    def __getitem__(self, key: str) -> int:
        return self.counts[key_hash(key)]

    def get(self, key, default=None):
        return self.counts.get(key_hash(key), default)

    def __iter__(self):
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def __bool__(self) -> bool:
        return bool(self.counts)
