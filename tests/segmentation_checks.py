"""The invariants every segmentation must keep, shared by the property and fuzz tests."""

from __future__ import annotations

from pipeline.records import Document
from pipeline.runtime.worker import document_rows
from pipeline.segment.clauses import segment_clauses
from pipeline.text.chars import is_blank


def check_segmentation(document: Document) -> None:
    """Offsets in range and ordered, ``text_raw`` a slice of the file, no overlap, every visible character covered once."""
    text = document.text
    rows, heading_rows = document_rows(document)
    clauses, headings = segment_clauses(document)
    spans = sorted([(row["char_start"], row["char_end"]) for row in rows] + [(row["char_start"], row["char_end"]) for row in heading_rows])
    for row in [*rows, *heading_rows]:
        assert 0 <= row["char_start"] < row["char_end"] <= len(text)
        assert text[row["char_start"] : row["char_end"]] == row["text_raw"]
    assert [row["char_start"] for row in rows] == sorted(row["char_start"] for row in rows), "clauses out of order"
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start, f"overlap at {start}: {text[start:end]!r}"
    owners = [0] * len(document.view)
    for unit in [*clauses, *headings]:
        for i in range(unit.start, unit.end):
            owners[i] += 1
    uncovered = [i for i, ch in enumerate(document.view) if not is_blank(ch) and owners[i] != 1]
    assert not uncovered, f"covered {owners[uncovered[0]]} times: {document.view[uncovered[0]:uncovered[0] + 30]!r}"
