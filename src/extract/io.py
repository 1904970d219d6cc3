"""The only module that touches the file system: reading input files, writing and loading tables.

Input: every regular file under a folder, recursively, in sorted order. Bytes are decoded as
UTF-8 (with or without BOM), UTF-16/32 (by BOM), GB18030 or Big5 (chosen by how much common
Chinese text each yields), else by charset-normalizer; binary files and undecodable bytes
become readable errors, never exceptions. Saved web pages (.html/.htm) are turned into text
lines by trafilatura before the same cleaning.

Output: one Parquet file per table, written into a temporary folder beside OUT_DIR and moved
into place only when every table is complete.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import lexicon
from .model import CHECKPOINT_SCHEMAS, TABLE_NAMES, TABLE_SCHEMAS
from .text import HAN_RE

# Most frequent characters of Chinese news in each script: decoding with the right codec yields many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.10   # more control characters than this in the decoded text: not text
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MIN_COMMON_SHARE = 0.30       # a CJK decoding whose characters are less often common than this is doubtful
MIN_LETTER_SHARE = 0.8       # a code-page decoding whose non-ASCII characters are mostly not letters is wrong
MAX_STRAY_SHARE = 0.05        # at most this share of stray non-ASCII bytes in otherwise ASCII text
MIN_HAN_RUN_SHARE = 0.5       # a CJK decoding whose Han characters mostly stand alone (Gesch䏿ftsf) is Latin text misread
MAX_LATIN_NON_ASCII = 0.3     # a single-byte decoding of Latin-script text is mostly ASCII
MIN_IN_WORD_SHARE = 0.8       # ... its accented letters sit inside words: next to another letter (für, Café)
MAX_PAIRED_SHARE = 0.2        # ... and rarely next to an upper-case accented letter or a symbol (GB18030 as cp1252: ÖÐ¹ú)
# what Latin-1 / cp1252 text holds besides letters: typographic quotes and dashes, currency, degrees
_LATIN_PUNCT = frozenset("\u00a0„“”‚‘’‹›«»–—…•·°§€£¥¢©®™×½¼¾²³µ¿¡´")


class InputError(Exception):
    """A file that cannot be turned into text; the message is shown to users in `articles.error`."""


@dataclass(frozen=True)
class Decoded:
    text: str          # decoded, control characters removed, line ends normalized to \n
    encoding: str
    html_meta: dict | None = None   # title/date found by the HTML extractor
    empty_reason: str | None = None  # why a web page gave no text, when it gave none


@dataclass(frozen=True)
class InputFile:
    """One path under INPUT_DIR that gets an ``articles`` row."""
    article_id: str            # path relative to INPUT_DIR, POSIX separators, undecodable name bytes as \xNN
    path: str                  # the path to open, as the OS gave it (may hold surrogate escapes)
    problem: str | None = None  # why it cannot be read, when the listing already knows (a FIFO, a broken link)

    @property
    def shown_path(self) -> str:
        """``path`` as it goes into the tables (undecodable bytes escaped)."""
        return escape_name(self.path)


@dataclass
class Listing:
    """Everything under INPUT_DIR: the paths that get a row, and the ones that do not, with why."""
    files: list[InputFile]     # sorted by article_id
    skipped: list[str]         # one line per path not read as input, saying why (hidden, OUT_DIR, linked folder)


OUR_OUTPUTS = frozenset({".extract", "current", "_manifest.json"})   # what a run writes into OUT_DIR besides the tables


def escape_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (surrogate escapes from the OS) become ``\\xNN``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    return ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
            else "not a file or folder")


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def list_input(input_dir, out_dir=None) -> Listing:
    """Every path under ``input_dir``, recursively, without following symlinked folders.

    Regular files (and symlinks to regular files inside INPUT_DIR) are articles. FIFOs, sockets,
    devices, broken or looping symlinks and symlinks that leave INPUT_DIR are articles too, with
    the ``problem`` that makes them errors (nothing is opened while listing: opening a FIFO
    blocks). A sub-folder that cannot be listed is one error row (``sub/``). Hidden names
    (``.x``), a symlinked folder inside INPUT_DIR and OUT_DIR when it lies inside INPUT_DIR are
    not read; each is a line of ``skipped``. Raises PermissionError when INPUT_DIR itself cannot
    be listed."""
    root = Path(input_dir)
    root_real = os.path.realpath(root)
    out_id = None
    if out_dir is not None and os.path.isdir(out_dir):
        st = os.stat(out_dir)
        out_id = (st.st_dev, st.st_ino)
    files: list[InputFile] = []
    skipped: list[str] = []
    hidden: list[str] = []
    root_st = os.stat(root)
    own_outputs = out_id == (root_st.st_dev, root_st.st_ino)
    if own_outputs:
        skipped.append(f"{escape_name(str(root))}: OUT_DIR is INPUT_DIR; the tables and .extract/ a run writes "
                       "there are not read as input")
    stack = [""]          # folders to list, relative to root ("" is root itself)
    while stack:
        rel_dir = stack.pop()
        dir_path = root / rel_dir if rel_dir else root
        try:
            with os.scandir(dir_path) as it:
                entries = list(it)
        except OSError as e:
            if not rel_dir:
                raise PermissionError(e.errno, f"cannot list the input folder: {e.strerror or e}", str(root)) from None
            files.append(InputFile(escape_name(rel_dir) + "/", str(dir_path),
                                   f"cannot list this folder: {e.strerror or e}; its files are not read"))
            continue
        for e in entries:
            rel = f"{rel_dir}/{e.name}" if rel_dir else e.name
            path = str(root / rel)
            aid = escape_name(rel)
            if e.name.startswith("."):
                ours = e.name in OUR_OUTPUTS or e.name.startswith((".tmp-", ".probe-"))
                if not (own_outputs and not rel_dir and ours):
                    hidden.append(aid + ("/" if e.is_dir(follow_symlinks=False) else ""))
                continue
            if own_outputs and not rel_dir and (e.name in OUR_OUTPUTS or e.name in TABLE_NAMES
                                                 or e.name.removesuffix(".parquet") in TABLE_NAMES):
                continue
            try:
                if e.is_symlink():
                    _symlink_entry(aid, path, root_real, files, skipped)
                    continue
                st = e.stat(follow_symlinks=False)
            except OSError as err:
                files.append(InputFile(aid, path, f"cannot read file: {err.strerror or err}"))
                continue
            if stat.S_ISDIR(st.st_mode):
                if out_id == (st.st_dev, st.st_ino):
                    skipped.append(f"{aid}/: OUT_DIR inside INPUT_DIR, not read as input")
                else:
                    stack.append(rel)
            elif stat.S_ISREG(st.st_mode):
                files.append(InputFile(aid, path))
            else:
                files.append(InputFile(aid, path, f"not a regular file ({_kind(st.st_mode)})"))
    if hidden:
        skipped.append(_hidden_note(hidden))
    files.sort(key=lambda f: f.article_id)
    return Listing(files, sorted(skipped))


MAX_SKIPPED_SHOWN = 5   # hidden paths named in the summary line; the rest are counted


def _symlink_entry(aid: str, path: str, root_real: str, files: list, skipped: list) -> None:
    """A symlink under INPUT_DIR: an article when it points to a regular file inside INPUT_DIR, else
    an error row (broken, looping, leaving INPUT_DIR, not a file) or a skipped line (a folder)."""
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        target = escape_name(os.readlink(path))
        files.append(InputFile(aid, path, f"broken symlink: its target {target} does not exist"))
        return
    except OSError as err:
        reason = "symlink loop" if err.errno == errno.ELOOP else f"unreadable symlink: {err.strerror or err}"
        files.append(InputFile(aid, path, f"{reason}: not followed"))
        return
    if not _within(target, root_real):
        files.append(InputFile(aid, path, f"symlink to {escape_name(target)}, outside INPUT_DIR: not followed"))
        return
    st = os.stat(target)
    if stat.S_ISDIR(st.st_mode):
        skipped.append(f"{aid}/: symlinked folder, not followed (its files are read under "
                       f"{escape_name(os.path.relpath(target, root_real)) or '.'}/)")
    elif stat.S_ISREG(st.st_mode):
        files.append(InputFile(aid, path))
    else:
        files.append(InputFile(aid, path, f"not a regular file (its target is {_kind(st.st_mode)})"))


def _hidden_note(hidden: list[str]) -> str:
    hidden = sorted(hidden)
    shown = ", ".join(hidden[:MAX_SKIPPED_SHOWN]) + (f" and {len(hidden) - MAX_SKIPPED_SHOWN} more"
                                                      if len(hidden) > MAX_SKIPPED_SHOWN else "")
    return (f"{len(hidden)} hidden path{'s' if len(hidden) > 1 else ''} not read ({shown}): "
            "names starting with '.' are skipped; rename them to include them")


def list_input_files(input_dir: Path) -> list[Path]:
    """The readable files of ``list_input`` as paths, sorted by article id."""
    return [Path(f.path) for f in list_input(input_dir).files if f.problem is None]


def matches(relative_path: str, patterns) -> bool:
    """True when a glob pattern matches the file's path relative to INPUT_DIR (``sub/a.txt``, where
    ``*`` also crosses ``/``) or its name alone (``*.html`` matches ``sub/page.html``)."""
    from fnmatch import fnmatchcase

    name = relative_path.rsplit("/", 1)[-1]
    return any(fnmatchcase(relative_path, p) or fnmatchcase(name, p) for p in patterns)


def select_files(files: list[InputFile], include=(), exclude=()) -> list[InputFile]:
    """The listed files whose article id matches an ``include`` pattern (all when none is given)
    and no ``exclude`` pattern."""
    return [f for f in files if (not include or matches(f.article_id, include)) and not matches(f.article_id, exclude)]


def _cjk_score(text: str) -> float:
    """Share of the Han characters of a decoding that are frequent in news (wrong codecs yield rare ones)."""
    han = HAN_RE.findall(text[:20000])
    if not han:
        return 0.0
    common = lexicon.common_hanzi()
    return sum(1 for ch in han if ch in common) / len(han)


def _try(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _latin_plausible(text: str) -> bool:
    """Does a single-byte decoding read as Latin-script text (German, French, English)? Its
    non-ASCII characters are few, letters inside words or typographic punctuation, and rarely
    two in a row; a CJK or UTF-8 byte stream read this way gives runs of symbols (ÖÐ¹ú, Ã¤)."""
    sample = text[:20000]
    extra = [i for i, ch in enumerate(sample) if ord(ch) > 0x7F]
    if not extra or len(extra) > MAX_LATIN_NON_ASCII * len(sample):
        return False
    letters = [i for i in extra if sample[i].isalpha()]
    others = len(extra) - len(letters)
    if others > sum(sample[i] in _LATIN_PUNCT for i in extra if not sample[i].isalpha()) or not letters and not others:
        return False

    def near(i: int, test) -> bool:
        return (i > 0 and test(sample[i - 1])) or (i + 1 < len(sample) and test(sample[i + 1]))

    in_word = sum(near(i, str.isalpha) for i in letters)
    # two accented lower-case letters in a row are German (größte, Füße); an upper-case or symbol neighbour is not
    paired = sum(near(i, lambda c: ord(c) > 0x7F and c not in _LATIN_PUNCT and not (c.islower() and sample[i].islower()))
                 for i in letters)
    return in_word >= MIN_IN_WORD_SHARE * len(letters) and paired <= MAX_PAIRED_SHARE * len(letters)


def _han_runs_share(text: str) -> float:
    """Share of the Han characters of a decoding that stand beside another Han character."""
    han = [i for i, ch in enumerate(text[:20000]) if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    at = set(han)
    return sum((i - 1 in at) or (i + 1 in at) for i in han) / len(han)


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes; return (text, encoding name). Raises InputError with a readable reason."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _try(data, enc)
            if text is None:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode as {enc}")
            return text, enc
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM: every other byte zero in ASCII-heavy text
        for enc in ("utf-16-le", "utf-16-be"):
            t = _try(data, enc)
            if t is not None and not _CONTROL.search(t[:2000]):
                return t, enc
        raise InputError("binary file: contains NUL bytes and is not UTF-16 text")
    # Latin-script text in a legacy code page (German in cp1252 or Latin-1): a GB18030 decoding
    # would turn each accented letter and the ASCII letter after it into one Han character
    for enc in ("cp1252", "latin-1"):
        t = _try(data, enc)
        if t is not None:
            if _latin_plausible(t):
                return t, enc
            break          # cp1252 decodes but reads wrong: Latin-1 differs only in giving controls for 0x80-0x9f
    candidates = []
    for enc in ("gb18030", "big5"):
        t = _try(data, enc)
        if t is not None and _han_runs_share(t) >= MIN_HAN_RUN_SHARE:
            candidates.append((_cjk_score(t), enc, t))
    if candidates:
        score, enc, t = max(candidates)
        if score >= MIN_COMMON_SHARE:
            return t, enc
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # the detector itself failed: treat as undecodable
        best = None
    if best is not None and best.encoding:
        text = str(best)
        extra = [ch for ch in text if ord(ch) > 0x7F]
        if not extra or sum(ch.isalpha() for ch in extra) >= MIN_LETTER_SHARE * len(extra):
            return text, best.encoding
    if sum(b > 0x7F for b in data) <= MAX_STRAY_SHARE * len(data):
        # ASCII text with a few stray bytes: a code page would turn them into symbols (˙ţ);
        # keep the text and mark the bytes replaced
        text = data.decode("utf-8", errors="replace")
        return text, f"utf-8 ({text.count(chr(0xFFFD))} bytes replaced)"
    raise InputError("undecodable: not UTF-8, UTF-16, GB18030 or Big5 text")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def read_input(path: Path, max_bytes: int) -> Decoded:
    """Read and decode one input file. Raises InputError with a reason a user can act on."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise Settings.max_file_bytes)")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror or e}") from None
    text, enc = decode(data)
    if text and len(_CONTROL.findall(text[:20000])) > BINARY_CONTROL_SHARE * min(len(text), 20000):
        raise InputError("binary file: too many control characters to be text")
    text = _clean_text(text)
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        from .web import html_to_text  # trafilatura, only for saved web pages

        html_chars = len(text)
        text, meta = html_to_text(text)
        reason = None if text.strip() else (f"no article text found in the web page ({html_chars:,} characters of HTML, "
                                            "none of them text outside markup, scripts and navigation)")
        return Decoded(text, enc + "+html", meta, reason)
    return Decoded(text, enc)


