"""The real-policy corpus and its gold: complete, aligned, valid, and checked by the annotation tool."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from pipeline.datasets.corpus import (
    CorpusUnit,
    GoldError,
    align_units,
    corpus_frame,
    load_corpus,
    read_sources,
    read_units,
    unit_problems,
)
from pipeline.ingest.files import read_document
from pipeline.text.chars import is_blank
from tests.paths import REAL_DIR, REPO


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(REAL_DIR)


def test_every_document_has_complete_gold(corpus) -> None:
    sources = read_sources(REAL_DIR)
    assert sorted(doc.doc_id for doc in corpus) == sorted(sources)
    assert len(corpus) == len(list((REAL_DIR / "docs").iterdir())) == 34
    for doc in corpus:
        assert doc.clauses, doc.doc_id
        assert all(unit.labels for unit in doc.clauses), doc.doc_id


def test_units_cover_every_visible_character_once(corpus) -> None:
    for doc in corpus:
        text = doc.document.text
        spans = sorted((unit.start, unit.end) for unit in doc.units)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), doc.doc_id
        if doc.format != "html":
            covered = set().union(*(range(start, end) for start, end in spans))
            assert all(i in covered or is_blank(ch) for i, ch in enumerate(text)), doc.doc_id
            assert all(text[unit.start:unit.end] == unit.text for unit in doc.units), doc.doc_id


def test_html_units_point_into_the_source(corpus) -> None:
    for doc in (doc for doc in corpus if doc.format == "html"):
        for unit in doc.units:
            raw = doc.document.text[unit.start:unit.end]
            assert raw[0] == unit.text[0] or raw[0] == "&", (doc.doc_id, unit.text[:40])


def test_page_furniture_is_marked_on_built_pages(corpus) -> None:
    kinds = {doc.doc_id: Counter(unit.kind for unit in doc.units) for doc in corpus}
    for page in ("en_html_01", "en_html_08", "en_html_09", "th_html_01", "th_html_02"):
        assert kinds[page]["B"] >= 1, page


def test_translation_pairs_share_a_cross_validation_group(corpus) -> None:
    groups = {doc.doc_id: doc.group for doc in corpus}
    for doc in corpus:
        if doc.pair:
            assert groups[doc.pair] == doc.group
    assert len(set(groups.values())) == len(corpus) - 8


def test_corpus_frame_reads_context_from_the_gold(corpus) -> None:
    frame = corpus_frame(corpus)
    assert len(frame) == sum(len(doc.clauses) for doc in corpus)
    assert set(frame["doc_lang"]) == {"en", "th"}
    assert (frame["section_path"] != "").mean() > 0.8
    assert set(frame["source"]) == {f"real:{doc.group}" for doc in corpus}
    first = frame[frame["doc_id"] == "en_md_05"].iloc[1]
    assert first["position"].startswith("pos0") and first["prev_text"]


@pytest.mark.parametrize(
    ("name", "text", "units", "message"),
    [
        ("en", "Data Retention\nWe keep logs for 90 days. We delete them after.",
         [{"kind": "H", "level": 1, "text": "Data Retention"}, {"kind": "C", "text": "We keep logs for 90 days.", "labels": ["data_retention"]},
          {"kind": "C", "text": "We delete then after.", "labels": ["data_retention"]}], "unit 3"),
        ("th", "การเก็บรักษา\nบริษัทเก็บข้อมูลไว้ 5 ปี",
         [{"kind": "H", "level": 1, "text": "การเก็บรักษา"}], "goes on after the last unit"),
    ],
)
def test_alignment_names_the_first_unit_that_does_not_match(tmp_path, name, text, units, message) -> None:
    policy = tmp_path / f"{name}.txt"
    policy.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        align_units([CorpusUnit(**unit) for unit in units], read_document(policy))


@pytest.mark.parametrize(
    ("unit", "problem"),
    [
        (CorpusUnit("C", "We sell data.", labels=("selling",)), "unknown category 'selling'"),
        (CorpusUnit("C", "We keep it."), "needs at least one category"),
        (CorpusUnit("C", "เราใช้ข้อมูลเพื่อการตลาด", labels=("first_party_collection_use",), attributes={"purposes": ["ads"]}), "unknown code 'ads'"),
        (CorpusUnit("C", "Logs: 90 days", labels=("data_retention",), attributes={"retention": [{"value": "90 days", "applies_to": "Logs"}]}), "not an ISO-8601"),
        (CorpusUnit("C", "Write to a@b.org", labels=("other",), attributes={"contacts": [{"kind": "email", "value": "c@d.org"}]}), "not a substring"),
        (CorpusUnit("H", "สิทธิของท่าน"), "needs a level"),
        (CorpusUnit("B", "Accept all", labels=("other",)), "takes no labels"),
    ],
)
def test_unit_checks_name_the_problem(unit, problem) -> None:
    assert any(problem in found for found in unit_problems(unit))


def test_check_command_fills_in_offsets(tmp_path) -> None:
    policy = tmp_path / "th.txt"
    policy.write_text("นโยบาย\n\nบริษัทจะลบข้อมูลภายใน 30 วัน", encoding="utf-8")
    gold = tmp_path / "th.jsonl"
    gold.write_text(
        json.dumps({"kind": "H", "level": 0, "text": "นโยบาย"}, ensure_ascii=False) + "\n"
        + json.dumps({"kind": "C", "text": "บริษัทจะลบข้อมูลภายใน 30 วัน", "labels": ["data_retention"],
                      "attributes": {"retention": [{"value": "P30D", "applies_to": None}]}}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "pipeline.datasets.corpus", "check", str(gold), str(policy)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    units = read_units(gold)
    assert [(unit.start, unit.end) for unit in units] == [(0, 6), (8, 36)]
    assert json.loads(result.stdout)["kinds"] == {"H": 1, "C": 1}


def test_corpus_without_gold_for_a_document_is_refused(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REAL_DIR, corpus, ignore=shutil.ignore_patterns("gold-second"))
    (corpus / "gold" / "en_txt_04.jsonl").unlink()
    with pytest.raises(GoldError, match="en_txt_04.jsonl: missing"):
        load_corpus(corpus)


def test_licences_are_shipped_with_the_documents() -> None:
    licences = {path.stem for path in (REAL_DIR / "LICENSES").glob("*.txt")}
    used = {record["license"].replace(" OR Apache-2.0", "") for record in read_sources(REAL_DIR).values()}
    assert {"MIT", "Apache-2.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0", "GPL-3.0-only", "AGPL-3.0-only"} <= licences
    assert used - licences <= {"AGPL-3.0-or-later"}
    assert "data/real" in (REPO / "README.md").read_text(encoding="utf-8")
