"""Where the repository's data is, for the tests.

The package's default paths are relative to the working directory (as the
README's commands use them); the tests name the repository's folders
explicitly, so they pass from any working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RAW_DIR = REPO / "data" / "raw"
LABELED_DIR = REPO / "data" / "labeled"
GOLD_SEGMENTATION_DIR = LABELED_DIR / "segmentation"
DEV_DIR = REPO / "data" / "dev"
DEV_GOLD_DIR = DEV_DIR / "segmentation"
REAL_DIR = REPO / "data" / "real"
MODELS_DIR = REPO / "models"
PROCESSED_DIR = REPO / "data" / "processed"
NOTEBOOKS_DIR = REPO / "notebooks"
#: The OPP-115 corpus is read at run time, never stored here: $OPP115_DIR, or ../shared/opp115 beside the checkout.
OPP115_DIR = Path(os.environ.get("OPP115_DIR") or REPO.parent / "shared" / "opp115")
