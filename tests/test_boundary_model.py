"""The Thai boundary model: candidates and features, the estimator, safe loading, training data and grouped cross-validation."""

from __future__ import annotations

import json

import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from typer.testing import CliRunner

from pipeline.cli import EXIT_FATAL, app
from pipeline.datasets.boundaries import GoldParagraph, corpus_paragraphs, joined_paragraphs, training_paragraphs
from pipeline.evaluation.boundaries import SYSTEMS, cross_validate_boundaries
from pipeline.segment.boundary_model import (
    DEFAULT_BOUNDARY_MODEL_DIR,
    MODEL_FILE,
    BoundaryModelError,
    ThaiBoundaryModel,
    load_boundary_model,
    save_boundary_model,
    shipped_boundary_model,
)
from pipeline.segment.thai import crfcut_cuts
from pipeline.segment.thai_features import coarse_tags, thai_candidates
from tests.real_subset import copy_real_documents

runner = CliRunner()
#: A Thai policy and its translation (one group), a Thai HTML page and a Thai Markdown notice (their own groups).
SMALL = ("en_txt_04", "th_txt_03", "th_html_03", "th_md_04")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return copy_real_documents(tmp_path_factory.mktemp("corpus"), SMALL)


def toy_paragraphs() -> list[GoldParagraph]:
    texts = [
        ("บริษัทเก็บชื่อ นามสกุล ทั้งนี้ท่านสามารถขอลบข้อมูลได้", ("ทั้งนี้",)),
        ("เราใช้คุกกี้เพื่อจดจำการตั้งค่า นอกจากนี้ เราอาจใช้คุกกี้วิเคราะห์", ("นอกจากนี้",)),
        ("เราเก็บอีเมล ที่อยู่ และหมายเลขโทรศัพท์ของท่าน", ()),
    ]
    return [GoldParagraph(text, tuple(text.index(word) for word in words), False, "x", "x", "x", "txt") for text, words in texts] * 4


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("บริษัทเก็บข้อมูลของท่าน", [], id="no-space"),
        pytest.param(" บริษัทเก็บข้อมูล ", [], id="space-at-the-ends-only"),
        pytest.param("บริษัทเก็บชื่อ\u00a0นามสกุล", [15], id="nbsp"),
        pytest.param("บริษัท\u200bเก็บชื่อ  นามสกุล\nอีเมล", [17, 25], id="zero-width-and-line-break"),
        pytest.param("We collect ชื่อ and อีเมล", [3, 11, 16, 20], id="mixed-scripts"),
    ],
)
def test_candidates_are_the_whitespace_inside_a_paragraph(text: str, positions: list[int]) -> None:
    found = thai_candidates(text)
    assert found.positions == positions
    assert len(found.features) == len(found.blocked) == len(positions)
    assert all(text[position - 1].isspace() and not text[position].isspace() for position in positions)


def test_candidates_of_a_very_long_paragraph() -> None:
    text = " ".join(["บริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่าน"] * 3000)
    found = thai_candidates(text)
    assert len(found.positions) == 2999
    assert len(shipped_boundary_model().predict([text])[0]) <= 2999


def test_crfcut_votes_match_pythainlp_sent_tokenize() -> None:
    """The features read crfcut's tagger directly: its votes must be the sentence starts of sent_tokenize(engine="crfcut")."""
    texts = ["บริษัทเก็บชื่อ นามสกุล อีเมล ทั้งนี้ท่านสามารถขอลบข้อมูลได้ เราจะไม่ขายข้อมูลของท่าน",
             "หากท่านไม่ยินยอม บริษัทอาจไม่สามารถให้บริการได้ โปรดติดต่อเราที่ dpo@example.co.th"]
    for text, reference in zip(texts, crfcut_cuts(texts)):
        found = thai_candidates(text)
        assert [p for p, vote in zip(found.positions, found.crfcut) if vote] == reference


def test_coarse_tags_read_unknown_words_by_their_form() -> None:
    assert coarse_tags(["เรา", "ไม่ต้องการ", " ", "การใช้งาน", "Firefox", "13"]) == ["P", "NEG", "_", "N", "LAT", "#"]


def test_words_that_need_a_verb_block_a_boundary() -> None:
    found = thai_candidates("บริษัทจะไม่ ขายข้อมูลของท่าน และ เราจะ ลบข้อมูล")
    assert found.blocked == [True, False, True, True]


def test_estimator_contract() -> None:
    model = ThaiBoundaryModel(max_iterations=30)
    with pytest.raises(NotFittedError):
        model.predict(["บริษัทเก็บชื่อ ทั้งนี้ท่านขอลบได้"])
    assert model.fit(toy_paragraphs()) is model
    copy = clone(model)
    assert copy.get_params() == model.get_params() and not hasattr(copy, "crf_bytes_")
    text = "เราเก็บอีเมล ที่อยู่ ทั้งนี้ท่านขอลบได้"
    assert model.predict([text]) == [[text.index("ทั้งนี้")]]