def content_hash(text: str) -> str:
    """Hash of an article's text with whitespace removed, for exact-duplicate articles."""
    return hashlib.sha1(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- output
#
# OUT_DIR/
#   articles -> current/articles         one stable link per table (and _manifest.json), made once
#   current  -> .extract/runs/<run id>   the one pointer a commit switches (os.replace of a symlink)
#   .extract/lock                        held (flock) by the run writing to OUT_DIR
#   .extract/runs/<run id>/<table>/part-00000.parquet …, _manifest.json
#   .extract/runs/<run id>.tmp/          a run being written; left over only by a killed run

STATE = ".extract"            # everything a run keeps in OUT_DIR besides the table links
MANIFEST = "_manifest.json"   # in each run folder: the run's row counts, parts and inputs
CURRENT = "current"
CACHE = "cache"               # OUT_DIR/.extract/cache: the checkpoints (extract.checkpoints)
KEEP_RUNS = 2                 # the current run and the one before it: a reader that resolved the old pointer can finish


class OutDirBusy(OSError):
    """Another run holds the lock on OUT_DIR."""


def check_writable(out_dir: Path) -> None:
    """Raise OSError with a clear message when out_dir cannot be created or written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".probe-", delete=True)
    probe.close()


_LOCK_FDS: list[int] = []     # lock files this process holds (a forked worker closes its copies)


class OutputLock:
    """An exclusive lock on OUT_DIR for the length of a run (``flock`` on ``.extract/lock``;
    the kernel releases it when the process dies, however it dies). A second run fails at once."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / STATE / "lock"
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        import fcntl
        import time

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise OutDirBusy(errno.EBUSY, f"another run is writing to {self.path.parent.parent} ({holder}); "
                             "wait for it to finish or give another --out") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}".encode())
        self.fd = fd
        _LOCK_FDS.append(fd)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            _LOCK_FDS.remove(self.fd)
            os.close(self.fd)     # closing releases the lock
            self.fd = None


