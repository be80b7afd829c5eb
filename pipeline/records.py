"""Typed records passed between the stages.

Offsets are character offsets. A :class:`Document` keeps the decoded file text
(``text``) and the text that structure and segmentation read (``view``). They
are the same string for plain text and Markdown; for HTML the view is the
visible text and ``view_to_text`` maps each view character to its position
in ``text``, so that clause offsets always point into the decoded file. For
PDF and DOCX, ``text`` is the extracted text (there is no character stream
in the file to point into) and offsets point into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One structural unit of a document, in view coordinates.

    ``kind`` is ``"heading"``, ``"item"``, ``"paragraph"``, ``"row"`` (a data
    row of a table), ``"table_header"`` (its header row) or ``"furniture"``
    (page furniture: menus, banners, footers, front matter; neither clause nor
    heading). ``level`` is the heading rank (0 for a title, 1 for a top
    section, ...), the list depth (1 for a top-level item) or, for table
    rows and headers, the number of their table in the document.
    ``body_start`` is where the text after a list marker or section number
    begins (``start`` when there is none). No clause boundary falls before
    ``keep_until`` (a run-in title, a table row, an address: -1 for none).
    """

    kind: str
    start: int
    end: int
    level: int = 0
    body_start: int = -1
    keep_until: int = -1

    def __post_init__(self) -> None:
        if self.body_start < 0:
            object.__setattr__(self, "body_start", self.start)


@dataclass
class Document:
    """A decoded policy file and its recovered structure.

    ``format`` is how the file was read (``text``, ``markdown``, ``html``,
    ``pdf``, ``docx``); ``encoding_method`` how its encoding was chosen
    (:mod:`pipeline.ingest.encoding`, or ``extracted``); ``text_source`` is
    ``file`` when ``text`` is the decoded file and ``extracted`` when it is
    the text a PDF or DOCX extractor produced (offsets then point into that);
    ``notes`` are remarks for the run manifest (bytes replaced, furniture
    left out).
    """

    doc_id: str
    source_path: str
    sha256: str
    encoding: str
    text: str
    view: str
    view_to_text: list[int] | None = None
    blocks: list[Block] = field(default_factory=list)
    format: str = "text"
    encoding_method: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    text_source: str = "file"

    def to_text_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty ``[start, end)`` span of the view to the decoded text."""
        if self.view_to_text is None:
            return start, end
        return self.view_to_text[start], self.view_to_text[end - 1] + 1


@dataclass(frozen=True)
class Clause:
    """One clause: a span of a document with its context, in view coordinates."""

    doc_id: str
    index: int
    start: int
    end: int
    body_start: int
    lang: str
    section_path: tuple[str, ...]
    lead_in: str | None
    is_item: bool
    kind: str = "paragraph"  # the kind of its block: paragraph, item or row


@dataclass(frozen=True)
class Heading:
    """A heading line, kept as context and reported beside the clauses; also what is neither clause nor heading.

    ``kind`` is ``"heading"``, ``"table_header"`` (a table's header row) or
    ``"furniture"`` (page furniture), so that every visible character of a
    document is in a clause or in one of these.
    """

    doc_id: str
    start: int
    end: int
    level: int
    lang: str
    kind: str = "heading"


@dataclass(frozen=True)
class Failure:
    """A file that could not be processed, and why."""

    source_path: str
    error: str
    message: str
