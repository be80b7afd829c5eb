"""A well-kept extractor as the judge of main content: trafilatura decides which extracted lines are the policy.

trafilatura (Barbaresi, ACL 2021) reads the page with its own parser and
returns the main text; its output has no offsets into the source. So it only
votes: each line of :func:`pipeline.ingest.html_text.extract_html_text` is
content when its words are found, in order, in trafilatura's text, and
furniture otherwise. The text and offsets stay this package's own.
"""

from __future__ import annotations

import re

from .html_text import HtmlText

#: A short line ("Home") is content only when found close after the previous content line; a long one anywhere after it.
DEFAULT_SHORT_LINE_CHARS = 25
DEFAULT_SHORT_LINE_REACH = 400
_SPACE_RE = re.compile(r"\s+")


def trafilatura_furniture(extracted: HtmlText) -> dict[int, str]:
    """Line index -> ``"not main content"`` for every line trafilatura leaves out of the main text."""
    try:
        import trafilatura
    except ImportError:
        raise ImportError('the trafilatura main-content engine needs trafilatura: pip install "policy-clauses[html]"') from None

    main = trafilatura.extract(
        extracted.source, include_comments=False, include_tables=True, include_links=False, include_images=False,
        favor_recall=True, deduplicate=False, output_format="txt",
    ) or ""
    compact = _SPACE_RE.sub("", main)
    furniture = {}
    cursor = 0
    for index, line in enumerate(extracted.lines):
        text = _SPACE_RE.sub("", extracted.view[line.start:line.end])
        if not text:
            continue
        found = compact.find(text, cursor)
        near = found >= 0 and (len(text) >= DEFAULT_SHORT_LINE_CHARS or found - cursor <= DEFAULT_SHORT_LINE_REACH)
        if near:
            cursor = found + len(text)
        else:
            furniture[index] = "not main content"
    return furniture

