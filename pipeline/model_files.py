"""What a model directory records beside its weights: meta.json (with the weights' SHA-256, the time and the library
versions), metrics.json and a model card; shared by the clause classifier and the Thai boundary model."""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from .config import PIPELINE_VERSION
from .export.atomic import atomic_write_text

META_FILE = "meta.json"
METRICS_FILE = "metrics.json"
CARD_FILE = "README.md"


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions(libraries: Iterable[str]) -> dict[str, str]:
    """Versions of Python, this pipeline and ``libraries`` ("not installed" for a missing one)."""
    versions = {"python": platform.python_version(), "pipeline": PIPELINE_VERSION}
    for name in libraries:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def write_model_record(directory: Path, model_file: str, meta: dict, metrics: dict, card: Callable[[dict, dict], str],
                       libraries: Iterable[str]) -> dict:
    """Write meta.json, metrics.json and the model card of the weights ``directory / model_file``, each atomically.

    ``meta`` gains the weights' SHA-256 (``model_sha256``, which loading checks),
    the time (``created``) and the library versions; ``card(meta, metrics)``
    is the card's Markdown. Returns the meta written.
    """
    meta = {**meta, "model_sha256": file_sha256(directory / model_file),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "libraries": library_versions(libraries)}
    atomic_write_text(directory / META_FILE, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(directory / METRICS_FILE, json.dumps(metrics, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(directory / CARD_FILE, card(meta, metrics))
    return meta
