"""Reading the labeled corpus and the gold segmentations."""

from __future__ import annotations

import pytest

from tests.paths import GOLD_SEGMENTATION_DIR, LABELED_DIR
from pipeline.datasets.gold_tsv import GoldFormatError, align_gold, gold_labeled_rows, read_gold
from pipeline.datasets.labeled import LabeledDataError, frame_sha256, load_labeled, read_labeled_file
from tests.conftest import SEED_FILES

HEADER = "text,lang,labels,section_path,lead_in,source\n"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_gold_files_cover_their_seed(path) -> None:
    units = align_gold(read_gold(GOLD_SEGMENTATION_DIR / f"{path.stem}.tsv"), path.read_text("utf-8"))
    assert units and all(u.labels for u in units if not u.is_heading)


def test_gold_misalignment_is_reported() -> None:
    units = read_gold(GOLD_SEGMENTATION_DIR / f"{SEED_FILES[0].stem}.tsv")
    with pytest.raises(GoldFormatError, match="in no unit"):
        align_gold(units[1:], SEED_FILES[0].read_text("utf-8"))


def test_gold_rows_carry_context() -> None:
    rows = gold_labeled_rows(read_gold(GOLD_SEGMENTATION_DIR / "004_0bc82049ed12847c.tsv"), "gold:004")
    row = next(r for r in rows if r["text"].startswith("- Server logs"))
    assert row["section_path"].endswith("Data Retention > Website and Usage Data")
    assert row["labels"] == "data_retention"
    thai = gold_labeled_rows(read_gold(GOLD_SEGMENTATION_DIR / "003_1afedaf606ef70f7.tsv"), "gold:003")
    item = next(r for r in thai if r["text"].startswith("5.2"))
    assert item["lead_in"] == "บริษัทอาจใช้ข้อมูลส่วนบุคคลของท่านเพื่อวัตถุประสงค์ดังต่อไปนี้"
    assert item["lang"] == "th"


def test_default_corpus_loads_every_seed_clause() -> None:
    frame = load_labeled([LABELED_DIR])
    assert set(frame["lang"]) >= {"en", "th"}
    seeds = frame[frame["source"].str.startswith("gold:")]
    assert seeds["source"].nunique() == 5
    assert len(seeds) >= 390


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("text,lang\nhello,en\n", "missing columns"),
        (HEADER + "We sell data,en,selling,,,x\n", "unknown category ids"),
        (HEADER + "We sell data,en,,,,x\n", "have no labels"),
    ],
)
def test_bad_labeled_files_are_explained(tmp_path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LabeledDataError, match=message):
        read_labeled_file(path)


def test_fingerprint_ignores_row_order(tmp_path) -> None:
    rows = ["We sell nothing,en,other,,,a\n", "เราไม่ขายข้อมูล,th,third_party_sharing_collection,,,b\n"]
    (tmp_path / "a.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    (tmp_path / "b.csv").write_text(HEADER + "".join(reversed(rows)), encoding="utf-8")
    assert frame_sha256(read_labeled_file(tmp_path / "a.csv")) == frame_sha256(read_labeled_file(tmp_path / "b.csv"))