def close_inherited_locks() -> None:
    """In a forked worker: drop the copies of the parent's lock files, so the lock ends with the parent."""
    for fd in _LOCK_FDS:
        try:
            os.close(fd)
        except OSError:
            pass
    _LOCK_FDS.clear()


def check_out_dir(out_dir: Path) -> None:
    """Raise FileExistsError when OUT_DIR holds a table path that a run did not make (a user's
    own folder called ``articles``): a run would otherwise replace it."""
    out_dir = Path(out_dir)
    for name in (*TABLE_NAMES, CURRENT, MANIFEST):
        p = out_dir / name
        if p.is_symlink():
            target = os.readlink(p)
            if target == f"{CURRENT}/{name}" or (name == CURRENT and target.startswith(f"{STATE}/runs/")):
                continue
        elif not p.exists() or (name == MANIFEST and p.is_file()):     # absent, or an older version's manifest
            continue
        raise FileExistsError(errno.EEXIST, f"OUT_DIR already holds {name}, which no extract run made: "
                              "give an empty folder or the OUT_DIR of an earlier run", str(p))


def remove_stale(out_dir: Path) -> list[str]:
    """Remove what interrupted runs left in OUT_DIR (called while holding the lock, so nothing
    of a live run is touched): unfinished run folders, old-style ``.tmp-*`` folders, probes.
    Returns what was removed, relative to OUT_DIR."""
    out_dir = Path(out_dir)
    gone = []
    runs = out_dir / STATE / "runs"
    candidates = [p for p in runs.iterdir() if p.name.endswith(".tmp")] if runs.is_dir() else []
    candidates += [p for p in out_dir.iterdir() if p.name.startswith((".tmp-", ".probe-"))]
    cache = out_dir / STATE / CACHE
    if cache.is_dir():      # checkpoints a killed worker was writing
        candidates += [p for p in (cache / "first").glob(".*.tmp")] if (cache / "first").is_dir() else []
        candidates += [p for p in (cache / "seg").glob("*/*.tmp-*")] if (cache / "seg").is_dir() else []
    for p in candidates:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
        gone.append(p.relative_to(out_dir).as_posix())
    return sorted(gone)


