"""Main content of an HTML page: which extracted lines are the policy, and the hints that structure reads.

The decision is made line by line on the page's own extracted text
(:class:`pipeline.ingest.html_text.HtmlText`), so the text and its offsets
stay this package's own: ``text_raw == source[char_start:char_end]`` holds and
nothing is dropped, furniture is only set apart. The decision comes from the
page's structure and what lines say
(:func:`pipeline.ingest.furniture.html_furniture`). A well-kept extractor
(trafilatura) voting line by line was measured against these rules on the
real pages of data/real and lost policy text they keep
(``benchmarks/main_content.py``, README "HTML main content"), so it is not
shipped.

:func:`html_block_hints` turns the decision, the tables, bold title lines and
``<br>`` breaks into the hints :func:`pipeline.ingest.structure.detect_blocks` reads.
"""

from __future__ import annotations

import re

from .furniture import html_furniture
from .html_text import HtmlText
from .markdown import DEFAULT_BOLD_TITLE_MAX_CHARS, DEFAULT_BOLD_TITLE_MAX_WORDS
from .tables import html_table_hints

_TITLE_END = ".;,:!?"


def html_block_hints(
    extracted: HtmlText, furniture: dict[int, str] | None = None
) -> tuple[dict[int, tuple[str, int]], dict[int, int]]:
    """Hints (line start -> kind, level) and run-in title ends (line start -> view offset) for an extracted page.

    ``furniture`` (line index -> reason) overrides the rules' decision (to
    compare another one, as the benchmark does).

    >>> page = extract_html_text("<nav><a href='/'>Home</a></nav><main><p><b>Purpose:</b> We use it.</p>"
    ...                          "<p><strong>ระยะเวลาการเก็บรักษา</strong></p><p>เราเก็บข้อมูลไว้ 90 วัน</p></main>")
    >>> hints, run_in = html_block_hints(page)
    >>> sorted(hints.values()), list(run_in.values())
    ([('bold_title', 0), ('furniture', 0)], [14])
    """
    furniture = html_furniture(extracted) if furniture is None else furniture
    tables = html_table_hints(extracted, skip=set(furniture))
    view = extracted.view
    hints: dict[int, tuple[str, int]] = {}
    run_in: dict[int, int] = {}
    for index, line in enumerate(extracted.lines):
        text = view[line.start:line.end]
        if index in furniture:
            hints[line.start] = ("furniture", 0)
        elif index in tables:
            hints[line.start] = tables[index]
        elif line.start in extracted.hints:
            hints[line.start] = extracted.hints[line.start]
        elif line.chars and line.bold_chars == line.chars and _reads_as_title(text):
            hints[line.start] = ("bold_title", 0)
        elif line.chars and line.underline_chars == line.chars and _reads_as_title(text.rstrip(":")):
            hints[line.start] = ("bold_title", 0)  # underlined from end to end: a title, even one ending in a colon
        elif line.after_br:
            hints[line.start] = ("br", 0)
        if line.start <= line.lead_bold_end < line.end and line.bold_chars < line.chars:
            after = re.compile(r"\s*").match(view, line.lead_bold_end).end()
            run_in[line.start] = after
    return hints, run_in


def _reads_as_title(text: str) -> bool:
    text = text.strip()
    return bool(text) and text[-1] not in _TITLE_END and len(text) <= DEFAULT_BOLD_TITLE_MAX_CHARS and len(text.split()) <= DEFAULT_BOLD_TITLE_MAX_WORDS


from .html_text import extract_html_text  # noqa: E402,F401 (the doctest uses it)
