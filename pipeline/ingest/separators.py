"""Segment separators some corpora write into their HTML: OPP-115's ``|||`` between the segments of a sanitized policy.

They are breaks, not text: each becomes a line break of the view (so that no
clause runs across it) and never reaches a clause. The characters stay in the
decoded file, so offsets still cover them.
"""

from __future__ import annotations

import re

from .html_text import HtmlText

#: The separator of OPP-115's ``sanitized_policies/*.html`` (Wilson et al., ACL 2016).
SEGMENT_SEPARATOR = "|||"
_SEPARATOR_RE = re.compile(r" *\|\|\|(?:[ |]*\|\|\|)* *")


def split_at_separators(extracted: HtmlText) -> tuple[HtmlText, int]:
    """Turn every ``|||`` of the view into a line break; return the new view and how many separators there were.

    >>> from pipeline.ingest.html_text import extract_html_text
    >>> view, count = split_at_separators(extract_html_text("Privacy Policy <br> We sell nothing. |||Cookies <br> We use cookies."))
    >>> view.view.splitlines(), count
    (['Privacy Policy', 'We sell nothing.', 'Cookies', 'We use cookies.'], 1)
    """
    view = extracted.view
    matches = list(_SEPARATOR_RE.finditer(view))
    if not matches:
        return extracted, 0
    chars: list[str] = []
    offsets: list[int] = []
    new_position: dict[int, int] = {}
    position = 0
    for match in [*matches, None]:
        stop = match.start() if match is not None else len(view)
        for old in range(position, stop):
            new_position[old] = len(chars)
            chars.append(view[old])
            offsets.append(extracted.view_to_text[old])
        if match is None:
            break
        position = match.end()
        at_line_start = not chars or chars[-1] == "\n"
        before_line_end = position >= len(view) or view[position] == "\n"
        if not at_line_start and not before_line_end:
            chars.append("\n")
            offsets.append(extracted.view_to_text[match.start()])
        elif at_line_start and not before_line_end:
            pass
        elif before_line_end and position < len(view) and at_line_start:
            position += 1  # the separator stood alone on its line: drop the line
        for old in range(match.start(), position):
            new_position[old] = len(chars)  # a hint on the separator moves to the line after it
    hints = {new_position[old]: hint for old, hint in extracted.hints.items() if old in new_position}
    count = sum(match.group().count(SEGMENT_SEPARATOR) for match in matches)
    return HtmlText("".join(chars), offsets, hints), count
