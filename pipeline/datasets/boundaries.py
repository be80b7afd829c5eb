"""Paragraphs with their gold clause boundaries: the training and test data of the boundary model.

Every gold source of the project gives paragraphs as the segmenter sees them
(the body of a paragraph or list item that ingest found, in one language)
and the offsets where a gold unit starts inside them:

- the real-policy corpus (``data/real``: gold JSONL with exact offsets);
- the hand-made gold segmentations of the seeds (``data/labeled/segmentation``)
  and of the dev policies (``data/dev/segmentation``), TSV files placed in
  their policies;
- the written clauses (``data/labeled/written/*.csv``), one clause a row:
  consecutive rows of one policy section are joined with a space into
  paragraphs of a few clauses, so that each row's end is a known boundary and
  each space inside a row a known non-boundary. List items (rows with a
  lead-in) stay alone.

A gold unit of any kind counts: where ingest left a heading or page furniture
inside a paragraph, the segmenter is right to start a new unit there.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..config import DEFAULT_DEV_GOLD_DIR, DEFAULT_GOLD_SEGMENTATION_DIR, DEFAULT_INPUT_DIR, DEFAULT_REAL_CORPUS_DIR
from ..ingest.files import HTML_SUFFIXES, read_document
from ..records import Document
from ..segment.thai import SUBORDINATORS
from ..text.language import THAI, detect_language
from .corpus import load_corpus
from .gold_tsv import align_gold, read_gold

#: The dev policies the gold TSV files of ``DEFAULT_DEV_GOLD_DIR`` describe.
DEFAULT_DEV_RAW_DIR = DEFAULT_DEV_GOLD_DIR.parent / "raw"
DEFAULT_WRITTEN_DIR = Path("data/labeled/written")
#: Sizes of the runs of consecutive gold clauses joined into paragraphs.
DEFAULT_JOIN_SIZES = (3,)
DEFAULT_WRITTEN_SIZES = (2,)


@dataclass(frozen=True)
class GoldParagraph:
    """One paragraph (or list item body) and the offsets in it where a gold unit starts (0 excluded)."""

    text: str
    starts: tuple[int, ...]
    is_item: bool
    source: str
    group: str
    doc_id: str
    format: str


def document_paragraphs(
    document: Document, unit_starts: Iterable[int], lang: str, source: str, group: str, fmt: str
) -> list[GoldParagraph]:
    """The paragraphs of ``lang`` in a parsed document, with the gold unit starts (decoded-text offsets) inside each."""
    view_starts = sorted(_to_view(document, unit_starts))
    paragraphs = []
    for block in document.blocks:
        if block.kind == "heading":
            continue
        text = document.view[block.body_start:block.end]
        if detect_language(text) != lang:
            continue
        inside = tuple(start - block.body_start for start in view_starts if block.body_start < start < block.end)
        paragraphs.append(GoldParagraph(text, inside, block.kind == "item", source, group, document.doc_id, fmt))
    return paragraphs


def _to_view(document: Document, offsets: Iterable[int]) -> list[int]:
    if document.view_to_text is None:
        return list(offsets)
    first_view_of = {}
    for view_index, text_index in enumerate(document.view_to_text):
        first_view_of.setdefault(text_index, view_index)
    return [first_view_of[offset] for offset in offsets if offset in first_view_of]


def corpus_paragraphs(corpus_dir: str | Path = DEFAULT_REAL_CORPUS_DIR, lang: str = THAI, joined: bool = False) -> list[GoldParagraph]:
    """The paragraphs of ``lang`` in every document of a real-policy corpus; a document's group is its translation pair's.

    With ``joined``, also paragraphs made of consecutive gold clauses of each
    document (:func:`joined_paragraphs`), in the document's group.
    """
    paragraphs = []
    for doc in load_corpus(corpus_dir):
        starts = [unit.start for unit in doc.units]
        paragraphs += document_paragraphs(doc.document, starts, lang, f"real:{doc.doc_id}", doc.group, doc.format)
        if joined:
            texts = [unit.text for unit in doc.units if unit.kind == "C"]
            paragraphs += joined_paragraphs(texts, lang, f"joined:{doc.doc_id}", doc.group, doc.format)
    return paragraphs


def joined_paragraphs(clauses: list[str], lang: str, source: str, group: str, fmt: str,
                      sizes: tuple[int, ...] = DEFAULT_JOIN_SIZES) -> list[GoldParagraph]:
    """Consecutive one-line clauses of ``lang`` joined by a space, every run of each size: each join a known boundary.

    Real paragraphs hold a few statements each; most gold clauses stand alone
    in their paragraph, so joining neighbours shows the model many more
    statement-to-statement boundaries in the same wording. A clause that ends
    with a condition ("... หากท่านร้องขอ") is never followed by another:
    annotators who met "X หาก Y Z" in one paragraph mostly gave the condition
    to Z (data/real/GUIDE.md, section 3), so such a join would teach the
    opposite of the gold.

    >>> [(p.text, p.starts) for p in joined_paragraphs(["เราเก็บชื่อ", "เราลบข้อมูล", "ท่านขอได้"], "th", "x", "x", "md", (2,))]
    [('เราเก็บชื่อ เราลบข้อมูล', (12,)), ('เราลบข้อมูล ท่านขอได้', (12,))]
    >>> [p.text for p in joined_paragraphs(["เราลบข้อมูล หากท่านร้องขอ", "เราเก็บชื่อ"], "th", "x", "x", "md", (2,))]
    []
    """
    texts = [" ".join(text.split()) for text in clauses if "\n" not in text.strip() and detect_language(text) == lang]
    paragraphs = []
    for size in sizes:
        for first in range(0, len(texts) - size + 1):
            run = texts[first:first + size]
            if any(_TRAILING_CONDITION_RE.search(text) for text in run[:-1]):
                continue
            starts, offset = [], 0
            for text in run[:-1]:
                offset += len(text) + 1
                starts.append(offset)
            paragraphs.append(GoldParagraph(" ".join(run), tuple(starts), False, source, group, source.rsplit(":", 1)[-1], fmt))
    return paragraphs


#: A Thai clause that ends with a condition: one of the last three chunks opens with a subordinator.
_TRAILING_CONDITION_RE = re.compile(r"\s(?:%s)\S*(?:\s+\S+){0,2}$" % "|".join(SUBORDINATORS + ("แม้", "เว้นแต่", "ยกเว้น")))


def tsv_paragraphs(raw_dir: str | Path, gold_dir: str | Path, lang: str = THAI, prefix: str = "gold",
                   joined: bool = False) -> list[GoldParagraph]:
    """The paragraphs of ``lang`` in the policies that gold TSV files describe (seeds, dev policies)."""
    raw_dir, gold_dir = Path(raw_dir), Path(gold_dir)
    paragraphs = []
    for gold_path in sorted(gold_dir.glob("*.tsv")):
        matches = sorted(p for p in raw_dir.glob(gold_path.stem + ".*") if p.is_file())
        if not matches:
            raise FileNotFoundError(f"{gold_path}: no policy named {gold_path.stem}.* in {raw_dir}")
        document = read_document(matches[0], raw_dir)
        html = matches[0].suffix in HTML_SUFFIXES
        units = align_gold(read_gold(gold_path), document.text, str(gold_path), markup=html)
        source = f"{prefix}:{gold_path.stem}"
        fmt = "html" if html else matches[0].suffix.lstrip(".")
        paragraphs += document_paragraphs(document, [unit.start for unit in units], lang, source, source, fmt)
        if joined:
            texts = [unit.text for unit in units if unit.kind == "C"]
            paragraphs += joined_paragraphs(texts, lang, f"joined:{gold_path.stem}", source, fmt)
    return paragraphs


def written_paragraphs(paths: Iterable[str | Path], lang: str = THAI, sizes: tuple[int, ...] = DEFAULT_WRITTEN_SIZES) -> list[GoldParagraph]:
    """Paragraphs made of written clauses, one row a clause: list items alone, other rows joined as :func:`joined_paragraphs`.

    Rows with a lead-in are list items: their spaces are known non-boundaries.
    The other rows of each source (one written policy) are joined in runs.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "th_x.csv"
    >>> _ = path.write_text("text,lang,labels,section_path,lead_in,source\\n"
    ...                     "บริษัทเก็บชื่อ,th,other,A,,w\\nบริษัทลบข้อมูล,th,other,B,,w\\nเพื่อติดต่อ,th,other,A,ดังนี้,w\\n", encoding="utf-8")
    >>> [(p.text, p.starts, p.is_item) for p in written_paragraphs([path], sizes=(2,))]
    [('เพื่อติดต่อ', (), True), ('บริษัทเก็บชื่อ บริษัทลบข้อมูล', (15,), False)]
    """
    paragraphs = []
    for path in paths:
        path = Path(path)
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row.get("lang") == lang and row.get("text", "").strip()]
        by_source: dict[str, list[str]] = {}
        for row in rows:
            source = f"written:{path.stem}:{row['source']}"
            text = " ".join(row["text"].split())
            if (row.get("lead_in") or "").strip():
                paragraphs.append(GoldParagraph(text, (), True, source, source, path.stem, "csv"))
            else:
                by_source.setdefault(source, []).append(text)
        for source, texts in by_source.items():
            joined = joined_paragraphs(texts, lang, source, source, "csv", sizes)
            paragraphs += [GoldParagraph(p.text, p.starts, False, source, source, path.stem, "csv") for p in joined]
    return paragraphs


def training_paragraphs(
    lang: str = THAI,
    corpus_dir: str | Path | None = DEFAULT_REAL_CORPUS_DIR,
    gold_sets: Iterable[tuple[str | Path, str | Path, str]] = (
        (DEFAULT_INPUT_DIR, DEFAULT_GOLD_SEGMENTATION_DIR, "seed"),
        (DEFAULT_DEV_RAW_DIR, DEFAULT_DEV_GOLD_DIR, "dev"),
    ),
    written_dir: str | Path | None = DEFAULT_WRITTEN_DIR,
    joined: bool = True,
) -> list[GoldParagraph]:
    """Every gold paragraph of ``lang`` the project has: real corpus, seeds, dev policies, written clauses."""
    paragraphs = corpus_paragraphs(corpus_dir, lang, joined) if corpus_dir is not None else []
    for raw_dir, gold_dir, prefix in gold_sets:
        paragraphs += tsv_paragraphs(raw_dir, gold_dir, lang, prefix, joined)
    if written_dir is not None:
        paragraphs += written_paragraphs(sorted(Path(written_dir).glob(f"{lang}_*.csv")), lang)
    return paragraphs
