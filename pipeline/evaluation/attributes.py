"""Score the attribute extractors against the hand-written set in data/labeled/attributes.

Every family is scored per language by precision and recall over the items
of each clause: retention by its value, deadlines by value and bound,
contacts by kind and value (a DPO by its presence: "เจ้าหน้าที่คุ้มครองข้อมูล
ส่วนบุคคล (DPO)" and "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล" name the same contact
point), ages by number, the others by code. A family a
row does not list is expected to be empty, so over-extraction counts.
``retention_subject`` scores what a retention period applies to, on the
periods whose value is right and whose subject the row names; it is reported
beside the families, not one of them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from ..attributes import ATTRIBUTE_FAMILIES, extract_attributes
from ..attributes.extract import clause_context
from ..config import DEFAULT_LABELED_DIR
from .categories import precision_recall_f1
from ..text.normalize import normalize_text

DEFAULT_ATTRIBUTES_DIR = DEFAULT_LABELED_DIR / "attributes"
_LEADING_WORDS = re.compile(r"^(?:(?:your|the|our|all|any|such|these|those|this|their|its)\s+)+", re.IGNORECASE)
_TRAILING_WORDS = re.compile(r"(?:ของท่าน|ของคุณ|ของลูกค้า|ทั้งหมด|ดังกล่าว)+$")


class AttributeDataError(ValueError):
    """An attribute evaluation file that cannot be read; the message names the file and line."""


def load_attribute_rows(path: str | Path = DEFAULT_ATTRIBUTES_DIR) -> list[dict]:
    """Rows of every ``*.jsonl`` file under ``path`` (or of the one file ``path``)."""
    path = Path(path)
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    if not files or not files[0].exists():
        raise FileNotFoundError(f"{path}: no attribute evaluation files (*.jsonl)")
    rows = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise AttributeDataError(f"{file}:{number}: not JSON: {error}") from error
            unknown = set(row.get("expected", {})) - set(ATTRIBUTE_FAMILIES)
            if not isinstance(row.get("text"), str) or row.get("lang") not in ("en", "th") or unknown:
                raise AttributeDataError(f"{file}:{number}: needs text, lang en/th and known families (unknown: {sorted(unknown)})")
            rows.append(row)
    return rows


def item_keys(family: str, items: list, lang: str) -> set:
    """The comparable form of a family's items."""
    if family == "retention":
        return {item["value"] for item in items}
    if family == "deadlines":
        return {(item["value"], item["bound"]) for item in items}
    if family == "contacts":
        return {(item["kind"], "" if item["kind"] == "dpo" else _plain(item["value"], lang)) for item in items}
    return set(items)


def subject_keys(items: list, lang: str) -> set:
    """("subject", value, subject) keys of retention items that name a subject."""
    return {("subject", item["value"], _subject(item["applies_to"], lang)) for item in items if item.get("applies_to")}


def _plain(text: str, lang: str) -> str:
    return normalize_text(text, lang).casefold()


def _subject(text: str, lang: str) -> str:
    return _TRAILING_WORDS.sub("", _LEADING_WORDS.sub("", _plain(text, lang))).strip()


def evaluate_attributes(path: str | Path = DEFAULT_ATTRIBUTES_DIR) -> dict[str, object]:
    """Precision, recall and F1 per family and language, with the rows that went wrong."""
    return score_attribute_rows(load_attribute_rows(path))


def score_attribute_rows(rows: list[dict], group: str = "lang") -> dict[str, object]:
    """Score the extractors on rows with ``text``, ``lang``, ``section_path``, ``lead_in`` and ``expected``.

    Scores are per family and per value of the row field ``group`` (the
    language by default).
    """
    counts: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    errors = []
    for row in rows:
        lang, key = row["lang"], row[group]
        text = normalize_text(row["text"], lang)
        found = extract_attributes(text, clause_context(row.get("section_path") or [], row.get("lead_in")))
        expected = row.get("expected", {})
        for family in ATTRIBUTE_FAMILIES:
            gold = item_keys(family, expected.get(family, []), lang)
            predicted = item_keys(family, found[family], lang)
            _count(counts[(family, key)], gold, predicted)
            if gold != predicted and not _all_same(gold, predicted):
                errors.append({"id": row.get("id"), "family": family, "missed": sorted(map(str, gold - predicted)), "extra": sorted(map(str, predicted - gold))})
        gold_subjects = subject_keys(expected.get("retention", []), lang)
        values = {value for _, value, _ in gold_subjects}
        predicted_subjects = {key for key in subject_keys(found["retention"], lang) if key[1] in values}
        _count(counts[("retention_subject", key)], gold_subjects, predicted_subjects)
    scores: dict[str, dict] = defaultdict(dict)
    for (family, key), (tp, fp, fn) in sorted(counts.items()):
        scores[family][key] = {**precision_recall_f1(tp, fp, fn), "support": int(tp + fn), "predicted": int(tp + fp)}
    keys = sorted({row[group] for row in rows})
    return {"rows": {key: sum(row[group] == key for row in rows) for key in keys}, "families": dict(scores), "errors": errors}


def _count(cell: list[float], gold: set, predicted: set) -> None:
    matched = {item for item in gold if any(_same(item, guess) for guess in predicted)}
    cell[0] += len(matched)
    cell[1] += sum(not any(_same(item, guess) for item in gold) for guess in predicted)
    cell[2] += len(gold - matched)


def _all_same(gold: set, predicted: set) -> bool:
    return len(gold) == len(predicted) and all(any(_same(item, guess) for guess in predicted) for item in gold)


def _same(gold, predicted) -> bool:
    """Equal items; an address or a retention subject also matches one that contains it.

    Where an address starts ("Helix Ltd, 20 Harbour Street, ..." or "20 Harbour
    Street, ...") and how much of a noun phrase names the data kept ("chat
    transcripts" or "chat transcripts with our support team") are judgement calls.
    """
    if gold == predicted:
        return True
    if isinstance(gold, tuple) and gold[:1] == ("address",) and predicted[:1] == ("address",):
        return gold[1] in predicted[1] or predicted[1] in gold[1]
    if isinstance(gold, tuple) and gold[:1] == ("subject",) and predicted[:2] == gold[:2]:
        return gold[2] in predicted[2] or predicted[2] in gold[2]
    return False
