"""Hand-made gold segmentations: read them, place them in the text, score against them.

A gold file is a TSV with one unit per line, in document order, no header::

    kind <TAB> level <TAB> labels <TAB> text

``kind`` is ``H`` (heading), ``C`` (paragraph clause), ``I`` (first clause of
a list item, marker included) or ``i`` (a further clause of the same item);
``level`` is the heading depth or list depth; ``labels`` are category ids
joined by ``|``; ``text`` is copied exactly from the policy, with a line
break inside a unit written as ``\n`` (and a carriage return as ``\r``). The same files
give the labeled clauses of the seed policies, with their heading path and
list lead-in.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..classify.features import document_order
from ..text.language import detect_language
from ..ingest.structure import strip_list_marker
from ..text.chars import is_blank

GOLD_KINDS = ("H", "C", "I", "i")
_MARKUP_RE = re.compile(
    r"<(script|style|head)\b.*?</\1\s*>|<!--.*?-->|<!DOCTYPE[^>]*>|<[^>]*>|&(?:nbsp|#160|#xa0);", re.S | re.I
)


@dataclass(frozen=True)
class GoldUnit:
    """One row of a gold file, with its place in the policy once aligned."""

    kind: str
    level: int | None
    labels: tuple[str, ...]
    text: str
    start: int = -1
    end: int = -1

    @property
    def is_heading(self) -> bool:
        return self.kind == "H"


class GoldFormatError(ValueError):
    """A gold file that does not follow the format or does not match its policy."""


def read_gold(path: str | Path) -> list[GoldUnit]:
    """Read the units of a gold TSV file."""
    units = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) != 4 or row[0] not in GOLD_KINDS:
                raise GoldFormatError(f"{path}:{number}: expected kind, level, labels, text; got {row!r}")
            kind, level, labels, text = row
            text = text.replace("\\n", "\n").replace("\\r", "\r")
            units.append(
                GoldUnit(kind, int(level) if level else None, tuple(filter(None, labels.split("|"))), text)
            )
    return units


def align_gold(units: list[GoldUnit], text: str, name: str = "gold", markup: bool = False) -> list[GoldUnit]:
    """Give each unit its offsets in ``text``; fail if anything visible is skipped.

    With ``markup`` (HTML sources) tags, scripts, styles and entities between
    units are not visible text.
    """
    aligned = []
    cursor = 0
    for unit in units:
        start = text.find(unit.text, cursor)
        if start < 0:
            raise GoldFormatError(f"{name}: unit not found after offset {cursor}: {unit.text[:60]!r}")
        gap = text[cursor:start]
        if markup:
            gap = _MARKUP_RE.sub(" ", gap)
        if not all(is_blank(ch) for ch in gap):
            raise GoldFormatError(f"{name}: text before {unit.text[:40]!r} is in no unit: {gap[:60]!r}")
        aligned.append(GoldUnit(unit.kind, unit.level, unit.labels, unit.text, start, start + len(unit.text)))
        cursor = start + len(unit.text)
    tail = _MARKUP_RE.sub(" ", text[cursor:]) if markup else text[cursor:]
    if not all(is_blank(ch) for ch in tail):
        raise GoldFormatError(f"{name}: text after the last unit is in no unit: {text[cursor:cursor + 60]!r}")
    return aligned


def gold_labeled_rows(units: list[GoldUnit], source: str) -> list[dict[str, str]]:
    """The clauses of a gold file as labeled-corpus rows, with heading path, lead-in and place in the policy."""
    rows = []
    stack: list[tuple[int, str]] = []
    last_paragraph: str | None = None
    item_lead_ins: dict[int, str | None] = {}
    for unit in units:
        if unit.is_heading:
            level = unit.level or 0
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, strip_list_marker(unit.text).strip()))
            last_paragraph = None
            item_lead_ins.clear()
            continue
        lead_in = None
        if unit.kind in ("I", "i"):
            depth = unit.level or 1
            if unit.kind == "I" and depth not in item_lead_ins:
                item_lead_ins[depth] = last_paragraph
            lead_in = item_lead_ins.get(depth)
            for deeper in [d for d in item_lead_ins if d > depth]:
                del item_lead_ins[deeper]
            last_paragraph = unit.text
        else:
            item_lead_ins.clear()
            last_paragraph = unit.text
        rows.append(
            {
                "text": unit.text,
                "lang": detect_language(unit.text),
                "labels": "|".join(unit.labels),
                "section_path": " > ".join(text for _, text in stack),
                "lead_in": lead_in or "",
                "source": source,
            }
        )
    order = document_order([row["text"] for row in rows])
    for i, row in enumerate(rows):
        row.update({column: values[i] for column, values in order.items()})
    return rows

