"""Markdown (and BBCode) structure that the plain-text rules cannot see.

Read off the lines of a ``.md`` file (or any text that uses the same marks)
before headings, items and paragraphs are resolved:

- front matter (``---`` YAML ``---`` at the top), kramdown attribute lines
  (``{: #cookies }``), HTML comments (``<!-- ... -->``) and horizontal rules
  (``---``, ``***``) are furniture: metadata and layout, not text;
- a setext heading (a line underlined with ``===`` or ``---``) is a heading
  whose underline belongs to it;
- pipe tables are a header and rows (:mod:`pipeline.ingest.tables`);
- a line that is bold and nothing else (``**Cookies**``, ``[B]คุกกี้[/B]``)
  stands alone as a title: it is a heading when content follows it.

Hints map the offset where a line starts to ``(kind, level)``, as those of
:mod:`pipeline.ingest.html_text`.
"""

from __future__ import annotations

import re

from ..text.chars import line_spans
from .tables import markdown_table_hints

FRONT_MATTER_FENCES = ("---", "+++")
#: Lines the front matter may take before its closing fence; further than that it is a rule, not front matter.
DEFAULT_MAX_FRONT_MATTER_LINES = 80
KRAMDOWN_ATTRIBUTES_RE = re.compile(r"\{:[^}]*\}")
THEMATIC_BREAK_RE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
SETEXT_RE = {1: re.compile(r"=+"), 2: re.compile(r"-+")}
#: A whole line in bold: **Title**, __Title__, ***Title***, [B]Title[/B] (BBCode, any case, nested size/color tags).
BOLD_LINE_RE = re.compile(
    r"(?P<open>\*\*\*?|__)(?P<text>[^*_].*?)(?P=open)\\?"
    r"|(?:\[(?:size|color|font)=[^\]]*\])*\[[Bb]\](?P<bb>.+?)\[/[Bb]\](?:\[/(?:size|color|font)\])*"
)
_TITLE_END = ".;,:!?"
DEFAULT_BOLD_TITLE_MAX_WORDS = 14
DEFAULT_BOLD_TITLE_MAX_CHARS = 100


def markdown_hints(view: str) -> dict[int, tuple[str, int]]:
    """Hints for the Markdown marks of a text: line start -> ``(kind, level)``.

    >>> text = "---\\ntitle: Privacy\\n---\\n# Privacy\\n{: #top }\\nWe keep logs.\\n"
    >>> [(text[start:].split("\\n")[0], hint) for start, hint in sorted(markdown_hints(text).items())]
    [('---', ('furniture', 0)), ('title: Privacy', ('furniture', 0)), ('---', ('furniture', 0)), ('{: #top }', ('furniture', 0))]
    >>> text = "**ข้อมูลที่เราเก็บ**\\nเราเก็บชื่อและอีเมลของท่าน\\n"
    >>> markdown_hints(text)
    {0: ('bold_title', 0)}
    """
    spans = line_spans(view)
    hints: dict[int, tuple[str, int]] = {}
    first_content = _front_matter(view, spans, hints)
    hints.update(markdown_table_hints(view, spans[first_content:]))
    in_comment = False
    for i in range(first_content, len(spans)):
        start, end = spans[i]
        if start in hints:
            continue
        line = view[start:end]
        if in_comment or line.startswith("<!--"):
            hints[start] = ("furniture", 0)
            in_comment = "-->" not in line[4:] if not in_comment else "-->" not in line
            continue
        if KRAMDOWN_ATTRIBUTES_RE.fullmatch(line):
            hints[start] = ("furniture", 0)
            continue
        previous = spans[i - 1] if i > first_content else None
        underlined = previous is not None and view.count("\n", previous[1], start) == 1 and previous[0] not in hints
        level = next((level for level, pattern in SETEXT_RE.items() if pattern.fullmatch(line)), None)
        if level is not None and underlined and _setext_title(view[previous[0]:previous[1]]):
            hints[previous[0]] = ("heading", level)
            hints[start] = ("join", 0)
            continue
        if previous is not None and line in ("**", "***", "__") and view[previous[0]:previous[1]].startswith(line) \
                and view[previous[1] - 1] == "\\" and underlined:
            hints[previous[0]] = ("bold_title", 0)  # "***Woo Services\\" + "***": a bold title over two lines
            hints[start] = ("join", 0)
            continue
        if THEMATIC_BREAK_RE.fullmatch(line):
            hints[start] = ("furniture", 0)
            continue
        if is_bold_title(line):
            hints[start] = ("bold_title", 0)
    return hints


def _front_matter(view: str, spans: list[tuple[int, int]], hints: dict[int, tuple[str, int]]) -> int:
    """Mark the front matter as furniture; return the index of the first line after it."""
    if not spans or view[: spans[0][0]].strip("\ufeff \t\r\n") or view[spans[0][0]:spans[0][1]] not in FRONT_MATTER_FENCES:
        return 0
    fence = view[spans[0][0]:spans[0][1]]
    for i in range(1, min(len(spans), DEFAULT_MAX_FRONT_MATTER_LINES)):
        if view[spans[i][0]:spans[i][1]] in (fence, "..."):
            for start, _ in spans[: i + 1]:
                hints[start] = ("furniture", 0)
            return i + 1
    return 0


def _setext_title(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("-", "*", "+", "|", ">", "#")) and len(stripped.split()) <= DEFAULT_BOLD_TITLE_MAX_WORDS


def is_bold_title(line: str) -> bool:
    """True for a line that is one bold title and nothing else (not a bold sentence or lead-in).

    >>> is_bold_title("**Cookies and tracking**"), is_bold_title("[B]ข้อมูลส่วนบุคคล[/B]")
    (True, True)
    >>> is_bold_title("**Purpose:** We use it."), is_bold_title("**We never sell your data.**")
    (False, False)
    """
    match = BOLD_LINE_RE.fullmatch(line.strip())
    if match is None:
        return False
    text = (match.group("text") or match.group("bb") or "").strip().rstrip("\\").strip("*_ ")
    return (
        bool(text)
        and text[-1] not in _TITLE_END
        and len(text) <= DEFAULT_BOLD_TITLE_MAX_CHARS
        and len(text.split()) <= DEFAULT_BOLD_TITLE_MAX_WORDS
    )
