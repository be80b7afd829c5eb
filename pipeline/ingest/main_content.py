"""Main content of an HTML page: which extracted lines are the policy and which are page furniture.

Engines are looked up by name in :data:`MAIN_CONTENT_ENGINES`; each takes the
extracted page (:class:`pipeline.ingest.html_text.HtmlText`) and returns the
furniture lines (line index -> reason). Whatever the engine, the text and its
offsets are this package's own: an engine only decides, line by line, so
``text_raw == source[char_start:char_end]`` holds and nothing is dropped.

- ``rules`` (the default): the page's structure and what lines say
  (:func:`pipeline.ingest.furniture.html_furniture`).
- ``trafilatura``: a line is content when trafilatura's main-text extraction
  (``pip install "policy-clauses[html]"``) keeps its text. Measured on the
  real pages of data/real it loses policy text the rules keep (README,
  "HTML main content"), so it is an option for pages the rules do not know.

:func:`html_block_hints` turns the decision, the tables, bold title lines and
``<br>`` breaks into the hints :func:`pipeline.ingest.structure.detect_blocks` reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .furniture import html_furniture
from .html_text import HtmlText
from .markdown import DEFAULT_BOLD_TITLE_MAX_CHARS, DEFAULT_BOLD_TITLE_MAX_WORDS
from .tables import html_table_hints

Engine = Callable[[HtmlText], dict[int, str]]


def _trafilatura(extracted: HtmlText) -> dict[int, str]:
    from .extractor_vote import trafilatura_furniture

    return trafilatura_furniture(extracted)


#: Main-content engines by name; each adapter imports its library only when called.
MAIN_CONTENT_ENGINES: dict[str, Engine] = {"rules": html_furniture, "trafilatura": _trafilatura}
DEFAULT_MAIN_CONTENT = "rules"
_TITLE_END = ".;,:!?"


def get_main_content_engine(name: str) -> Engine:
    """The main-content engine called ``name``, or a clear error naming the known ones."""
    try:
        return MAIN_CONTENT_ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown main-content engine {name!r}; known: {sorted(MAIN_CONTENT_ENGINES)}") from None


def html_block_hints(extracted: HtmlText, engine: str = DEFAULT_MAIN_CONTENT) -> tuple[dict[int, tuple[str, int]], dict[int, int]]:
    """Hints (line start -> kind, level) and run-in title ends (line start -> view offset) for an extracted page.

    >>> page = extract_html_text("<nav><a href='/'>Home</a></nav><main><p><b>Purpose:</b> We use it.</p>"
    ...                          "<p><strong>ระยะเวลาการเก็บรักษา</strong></p><p>เราเก็บข้อมูลไว้ 90 วัน</p></main>")
    >>> hints, run_in = html_block_hints(page)
    >>> sorted(hints.values()), list(run_in.values())
    ([('bold_title', 0), ('furniture', 0)], [14])
    """
    furniture = get_main_content_engine(engine)(extracted)
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