def test_save_and_load_round_trip_and_refuse_an_altered_file(tmp_path) -> None:
    paragraphs = toy_paragraphs()
    model = ThaiBoundaryModel(max_iterations=30).fit(paragraphs)
    directory = save_boundary_model(model, tmp_path / "m", paragraphs, {"note": "toy"}, "toy", "0.1")
    loaded, meta = load_boundary_model(directory)
    assert meta["name"] == "toy" and meta["training_paragraphs"] == len(paragraphs)
    assert (directory / "README.md").read_text(encoding="utf-8").startswith("# Model card: toy 0.1")
    texts = [p.text for p in paragraphs[:3]]
    assert loaded.predict(texts) == model.predict(texts)
    (directory / MODEL_FILE).write_bytes((directory / MODEL_FILE).read_bytes() + b"\0")
    with pytest.raises(BoundaryModelError, match="SHA-256 does not match"):
        load_boundary_model(directory)
    with pytest.raises(BoundaryModelError, match="not a boundary model directory"):
        load_boundary_model(tmp_path / "missing")


def test_the_shipped_model_is_checked_and_documented() -> None:
    model, meta = load_boundary_model(DEFAULT_BOUNDARY_MODEL_DIR)
    metrics = json.loads((DEFAULT_BOUNDARY_MODEL_DIR / "metrics.json").read_text(encoding="utf-8"))
    assert meta["training_boundaries"]["real"] > 100
    cv = metrics["cross_validation"]
    assert cv["overall"]["model"]["paragraphs"]["f1"] > cv["overall"]["rules"]["paragraphs"]["f1"]
    assert cv["overall"]["model"]["documents"]["f1"] > cv["overall"]["crfcut"]["documents"]["f1"]
    assert "cross-validation" in (DEFAULT_BOUNDARY_MODEL_DIR / "README.md").read_text(encoding="utf-8")


def test_gold_paragraphs_start_clauses_after_whitespace(small_corpus) -> None:
    paragraphs = corpus_paragraphs(small_corpus, joined=True)
    real = [p for p in paragraphs if p.source.startswith("real:")]
    assert real and {p.doc_id for p in real} == {"th_txt_03.txt", "th_html_03.html", "th_md_04.md"}
    assert sum(len(p.starts) for p in real) > 5
    for paragraph in paragraphs:
        assert all(0 < start < len(paragraph.text) and paragraph.text[start - 1].isspace() for start in paragraph.starts)
    assert {p.group for p in paragraphs if p.source.startswith("joined:")} <= {p.group for p in real}


def test_joined_clauses_never_follow_a_trailing_condition() -> None:
    joined = joined_paragraphs(["บริษัทอาจเปิดเผยข้อมูล หากมีกฎหมายกำหนดไว้", "เราเก็บชื่อ", "เราลบข้อมูล"], "th", "j:x", "x", "md", (2,))
    assert [p.text for p in joined] == ["เราเก็บชื่อ เราลบข้อมูล"]


def test_grouped_cross_validation_holds_out_each_thai_group(small_corpus) -> None:
    paragraphs = [p for p in training_paragraphs(corpus_dir=small_corpus) if not p.source.startswith("written:")]
    report = cross_validate_boundaries(small_corpus, paragraphs, {"max_iterations": 30})
    assert [fold["group"] for fold in report["folds"]] == ["en_txt_04", "th_html_03", "th_md_04"]
    assert report["folds"][0]["documents"] == ["th_txt_03"]
    for fold in report["folds"]:
        assert set(SYSTEMS) <= set(fold)
        for system in SYSTEMS:
            assert {"paragraphs", "documents", "documents_policy_text"} <= set(fold[system])
    overall = report["overall"]
    assert overall["model"]["paragraphs"]["gold"] == sum(fold["gold_paragraph_boundaries"] for fold in report["folds"])
    assert set(report["by_format"]) == {"html", "md", "txt"}
    assert "optimistic" in report["method"]


def test_train_segmenter_writes_a_model_and_refuses_to_overwrite(small_corpus, tmp_path) -> None:
    out = tmp_path / "boundaries"
    result = runner.invoke(app, ["train-segmenter", "--corpus", str(small_corpus), "--out", str(out), "--no-cv"])
    assert result.exit_code == 0, result.output
    _, meta = load_boundary_model(out)
    assert meta["training_boundaries"]["real"] > 0
    again = runner.invoke(app, ["train-segmenter", "--corpus", str(small_corpus), "--out", str(out), "--no-cv"])
    assert again.exit_code == EXIT_FATAL and "--force" in again.output


def test_score_segmentation_compares_every_system_on_a_corpus(small_corpus) -> None:
    result = runner.invoke(app, ["score-segmentation", "--corpus", str(small_corpus)])
    assert result.exit_code == 0, result.output
    lines = {tuple(line.split()[:2]) for line in result.output.splitlines()}
    for system in ("pipeline", "baseline", "raw", "lines"):
        assert (system, "th") in lines and (system, "th/md") in lines and (system, "en/txt+md") in lines
