"""Chinese noun phrases from jieba's words: where an organization name that ends before a suffix,
a role or a person begins, and the noun phrase a verb takes as its object.

Reads a ``SentenceContext`` (its text and person mentions) and ``Lang``; the jieba words of a
sentence are computed once, only for sentences that hold a trigger (rjieba tags about 3 M
characters a second), and kept on the context. Returns sentence-relative offsets.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .context import SentenceContext
from .lexicons import Lang

NP_MAX = 20           # characters a Chinese organization name may span
# jieba parts of speech that may stand inside an organization name (nouns, names, places,
# abbreviations, Latin words, distinguishing words 高级/独立, verbal nouns 投资/发展)
NOUNISH = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "nl", "j", "eng", "vn", "an", "b", "l", "i"})
BRACKET_CODE = re.compile(r"[（(]\s*[0-9A-Za-z.]{3,10}\s*[）)]$")     # a stock code: 山东钢铁（600022）
_NAME_MARKS = "·&-"
# words that may not end or open a name though jieba calls them nouns (公告, 消息 are things said)
NOT_NAME = frozenset("的 了 和 与 及 或 等 在 从 到 向 于 是 被 把 将 由 为 对 给 让 跟 同 也 都 又 还 就 并 而 但 且 "
                      "其 该 这 那 此 每 各 一 家 个 位 名 已 曾 兼 暨 原 前 新 现 时任 现任 前任 原任 新任 首任 继任 "
                      "官方 公告 宣布 表示".split())


def words(ctx: SentenceContext) -> list[tuple[int, int, str, str]]:
    """The jieba words of the sentence: (start, end, word, part of speech), sentence-relative."""
    if ctx.words is None:
        out, pos = [], 0
        for w, tag in _segmenter().tag(ctx.sent.text):
            out.append((pos, pos + len(w), w, tag or "x"))
            pos += len(w)
        ctx.words = out if pos == len(ctx.sent.text) else []
    return ctx.words


@lru_cache(maxsize=1)
def _segmenter():
    """A fresh ``rjieba.Jieba`` with jieba's own dictionary (never the pipeline's instance)."""
    import rjieba

    return rjieba.Jieba()


def taken_spans(ctx: SentenceContext, stops=()) -> list[tuple[int, int]]:
    """Sentence-relative spans no name may run across: the sentence's person mentions, then ``stops``
    (roles, triggers)."""
    off = ctx.sent.char_start
    return [(m.char_start - off, m.char_end - off) for m in ctx.ments] + list(stops)


PROPER_POS = frozenset(("ns", "nt", "nz", "nr", "j", "eng"))   # jieba's tags of proper nouns (and Latin words)


def np_start(L: Lang, ctx: SentenceContext, end: int, floor: int = 0, stops: tuple = ()) -> int:
    """Where a Chinese name ending at ``end`` (sentence-relative) begins: the words before it while
    they may stand in a name (``NOUNISH``, a stock code in brackets, · & -), not a person mention, a
    trigger, a role or a function word; never before ``floor`` nor more than ``NP_MAX`` characters
    back. ``stops``: (start, end) spans that end a name (roles, persons, triggers)."""
    text = ctx.sent.text
    taken = taken_spans(ctx, stops)
    start = end
    ws = words(ctx)
    k = next((i for i in range(len(ws) - 1, -1, -1) if ws[i][1] <= end), -1)
    # a word that runs across the end (上海队 before the suffix 队) stands in the name
    whole = False
    if k + 1 < len(ws) and ws[k + 1][0] < end < ws[k + 1][1] and ws[k + 1][3] in NOUNISH \
            and ws[k + 1][0] >= floor and not any(ws[k + 1][0] < y and x < end for x, y in taken):
        start = ws[k + 1][0]
        # jieba knows the whole name (民主党, 新民党: nt): only proper nouns before it belong to it
        # (中国共产党), not the noun or verb it follows (访问时民主党, 代表新民党, 合并成自民党)
        whole = ws[k + 1][3] == "nt"
    while k >= 0:
        a, b, w, pos = ws[k]
        if b > end:
            k -= 1
            continue
        if a < floor or end - a > NP_MAX or any(a < y and x < b for x, y in taken):
            break
        if w in NOT_NAME:
            break
        if whole and pos not in PROPER_POS:
            break
        if pos in NOUNISH or (w in _NAME_MARKS and start < end):
            whole = whole or (start == end and pos == "nt")
            start = a
            k -= 1
            continue
        # a stock code in brackets right before the end: 君实生物（833330）
        if w in "）)" and start == end:
            seg = text[max(floor, a - 12):b]
            m = BRACKET_CODE.search(seg)
            if m:
                start = b - len(m.group(0))
                k = next((i for i in range(k, -1, -1) if ws[i][0] <= start), -1)
                if k >= 0 and ws[k][0] == start:
                    k -= 1
                continue
        break
    return start


def np_after(L: Lang, ctx: SentenceContext, pos: int, limit: int, stops: tuple = ()) -> tuple[int, int] | None:
    """The noun phrase a verb ending at ``pos`` takes as its object (了, 到, 去 skipped), up to ``limit``:
    (start, end) sentence-relative, or None."""
    ws = words(ctx)
    taken = taken_spans(ctx, stops)
    k = next((i for i, w in enumerate(ws) if w[0] >= pos), None)
    if k is None:
        return None
    while k < len(ws) and ws[k][2] in ("了", "到", "去", "至", "回", " "):
        k += 1
    start = ws[k][0] if k < len(ws) else limit
    end = start
    while k < len(ws):
        a, b, w, p = ws[k]
        if b > limit or any(a < y and x < b for x, y in taken) or w in NOT_NAME:
            break
        if p in NOUNISH or (w in _NAME_MARKS and end > start):
            end = b
            k += 1
            continue
        break
    return (start, end) if end - start >= 2 else None
