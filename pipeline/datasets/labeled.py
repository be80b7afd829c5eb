"""The labeled clause corpus: read it, check it, fingerprint it.

A labeled file is a CSV with the header ``text,lang,labels,section_path,lead_in,source``:
``labels`` are category ids joined by ``|``, ``section_path`` is the heading
path joined by `` > ``, ``lead_in`` is the sentence that introduces a list
item (empty otherwise) and ``source`` says where the row came from. The gold
segmentations in ``segmentation/`` are read as labeled rows too, so the seed
policies' clauses are labeled in exactly one place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..config import CATEGORIES, DEFAULT_LABELED_DIR
from ..classify.features import ORDER_COLUMNS
from .gold_tsv import gold_labeled_rows, read_gold

LABELED_COLUMNS = ("text", "lang", "labels", "section_path", "lead_in", "source")
SECTION_SEPARATOR = " > "


class LabeledDataError(ValueError):
    """A labeled file that cannot be used for training, with the reason."""


def read_labeled_file(path: str | Path) -> pd.DataFrame:
    """Read one labeled CSV (or gold TSV) into a frame with :data:`LABELED_COLUMNS`."""
    path = Path(path)
    if path.suffix == ".tsv":
        frame = pd.DataFrame(gold_labeled_rows(read_gold(path), f"gold:{path.stem}"))
    else:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (UnicodeDecodeError, pd.errors.ParserError) as error:
            raise LabeledDataError(f"{path}: not a readable UTF-8 CSV ({error})") from error
    missing = [column for column in LABELED_COLUMNS if column not in frame.columns]
    if missing:
        raise LabeledDataError(f"{path}: missing columns {missing}; expected {list(LABELED_COLUMNS)}")
    frame = frame.loc[:, [*LABELED_COLUMNS, *(column for column in ORDER_COLUMNS if column in frame.columns)]].fillna("")
    unknown = sorted({label for labels in frame["labels"] for label in split_labels(labels)} - set(CATEGORIES))
    if unknown:
        raise LabeledDataError(f"{path}: unknown category ids {unknown}; known: {list(CATEGORIES)}")
    empty = frame.index[frame["labels"].map(lambda labels: not split_labels(labels))]
    if len(empty):
        raise LabeledDataError(f"{path}: rows {[int(i) + 2 for i in empty[:5]]} have no labels")
    return frame


def labeled_files(directory: str | Path = DEFAULT_LABELED_DIR) -> list[Path]:
    """The labeled CSV files and gold TSV files under a folder, sorted."""
    directory = Path(directory)
    if directory.is_file():
        return [directory]
    return sorted(p for p in directory.rglob("*") if p.suffix in (".csv", ".tsv") and p.is_file())


def load_labeled(paths: Iterable[str | Path] = (DEFAULT_LABELED_DIR,)) -> pd.DataFrame:
    """Read and concatenate every labeled file under the given files or folders."""
    files = [file for path in paths for file in labeled_files(path)]
    if not files:
        raise LabeledDataError(f"no labeled .csv or .tsv files in {[str(p) for p in paths]}")
    return pd.concat([read_labeled_file(file) for file in files], ignore_index=True)


def split_labels(labels: str) -> list[str]:
    """``"a|b"`` to ``["a", "b"]``, ignoring blanks."""
    return [label.strip() for label in labels.split("|") if label.strip()]


def frame_sha256(frame: pd.DataFrame) -> str:
    """A fingerprint of labeled rows, independent of file layout and row order."""
    digest = hashlib.sha256()
    for row in sorted(frame.loc[:, list(LABELED_COLUMNS)].itertuples(index=False, name=None)):
        digest.update("\x1f".join(row).encode("utf-8") + b"\x1e")
    return digest.hexdigest()


def source_fingerprints(frame: pd.DataFrame) -> dict[str, str]:
    """A fingerprint of each source's clause texts (not its labels), by ``source``.

    A model records the fingerprints of what it was trained on, so that
    scoring it on the same clauses, relabeled or renamed, can be refused.
    """
    fingerprints = {}
    for source, texts in frame.groupby("source", sort=True)["text"]:
        digest = hashlib.sha256()
        for text in sorted(texts):
            digest.update(text.encode("utf-8") + b"\x1e")
        fingerprints[str(source)] = digest.hexdigest()
    return fingerprints
