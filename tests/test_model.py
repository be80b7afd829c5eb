"""Training, saving and safely loading the clause classifier."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import pickle
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.classify.clauses import classify_clauses
from pipeline.config import CATEGORIES, DEFAULT_MODEL_DIR
from tests.paths import GOLD_SEGMENTATION_DIR
from pipeline.classify.features import WordTokenizer, labeled_inputs, model_inputs
from pipeline.datasets.labeled import frame_sha256, load_labeled, split_labels
from pipeline.classify.estimator import ClauseClassifier
from pipeline.classify.persistence import ModelError, load_model, save_model

GOLD_DIR = GOLD_SEGMENTATION_DIR


@pytest.fixture(scope="module")
def seed_labeled() -> pd.DataFrame:
    return load_labeled([GOLD_DIR])


@pytest.fixture(scope="module")
def trained(seed_labeled) -> ClauseClassifier:
    return ClauseClassifier().fit(labeled_inputs(seed_labeled), [split_labels(x) for x in seed_labeled["labels"]])


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("We keep logs.", ["we", "keep", "logs"]),
        ("We don't sell e-mail addresses.", ["we", "don't", "sell", "e", "mail", "addresses"]),
        ("Call 1-800-555 (toll-free), ext. 12", ["call", "1", "800", "555", "toll", "free", "ext", "12"]),
        ("เก็บข้อมูล 90 วัน", ["เก็บ", "ข้อมูล", "90", "วัน"]),
        ("ใช้ cookies ของ Google", ["ใช้", "cookies", "ของ", "google"]),
        ("บริษัทฯ\u00a0ไม่ขายข้อมูล", ["บริษัทฯ", "ไม่", "ขาย", "ข้อมูล"]),
    ],
)
def test_tokenizer_handles_both_scripts(text: str, tokens: list[str]) -> None:
    assert WordTokenizer()(text) == tokens


def test_follows_the_scikit_learn_estimator_contract(trained, seed_labeled) -> None:
    from sklearn.base import clone, is_classifier
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    unfitted = ClauseClassifier(design="text+context", c=2.0)
    copy = clone(unfitted)
    assert copy is not unfitted and copy.get_params() == unfitted.get_params()
    assert is_classifier(unfitted)
    with pytest.raises(NotFittedError):
        check_is_fitted(unfitted)
    with pytest.raises(NotFittedError):
        unfitted.predict_proba(labeled_inputs(seed_labeled.head(3)))
    check_is_fitted(trained)
    refit = clone(trained)
    assert not hasattr(refit, "pipeline_") and refit.get_params() == trained.get_params()


def test_predict_is_the_indicator_matrix_of_predict_labels(trained, seed_labeled) -> None:
    inputs = labeled_inputs(seed_labeled.head(12))
    matrix, labels = trained.predict(inputs), trained.predict_labels(inputs)
    assert matrix.shape == (12, len(CATEGORIES))
    assert [[CATEGORIES[j] for j in row.nonzero()[0]] for row in matrix] == [sorted(row, key=CATEGORIES.index) for row in labels]


def test_fit_returns_self_and_learns_labels(seed_labeled) -> None:
    model = ClauseClassifier()
    assert model.fit(labeled_inputs(seed_labeled), [split_labels(x) for x in seed_labeled["labels"]]) is model
    assert model.labels_ == CATEGORIES
    assert len(model.thresholds_) == len(CATEGORIES)


@pytest.mark.parametrize(
    ("text", "context", "label"),
    [
        ("Server logs are retained for 90 days.", "Data Retention", "data_retention"),
        ("We encrypt data in transit and at rest.", "Data Security", "data_security"),
        ("บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านตามระยะเวลาที่จำเป็น", "ระยะเวลาการเก็บรักษาข้อมูลส่วนบุคคล", "data_retention"),
        ("ท่านมีสิทธิขอให้บริษัทลบข้อมูลของท่าน", "สิทธิตามกฎหมาย", "user_access_edit_deletion"),
    ],
)
def test_predicts_clear_cases(trained, text: str, context: str, label: str) -> None:
    scores = trained.predict_proba(model_inputs([text], [[context]], [None]))
    assert CATEGORIES[scores[0].argmax()] == label


def test_every_clause_gets_a_label(trained) -> None:
    decided = trained.decide(trained.predict_proba(model_inputs(["xyzzy"], [[]], [None])))
    assert len(decided[0]) >= 1


def test_save_load_round_trip(trained, seed_labeled, tmp_path) -> None:
    save_model(trained, tmp_path / "m", frame_sha256(seed_labeled), len(seed_labeled), {"note": "test"})
    meta = json.loads((tmp_path / "m" / "meta.json").read_text())
    assert meta["labels"] == list(CATEGORIES)
    assert meta["training_data_sha256"] == frame_sha256(seed_labeled)
    assert {"scikit-learn", "skops", "pythainlp"} <= set(meta["libraries"])
    assert (tmp_path / "m" / "README.md").read_text().startswith("# Model card")
    loaded, _ = load_model(tmp_path / "m")
    probe = labeled_inputs(seed_labeled.head(20))
    assert (loaded.predict_proba(probe) == trained.predict_proba(probe)).all()


def test_tampered_model_is_refused(trained, seed_labeled, tmp_path) -> None:
    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    with open(directory / "model.skops", "ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelError, match="SHA-256 does not match"):
        load_model(directory)


class Payload:
    """A type no model of this project contains: loading it must be refused."""

    def __reduce__(self):
        return (print, ("this must never run",))


def forge(directory: Path, data: bytes) -> None:
    """Replace a model file and make its meta agree, as an attacker with write access would."""
    (directory / "model.skops").write_bytes(data)
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    meta["model_sha256"] = hashlib.sha256(data).hexdigest()
    (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_foreign_pickle_is_refused_not_executed(trained, tmp_path, capsys) -> None:
    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    forge(directory, pickle.dumps(Payload()))
    with pytest.raises(ModelError, match="not a skops model file"):
        load_model(directory)
    assert "must never run" not in capsys.readouterr().out


def test_skops_file_with_untrusted_types_is_refused(trained, tmp_path) -> None:
    import skops.io as sio

    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    forge(directory, sio.dumps({"model": trained.pipeline_, "extra": Counter(a=1), "payload": Payload}))
    with pytest.raises(ModelError, match="refusing to load types that are not trusted"):
        load_model(directory)


def test_broken_meta_is_a_clear_error(trained, tmp_path) -> None:
    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    (directory / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model(directory)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda meta: meta.pop("name"), "name must be a non-empty string"),
        (lambda meta: meta.pop("thresholds"), "thresholds must be one number"),
        (lambda meta: meta.update(thresholds=["high"] * len(CATEGORIES)), "thresholds must be one number"),
        (lambda meta: meta.update(thresholds=[0.5]), "thresholds must be one number"),
        (lambda meta: meta.update(labels=["first_party_collection_use", "selling"], thresholds=[0.5, 0.5]), "are not this pipeline's categories"),
    ],
    ids=["no-name", "no-thresholds", "text-thresholds", "too-few-thresholds", "other-labels"],
)
def test_every_required_meta_key_is_checked(trained, tmp_path, edit, message) -> None:
    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    edit(meta)
    (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        load_model(directory)


def test_meta_that_is_not_an_object_says_so(trained, tmp_path) -> None:
    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    (directory / "meta.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ModelError, match="must be a JSON object"):
        load_model(directory)


@pytest.mark.parametrize(
    ("texts", "probe"),
    [
        (["We keep server logs for 90 days.", "We never sell your e-mail address."], "We keep your e-mail address."),
        (["บริษัทเก็บรักษาข้อมูลไว้ 90 วัน", "บริษัทไม่ขายข้อมูลของท่าน"], "บริษัทเก็บข้อมูลของท่าน"),
    ],
    ids=["en", "th"],
)
def test_word_vocabularies_are_saved_as_arrays_and_load_the_same(texts, probe) -> None:
    """A vocabulary is two arrays in the skops schema, not one node per term, and loads to the same dict."""
    import skops.io as sio

    from pipeline.classify.estimator import _word_vectorizer

    vectorizer = _word_vectorizer().fit(texts)
    data = sio.dumps(vectorizer)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        schema = archive.read("schema.json").decode("utf-8")
    assert '"vocabulary_terms_"' in schema and '"vocabulary_"' not in schema
    assert not any(term in schema for term in vectorizer.vocabulary_ if len(term) > 3)
    loaded = sio.loads(data, trusted=sorted(sio.get_untrusted_types(data=data)))
    assert loaded.vocabulary_ == vectorizer.vocabulary_
    assert (loaded.transform([probe]) != vectorizer.transform([probe])).nnz == 0


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda lengths: -lengths, "lengths must be"),
        (lambda lengths: lengths + 1, "add up to"),
        (lambda lengths: lengths.astype(np.float64), "lengths must be"),
        (lambda lengths: lengths[:-1], "add up to"),
    ],
    ids=["negative", "too-long", "not-counts", "one-missing"],
)
def test_a_forged_vocabulary_is_refused_when_the_model_loads(trained, tmp_path, damage, message) -> None:
    """Term lengths that do not describe the saved terms make the load fail, not every file of the run."""
    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    data = (directory / "model.skops").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    schema = json.loads(files["schema.json"])
    lengths_files = []

    def find(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("content"), dict) and "vocabulary_lengths_" in node["content"]:
                lengths_files.append(node["content"]["vocabulary_lengths_"]["file"])
            for value in node.values():
                find(value)
        elif isinstance(node, list):
            for value in node:
                find(value)

    find(schema)
    assert lengths_files
    lengths = np.load(io.BytesIO(files[lengths_files[0]]))
    forged = io.BytesIO()
    np.save(forged, damage(lengths), allow_pickle=False)
    files[lengths_files[0]] = forged.getvalue()
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    forge(directory, rebuilt.getvalue())
    with pytest.raises(ModelError, match=message):
        load_model(directory)


def test_a_model_saved_with_scikit_learn_vectorizers_still_loads(trained, seed_labeled, tmp_path) -> None:
    """Models saved before the array vocabularies (0.3.0, and users' models trained with it) hold plain TfidfVectorizer."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    from pipeline.classify.term_vectorizers import TermCountVectorizer, TermTfidfVectorizer

    old = copy.deepcopy(trained)
    plain = {TermTfidfVectorizer: TfidfVectorizer, TermCountVectorizer: CountVectorizer}
    for _, transformer, _ in old.pipeline_.steps[0][1].transformers_:
        transformer.__class__ = plain.get(type(transformer), type(transformer))
    directory = save_model(old, tmp_path / "m", frame_sha256(seed_labeled), len(seed_labeled), {})
    with zipfile.ZipFile(directory / "model.skops") as archive:
        assert "sklearn.feature_extraction.text" in archive.read("schema.json").decode("utf-8")
    loaded, _ = load_model(directory)
    probe = labeled_inputs(seed_labeled.head(20))
    assert (loaded.predict_proba(probe) == trained.predict_proba(probe)).all()


def test_types_skops_trusts_by_default_are_refused_unless_listed(trained, tmp_path) -> None:
    import skops.io as sio
    from sklearn.neighbors import KNeighborsClassifier

    directory = save_model(trained, tmp_path / "m", "x", 1, {})
    forge(directory, sio.dumps(KNeighborsClassifier().fit([[0.0], [1.0]], [0, 1])))
    with pytest.raises(ModelError, match="KNeighborsClassifier"):
        load_model(directory)


def test_missing_model_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(ModelError, match="not a model directory"):
        load_model(tmp_path)


def test_shipped_default_model_loads_and_classifies() -> None:
    model, meta = load_model(DEFAULT_MODEL_DIR)
    assert meta["labels"] == list(CATEGORIES)
    frame = pd.DataFrame(
        {
            "text_norm": ["We will notify you of changes to this policy by e-mail.", "บริษัทใช้มาตรการรักษาความปลอดภัยที่เหมาะสม"],
            "section_path": [["Changes to This Policy"], ["การรักษาความปลอดภัย"]],
            "lead_in": [None, None],
        }
    )
    labeled = classify_clauses(frame, model)
    assert "policy_change" in labeled["labels"][0]
    assert "data_security" in labeled["labels"][1]
