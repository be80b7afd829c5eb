"""Segment: split the blocks of a document into clauses, with their context.

Headings become context (the ``section_path`` of the clauses under them);
each paragraph and list item is split into clauses by the segmenter of its
language, an engine looked up by name in :data:`ENGINES` (Thai: the trained
boundary model; English: spaCy's sentencizer with policy rules). The clauses of a block
partition it: every visible character of the block lands in exactly one
clause, list markers included. A table row is one clause whose ``lead_in`` is
its table's header; furniture and table headers are neither clauses nor
context, and are returned beside the headings (``Heading.kind``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..text.language import ENGLISH, THAI, UNDETERMINED, detect_language
from ..records import Block, Clause, Document, Heading
from ..text.chars import trim_span
from ..text.normalize import heading_text, snap_cuts, table_row_text

#: Block kinds that are neither clauses nor headings (recorded beside the headings).
RECORDED_KINDS = ("furniture", "table_header")

#: A segmenter: for each text (the body of a paragraph or list item), the offsets where a new clause starts.
#: ``items`` says which texts are list items.
Cutter = Callable[..., list[list[int]]]


def _english_rules(texts: list[str], items: list[bool] | None = None) -> list[list[int]]:
    from .english import english_cuts

    return english_cuts(texts)


def _english_sentencizer(texts: list[str], items: list[bool] | None = None) -> list[list[int]]:
    from .english import sentencizer_cuts

    return sentencizer_cuts(texts)


def _thai_model(texts: list[str], items: list[bool] | None = None) -> list[list[int]]:
    from .boundary_model import thai_model_cuts

    return thai_model_cuts(texts, items)


def _thai_rules(texts: list[str], items: list[bool] | None = None) -> list[list[int]]:
    from .thai import thai_cuts

    return thai_cuts(texts)


def _thai_crfcut(texts: list[str], items: list[bool] | None = None) -> list[list[int]]:
    from .thai import crfcut_cuts

    return crfcut_cuts(texts)


#: Clause segmenters by language and engine name; each adapter imports its library when called.
#: Thai: ``model`` is the boundary model shipped in models/ (pipeline.segment.boundary_model), ``rules``
#: the rule filter over crfcut it replaced (the baseline), ``crfcut`` PyThaiNLP's crfcut alone.
#: English: ``rules`` is spaCy's sentencizer with the policy rules, ``sentencizer`` the sentencizer alone.
ENGINES: dict[str, dict[str, Cutter]] = {
    ENGLISH: {"rules": _english_rules, "sentencizer": _english_sentencizer},
    THAI: {"model": _thai_model, "rules": _thai_rules, "crfcut": _thai_crfcut},
}
ENGINES[UNDETERMINED] = ENGINES[ENGLISH]
#: The engine each language uses unless told otherwise.
DEFAULT_ENGINES = {ENGLISH: "rules", THAI: "model", UNDETERMINED: "rules"}
#: The default segmenter of each language.
SEGMENTERS: dict[str, Cutter] = {lang: ENGINES[lang][engine] for lang, engine in DEFAULT_ENGINES.items()}


def get_segmenter(lang: str, engine: str | None = None) -> Cutter:
    """Return the clause segmenter for a language code (and engine name), or raise a clear error.

    >>> get_segmenter("th", "rules")(["บริษัทเก็บชื่อของท่าน ทั้งนี้ท่านขอลบได้ทุกเมื่อ"])
    [[22]]
    """
    if lang not in ENGINES:
        raise ValueError(f"no clause segmenter for language {lang!r}; known: {sorted(SEGMENTERS)}")
    engine = engine or DEFAULT_ENGINES[lang]
    try:
        return ENGINES[lang][engine]
    except KeyError:
        raise ValueError(f"no clause segmenter {engine!r} for language {lang!r}; known: {sorted(ENGINES[lang])}") from None


def segment_clauses(document: Document, engines: Mapping[str, str | Cutter] | None = None) -> tuple[list[Clause], list[Heading]]:
    """Split a structured document into clauses and headings.

    ``engines`` chooses, per language, an engine name of :data:`ENGINES` or
    any segmenter function; the others use :data:`DEFAULT_ENGINES`.

    >>> from pipeline.ingest.files import parse_document
    >>> doc = parse_document(b"Sharing\\nWe may share data with:\\n- Processors\\n", "p.txt", "p.txt")
    >>> clauses, headings = segment_clauses(doc)
    >>> [(doc.view[c.start:c.end], c.section_path, c.lead_in) for c in clauses]
    [('We may share data with:', ('Sharing',), None), ('- Processors', ('Sharing',), 'We may share data with:')]
    """
    view = document.view
    block_langs = [detect_language(view[b.body_start:b.end]) for b in document.blocks]
    cuts = _cut_blocks(view, document.blocks, block_langs, engines or {})

    clauses: list[Clause] = []
    headings: list[Heading] = []
    stack: list[tuple[int, str]] = []
    last_clause_text: dict[int, str] = {}
    introducers = _list_introducers(document.blocks)
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
            lead_in = last_clause_text.get(introducers[position]) if introducers[position] is not None else None
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


def _cut_blocks(view: str, blocks: list[Block], langs: list[str], engines: Mapping[str, str | Cutter]) -> list[list[int]]:
    """Clause starts inside each block, in view offsets, one batch per language."""
    cuts: list[list[int]] = [[] for _ in blocks]
    for lang in sorted(set(langs)):
        positions = [i for i, b in enumerate(blocks) if b.kind in ("paragraph", "item") and b.keep_until < b.end and langs[i] == lang]
        if not positions:
            continue
        texts = [view[blocks[i].body_start:blocks[i].end] for i in positions]
        engine = engines.get(lang)
        segmenter = engine if callable(engine) else get_segmenter(lang, engine)
        for i, relative in zip(positions, segmenter(texts, [blocks[i].kind == "item" for i in positions])):
            # No boundary inside a run-in title ("**Purpose:** We use ..."): it belongs to its sentence.
            cuts[i] = snap_cuts(view, [blocks[i].body_start + cut for cut in relative if blocks[i].body_start + cut > blocks[i].keep_until], blocks[i].end)
    return cuts


def _list_introducers(blocks: list[Block]) -> list[int | None]:
    """For each list item, the position of the block that introduces its list (None after a heading or at the start).

    The introducer is the nearest earlier block that is not an item of the
    same or a deeper level; a heading introduces nothing. One pass with a
    stack of the open items' levels, so 20,000 items cost 20,000 steps.
    """
    introducers: list[int | None] = [None] * len(blocks)
    barrier: int | None = None  # the last block that is not an item
    open_items: list[tuple[int, int]] = []  # (level, position) of items after the barrier, levels rising
    for position, block in enumerate(blocks):
        if block.kind != "item":
            barrier, open_items = position, []
            continue
        while open_items and open_items[-1][0] >= block.level:
            open_items.pop()
        if open_items:
            introducers[position] = open_items[-1][1]
        elif barrier is not None and blocks[barrier].kind != "heading":
            introducers[position] = barrier
        open_items.append((block.level, position))
    return introducers
