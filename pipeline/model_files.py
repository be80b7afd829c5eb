"""What the shipped models record about their files: the SHA-256 of a file and the library versions they were made with."""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from .config import PIPELINE_VERSION


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
