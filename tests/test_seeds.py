"""The acceptance properties of the clause table on the five seed policies."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.export.tables import CLAUSE_SCHEMA
from pipeline.ingest.files import read_document
from pipeline.text.chars import is_blank
from tests.conftest import SEED_FILES, THAI_SEED


def test_five_seeds_all_processed(seed_run) -> None:
    assert len(SEED_FILES) == 5
    assert seed_run.documents == 5
    assert seed_run.failures == []
    assert set(seed_run.clauses["doc_id"]) == {path.name for path in SEED_FILES}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_offsets_reproduce_raw_text(seed_run, path) -> None:
    text = path.read_text(encoding="utf-8")
    rows = seed_run.clauses[seed_run.clauses["doc_id"] == path.name]
    assert len(rows) > 10
    for start, end, raw in zip(rows["char_start"], rows["char_end"], rows["text_raw"]):
        assert text[start:end] == raw


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_every_visible_character_in_exactly_one_clause_or_heading(seed_run, path) -> None:
    text = path.read_text(encoding="utf-8")
    owners = [0] * len(text)
    for table in (seed_run.clauses, seed_run.headings):
        rows = table[table["doc_id"] == path.name]
        for start, end in zip(rows["char_start"], rows["char_end"]):
            for i in range(start, end):
                owners[i] += 1
    uncovered = [i for i, ch in enumerate(text) if not is_blank(ch) and owners[i] == 0]
    doubled = [i for i, count in enumerate(owners) if count > 1]
    assert uncovered == [], text[uncovered[0]:uncovered[0] + 40] if uncovered else ""
    assert doubled == []


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        (SEED_FILES[0], "Information We Collect"),
        (SEED_FILES[1], "7. Data Retention"),
        (SEED_FILES[2], "2. Use of personal information"),
        (THAI_SEED, "3.1 รายละเอียดส่วนบุคคล"),
        (SEED_FILES[4], "6.1 Account Information"),
    ],
    ids=lambda value: getattr(value, "stem", value),
)
def test_headings_are_never_rows(seed_run, path, heading) -> None:
    clauses = seed_run.clauses[seed_run.clauses["doc_id"] == path.name]
    headings = seed_run.headings[seed_run.headings["doc_id"] == path.name]
    assert heading in set(headings["text_raw"])
    assert heading not in set(clauses["text_raw"])


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_each_list_item_is_its_own_row(seed_run, path) -> None:
    document = read_document(path, path.parent)
    items = [b for b in document.blocks if b.kind == "item"]
    clauses = seed_run.clauses[seed_run.clauses["doc_id"] == path.name]
    starts = set(clauses["char_start"])
    assert items, "every seed has list items"
    assert all(item.start in starts for item in items)


@pytest.mark.parametrize(
    ("path", "item", "lead_in"),
    [
        (SEED_FILES[0], "- Purge data from backup systems within 90 days",
         "When information reaches the end of its retention period, or when you request deletion, we:"),
        (SEED_FILES[1], "• To our subsidiaries and affiliates.", "We may disclose your personal information:"),
        (SEED_FILES[2], "− Notice of service extension to customers",
         "CloudFly may use customer's personal information in the following specific cases:"),
        (THAI_SEED, "5.2 เพื่อติดต่อให้บริการที่เกี่ยวข้องกับการใช้งานและการบำรุงรักษาระบบแอปพลิเคชัน",
         "บริษัทอาจใช้ข้อมูลส่วนบุคคลของท่านเพื่อวัตถุประสงค์ดังต่อไปนี้"),
        (SEED_FILES[4], "- Law enforcement investigations",
         "We may disclose your information if required by law or in response to:"),
    ],
    ids=lambda value: getattr(value, "stem", None),
)
def test_list_items_carry_their_lead_in(seed_run, path, item, lead_in) -> None:
    rows = seed_run.clauses[(seed_run.clauses["doc_id"] == path.name) & (seed_run.clauses["text_raw"] == item)]
    assert len(rows) == 1
    assert rows.iloc[0]["lead_in"] == lead_in
    assert bool(rows.iloc[0]["is_list_item"])


def test_thai_seed_languages(seed_run) -> None:
    clauses = seed_run.clauses[seed_run.clauses["doc_id"] == THAI_SEED.name]
    headings = seed_run.headings[seed_run.headings["doc_id"] == THAI_SEED.name]
    assert set(clauses["lang"]) == {"th"}
    assert len(clauses) >= 50
    english_titles = headings[headings["text_raw"].isin(["Connexion CRM", "Privacy Policy"])]
    assert list(english_titles["lang"]) == ["en", "en"]
    assert headings[headings["text_raw"] == "นโยบายความเป็นส่วนตัว"]["lang"].tolist() == ["th"]


def test_parquet_matches_schema_and_run(seed_run) -> None:
    table = pd.read_parquet(seed_run.output_path)
    assert list(table.columns) == CLAUSE_SCHEMA.names
    assert len(table) == len(seed_run.clauses)
    assert table["clause_id"].is_unique
    assert table["run_id"].nunique() == 1
    assert all(len(labels) >= 1 for labels in table["labels"])
    assert (seed_run.output_path.parent / "headings.parquet").is_file()


def test_clause_ids_are_stable_across_runs(seed_run, tmp_path) -> None:
    from pipeline import run

    again = run(SEED_FILES[4].parent)
    assert list(again["clause_id"]) == list(seed_run.clauses["clause_id"])
    assert again["run_id"].iloc[0] != seed_run.run_id
