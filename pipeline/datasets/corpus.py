"""A corpus of real policies with gold annotation: read it, place it in the documents, check it.

A corpus folder holds::

    docs/<id>.<ext>        the policies, as found (.txt, .md, .html)
    sources.jsonl          one record per document: id, lang, format, pair (its translation), licence, ...
    gold/<id>.jsonl        the gold units of each document, in document order
    gold-second/<id>.jsonl a blind second annotation of some documents (agreement only)

A gold unit is one JSON object per line::

    {"kind": "C", "text": "We keep server logs for 90 days.", "start": 812, "end": 844,
     "labels": ["data_retention"], "attributes": {"retention": [{"value": "P90D", "applies_to": "server logs"}]}}

``kind`` is ``H`` (heading), ``C`` (clause), ``I`` (first clause of a list
item, marker included), ``i`` (a further clause of the same item), ``T`` (the
header row of a table) or ``B`` (page furniture: navigation, footers,
banners, tables of contents, front matter). ``level`` is the heading depth (title 0, sections 1, ...) or the
list depth. ``text`` is the unit as the document shows it (for HTML, the
visible text); ``start``/``end`` are offsets into the decoded file, filled in
by :func:`align_units`, so ``text_raw`` of a clause the pipeline finds is
comparable with them. ``attributes`` follow data/labeled/attributes/README.md;
data/real/GUIDE.md is the annotation guide.
Every visible character of a document belongs to exactly one unit.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from ..attributes import ATTRIBUTE_FAMILIES
from ..attributes.vocabulary import (
    DATA_TYPES,
    LAWS,
    PURPOSES,
    RECIPIENTS,
    RIGHTS,
    SECURITY_MEASURES,
    TRANSFER_MECHANISMS,
)
from ..config import CATEGORIES
from ..ingest.files import read_document
from ..records import Document
from ..classify.features import ORDER_COLUMNS
from .gold_tsv import gold_labeled_rows
from .labeled import LABELED_COLUMNS
from ..text.chars import is_blank

UNIT_KINDS = ("H", "C", "I", "i", "T", "B")
CLAUSE_KINDS = ("C", "I", "i")
#: Codes a family's items may take, where the family is a list of codes.
CODE_FAMILIES = {
    "rights": RIGHTS,
    "data_types": DATA_TYPES,
    "recipients": RECIPIENTS,
    "purposes": PURPOSES,
    "laws": LAWS,
    "transfer_mechanisms": TRANSFER_MECHANISMS,
    "security_measures": SECURITY_MEASURES,
}
RETENTION_WORDS = ("indefinite", "as_long_as_necessary", "legal_requirement", "account_lifetime")
DEADLINE_BOUNDS = ("request_response", "breach_notification", "change_notice", "other")
CONTACT_KINDS = ("email", "phone", "dpo", "address")
GOLD_DIR_NAME = "gold"
SECOND_GOLD_DIR_NAME = "gold-second"
_ISO_DURATION_RE = re.compile(r"P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?")
_FIELD_ORDER = ("kind", "level", "start", "end", "text", "labels", "attributes", "note")


class GoldError(ValueError):
    """A gold file that does not follow the format or does not match its document; the message says where."""


@dataclass
class CorpusUnit:
    """One gold unit of a document; ``start``/``end`` are offsets into the decoded file (-1 before alignment)."""

    kind: str
    text: str
    level: int | None = None
    labels: tuple[str, ...] = ()
    attributes: dict = field(default_factory=dict)
    start: int = -1
    end: int = -1
    note: str | None = None

    @property
    def is_heading(self) -> bool:
        return self.kind == "H"

    @property
    def is_clause(self) -> bool:
        return self.kind in CLAUSE_KINDS

    def to_json(self) -> str:
        record = {key: value for key, value in asdict(self).items() if value not in (None, (), {}) or key in ("start", "end")}
        if "labels" in record:
            record["labels"] = list(record["labels"])
        return json.dumps({key: record[key] for key in _FIELD_ORDER if key in record}, ensure_ascii=False)


@dataclass(frozen=True)
class CorpusDocument:
    """A document of a corpus: its source record, its decoded text and view, and its gold units."""

    doc_id: str
    lang: str
    format: str
    pair: str | None
    path: Path
    document: Document
    units: list[CorpusUnit]

    @property
    def group(self) -> str:
        """The cross-validation group: a document and its translation share one."""
        return min(self.doc_id, self.pair) if self.pair else self.doc_id

    @property
    def clauses(self) -> list[CorpusUnit]:
        return [unit for unit in self.units if unit.is_clause]


def read_units(path: str | Path) -> list[CorpusUnit]:
    """Read the units of one gold JSONL file and check each on its own (kinds, labels, attribute codes)."""
    units = []
    problems = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}:{number}: not JSON: {error}") from error
        unknown = set(record) - set(_FIELD_ORDER)
        if unknown or not isinstance(record, dict):
            raise GoldError(f"{path}:{number}: unknown fields {sorted(unknown)}; allowed: {list(_FIELD_ORDER)}")
        unit = CorpusUnit(
            kind=record.get("kind", ""),
            text=record.get("text", ""),
            level=record.get("level"),
            labels=tuple(record.get("labels") or ()),
            attributes=record.get("attributes") or {},
            start=record.get("start", -1),
            end=record.get("end", -1),
            note=record.get("note"),
        )
        problems += [f"{path}:{number}: {problem}" for problem in unit_problems(unit)]
        units.append(unit)
    if problems:
        raise GoldError("\n".join(problems[:20]) + (f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""))
    return units


def unit_problems(unit: CorpusUnit) -> list[str]:
    """What is wrong with one unit taken alone (an empty list when nothing is)."""
    problems = []
    if unit.kind not in UNIT_KINDS:
        return [f"kind {unit.kind!r} is not one of {UNIT_KINDS}"]
    if not isinstance(unit.text, str) or all(is_blank(ch) for ch in unit.text):
        problems.append("text is empty")
    if unit.level is not None and (not isinstance(unit.level, int) or unit.level < 0):
        problems.append(f"level {unit.level!r} is not a whole number >= 0")
    if unit.kind in ("H", "I") and unit.level is None:
        problems.append(f"a {unit.kind} unit needs a level")
    if unit.is_clause:
        if not unit.labels:
            problems.append("a clause needs at least one category")
        problems += [f"unknown category {label!r}" for label in unit.labels if label not in CATEGORIES]
        problems += attribute_problems(unit.attributes, unit.text)
    elif unit.labels or unit.attributes:
        problems.append(f"a {unit.kind} unit takes no labels or attributes")
    return problems


def attribute_problems(attributes: dict, text: str) -> list[str]:
    """Unknown families and codes, malformed items, and quoted values that are not in the clause text."""
    if not isinstance(attributes, dict):
        return ["attributes must be an object of families"]
    problems = [f"unknown attribute family {family!r}" for family in attributes if family not in ATTRIBUTE_FAMILIES]
    for family, items in attributes.items():
        if family not in ATTRIBUTE_FAMILIES:
            continue
        if not isinstance(items, list) or not items:
            problems.append(f"{family}: must be a non-empty list (leave the family out when the clause says nothing for it)")
            continue
        for item in items:
            problems += [f"{family}: {problem}" for problem in _item_problems(family, item, text)]
    return problems


def _item_problems(family: str, item, text: str) -> list[str]:
    if family in CODE_FAMILIES:
        return [] if item in CODE_FAMILIES[family] else [f"unknown code {item!r}"]
    if family == "age_threshold":
        return [] if isinstance(item, int) and 0 < item < 100 else [f"{item!r} is not an age"]
    if not isinstance(item, dict):
        return [f"{item!r} must be an object"]
    if family in ("retention", "deadlines"):
        problems = [] if _is_period(item.get("value")) else [f"value {item.get('value')!r} is not an ISO-8601 duration, a range or one of {RETENTION_WORDS}"]
        if family == "retention":
            subject = item.get("applies_to")
            if subject is not None and subject not in text:
                problems.append(f"applies_to {subject!r} is not a substring of the clause")
            return problems + _extra_keys(item, {"value", "applies_to"})
        if item.get("bound") not in DEADLINE_BOUNDS:
            problems.append(f"bound {item.get('bound')!r} is not one of {DEADLINE_BOUNDS}")
        return problems + _extra_keys(item, {"value", "bound"})
    if family == "contacts":
        problems = [] if item.get("kind") in CONTACT_KINDS else [f"kind {item.get('kind')!r} is not one of {CONTACT_KINDS}"]
        if not isinstance(item.get("value"), str) or item["value"] not in text:
            problems.append(f"value {item.get('value')!r} is not a substring of the clause")
        return problems + _extra_keys(item, {"kind", "value"})
    return [f"no check for family {family!r}"]


def _extra_keys(item: dict, allowed: set[str]) -> list[str]:
    return [f"unknown key {key!r}" for key in item if key not in allowed]


def _is_period(value) -> bool:
    if value in RETENTION_WORDS:
        return True
    if not isinstance(value, str):
        return False
    return all(_is_iso_duration(part) for part in value.split("..")) and value.count("..") <= 1


def _is_iso_duration(value: str) -> bool:
    return bool(_ISO_DURATION_RE.fullmatch(value)) and value not in ("P", "PT")


def align_units(units: list[CorpusUnit], document: Document, name: str = "gold") -> list[CorpusUnit]:
    """Place every unit in the document: set ``start``/``end`` (decoded-file offsets) and ``text`` (the exact view slice).

    Units are matched in order on their visible characters: whitespace is
    free, every other character of the view must belong to exactly one unit,
    in order. A :class:`GoldError` names the first unit that does not match
    and shows what the document has there instead.
    """
    view = document.view
    visible = [i for i, ch in enumerate(view) if not is_blank(ch)]
    cursor = 0
    aligned = []
    for number, unit in enumerate(units, 1):
        wanted = [ch for ch in unit.text if not is_blank(ch)]
        if not wanted:
            raise GoldError(f"{name}: unit {number} has no visible text")
        found = "".join(view[i] for i in visible[cursor : cursor + len(wanted)])
        if found != "".join(wanted):
            at = next((k for k, (a, b) in enumerate(zip(found, wanted)) if a != b), min(len(found), len(wanted)))
            position = visible[min(cursor + at, len(visible) - 1)] if visible else 0
            raise GoldError(
                f"{name}: unit {number} ({unit.text[:50]!r}) does not match the document at its "
                f"visible character {at + 1}: the document reads {view[max(position - 30, 0):position]!r} + "
                f"{view[position:position + 40]!r} there (the second part is where they differ)"
            )
        view_start, view_end = visible[cursor], visible[cursor + len(wanted) - 1] + 1
        start, end = document.to_text_span(view_start, view_end)
        aligned.append(
            CorpusUnit(unit.kind, view[view_start:view_end], unit.level, unit.labels, unit.attributes, start, end, unit.note)
        )
        cursor += len(wanted)
    if cursor < len(visible):
        rest = visible[cursor]
        raise GoldError(f"{name}: the document goes on after the last unit: {view[rest:rest + 60]!r}")
    return aligned


def write_units(units: list[CorpusUnit], path: str | Path) -> None:
    """Write gold units as JSONL, one unit per line."""
    Path(path).write_text("".join(unit.to_json() + "\n" for unit in units), encoding="utf-8")


def read_sources(corpus_dir: str | Path) -> dict[str, dict]:
    """The source records of a corpus by document id."""
    path = Path(corpus_dir) / "sources.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{corpus_dir}: no sources.jsonl (one record per document: id, lang, format, pair)")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {record["id"]: record for record in records}


def document_path(corpus_dir: str | Path, doc_id: str) -> Path:
    """The policy file of a document id under ``docs/``."""
    matches = sorted((Path(corpus_dir) / "docs").glob(f"{doc_id}.*"))
    if len(matches) != 1:
        raise FileNotFoundError(f"{corpus_dir}/docs: expected one file named {doc_id}.*, found {len(matches)}")
    return matches[0]


def load_corpus(corpus_dir: str | Path, gold_dir_name: str = GOLD_DIR_NAME, require_gold: bool = True) -> list[CorpusDocument]:
    """Every document of a corpus with its aligned gold units, in id order.

    With ``require_gold`` a document without a gold file is an error;
    otherwise it is left out (as with ``gold-second/``, which covers some
    documents only).
    """
    corpus_dir = Path(corpus_dir)
    documents = []
    for doc_id, record in sorted(read_sources(corpus_dir).items()):
        gold_path = corpus_dir / gold_dir_name / f"{doc_id}.jsonl"
        if not gold_path.is_file():
            if require_gold:
                raise GoldError(f"{gold_path}: missing; every document of the corpus needs gold")
            continue
        path = document_path(corpus_dir, doc_id)
        document = read_document(path, corpus_dir / "docs")
        units = align_units(read_units(gold_path), document, str(gold_path))
        documents.append(CorpusDocument(doc_id, record["lang"], record["format"], record.get("pair"), path, document, units))
    return documents


def unit_counts(units: list[CorpusUnit]) -> dict[str, object]:
    """How many units of each kind, and clauses per category: a summary to eyeball a gold file."""
    kinds = Counter(unit.kind for unit in units)
    labels = Counter(label for unit in units if unit.is_clause for label in unit.labels)
    families = Counter(family for unit in units if unit.is_clause for family in unit.attributes)
    return {"kinds": dict(kinds), "labels": dict(labels.most_common()), "attribute_families": dict(families.most_common())}


def check_file(gold_path: str | Path, doc_path: str | Path) -> dict[str, object]:
    """Read, check and align one gold file against its policy; rewrite it with offsets filled in."""
    document = read_document(doc_path, Path(doc_path).parent)
    units = align_units(read_units(gold_path), document, str(gold_path))
    write_units(units, gold_path)
    return unit_counts(units)


def _main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.datasets.corpus view DOC`` prints what annotators segment; ``check GOLD DOC`` aligns a gold file."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == "view":
        sys.stdout.write(read_document(args[1], Path(args[1]).parent).view)
        return 0
    if len(args) == 3 and args[0] == "check":
        try:
            counts = check_file(args[1], args[2])
        except GoldError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(json.dumps(counts, ensure_ascii=False, indent=1))
        return 0
    print("usage: python -m pipeline.datasets.corpus view DOC | check GOLD.jsonl DOC", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main())


#: The ``source`` of a corpus document's clauses starts with this, then the document's cross-validation group.
CORPUS_SOURCE_PREFIX = "real:"
#: Columns of :func:`corpus_frame` beyond the labeled-corpus columns.
CORPUS_COLUMNS = ("doc_id", "doc_lang", "format", "group", "start", "end", "attributes")


def corpus_frame(documents: list[CorpusDocument]) -> pd.DataFrame:
    """One row per gold clause: the labeled-corpus columns plus where the clause is and its gold attributes.

    ``section_path`` and ``lead_in`` come from the gold headings and list
    structure, as the pipeline derives them from its own; ``source`` is
    ``real:`` and the document's cross-validation group, so a policy and its
    translation always fall in the same fold.
    """
    rows = []
    for doc in documents:
        units = [unit for unit in doc.units if unit.kind not in ("B", "T")]
        clauses = [unit for unit in units if unit.is_clause]
        labeled = gold_labeled_rows(units, CORPUS_SOURCE_PREFIX + doc.group)
        for unit, row in zip(clauses, labeled):
            rows.append({**row, "doc_id": doc.doc_id, "doc_lang": doc.lang, "format": doc.format, "group": doc.group,
                         "start": unit.start, "end": unit.end, "attributes": unit.attributes})
    return pd.DataFrame(rows, columns=[*LABELED_COLUMNS, *ORDER_COLUMNS, *CORPUS_COLUMNS])
