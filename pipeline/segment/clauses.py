"""Segment: split the blocks of a document into clauses, with their context.

Headings become context (the ``section_path`` of the clauses under them);
each paragraph and list item is split into clauses by the segmenter of its
language, looked up by name in :data:`SEGMENTERS`. The clauses of a block
partition it: every visible character of the block lands in exactly one
clause, list markers included. A table row is one clause whose ``lead_in`` is
its table's header; furniture and table headers are neither clauses nor
context, and are returned beside the headings (``Heading.kind``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..text.language import ENGLISH, THAI, UNDETERMINED, detect_language
from ..records import Block, Clause, Document, Heading
from ..text.chars import trim_span
from ..text.normalize import heading_text, snap_cuts, table_row_text

#: Block kinds that are neither clauses nor headings (recorded beside the headings).
RECORDED_KINDS = ("furniture", "table_header")

Cutter = Callable[[list[str]], list[list[int]]]


def _english(texts: list[str]) -> list[list[int]]:
    from .english import english_cuts

    return english_cuts(texts)


def _thai(texts: list[str]) -> list[list[int]]:
    from .thai import thai_cuts

    return thai_cuts(texts)


#: Clause segmenters by language; each adapter imports its library when called.
SEGMENTERS: dict[str, Cutter] = {ENGLISH: _english, THAI: _thai, UNDETERMINED: _english}


def get_segmenter(lang: str) -> Cutter:
    """Return the clause segmenter for a language code, or raise a clear error."""
    try:
        return SEGMENTERS[lang]
    except KeyError:
        raise ValueError(f"no clause segmenter for language {lang!r}; known: {sorted(SEGMENTERS)}") from None


def segment_clauses(document: Document) -> tuple[list[Clause], list[Heading]]:
    """Split a structured document into clauses and headings.

    >>> from pipeline.ingest.files import parse_document
    >>> doc = parse_document(b"Sharing\\nWe may share data with:\\n- Processors\\n", "p.txt", "p.txt")
    >>> clauses, headings = segment_clauses(doc)
    >>> [(doc.view[c.start:c.end], c.section_path, c.lead_in) for c in clauses]
    [('We may share data with:', ('Sharing',), None), ('- Processors', ('Sharing',), 'We may share data with:')]
    """
    view = document.view
    block_langs = [detect_language(view[b.body_start:b.end]) for b in document.blocks]
    cuts = _cut_blocks(view, document.blocks, block_langs)

    clauses: list[Clause] = []
    headings: list[Heading] = []
    stack: list[tuple[int, str]] = []
    last_clause_text: dict[int, str] = {}
    table_headers: dict[int, str] = {}
    for position, block in enumerate(document.blocks):
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, heading_text(view[block.body_start:block.end])))
            headings.append(Heading(document.doc_id, block.start, block.end, block.level, block_langs[position]))
            continue
        if block.kind in RECORDED_KINDS:
            if block.kind == "table_header":
                table_headers[block.level] = table_row_text(view[block.start:block.end], block_langs[position], " | ")
            headings.append(Heading(document.doc_id, block.start, block.end, block.level, block_langs[position], block.kind))
            continue
        if block.kind == "row":
            lead_in = table_headers.get(block.level)
        else:
            lead_in = _lead_in(document.blocks, position, last_clause_text) if block.kind == "item" else None
        bounds = [block.start, *cuts[position], block.end]
        for start, end in zip(bounds, bounds[1:]):
            start, end = trim_span(view, start, end)
            if start == end:
                continue
            body_start = block.body_start if start == block.start else start
            lang = detect_language(view[body_start:end])
            clauses.append(
                Clause(
                    doc_id=document.doc_id,
                    index=len(clauses),
                    start=start,
                    end=end,
                    body_start=body_start,
                    lang=lang,
                    section_path=tuple(text for _, text in stack),
                    lead_in=lead_in,
                    is_item=block.kind == "item",
                    kind=block.kind,
                )
            )
            last_clause_text[position] = view[body_start:end]
    return clauses, headings


def _cut_blocks(view: str, blocks: list[Block], langs: list[str]) -> list[list[int]]:
    """Clause starts inside each block, in view offsets, one batch per language."""
    cuts: list[list[int]] = [[] for _ in blocks]
    for lang in sorted(set(langs)):
        positions = [i for i, b in enumerate(blocks) if b.kind in ("paragraph", "item") and b.keep_until < b.end and langs[i] == lang]
        if not positions:
            continue
        texts = [view[blocks[i].body_start:blocks[i].end] for i in positions]
        for i, relative in zip(positions, get_segmenter(lang)(texts)):
            # No boundary inside a run-in title ("**Purpose:** We use ..."): it belongs to its sentence.
            cuts[i] = snap_cuts(view, [blocks[i].body_start + cut for cut in relative if blocks[i].body_start + cut > blocks[i].keep_until], blocks[i].end)
    return cuts


def _lead_in(blocks: list[Block], position: int, last_clause_text: dict[int, str]) -> str | None:
    """The sentence that introduces the list an item belongs to, if any."""
    depth = blocks[position].level
    for earlier in range(position - 1, -1, -1):
        block = blocks[earlier]
        if block.kind == "heading":
            return None
        if block.kind == "item" and block.level >= depth:
            continue
        return last_clause_text.get(earlier)
    return None
