"""Compare two ways of telling page furniture from policy text on the real HTML pages of data/real (gold `B` units).

- ``rules``: the shipped decision (:func:`pipeline.ingest.furniture.html_furniture`);
- ``trafilatura``: a well-kept main-text extractor (Barbaresi, ACL 2021) used
  only as a judge: each line of the page's extracted text is content when
  the in-order alignment of the page's lines with trafilatura's text places
  it inside a line trafilatura keeps (:func:`align_lines`). Text and offsets
  stay the pipeline's own. Needs ``pip install trafilatura lxml_html_clean``.

Per document and approach: furniture lines caught and missed, content lines
lost (policy lines, headings included, taken for furniture), boilerplate
clauses (predicted clauses over no gold clause) and clause-level F1 (exact
spans). Writes benchmarks/results/main_content.json and prints a table.

    python benchmarks/main_content.py [--corpus data/real] [--engines rules trafilatura]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from pipeline.datasets.corpus import load_corpus
from pipeline.ingest.furniture import html_furniture
from pipeline.ingest.html_text import HtmlText, extract_html_text
from pipeline.ingest.main_content import html_block_hints
from pipeline.ingest.structure import detect_blocks
from pipeline.records import Document
from pipeline.segment.clauses import segment_clauses

RESULTS = Path(__file__).parent / "results" / "main_content.json"


_SPACE_RE = re.compile(r"\s+")


def trafilatura_furniture(extracted: HtmlText) -> dict[int, str]:
    """Line index -> ``"not main content"`` for every line trafilatura leaves out of the main text.

    The page's lines are aligned with the lines of trafilatura's text in order
    (:func:`align_lines`): a line is content when the alignment places it
    inside one of trafilatura's lines.
    """
    try:
        import trafilatura
    except ImportError:
        raise SystemExit("the trafilatura side of this benchmark needs: pip install trafilatura lxml_html_clean") from None

    main = trafilatura.extract(
        extracted.source, include_comments=False, include_tables=True, include_links=False, include_images=False,
        favor_recall=True, deduplicate=False, output_format="txt",
    ) or ""
    texts = [_SPACE_RE.sub("", extracted.view[line.start:line.end]) for line in extracted.lines]
    kept = [line for line in (_SPACE_RE.sub("", line) for line in main.splitlines()) if line]
    matched = align_lines(texts, kept)
    return {index: "not main content" for index, text in enumerate(texts) if text and index not in matched}


def align_lines(lines: list[str], kept: list[str]) -> set[int]:
    """Indexes of ``lines`` placed inside ``kept`` lines by the in-order alignment that covers the most characters.

    Several lines may fall in one kept line (the cells of a table row); a
    heading that reappears far below is not pulled there, because the
    alignment keeps the order of both texts.

    >>> sorted(align_lines(["Home", "Privacy", "We keep logs.", "Home"], ["Privacy", "We keep logs.Home"]))
    [1, 2, 3]
    """
    rows, columns = len(lines), len(kept)
    best = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        line = lines[i - 1]
        previous, current = best[i - 1], best[i]
        for j in range(1, columns + 1):
            value = max(current[j - 1], previous[j])
            if line and line in kept[j - 1]:
                value = max(value, previous[j] + len(line))
            current[j] = value
    matched = set()
    i, j = rows, columns
    while i > 0 and j > 0:
        line = lines[i - 1]
        if line and line in kept[j - 1] and best[i][j] == best[i - 1][j] + len(line):
            matched.add(i - 1)
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            i -= 1
    return matched


ENGINES = {"rules": html_furniture, "trafilatura": trafilatura_furniture}


def score_document(doc, engine: str) -> dict[str, object]:
    extracted = extract_html_text(doc.document.text)
    hints, run_in = html_block_hints(extracted, ENGINES[engine](extracted))
    document = Document(doc.doc_id, str(doc.path), "", "utf-8", doc.document.text, extracted.view, extracted.view_to_text,
                        detect_blocks(extracted.view, hints, run_in, wrapped=False))
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
