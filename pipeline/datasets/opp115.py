"""Read the OPP-115 corpus (Wilson et al., ACL 2016) in its original layout.

The corpus is licensed for research only: it is read from a folder given at
run time and nothing of it is stored in this repository. A policy is
``sanitized_policies/<id>_<site>.html``, its segments separated by ``|||``;
``annotations/<id>_<site>.csv`` holds one row per data practice an annotator
marked in a segment. A segment takes the categories that at least
:data:`DEFAULT_MIN_ANNOTATORS` of its annotators chose; segments with none
are left out.
"""

from __future__ import annotations

import csv
import html
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from .labeled import LABELED_COLUMNS

#: OPP-115 category names and the ids of this project.
OPP115_CATEGORIES = {
    "First Party Collection/Use": "first_party_collection_use",
    "Third Party Sharing/Collection": "third_party_sharing_collection",
    "User Choice/Control": "user_choice_control",
    "User Access, Edit and Deletion": "user_access_edit_deletion",
    "Data Retention": "data_retention",
    "Data Security": "data_security",
    "Policy Change": "policy_change",
    "Do Not Track": "do_not_track",
    "International and Specific Audiences": "international_specific_audiences",
    "Other": "other",
}
DEFAULT_MIN_ANNOTATORS = 2
SEGMENT_SEPARATOR = "|||"
_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")
# Column positions in the annotation CSV files (documentation/manual.txt).
_ANNOTATOR, _SEGMENT, _CATEGORY = 2, 4, 5


class Opp115Error(ValueError):
    """A folder that is not the OPP-115 corpus in its original layout."""


def segment_texts(html_text: str) -> list[str]:
    """The plain text of each segment of a sanitized policy, in order."""
    return [_SPACE_RE.sub(" ", html.unescape(_TAG_RE.sub(" ", part))).strip() for part in html_text.split(SEGMENT_SEPARATOR)]


def segment_labels(annotation_csv: str | Path, min_annotators: int = DEFAULT_MIN_ANNOTATORS) -> dict[int, list[str]]:
    """Segment id to the categories chosen by at least ``min_annotators`` annotators."""
    voters: dict[tuple[int, str], set[str]] = defaultdict(set)
    with open(annotation_csv, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            category = OPP115_CATEGORIES.get(row[_CATEGORY])
            if category is not None:
                voters[(int(row[_SEGMENT]), category)].add(row[_ANNOTATOR])
    labels: dict[int, list[str]] = defaultdict(list)
    for (segment, category), annotators in sorted(voters.items()):
        if len(annotators) >= min_annotators:
            labels[segment].append(category)
    return dict(labels)


def load_opp115(directory: str | Path, min_annotators: int = DEFAULT_MIN_ANNOTATORS) -> pd.DataFrame:
    """Every majority-labeled segment of the corpus as labeled rows (``source`` is the policy)."""
    directory = Path(directory)
    policies = sorted((directory / "sanitized_policies").glob("*.html"))
    if not policies or not (directory / "annotations").is_dir():
        raise Opp115Error(f"{directory}: expected OPP-115 with sanitized_policies/*.html and annotations/*.csv")
    rows = []
    for policy in policies:
        annotations = directory / "annotations" / f"{policy.stem}.csv"
        if not annotations.is_file():
            continue
        texts = segment_texts(policy.read_text(encoding="utf-8", errors="replace"))
        for segment, labels in segment_labels(annotations, min_annotators).items():
            if segment < len(texts) and texts[segment]:
                rows.append(
                    {
                        "text": texts[segment],
                        "lang": "en",
                        "labels": "|".join(labels),
                        "section_path": "",
                        "lead_in": "",
                        "source": f"opp115:{policy.stem}",
                    }
                )
    return pd.DataFrame(rows, columns=list(LABELED_COLUMNS))