def _arrow_table(name: str, given) -> pa.Table:
    if isinstance(given, pa.Table):
        return given
    schema = TABLE_SCHEMAS.get(name) or CHECKPOINT_SCHEMAS[name]
    if isinstance(given, dict):
        n = len(next(iter(given.values()), []))
        return pa.Table.from_pydict({col: given.get(col, [None] * n) for col in schema.names}, schema=schema)
    return pa.Table.from_pylist(given, schema=schema)   # missing keys become nulls


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def write_part(path: Path, name: str, given) -> int:
    """Write one part file of table ``name`` (rows, columns or an Arrow table) at ``path``,
    atomically (a temporary name, then a rename); the number of rows."""
    table = _arrow_table(name, given)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return table.num_rows


def _relink(link: Path, target: str) -> None:
    """Point the symlink ``link`` at ``target`` in one step (a new link renamed over the old)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.new")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


class RunWriter:
    """The tables of one run, written into their own folder ``.extract/runs/<run id>.tmp``;
    ``commit`` renames it, then switches ``OUT_DIR/current`` to it in one step, so a reader sees
    the previous complete run or this one, never a mix. Leaving the ``with`` block without a
    commit (an error, an interrupt) removes the folder and leaves OUT_DIR as it was.

    A table is written as part files (``write``: one part from rows, columns or Arrow; ``add``:
    a finished part file, hard-linked) or streamed into one part (``append``, row group by row
    group). Parts are read back in the order of their index."""

    def __init__(self, out_dir: Path, run_id: str | None = None):
        import time
        import uuid

        self.out_dir = Path(out_dir)
        self.run_id = run_id or f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        self.runs = self.out_dir / STATE / "runs"
        self.tmp = self.runs / f"{self.run_id}.tmp"
        self.tmp.mkdir(parents=True)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = {name: 0 for name in TABLE_NAMES}
        self.parts = {name: 0 for name in TABLE_NAMES}

    def path(self, name: str, index: int) -> Path:
        return self.tmp / name / part_name(index)

    def write(self, name: str, index: int, given) -> None:
        self.counts[name] += write_part(self.path(name, index), name, given)
        self.parts[name] += 1

    def add(self, name: str, index: int, src: Path, rows: int) -> None:
        """A finished part file (a checkpoint), hard-linked into the run (copied across devices)."""
        dst = self.path(name, index)
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
        self.counts[name] += rows
        self.parts[name] += 1

    def register(self, name: str, index: int, rows: int) -> None:
        """A part another process wrote at ``path(name, index)``."""
        self.counts[name] += rows
        self.parts[name] += 1

    def append(self, name: str, given) -> None:
        table = _arrow_table(name, given)
        if table.num_rows == 0 and name in self.writers:
            return
        if name not in self.writers:
            p = self.path(name, 0)
            p.parent.mkdir(parents=True, exist_ok=True)
            self.writers[name] = pq.ParquetWriter(p, TABLE_SCHEMAS[name], compression="zstd")
            self.parts[name] += 1
        self.writers[name].write_table(table)
        self.counts[name] += table.num_rows

    def commit(self, info: dict | None = None) -> dict[str, int]:
        import json

        for w in self.writers.values():
            w.close()
        self.writers.clear()
        for name in TABLE_NAMES:      # a table without rows still has a part: its schema
            if not self.parts[name]:
                self.write(name, 0, [])
        manifest = {"run": self.run_id, "tables": self.counts, "parts": self.parts, **(info or {})}
        (self.tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        final = self.runs / self.run_id
        os.replace(self.tmp, final)
        # the switch: one rename; then the stable paths users read, made once and never changed
        _relink(self.out_dir / CURRENT, f"{STATE}/runs/{self.run_id}")
        for name in (*TABLE_NAMES, MANIFEST):
            link = self.out_dir / name
            if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"):
                _relink(link, f"{CURRENT}/{name}")
        for name in TABLE_NAMES:      # the single files of an older version of extract
            old = self.out_dir / f"{name}.parquet"
            if old.is_file() and not old.is_symlink():
                old.unlink()
        finished = sorted((p for p in self.runs.iterdir() if not p.name.endswith(".tmp") and p.is_dir()),
                          key=lambda p: p.stat().st_mtime)
        for old in [p for p in finished if p.name != self.run_id][:-(KEEP_RUNS - 1) or None]:
            _remove_unread(old)
        return dict(self.counts)

    def __enter__(self) -> "RunWriter":
        return self

    def __exit__(self, *exc) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:
                pass
        self.writers.clear()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _remove_unread(folder: Path) -> None:
    """Remove an old run folder unless a reader (``load_tables``) holds it; then it goes at a later commit."""
    import fcntl

    try:
        fd = os.open(folder / MANIFEST, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        (folder / MANIFEST).unlink()     # first, while locked: a reader waiting for the lock then sees it gone
        shutil.rmtree(folder, ignore_errors=True)
    except BlockingIOError:
        pass
    finally:
        os.close(fd)


def write_tables(tables: dict, out_dir: Path) -> dict[str, int]:
    """Write a whole run at once (every table as rows or columns, one part each) and commit it."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with OutputLock(out_dir), RunWriter(out_dir) as writer:
        for name in TABLE_NAMES:
            writer.write(name, 0, tables.get(name, []))
        return writer.commit()


