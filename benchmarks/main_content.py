"""Compare the main-content engines on the real HTML pages of data/real (gold `B` units are furniture).

Per document and engine: furniture lines caught and missed, content lines
lost (policy lines taken for furniture), boilerplate clauses (predicted
clauses over no gold clause) and clause-level F1 (exact spans). Writes
benchmarks/results/main_content.json and prints a table.

    python benchmarks/main_content.py [--corpus data/real] [--engines rules trafilatura]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.datasets.corpus import load_corpus
from pipeline.ingest.files import parse_document
from pipeline.ingest.html_text import extract_html_text
from pipeline.segment.clauses import segment_clauses

RESULTS = Path(__file__).parent / "results" / "main_content.json"


def score_document(doc, engine: str) -> dict[str, object]:
    extracted = extract_html_text(doc.document.text)
    document = parse_document(doc.document.text.encode("utf-8"), str(doc.path), doc.doc_id, is_html=True, main_content=engine)
    # What became furniture in the end: the engine's lines and the tables of contents found afterwards.
    furniture_blocks = [(block.start, block.end) for block in document.blocks if block.kind == "furniture"]
    gold_furniture = [(unit.start, unit.end) for unit in doc.units if unit.kind == "B"]
    caught = missed = lost = 0
    for line in extracted.lines:
        start, end = extracted.view_to_text[line.start], extracted.view_to_text[line.end - 1] + 1
        is_furniture = any(a <= start and end <= b for a, b in gold_furniture)
        predicted = any(a <= line.start and line.end <= b for a, b in furniture_blocks)
        caught += is_furniture and predicted
        missed += is_furniture and not predicted
        lost += predicted and not is_furniture
    clauses, _ = segment_clauses(document)
    predicted_spans = {document.to_text_span(clause.start, clause.end) for clause in clauses}
    gold_spans = {(unit.start, unit.end) for unit in doc.clauses}
    exact = len(predicted_spans & gold_spans)
    boilerplate = sum(not any(a < e and s < b for a, b in gold_spans) for s, e in predicted_spans)
    return {
        "furniture_caught": caught, "furniture_missed": missed, "content_lost": lost,
        "boilerplate_clauses": boilerplate, "exact": exact, "predicted": len(predicted_spans), "gold": len(gold_spans),
        "clause_f1": round(2 * exact / (len(predicted_spans) + len(gold_spans)), 3) if predicted_spans or gold_spans else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="data/real")
    parser.add_argument("--engines", nargs="+", default=["rules", "trafilatura"])
    args = parser.parse_args()
    documents = [doc for doc in load_corpus(args.corpus) if doc.format == "html"]
    results: dict[str, dict] = {engine: {} for engine in args.engines}
    for engine in args.engines:
        for doc in documents:
            results[engine][doc.doc_id] = score_document(doc, engine)
        for lang in ("en", "th"):
            rows = [results[engine][doc.doc_id] for doc in documents if doc.lang == lang]
            exact, predicted, gold = (sum(row[key] for row in rows) for key in ("exact", "predicted", "gold"))
            results[engine][f"all {lang}"] = {
                **{key: sum(row[key] for row in rows) for key in ("furniture_caught", "furniture_missed", "content_lost", "boilerplate_clauses")},
                "exact": exact, "predicted": predicted, "gold": gold, "clause_f1": round(2 * exact / (predicted + gold), 3),
            }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    header = "| document | " + " | ".join(f"{engine}: caught / missed / lost / boilerplate / clause F1" for engine in args.engines) + " |"
    print(header)
    print("|" + " --- |" * (1 + len(args.engines)))
    for key in results[args.engines[0]]:
        cells = [results[engine][key] for engine in args.engines]
        print(f"| {key} | " + " | ".join(
            f"{c['furniture_caught']} / {c['furniture_missed']} / {c['content_lost']} / {c['boilerplate_clauses']} / {c['clause_f1']:.3f}"
            for c in cells) + " |")


if __name__ == "__main__":
    main()
