"""A few documents of data/real copied, with their sources and gold, into a corpus folder of their own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.paths import REAL_DIR


def copy_real_documents(corpus: Path, doc_ids: tuple[str, ...]) -> Path:
    """Copy the documents ``doc_ids`` of data/real (files, ``sources.jsonl`` rows, gold) into ``corpus``."""
    (corpus / "docs").mkdir(parents=True)
    (corpus / "gold").mkdir()
    records = [json.loads(line) for line in (REAL_DIR / "sources.jsonl").read_text(encoding="utf-8").splitlines()]
    (corpus / "sources.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records if r["id"] in doc_ids), encoding="utf-8")
    for doc_id in doc_ids:
        for path in (REAL_DIR / "docs").glob(f"{doc_id}.*"):
            shutil.copy(path, corpus / "docs" / path.name)
        shutil.copy(REAL_DIR / "gold" / f"{doc_id}.jsonl", corpus / "gold")
    return corpus
