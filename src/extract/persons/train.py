"""Train the shipped Chinese person recognizer (``extract train persons --out DIR``).

One reproducible path from the offline NER sets in ``../shared/suites`` to a spaCy pipeline
(character tokens, tok2vec + ner, one label ``PER``) saved with a ``TRAINING.md`` that records
the data sets and their licenses, sizes, settings, seed, scores and spaCy version.

Steps (``train_persons``):
  1. read the training sets (JSONL ``{"text", "persons", "entities"}``, character offsets);
  2. hold out a dev split of People's Daily dev for model selection;
  3. bring every other set to People's Daily's conventions (``normalize_persons``) and drop
     sentences whose gold contradicts itself (``is_consistent``);
  4. repeat the news sets (``Source.repeat``), write spaCy DocBins with one token per character;
  5. train with spaCy's own loop (``spacy.training.loop.train_while_improving``), keeping the
     best dev checkpoint, stopping at ``max_steps`` or ``max_minutes``;
  6. save the best model (no optimizer state, no corpora) and score it on the evaluation sets.

The evaluation sets (People's Daily test, MSRA test) are never read before step 6.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .. import training
from ..text import is_han
from ..training import NerConfig

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[4] / "shared" / "suites"
LABEL = "PER"
DEV_SIZE = 700        # People's Daily dev sentences held out for model selection (~270 names)
EVAL_BATCH = 256      # sentences per nlp.pipe batch when scoring

# Titles and honorifics that People's Daily leaves outside the name: 陈先生 → 陈, 王教授 → 王.
HONORIFICS = ("先生", "女士", "小姐", "太太", "夫人", "同志", "老师", "教授", "博士", "某")
# A PER span that ends in an office is a conversion error (Resume: 常务副总经理 as NAME): drop the sentence.
OFFICES = ("经理", "书记", "部长", "主席", "校长", "市长", "局长", "主任", "总裁", "董事", "总统", "总理")
# People's Daily tags the lone surname before a title (陈先生, 王女士, 汤局长, 李老师: 35 of 41 in
# PD dev + train); CLUENER tags none of its 107, so they are added there.
SURNAME_TITLES = ("先生", "女士", "小姐", "太太", "夫人", "老师", "教授", "博士", "师傅", "大夫", "医生",
                  "主席", "主任", "书记", "局长", "市长", "县长", "省长", "镇长", "乡长", "村长", "部长",
                  "厅长", "处长", "科长", "所长", "院长", "校长", "厂长", "站长", "队长", "经理", "同志",
                  "总", "老", "大爷", "大妈", "阿姨", "大姐", "大哥")
FUNCTION_SURNAMES = set("和于向时应全连成明安古")  # mostly in words: ，和老师们, 古老 hold no name
PARTICLES = set("的了和与及、向给对被让请是说位名称据在由把将跟同找为")  # may precede a lone surname
COMMON_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")


@dataclass(frozen=True)
class Source:
    """One training file: where it is, how often it is repeated, and its terms as stated."""

    name: str
    path: str             # relative to data_dir
    repeat: int           # copies per epoch (news sets count more)
    license: str          # as stated in the folder README
    normalize: bool = True  # bring to People's Daily conventions (False for People's Daily itself)


PD_DEV = Source("peoples_daily_dev", "ner_zh/peoples_daily_dev.jsonl", 3,
                "none stated (zjy-ucas/ChineseNER, no LICENSE file); research data", normalize=False)
SOURCES: dict[str, Source] = {s.name: s for s in [
    PD_DEV,
    Source("peoples_daily_train", "ner_train/zh_peoples_daily/train_subset_caoyuji.jsonl", 3,
           "none stated (People's Daily 1998, PKU/ICL; research use)", normalize=False),
    Source("msra_train_3000", "ner_train/zh_msra/train_subset3000.jsonl", 2,
           "none stated (MSRA / SIGHAN 2006 bakeoff; research use)"),
    Source("msra_train_caoyuji", "ner_train/zh_msra/train_subset_caoyuji.jsonl", 2,
           "none stated (MSRA / SIGHAN 2006 bakeoff; research use)"),
    Source("cluener_train", "ner_train/zh_cluener/train.jsonl", 1,
           "none in the copy; upstream CLUENER2020 (THUCTC news), check upstream terms"),
    Source("resume_train", "ner_train/zh_resume/train.jsonl", 1,
           "none stated (Zhang & Yang 2018; research use); not news"),
    # Opt-in only: Boson's license forbids redistribution and commercial use without agreement,
    # Weibo is social media.
    Source("boson", "ner_train/zh_boson/all.jsonl", 1,
           "BosonNLP: research only, no redistribution, commercial use needs an agreement"),
    Source("weibo_train", "ner_train/zh_weibo/train.jsonl", 1,
           "none stated (Peng & Dredze 2015; research); social media"),
]}
DEFAULT_SOURCES = ("peoples_daily_dev", "peoples_daily_train", "msra_train_3000",
                   "msra_train_caoyuji", "cluener_train", "resume_train")
# Scored after training only; never part of training or model selection.
EVAL_SETS = {"peoples_daily_test": "ner_zh/peoples_daily_test.jsonl",
             "msra_test": "ner_zh/msra_test.jsonl",
             "cluener_dev": "ner_zh/cluener_dev.jsonl"}
FORBIDDEN = ("peoples_daily_test.jsonl", "msra_test.jsonl", "cluener_dev.jsonl")


@dataclass(frozen=True)
class Arch:
    """tok2vec + ner sizes. Width 96 / depth 4 is the measured default (FACTS.md probe)."""

    width: int = 96
    depth: int = 4
    embed_rows: tuple[int, int, int, int] = (5000, 1000, 2500, 2500)  # NORM, PREFIX, SUFFIX, SHAPE
    hidden_width: int = 64
    dropout: float = 0.1
    learn_rate: float = 0.001
    batch_start: int = 100   # characters per batch, compounding to batch_stop
    batch_stop: int = 1000
    word_feature: bool = True  # each character also embeds its jieba word's POS and place (zh_chars.py)
    word_feature_rows: int = 1000
    word_identity_rows: int = 0  # > 0: also embed the jieba word itself (LEMMA), in this many rows


@dataclass
class Sentence:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)


# --------------------------------------------------------------------------- data

def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def normalize_persons(record: dict) -> list[tuple[int, int]]:
    """PER spans of one record, brought to People's Daily conventions.

    - a trailing honorific/title inside a span is cut off (陈小姐 → 陈, 张某 → 张);
    - an untagged lone common surname right before a title becomes a span (陈先生 → 陈,
      汤局长 → 汤), unless another entity already covers it.
    """
    text = record["text"]
    spans = []
    for p in record["persons"]:
        start, end = p["start"], p["end"]
        for h in HONORIFICS:
            if text[start:end].endswith(h) and end - start > len(h):
                end -= len(h)
                break
        spans.append((start, end))
    covered = {i for e in record.get("entities", []) for i in range(e["start"], e["end"])}
    covered |= {i for s, e in spans for i in range(s, e)}
    for m in re.finditer("|".join(SURNAME_TITLES), text):
        i = m.start() - 1
        prev = text[i - 1] if i > 0 else ""
        # only a lone surname: 王建明先生 must not give 明
        lone = not is_han(prev) or prev in PARTICLES
        surname = i >= 0 and text[i] in COMMON_SURNAMES and text[i] not in FUNCTION_SURNAMES
        if surname and lone and i not in covered and m.start() not in covered:
            spans.append((i, i + 1))
    return sorted(set(spans))


def is_consistent(text: str, spans: Sequence[tuple[int, int]], entities: Sequence[dict]) -> bool:
    """False when a name tagged in the sentence also occurs untagged (and outside any entity)."""
    covered = [(e["start"], e["end"]) for e in entities] + list(spans)
    for s, e in spans:
        name = text[s:e]
        if len(name) < 2:
            continue
        i = text.find(name)
        while i >= 0:
            if not any(a <= i and i + len(name) <= b for a, b in covered):
                return False
            i = text.find(name, i + 1)
    return True


def load_source(src: Source, data_dir: Path) -> tuple[list[Sentence], dict]:
    if Path(src.path).name in FORBIDDEN:
        raise ValueError(f"{src.path} is an evaluation set and may not be used for training")
    path = data_dir / src.path
    if not path.exists():
        raise FileNotFoundError(f"{path}: training set {src.name!r} not found; pass data_dir=")
    out, dropped = [], 0
    for rec in read_jsonl(path):
        text = rec["text"]
        spans = (normalize_persons(rec) if src.normalize
                 else sorted({(p["start"], p["end"]) for p in rec["persons"]}))
        if (not text.strip() or not is_consistent(text, spans, rec.get("entities", []))
                or any(text[s:e].endswith(OFFICES) for s, e in spans)):
            dropped += 1
            continue
        out.append(Sentence(text, spans))
    stats = {"file": src.path, "license": src.license, "repeat": src.repeat,
             "sentences": len(out), "dropped_inconsistent": dropped,
             "persons": sum(len(s.spans) for s in out), "chars": sum(len(s.text) for s in out)}
    return out, stats


def to_docbin(nlp, sentences: Iterable[Sentence]):
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    db = DocBin(store_user_data=False)
    for sent in sentences:
        doc = nlp.make_doc(sent.text)
        ents = [doc.char_span(s, e, label=LABEL) for s, e in sent.spans]
        doc.ents = filter_spans([x for x in ents if x is not None])
        db.add(doc)
    return db


def blank_zh(arch: "Arch"):
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": _tokenizer_config(arch)}})


def _tokenizer_config(arch: "Arch") -> dict:
    """The ``[nlp.tokenizer]`` block: one token per character, with the jieba word tags when the
    model embeds them."""
    if arch.word_feature:
        from . import zh_chars

        return {"@tokenizers": zh_chars.TOKENIZER_NAME, "with_words": bool(arch.word_identity_rows)}
    return {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "char"}


# --------------------------------------------------------------------------- config

def make_config(arch: Arch, seed: int, max_steps: int, eval_frequency: int):
    """The spaCy ``Config`` of a person-recognizer run: characters, with the jieba word's POS
    and place (and the word itself) as extra features when ``arch`` asks for them."""
    rows = list(arch.embed_rows)
    attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
    if arch.word_feature:
        attrs.append("TAG")
        rows.append(arch.word_feature_rows)
        if arch.word_identity_rows:
            attrs.append("LEMMA")
            rows.append(arch.word_identity_rows)
    run = NerConfig("zh", _tokenizer_config(arch), tuple(attrs), tuple(rows), arch.width, arch.depth,
                    arch.hidden_width, arch.dropout, arch.learn_rate, arch.batch_start, arch.batch_stop)
    return training.make_config(run, seed, max_steps, eval_frequency)


# --------------------------------------------------------------------------- scoring

def score_spans(gold: Sequence[Iterable[tuple[int, int]]],
                pred: Sequence[Iterable[tuple[int, int]]]) -> dict:
    """Exact-span P/R/F1 over sentences (sets per sentence, as ../shared/eval/suites.py)."""
    tp = npred = ngold = 0
    for g, p in zip(gold, pred):
        g, p = set(g), set(p)
        tp += len(g & p)
        npred += len(p)
        ngold += len(g)
    prec = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4), "tp": tp, "pred": npred, "gold": ngold}


def evaluate_model(nlp, path: Path) -> dict:
    """Score a loaded pipeline on one JSONL set; also reports characters per second."""
    rows = read_jsonl(path)
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    pred = [[(e.start_char, e.end_char) for e in doc.ents if e.label_ == LABEL]
            for doc in nlp.pipe(texts, batch_size=EVAL_BATCH)]
    secs = time.perf_counter() - t0
    res = score_spans([[(p["start"], p["end"]) for p in r["persons"]] for r in rows], pred)
    res["chars_per_s"] = round(sum(map(len, texts)) / secs) if secs else None
    return res


# --------------------------------------------------------------------------- training

def _training_data(data_dir: Path, sources: Sequence[str], repeats: dict[str, int], dev_size: int,
                   train_sets: dict[str, list[Sentence]] | None, rng: random.Random):
    """Steps 1-3: the training sentences (sets repeated as they say, shuffled), the dev split held
    out of the first set (People's Daily dev), per-set statistics and the dev set's name."""
    data_stats: dict[str, dict] = {}
    if train_sets is None:
        loaded = {}
        for name in sources:
            src = SOURCES[name]
            if name in repeats:
                src = Source(src.name, src.path, repeats[name], src.license, src.normalize)
            loaded[name], data_stats[name] = load_source(src, data_dir)
        dev_from = PD_DEV.name if PD_DEV.name in loaded else next(iter(loaded))
    else:
        loaded = {k: list(v) for k, v in train_sets.items()}
        for k, v in loaded.items():
            data_stats[k] = {"file": "(given)", "license": "(given)", "repeat": repeats.get(k, 1),
                             "sentences": len(v), "persons": sum(len(s.spans) for s in v),
                             "chars": sum(len(s.text) for s in v)}
        dev_from = next(iter(loaded))
    pool = loaded[dev_from]
    rng.shuffle(pool)
    n_dev = min(dev_size, len(pool) // 3)
    dev, loaded[dev_from] = pool[:n_dev], pool[n_dev:]
    data_stats[dev_from].update(
        held_out_for_dev=n_dev, sentences=len(loaded[dev_from]),
        persons=sum(len(s.spans) for s in loaded[dev_from]),
        chars=sum(len(s.text) for s in loaded[dev_from]))
    train: list[Sentence] = []
    for name, sents in loaded.items():
        train += sents * data_stats[name]["repeat"]
    rng.shuffle(train)
    return train, dev, data_stats, dev_from


def train_persons(
    out_dir: Path,
    data_dir: Path = DEFAULT_DATA_DIR,
    max_minutes: float = 30.0,
    seed: int = 0,
    *,
    max_steps: int = 15000,
    eval_frequency: int = 500,
    arch: Arch = Arch(),
    sources: Sequence[str] = DEFAULT_SOURCES,
    repeats: dict[str, int] | None = None,
    dev_size: int = DEV_SIZE,
    evaluate: bool = True,
    train_sets: dict[str, list[Sentence]] | None = None,
    log=None,
) -> dict:
    """Train the person recognizer and save the best dev checkpoint to ``out_dir``.

    Stops after ``max_steps`` updates (reproducible) or ``max_minutes`` (a safety cap; when it
    triggers, TRAINING.md says so). ``train_sets`` replaces reading ``data_dir`` (name →
    sentences; the first set gives the dev split) — used by the tests. Returns the report that is
    also written to ``out_dir/TRAINING.md`` and ``meta.json["extract_training"]``.
    """
    import spacy

    out_dir, data_dir = Path(out_dir), Path(data_dir)
    emit = log or (lambda line: None)
    rng = random.Random(seed)
    train, dev, data_stats, dev_from = _training_data(data_dir, sources, dict(repeats or {}), dev_size,
                                                      train_sets, rng)
    emit(f"train {len(train)} sentences ({sum(len(s.text) for s in train)} chars), dev {len(dev)}")
    # 4-6. DocBins in a scratch folder outside out_dir, spaCy's loop, the best checkpoint saved
    nlp0 = blank_zh(arch)
    work = Path(tempfile.mkdtemp(prefix="extract-train-"))
    try:
        to_docbin(nlp0, train).to_disk(work / "train.spacy")
        to_docbin(nlp0, dev).to_disk(work / "dev.spacy")
        run = training.train_loop(make_config(arch, seed, max_steps, eval_frequency), work / "train.spacy",
                                  work / "dev.spacy", out_dir, max_minutes, emit)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best, history, last, stopped_by = run["best"], run["history"], run["last"], run["stopped_by"]

    final = spacy.load(out_dir)
    report = {
        "label": LABEL,
        "spacy_version": spacy.__version__,
        "seed": seed,
        "arch": asdict(arch),
        "max_steps": max_steps, "max_minutes": max_minutes, "eval_frequency": eval_frequency,
        "stopped_by": stopped_by, "steps_run": last.get("step"), "minutes_run": last.get("minutes"),
        "best": {k: v for k, v in best.items() if k != "score"},
        "data": data_stats,
        "dev": {"from": dev_from, "sentences": len(dev), "persons": sum(len(s.spans) for s in dev),
                "score": evaluate_model_on(final, dev)},
        "train_sentences_with_repeats": len(train),
        "history": history,
        "eval": {},
    }
    if evaluate and train_sets is None:
        for name, rel in EVAL_SETS.items():
            if (data_dir / rel).exists():
                report["eval"][name] = evaluate_model(final, data_dir / rel)
                emit(f"{name}: {report['eval'][name]}")
    meta = json.loads((out_dir / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="persons_zh", version="1.0.0",
                description="Chinese person names (PER), character tokens; see TRAINING.md")
    write_model_card(out_dir, meta, {k: v for k, v in report.items() if k != "history"}, training_md(report))
    return report


def evaluate_model_on(nlp, sentences: Sequence[Sentence]) -> dict:
    pred = [[(e.start_char, e.end_char) for e in doc.ents if e.label_ == LABEL]
            for doc in nlp.pipe([s.text for s in sentences], batch_size=EVAL_BATCH)]
    return score_spans([s.spans for s in sentences], pred)


def write_model_card(out_dir: Path, meta: dict, training: dict, md: str) -> None:
    """A trained model's ``meta.json`` (``meta`` with ``extract_training``) and ``TRAINING.md``."""
    meta["extract_training"] = training
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    (out_dir / "TRAINING.md").write_text(md, encoding="utf-8")


def data_rows(data: dict, held_key: str, held_as: str, dropped: bool = True) -> list[str]:
    """The rows of a TRAINING.md's training-data table: per set its file, license, sentences (with
    those held out, ``held_key`` → "(+N held out for ``held_as``)"), persons, characters, repeats
    (and sentences dropped as inconsistent)."""
    rows = []
    for name, d in data.items():
        held = f" (+{d[held_key]} held out for {held_as})" if d.get(held_key) else ""
        row = (f"| {name} | `{d['file']}` | {d['license']} | {d['sentences']}{held} | {d['persons']} | "
               f"{d['chars']} | ×{d['repeat']} |")
        rows.append(row + (f" {d.get('dropped_inconsistent', 0)} |" if dropped else ""))
    return rows


def training_md(r: dict) -> str:
    a = r["arch"]
    lines = [
        "# persons_zh — how this model was made",
        "",
        "spaCy pipeline `tok2vec` + `ner` over one token per character (`spacy.blank(\"zh\")`);",
        "one label, `PER`. Made by `extract.persons.train.train_persons` (`extract train persons --out DIR`).",
        "",
        ("- features per character: NORM, PREFIX, SUFFIX, SHAPE and TAG — the part of speech of the jieba "
         "word the character sits in and its place there (`nr_B`, `v_S`; tokenizer `extract.zh_char_words.v1` "
         "in `persons/zh_chars.py`, rjieba with jieba's own dictionary)"
         + (f", and LEMMA — the jieba word itself ({a.get('word_identity_rows')} rows)" if a.get("word_identity_rows") else "")
         if a.get("word_feature") else "- features per character: NORM, PREFIX, SUFFIX, SHAPE (spaCy `char` segmenter)"),
        f"- spaCy {r['spacy_version']}, seed {r['seed']}, "
        f"tok2vec HashEmbedCNN width {a['width']} depth {a['depth']} (rows {a['embed_rows']}), "
        f"ner hidden width {a['hidden_width']}, dropout {a['dropout']}, Adam lr {a['learn_rate']} "
        f"with weight averaging, batches of {a['batch_start']}→{a['batch_stop']} characters",
        f"- stop: max_steps {r['max_steps']}, max_minutes {r['max_minutes']} → stopped by "
        f"{r['stopped_by']} after {r['steps_run']} steps / {r['minutes_run']} min; "
        f"best dev checkpoint at step {r['best'].get('step')}",
        "- labels brought to People's Daily conventions outside People's Daily: trailing titles cut "
        "(陈小姐 → 陈), untagged lone surname before a title (先生, 局长, 老师, …) tagged; sentences whose gold tags a name "
        "and leaves another occurrence untagged, or whose PER span ends in an office (经理, 书记), dropped.",
        "",
        "## Training data (never People's Daily test or MSRA test)",
        "",
        "| set | file | license as stated | sentences | persons | chars | repeat | dropped |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += data_rows(r["data"], "held_out_for_dev", "dev")
    lines += [
        "",
        f"{r['train_sentences_with_repeats']} training sentences per epoch with repeats. These sets are "
        "academic research data without redistribution licenses; judge the terms before shipping "
        "the model commercially.",
        "",
        "## Scores (exact character spans, PER)",
        "",
        "| set | P | R | F1 | gold | chars/s |",
        "|---|---|---|---|---|---|",
        f"| dev ({r['dev']['sentences']} held-out {r['dev']['from']} sentences) | {r['dev']['score']['p']} | "
        f"{r['dev']['score']['r']} | {r['dev']['score']['f1']} | {r['dev']['score']['gold']} | |",
    ]
    for name, e in r["eval"].items():
        lines.append(f"| {name} | {e['p']} | {e['r']} | {e['f1']} | {e['gold']} | {e['chars_per_s']} |")
    lines += ["", "chars/s: `nlp.pipe` on the machine that trained, as measured during evaluation.", ""]
    return "\n".join(lines)
