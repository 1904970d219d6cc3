"""Step 10 of the clean stage: exact and near repeats of an earlier title, meta or content
line (character n-gram sketches, then Jaccard and containment on all n-grams). Labels ``Ln``s
in place."""
from __future__ import annotations

from collections import defaultdict

from .features import Ln, set_label
from .head import dup_key, strip_suffix

MIN_DUP_CHARS = 6            # shorter exact repeats (refrains, "完") count only inside a repeated block
NEAR_DUP_MIN_CHARS = 20      # near-duplicate comparison only for lines this long (key chars)
NEAR_DUP_JACCARD = 0.8       # 4-gram Jaccard at which a line repeats an earlier one (a few characters changed)
NEAR_DUP_CONTAIN = 0.9       # ... or the share of the shorter line's 4-grams found in the other (a sentence added)
NEAR_DUP_SIZE_RATIO = 0.6    # ... when the shorter has at least this share of the longer's 4-grams
NEAR_DUP_ADJACENT = 0.9      # Jaccard needed against the line right before (templated list items differ a little)
NEAR_DUP_BLOCK_JACCARD = 0.4 # a line this similar to its source is a copy when its neighbours are copies too
NEAR_DUP_CANDIDATES = 4      # earlier lines checked on all n-grams, best sampled matches first
NEAR_DUP_CANDIDATE_SHARE = 0.3  # sampled n-grams shared to be a candidate at all
SHINGLE = 4                  # character n-gram size for finding near-duplicate candidates
VERIFY_SHINGLE = 3           # ... and for confirming them (one changed character costs three n-grams)
SKETCH_MIN = 8               # fewer sampled n-grams than this: compare all of them


# --- 10: duplicates -------------------------------------------------------------------------------
def _sketch(key: str) -> set[str]:
    """A content-defined sample of the key's character n-grams (about one in four), so that
    near-duplicate search stays cheap on long pages; all n-grams when the sample is tiny."""
    n = len(key) - SHINGLE + 1
    codes = list(map(ord, key))
    last = SHINGLE - 1
    sample = {key[j:j + SHINGLE] for j in range(n) if (codes[j] + 7 * codes[j + last]) & 3 == 0}
    return sample if len(sample) >= SKETCH_MIN else {key[j:j + SHINGLE] for j in range(n)}


def _shingles(key: str) -> set[str]:
    return {key[j:j + VERIFY_SHINGLE] for j in range(max(len(key) - VERIFY_SHINGLE + 1, 1))}


def _near(a: set[str], b: set[str]) -> tuple[float, bool]:
    """(Jaccard of two shingle sets, whether one is a near copy of the other): high Jaccard, or
    one contains almost all of the other and is not much longer (a sentence added or dropped)."""
    inter = len(a & b)
    if not inter:
        return 0.0, False
    jac = inter / len(a | b)
    small, big = sorted((len(a), len(b)))
    contained = inter / small >= NEAR_DUP_CONTAIN and small >= NEAR_DUP_SIZE_RATIO * big
    return jac, jac >= NEAR_DUP_JACCARD or contained


def label_duplicates(lines: list[Ln], title: int | None) -> None:
    """Exact and near repeats of earlier title / meta / content lines. A near repeat is found through
    sampled n-grams and confirmed on all n-grams; a near repeat of the line right before it is a
    templated list item ("第六十五号主席令说…", "第六十六号主席令说…"), not a copy, unless almost
    identical. A line inside a copied block whose neighbours are copies of its source's neighbours
    is a copy too, even with heavier edits."""
    tkey = dup_key(strip_suffix(lines[title].m)) if title is not None else None
    seen: dict[str, int] = {}
    short: list[int] = []      # short repeats: duplicates only inside a repeated block
    grams: defaultdict[str, list[int]] = defaultdict(list)   # n-gram -> lines holding it
    sizes: dict[int, int] = {}
    full: dict[int, set[str]] = {}
    src: dict[int, int] = {}    # duplicate line -> the earlier line it repeats
    weak: dict[int, int] = {}   # kept line -> its most similar earlier line, when fairly similar
    kept: list[int] = []        # body / meta lines in order, for adjacency
    title_repeat: dict[int, bool] = {}   # line -> its key, a site suffix cut, is the title's (computed once)

    def repeats_title(k: int) -> bool:
        if k not in title_repeat:
            title_repeat[k] = dup_key(strip_suffix(lines[k].m)) == tkey
        return title_repeat[k]

    last_body = max((k for k, ln in enumerate(lines) if ln.label in (None, "content")
                     and not (tkey and repeats_title(k))), default=-1)
    for k, ln in enumerate(lines):
        if ln.label not in (None, "content", "meta", "title"):
            continue
        key = dup_key(ln.m)
        if not key:
            continue
        prev = kept[-1] if kept else None
        kept.append(k)
        if ln.label != "title" and tkey and repeats_title(k):
            if k > last_body:
                set_label(ln, "boilerplate", "boilerplate:title-repeat")
            else:
                set_label(ln, "duplicate", "duplicate:title")
            continue
        if key in seen and ln.label != "title":
            if len(key) >= MIN_DUP_CHARS:
                set_label(ln, "duplicate", "duplicate:exact")
                src[k] = seen[key]
            else:
                short.append(k)
            continue
        seen.setdefault(key, k)
        if len(key) < NEAR_DUP_MIN_CHARS or ln.label == "title":
            continue
        sh = _sketch(key)
        counts: dict[int, int] = {}
        for g in sh:
            for j in grams.get(g, ()):
                counts[j] = counts.get(j, 0) + 1
        mine = full[k] = _shingles(key)
        best_j, best_jac, hit = None, 0.0, False
        for j, c in sorted(counts.items(), key=lambda kv: -kv[1])[:NEAR_DUP_CANDIDATES]:
            if c < NEAR_DUP_CANDIDATE_SHARE * min(sizes[j], len(sh)):
                break
            jac, near = _near(mine, full[j])
            if near and j == prev and jac < NEAR_DUP_ADJACENT:
                near = False  # a templated list item right after its sibling
            if near or jac > best_jac:
                best_j, best_jac, hit = j, jac, near
            if near:
                break
        if hit:
            set_label(ln, "duplicate", "duplicate:near")
            src[k] = best_j
            continue
        if best_j is not None and best_jac >= NEAR_DUP_BLOCK_JACCARD:
            weak[k] = best_j
        sizes[k] = len(sh)
        for g in sh:
            grams[g].append(k)
    # inside or at the edge of a copied block: a kept neighbour repeats the same neighbour of this line's source
    pos = {k: i for i, k in enumerate(kept)}
    for k, j in weak.items():
        i = pos[k]
        nb = [(kept[i + d], d) for d in (-1, 1) if 0 <= i + d < len(kept)]
        if any(m in src and 0 <= pos[j] + d < len(kept) and src[m] == kept[pos[j] + d] for m, d in nb):
            set_label(lines[k], "duplicate", "duplicate:near-block")
    for k in short:
        near = [lines[j].label for j in (k - 1, k + 1) if 0 <= j < len(lines)]
        if "duplicate" in near:
            set_label(lines[k], "duplicate", "duplicate:exact")
