"""Reading OPP-115: majority labels per segment, from a small fixture and the real corpus."""

from __future__ import annotations

import csv

import pytest

from pipeline.datasets.opp115 import Opp115Error, load_opp115, segment_labels, segment_texts


@pytest.fixture
def tiny_corpus(tmp_path):
    (tmp_path / "sanitized_policies").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "sanitized_policies" / "1_example.com.html").write_text(
        "<strong>Intro</strong> We respect you.|||We keep logs for 30 days.|||We sell &amp; share nothing.",
        encoding="utf-8",
    )
    votes = [
        (0, "Other", "a"), (0, "Other", "b"),
        (1, "Data Retention", "a"), (1, "Data Retention", "b"), (1, "Data Retention", "c"),
        (1, "Data Security", "c"),
        (2, "Third Party Sharing/Collection", "a"),
    ]
    with open(tmp_path / "annotations" / "1_example.com.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for i, (segment, category, annotator) in enumerate(votes):
            writer.writerow([i, "batch", annotator, 1, segment, category, "{}", "date", "url"])
    return tmp_path


def test_segments_are_plain_text(tiny_corpus) -> None:
    html = (tiny_corpus / "sanitized_policies" / "1_example.com.html").read_text()
    assert segment_texts(html) == ["Intro We respect you.", "We keep logs for 30 days.", "We sell & share nothing."]


def test_majority_of_annotators(tiny_corpus) -> None:
    assert segment_labels(tiny_corpus / "annotations" / "1_example.com.csv") == {0: ["other"], 1: ["data_retention"]}
    frame = load_opp115(tiny_corpus)
    assert list(frame["text"]) == ["Intro We respect you.", "We keep logs for 30 days."]
    assert set(frame["source"]) == {"opp115:1_example.com"}


def test_not_a_corpus_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(Opp115Error, match="expected OPP-115"):
        load_opp115(tmp_path)


def test_real_corpus(opp115_dir) -> None:
    frame = load_opp115(opp115_dir)
    assert frame["source"].nunique() >= 60
    assert len(frame) > 1500
    assert frame["labels"].str.contains("first_party_collection_use").sum() > 300
