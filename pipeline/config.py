"""Project-wide defaults: paths, versions and the category label set.

Every default lives here so that the CLI, the library and the tests agree.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: Bump when the output of a document can change, so re-runs redo it instead of reusing it.
PIPELINE_VERSION = "0.4.0"

# Data paths are relative to the working directory, as the README's commands use them.
DEFAULT_INPUT_DIR = Path("data/raw")
DEFAULT_OUTPUT_PATH = Path("data/processed/clauses.parquet")
DEFAULT_HEADINGS_NAME = "headings.parquet"
DEFAULT_DOCUMENTS_NAME = "documents.parquet"
DEFAULT_DOCUMENTS_PATH = DEFAULT_OUTPUT_PATH.with_name(DEFAULT_DOCUMENTS_NAME)
DEFAULT_LABELED_DIR = Path("data/labeled")
DEFAULT_GOLD_SEGMENTATION_DIR = DEFAULT_LABELED_DIR / "segmentation"
#: The corpus of real policies with gold annotation (data/real/README.md).
DEFAULT_REAL_CORPUS_DIR = Path("data/real")
DEFAULT_MODEL_NAME = "clauses"
DEFAULT_MODEL_VERSION = "0.3.1"


def shipped_model_dir(name: str = DEFAULT_MODEL_NAME, version: str = DEFAULT_MODEL_VERSION) -> Path:
    """The model that ships with the package.

    An installed wheel carries ``models/`` as the package data
    ``pipeline.models``; a source checkout (an editable install, whose import
    finder does not map that folder) reads the repository's ``models/``.
    """
    try:
        root = Path(str(files("pipeline.models")))
    except ModuleNotFoundError:
        root = Path(__file__).resolve().parent.parent / "models"
    return root / f"{name}-{version}"


DEFAULT_MODEL_DIR = shipped_model_dir()

#: Languages the category model reads; clauses in other languages keep empty labels and a note.
CLASSIFIED_LANGUAGES = ("en", "th", "und")

#: Largest policy file read; larger files fail with ``too_large`` (a policy is rarely over 1 MB).
DEFAULT_MAX_BYTES = 20_000_000
#: Seconds ``clauses run`` gives one file before it fails with ``timeout`` (a policy takes well under one).
DEFAULT_FILE_TIMEOUT = 120.0
DEFAULT_MANIFEST_NAME = "manifest.parquet"
#: Folder beside the output where finished documents are kept for re-runs.
DEFAULT_CACHE_NAME = ".cache"

#: Minimum score for a category to count as a label of a clause.
DEFAULT_THRESHOLD = 0.5

#: The ten OPP-115 top-level categories under stable ids (see DESIGN.md).
CATEGORIES = (
    "first_party_collection_use",
    "third_party_sharing_collection",
    "user_choice_control",
    "user_access_edit_deletion",
    "data_retention",
    "data_security",
    "policy_change",
    "do_not_track",
    "international_specific_audiences",
    "other",
)

#: Readable names of the categories, for charts and the HTML report (OPP-115's own wording).
CATEGORY_TITLES = {
    "first_party_collection_use": "First-party collection/use",
    "third_party_sharing_collection": "Third-party sharing/collection",
    "user_choice_control": "User choice/control",
    "user_access_edit_deletion": "User access, edit & deletion",
    "data_retention": "Data retention",
    "data_security": "Data security",
    "policy_change": "Policy change",
    "do_not_track": "Do Not Track",
    "international_specific_audiences": "International & specific audiences",
    "other": "Other",
}

#: The HTML report ``clauses report`` writes, beside the tables it reads, and its title.
DEFAULT_REPORT_PATH = DEFAULT_OUTPUT_PATH.with_name("report.html")
DEFAULT_REPORT_TITLE = "Privacy policy clauses"
#: Labeled clauses of the dev policies: never trained on, so a fair test set for retrained models.
DEFAULT_DEV_GOLD_DIR = Path("data/dev/segmentation")
#: Where ``clauses train`` writes models users train themselves (git-ignored in a checkout).
DEFAULT_LOCAL_MODELS_DIR = Path("models/local")
