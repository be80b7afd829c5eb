"""Extract the text of a DOCX policy with python-docx: headings from styles, list items from numbering.

python-docx reads the document body in order, paragraphs and tables, with
each paragraph's style and numbering properties; it is an optional extra:
``pip install "policy-clauses[docx]"``.

- **Headings**: paragraphs styled ``Title`` (level 0) or ``Heading N``
  (level N), and short paragraphs that are all bold and do not end like a
  sentence (one level below the deepest styled heading seen so far).
- **List items**: paragraphs with numbering (``w:numPr``, on the paragraph
  or its style) at depth ``ilvl + 1``. Word draws the bullet or number;
  it is not in the text, so none is invented.
- **Tables**: one line per row, its cells as ``| a | b |``, the way a
  Markdown table reads.
- **Page headers and footers** of each section are appended to the
  extracted text after a form feed, so that they are recorded, and kept
  out of the view; the count is in the manifest notes.

Offsets point into the extracted text: one paragraph per line, a soft line
break inside a paragraph kept as ``\\n``.
"""

from __future__ import annotations

import io
import re

from .extracted import ExtractedText, TextBuilder

_HEADING_STYLE_RE = re.compile(r"(?i)^heading\s*(\d)$")
DEFAULT_BOLD_HEADING_MAX_WORDS = 12


def extract_docx(data: bytes) -> ExtractedText:
    """The text of a DOCX file, its view and hints (see the module docstring); ValueError for one that cannot be read.

    English and Thai examples are in ``tests/test_pdf_docx.py``, which builds
    its documents with python-docx.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise ValueError(f"not a readable DOCX document ({type(error).__name__}: {error})") from error
    builder = TextBuilder()
    deepest_heading = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = [_cell_text(cell) for cell in _unique_cells(row)]
                if any(cells):
                    builder.add("| " + " | ".join(cells) + " |")
                    builder.add("\n")
            continue
        text = block.text
        if not text.strip():
            builder.add(text, view=None)
            builder.add("\n")
            continue
        heading = _heading_level(block, deepest_heading)
        item = _list_depth(block) if heading is None else None
        if heading is not None:
            builder.hint("heading", heading)
            deepest_heading = max(deepest_heading, heading)
        elif item is not None:
            builder.hint("item", item)
        builder.add(text)
        builder.add("\n")
    furniture = _add_headers_and_footers(document, builder)
    notes = ["text extracted from DOCX: offsets point into the extracted text"]
    if furniture:
        notes.append(f"{furniture} page header/footer line{'s' * (furniture != 1)} kept out of the clauses")
    return builder.build(notes, furniture)


def _unique_cells(row) -> list:
    """The cells of a table row, a cell merged across columns counted once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_text(cell) -> str:
    return " ".join(paragraph.text.strip() for paragraph in cell.paragraphs if paragraph.text.strip()).replace("|", "/")


def _heading_level(paragraph, deepest: int) -> int | None:
    style = paragraph.style
    while style is not None:
        name = style.name or ""
        if name.lower() == "title":
            return 0
        match = _HEADING_STYLE_RE.match(name)
        if match:
            return int(match.group(1))
        style = style.base_style
    text = paragraph.text.strip()
    runs = [run for run in paragraph.runs if run.text.strip()]
    if (runs and all(run.bold or (run.bold is None and _style_bold(paragraph)) for run in runs)
            and len(text.split()) <= DEFAULT_BOLD_HEADING_MAX_WORDS and text[-1] not in ".;,:"):
        return deepest + 1 if deepest else 1
    return None


def _style_bold(paragraph) -> bool:
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _list_depth(paragraph) -> int | None:
    """1 + the numbering level of a numbered or bulleted paragraph, None for other paragraphs."""
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    style = paragraph.style
    while numbering is None and style is not None:
        style_properties = style.element.pPr
        numbering = style_properties.numPr if style_properties is not None else None
        style = style.base_style
    if numbering is None or (numbering.numId is not None and numbering.numId.val == 0):
        return None  # numId 0 switches numbering off
    level = numbering.ilvl.val if numbering.ilvl is not None else 0
    return int(level) + 1


def _add_headers_and_footers(document, builder: TextBuilder) -> int:
    """Append the page header and footer text of every section, outside the view; return how many lines."""
    lines = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if part is None or part.is_linked_to_previous:
                continue
            lines += [paragraph.text for paragraph in part.paragraphs if paragraph.text.strip()]
    if lines:
        builder.add("\f" + "\n".join(lines) + "\n", view=None)
    return len(lines)
