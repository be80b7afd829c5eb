"""Tables: one clause per data row, the header row as the context of every row.

A retention schedule is a table, and its rows are statements only with their
header: ``Server logs | 90 days`` under ``Data | Retention period`` says that
server logs are kept for 90 days. So a table's header row becomes a block of
kind ``table_header`` (never a heading, never a clause), each data row one
block of kind ``row`` (never split into sentences), and the header text is
the ``lead_in`` of every row (:func:`pipeline.segment.clauses.segment_clauses`).

- HTML (:func:`html_table_hints`): rows of ``<th>`` cells or of ``<thead>``
  are the header; a row's cells, lists and paragraphs inside them included,
  are one block. A table that lays out a page (with headings or other tables
  in its cells) is read as ordinary text.
- Markdown (:func:`markdown_table_hints`): a pipe table's first row and its
  delimiter row (``|---|:---:|``) are the header; rows may go on over lines
  that end in ``\\`` (a hard break inside a cell). Pipe rows with no
  delimiter row are rows without a header.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .html_text import HtmlText, extract_html_text  # noqa: F401 (the doctest uses it)

#: A cell this long, a heading or a table inside a cell: the table lays out the page rather than holding data.
DEFAULT_LAYOUT_CELL_CHARS = 3000

DELIMITER_ROW_RE = re.compile(r"\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*|\|\s*:?-{1,}:?\s*\|")
_PIPE_SPLIT_RE = re.compile(r"(?<!\\)\|")


def html_table_hints(extracted: HtmlText, skip: set[int] = frozenset()) -> dict[int, tuple[str, int]]:
    """Hints for the lines of the data tables of a page: line index -> ``("table_header" | "row" | "join", table)``.

    ``skip`` holds lines already decided otherwise (furniture).

    >>> page = extract_html_text("<table><tr><th>Data</th><th>Retention period</th></tr>"
    ...                          "<tr><td>Server logs</td><td>90 days</td></tr></table>")
    >>> [(page.view[line.start:line.end], hint) for line, hint in zip(page.lines, html_table_hints(page).values())]
    [('Data', ('table_header', 1)), ('Retention period', ('join', 1)), ('Server logs', ('row', 1)), ('90 days', ('join', 1))]
    """
    tables: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(extracted.lines):
        if line.cell is not None and index not in skip:
            tables[line.cell[0]].append(index)
    hints: dict[int, tuple[str, int]] = {}
    for table, indexes in tables.items():
        if _lays_out_page(extracted, indexes):
            continue
        previous_row = None
        header_rows_open = True
        for index in indexes:
            _, row, _, is_header = extracted.lines[index].cell
            if row == previous_row:
                hints[index] = ("join", table)
                if not is_header and hints[_row_start(hints, index)][0] == "table_header":
                    hints[_row_start(hints, index)] = ("row", table)  # a data cell in the row: a row with a label cell
                continue
            previous_row = row
            header = is_header and header_rows_open
            header_rows_open = header
            hints[index] = ("table_header" if header else "row", table)
    return hints


def _row_start(hints: dict[int, tuple[str, int]], index: int) -> int:
    while hints[index][0] == "join":
        index -= 1
    return index


def _lays_out_page(extracted: HtmlText, indexes: list[int]) -> bool:
    for index in indexes:
        line = extracted.lines[index]
        if line.start in extracted.hints and extracted.hints[line.start][0] == "heading":
            return True
        if sum(element.tag == "table" for element in line.path) > 1 or line.end - line.start > DEFAULT_LAYOUT_CELL_CHARS:
            return True
    return False


def is_pipe_row(line: str) -> bool:
    """True for a Markdown table row written with pipes (``| Server logs | 90 days |``).

    >>> is_pipe_row("| Server logs | 90 days |"), is_pipe_row("| ข้อมูล | ระยะเวลา"), is_pipe_row("a | b")
    (True, True, False)
    """
    stripped = line.strip()
    return stripped.startswith("|") and len(_PIPE_SPLIT_RE.findall(stripped)) >= 2


def markdown_table_hints(view: str, spans: list[tuple[int, int]]) -> dict[int, tuple[str, int]]:
    """Hints for the pipe tables of a Markdown text: line start -> ``("table_header" | "row" | "join", table)``.

    >>> text = "| Data | Period |\\n|---|---|\\n| Logs | 90 days |\\n"
    >>> from pipeline.text.chars import line_spans
    >>> sorted(markdown_table_hints(text, line_spans(text)).values())
    [('join', 1), ('row', 1), ('table_header', 1)]
    """
    hints: dict[int, tuple[str, int]] = {}
    table = 0
    i = 0
    while i < len(spans):
        line = view[spans[i][0]:spans[i][1]]
        header = i + 1 < len(spans) and "|" in line and DELIMITER_ROW_RE.fullmatch(view[spans[i + 1][0]:spans[i + 1][1]].strip()) is not None
        if not header and not is_pipe_row(line):
            i += 1
            continue
        table += 1
        if header:
            hints[spans[i][0]] = ("table_header", table)
            hints[spans[i + 1][0]] = ("join", table)
            i += 2
        while i < len(spans) and (is_pipe_row(view[spans[i][0]:spans[i][1]]) or (header and "|" in view[spans[i][0]:spans[i][1]])):
            hints[spans[i][0]] = ("row", table)
            # A row goes on over lines that end in a hard break ("\") until one closes it with a pipe.
            while view[spans[i][1] - 1] == "\\" and i + 1 < len(spans) and _same_paragraph(view, spans[i], spans[i + 1]):
                i += 1
                hints[spans[i][0]] = ("join", table)
            i += 1
    return hints


def _same_paragraph(view: str, span: tuple[int, int], following: tuple[int, int]) -> bool:
    return view.count("\n", span[1], following[0]) <= 1


def row_cells(text: str) -> list[str]:
    """The cells of a row's text: pipe-separated for Markdown, one per line for HTML; empty cells and delimiter cells dropped.

    >>> row_cells("| Server logs | 90 days |")
    ['Server logs', '90 days']
    >>> row_cells("ล็อกของเซิร์ฟเวอร์\\n90 วัน")
    ['ล็อกของเซิร์ฟเวอร์', '90 วัน']
    >>> row_cells("| Purpose | Description |\\n|:---|:---|")
    ['Purpose', 'Description']
    """
    stripped = text.strip()
    if stripped.startswith("|"):
        pieces = _PIPE_SPLIT_RE.split(stripped.replace("\\\n", " "))
    else:
        pieces = stripped.split("\n")
    cells = [piece.strip().rstrip("\\").strip() for piece in pieces]
    return [cell for cell in cells if cell and not re.fullmatch(r":?-+:?", cell)]
