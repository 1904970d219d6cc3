"""Stage 5 — from per-article results to table rows: run-level person linking, then one dict per row.

Rows are ordered by article id and position, so a re-run on the same input gives identical tables.
"""
from __future__ import annotations

from .model import ArticleResult
from .persons import add_run_aliases, link_persons


def build(results: list[ArticleResult]) -> dict[str, list[dict]]:
    results = sorted(results, key=lambda r: r.article_id)
    mentions = add_run_aliases([(r.article_id, r.sentences, r.mentions) for r in results])
    id_of, person_rows = link_persons((r.article_id, r.language, mentions[r.article_id]) for r in results)
    names = {p.person_id: p.name for p in person_rows}
    t: dict[str, list[dict]] = {n: [] for n in ("articles", "lines", "sentences", "tokens", "mentions", "persons",
                                                "dates", "events")}
    for r in results:
        aid = r.article_id
        t["articles"].append({
            "article_id": aid, "path": r.path, "status": r.status, "error": r.error, "language": r.language,
            "script": r.script, "title": r.title, "published": r.published, "reference_date": r.reference_date,
            "encoding": r.encoding, "opencc_config": r.opencc_config, "n_chars": r.n_chars,
            "n_lines": len(r.lines), "n_content_lines": sum(ln.label == "content" for ln in r.lines),
            "content_hash": r.content_hash,
        })
        for ln in r.lines:
            t["lines"].append({"article_id": aid, "line_no": ln.line_no, "text": ln.text, "label": ln.label,
                               "reason": ln.reason, "language": ln.language, "script": ln.script})
        for s in r.sentences:
            t["sentences"].append({"article_id": aid, "sentence_id": s.sentence_id, "text": s.text,
                                   "char_start": s.char_start, "char_end": s.char_end, "line_no": s.line_no,
                                   "label": s.label})
        for tok in r.tokens:
            t["tokens"].append({"article_id": aid, "sentence_id": tok.sentence_id, "token_id": tok.token_id,
                                "text": tok.text, "char_start": tok.char_start, "char_end": tok.char_end,
                                "pos": tok.pos})
        for m in mentions[r.article_id]:
            t["mentions"].append({"article_id": aid, "sentence_id": m.sentence_id, "text": m.text,
                                  "char_start": m.char_start, "char_end": m.char_end,
                                  "person_id": id_of[(aid, m.person_key)], "source": m.source})
        for d in r.dates:
            t["dates"].append({"article_id": aid, "sentence_id": d.sentence_id, "text": d.text,
                               "char_start": d.char_start, "char_end": d.char_end, "value": d.value,
                               "type": d.type, "relative": d.relative, "anchor": d.anchor})
        for e in r.events:
            pids = [id_of[(aid, k)] for k in e.person_keys if (aid, k) in id_of]
            t["events"].append({"article_id": aid, "event_id": e.event_id, "type": e.type, "person_ids": pids,
                                "org": e.org, "role": e.role, "date": e.date, "trigger": e.trigger,
                                "sentence_id": e.sentence_id, "evidence": e.evidence,
                                "persons": [names[p] for p in pids]})
    for p in person_rows:
        t["persons"].append({"person_id": p.person_id, "name": p.name, "aliases": p.aliases,
                             "n_mentions": p.n_mentions, "n_articles": p.n_articles, "languages": p.languages,
                             "link_evidence": p.link_evidence})
    return t