class Tables:
    """The tables of one run, one pandas DataFrame per table: ``tables.persons``, ``tables["events"]``."""

    def __init__(self, frames: dict):
        self._frames = frames
        for k, v in frames.items():
            setattr(self, k, v)

    def __getitem__(self, name: str):
        return self._frames[name]

    def __iter__(self):
        return iter(self._frames)

    def __repr__(self) -> str:
        return "Tables(" + ", ".join(f"{k}={len(v)} rows" for k, v in self._frames.items()) + ")"


def run_folder(out_dir: Path) -> Path | None:
    """The folder of the run ``OUT_DIR/current`` points at now, or None before the first run
    (a copy of OUT_DIR made without keeping links holds ``current`` as a folder: that folder)."""
    link = Path(out_dir) / CURRENT
    try:
        return Path(out_dir) / os.readlink(link)
    except OSError:
        return link if link.is_dir() else None


def table_parts(folder: Path, name: str) -> list[Path]:
    """The part files of one table of a run folder, in order."""
    return sorted(p for p in (folder / name).iterdir() if p.name.startswith("part-") and p.suffix == ".parquet")


def read_table(folder: Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """One table of a run folder (only ``columns``, when given), its parts concatenated in order."""
    parts = table_parts(folder, name)
    if not parts:
        empty = TABLE_SCHEMAS[name].empty_table()
        return empty.select(columns) if columns else empty
    return pa.concat_tables([pq.read_table(p, columns=columns) for p in parts])


def read_manifest(out_dir: Path) -> dict:
    """The manifest of the run OUT_DIR points at: row counts, parts, segments (done now / before)."""
    import json

    folder = run_folder(out_dir)
    return json.loads(((folder or Path(out_dir)) / MANIFEST).read_text(encoding="utf-8"))


READ_ATTEMPTS = 10   # a reader whose run folder went before it could hold it starts over on the new one


def table_paths(out_dir: Path) -> dict[str, Path]:
    """Where each table of the run in ``out_dir`` lies: the folder of its part files (pandas and
    DuckDB read it as ``DIR`` / ``DIR/*.parquet``), or ``NAME.parquet`` for a run of an older
    version; FileNotFoundError saying what to do when the folder holds no run or an interrupted one."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise FileNotFoundError(f"{out_dir} is not a folder: give the OUT_DIR of `extract run INPUT_DIR --out OUT_DIR`")
    folder = run_folder(out_dir)
    if folder is not None:
        if not (folder / MANIFEST).exists():
            raise FileNotFoundError(f"{folder} is not a complete run (its manifest is missing); "
                                    f"run `extract run INPUT_DIR --out {out_dir}` again")
        return {n: folder / n for n in TABLE_NAMES}
    missing = [n for n in TABLE_NAMES if not (out_dir / f"{n}.parquet").exists()]
    if missing:
        raise FileNotFoundError(f"{out_dir} is not a complete extract run: missing {', '.join(missing)} "
                                f"(run `extract run INPUT_DIR --out {out_dir}` first)")
    if not (out_dir / MANIFEST).exists():
        raise FileNotFoundError(f"{out_dir} has no {MANIFEST}: the run that wrote it was interrupted while "
                                f"replacing tables; run `extract run INPUT_DIR --out {out_dir}` again")
    return {n: out_dir / f"{n}.parquet" for n in TABLE_NAMES}


def parquet_source(path: Path) -> str:
    """What DuckDB's read_parquet reads for a table path: a folder's part files, or the file."""
    return str(Path(path) / "*.parquet") if Path(path).is_dir() else str(path)


def load_tables(out_dir: Path, tables=TABLE_NAMES, columns: dict[str, list[str]] | None = None) -> Tables:
    """The tables of the run OUT_DIR points at, all from that one run: every table, or only
    ``tables``; ``columns`` maps a table to the only columns to read (a large run's tokens need not
    be read to look at its persons). The pointer is read once and the run's manifest held with a
    shared lock while reading, so no commit removes it."""
    import fcntl

    unknown = [n for n in tables if n not in TABLE_NAMES]
    if unknown:
        raise ValueError(f"no table {', '.join(unknown)}; the tables are {', '.join(TABLE_NAMES)}")
    columns = columns or {}
    out_dir = Path(out_dir)
    for _ in range(READ_ATTEMPTS):
        folder = run_folder(out_dir)
        if folder is None:
            import pandas as pd

            paths = table_paths(out_dir)
            return Tables({n: pd.read_parquet(paths[n], columns=columns.get(n)) for n in tables})
        try:
            fd = os.open(folder / MANIFEST, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            if run_folder(out_dir) == folder:
                raise FileNotFoundError(f"{folder} is not a complete run (its manifest is missing); "
                                        f"run `extract run INPUT_DIR --out {out_dir}` again") from None
            continue           # the pointer moved on and the old run went: read the new one
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            if not (folder / MANIFEST).exists():
                continue       # removed between open and lock
            return Tables({n: read_table(folder, n, columns.get(n)).to_pandas() for n in tables})
        finally:
            os.close(fd)
    raise FileNotFoundError(f"{out_dir} changed {READ_ATTEMPTS} times while being read; read it again")


def export_tables(out_dir: Path, fmt: str, to_dir: Path, tables=TABLE_NAMES) -> dict[str, Path]:
    """Write every table of the run in ``out_dir`` as ``NAME.csv`` or ``NAME.jsonl`` (one JSON
    object a line) into ``to_dir``; the files written. A list column is a JSON array in both
    (in CSV, the array's text: ``["林嘉文", "Lin Jiawen"]``)."""
    import duckdb

    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown export format {fmt!r}: use csv or jsonl")
    paths = table_paths(out_dir)
    to_dir = Path(to_dir)
    to_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT json"
    written = {}
    with duckdb.connect() as con:
        for name in tables:
            target = to_dir / f"{name}.{fmt}"
            cols = [f'CAST(to_json("{f.name}") AS VARCHAR) AS "{f.name}"'
                    if fmt == "csv" and pa.types.is_list(f.type) else f'"{f.name}"' for f in TABLE_SCHEMAS[name]]
            con.execute(f"COPY (SELECT {', '.join(cols)} FROM read_parquet({_sql_string(parquet_source(paths[name]))})) "
                        f"TO {_sql_string(target)} ({options})")
            written[name] = target
    return written


def _sql_string(path: Path) -> str:
    """A path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"
