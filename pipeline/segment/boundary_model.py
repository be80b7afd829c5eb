"""The Thai clause-boundary model: a linear-chain CRF over the candidate boundaries of a paragraph.

Each paragraph is one sequence; its items are the candidate boundaries of
:func:`pipeline.segment.thai_features.thai_candidates` (every run of
whitespace), labelled ``B`` (a new clause starts after it) or ``O``. The
chain lets one decision inform the next: two boundaries a few characters
apart are rare, and a condition opened at one gap is closed at a later one.
CRFsuite (python-crfsuite) trains it with L-BFGS and L1 + L2 penalties.

The model is stored in CRFsuite's own binary format (``model.crfsuite``),
which holds only weights and feature strings and runs no code when read; it
is loaded only when its SHA-256 matches ``meta.json``.

>>> from pipeline.datasets.boundaries import GoldParagraph
>>> rows = [GoldParagraph("บริษัทเก็บชื่อ นามสกุล ทั้งนี้ท่านสามารถขอลบข้อมูลได้", (23,), False, "x", "x", "x", "txt")] * 3
>>> model = ThaiBoundaryModel(max_iterations=20).fit(rows)
>>> model.predict(["เราเก็บอีเมล ที่อยู่ ทั้งนี้ท่านขอลบได้"])
[[21]]
"""

from __future__ import annotations

import hashlib
import math
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from ..config import shipped_model_dir
from ..export.atomic import atomic_write
from ..model_files import META_FILE, write_model_record
from .thai_features import Candidates, history_features, thai_candidates

BOUNDARY = "B"
INSIDE = "O"
MODEL_FILE = "model.crfsuite"
#: The libraries whose versions meta.json records.
BOUNDARY_LIBRARIES = ("python-crfsuite", "pythainlp", "scikit-learn")
#: The shipped Thai boundary model.
DEFAULT_BOUNDARY_MODEL_NAME = "thai-boundaries"
DEFAULT_BOUNDARY_MODEL_VERSION = "1.0.1"
DEFAULT_BOUNDARY_MODEL_DIR = shipped_model_dir(DEFAULT_BOUNDARY_MODEL_NAME, DEFAULT_BOUNDARY_MODEL_VERSION)
#: CRFsuite's L-BFGS settings (c1: L1 penalty, c2: L2 penalty).
DEFAULT_C1 = 0.3
DEFAULT_C2 = 0.3
DEFAULT_MAX_ITERATIONS = 200
#: "greedy": one decision per candidate, left to right, each reading the clause it would close;
#: "chain": a linear-chain CRF over the candidates of a paragraph, with no history features.
DEFAULT_DECODER = "greedy"
#: Least probability of a boundary for the greedy decoder to take it.
DEFAULT_THRESHOLD = 0.5
#: How many segmentations of a paragraph the decoder keeps while it reads it.
DEFAULT_BEAM = 2
#: Feature strings seen fewer times than this in training are dropped.
DEFAULT_MIN_FEATURE_FREQUENCY = 1


class BoundaryModelError(ValueError):
    """A boundary model directory that is missing, altered or not a model."""


class ThaiBoundaryModel(BaseEstimator):
    """Label the candidate boundaries of Thai paragraphs with a CRF (scikit-learn estimator contract).

    ``fit`` takes :class:`~pipeline.datasets.boundaries.GoldParagraph`
    records; ``predict`` takes paragraph texts and returns, for each, the
    offsets where a new clause starts (0 excluded), like every segmenter.
    """

    def __init__(self, c1: float = DEFAULT_C1, c2: float = DEFAULT_C2, max_iterations: int = DEFAULT_MAX_ITERATIONS,
                 min_feature_frequency: float = DEFAULT_MIN_FEATURE_FREQUENCY, decoder: str = DEFAULT_DECODER,
                 threshold: float = DEFAULT_THRESHOLD, beam: int = DEFAULT_BEAM):
        self.beam = beam
        self.decoder = decoder
        self.threshold = threshold
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.min_feature_frequency = min_feature_frequency

    def fit(self, paragraphs: Sequence, y=None, candidates: Sequence[Candidates] | None = None) -> ThaiBoundaryModel:
        """Train on gold paragraphs; ``candidates`` (one per paragraph) skips recomputing their features."""
        import tempfile

        import pycrfsuite

        if candidates is None:
            candidates = [thai_candidates(p.text, p.is_item) for p in paragraphs]
        trainer = pycrfsuite.Trainer(verbose=False)
        sequences = 0
        for paragraph, found in zip(paragraphs, candidates):
            if not found.positions:
                continue
            starts = set(paragraph.starts)
            labels = [BOUNDARY if position in starts else INSIDE for position in found.positions]
            if self.decoder == "chain":
                trainer.append(found.features, labels)
            else:
                last = -1
                for j, label in enumerate(labels):
                    if not found.blocked[j]:
                        trainer.append([found.features[j] + history_features(found, j, last)], [label])
                    if label == BOUNDARY:
                        last = j
            sequences += 1
        if not sequences:
            raise ValueError("no paragraph with a candidate boundary to train on")
        trainer.set_params({
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_feature_frequency,
            "feature.possible_transitions": True,
        })
        with tempfile.TemporaryDirectory(prefix="thai-boundaries-") as folder:
            path = Path(folder) / MODEL_FILE
            trainer.train(str(path))
            self.crf_bytes_ = path.read_bytes()
        self.sequences_ = sequences
        self._tagger = None
        return self

    @property
    def tagger(self):
        """The CRFsuite tagger of the fitted weights (opened once)."""
        check_is_fitted(self, "crf_bytes_")
        if getattr(self, "_tagger", None) is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.crf_bytes_)
            self._tagger = tagger
        return self._tagger

    def predict(self, texts: Sequence[str], items: Sequence[bool] | None = None) -> list[list[int]]:
        """Where a new clause starts in each Thai text (0 excluded)."""
        tagger = self.tagger
        items = items if items is not None else [False] * len(texts)
        cuts = []
        for text, is_item in zip(texts, items):
            cuts.append(self.predict_candidates(thai_candidates(text, is_item), tagger))
        return cuts

    def predict_candidates(self, found: Candidates, tagger=None) -> list[int]:
        """The boundaries among already computed candidates."""
        if not found.positions:
            return []
        tagger = tagger or self.tagger
        if self.decoder == "chain":
            labels = tagger.tag(found.features)
            return [position for position, label in zip(found.positions, labels) if label == BOUNDARY]
        return self._beam_search(found, tagger)

    def _beam_search(self, found: Candidates, tagger) -> list[int]:
        """The likeliest boundaries under the local model, left to right, keeping ``beam`` histories.

        A history is the boundaries taken so far; each candidate extends every
        history both ways, scored by the model's probability given where that
        history's last clause started. Histories whose last clause starts at
        the same candidate read the same features from then on, so only the
        best of them is kept.
        """
        # A threshold other than 0.5 shifts every boundary's log-odds: greedy decoding then takes p >= threshold.
        bias = math.log((1 - self.threshold) / self.threshold)
        beams: list[tuple[float, int, tuple[int, ...]]] = [(0.0, -1, ())]
        for j in range(len(found.positions)):
            extended: dict[int, tuple[float, int, tuple[int, ...]]] = {}
            if found.blocked[j]:
                continue  # "ไม่ ขาย", "ข้อมูลของ ท่าน": the word before the space cannot end a statement
            for score, last, cuts in beams:
                history = history_features(found, j, last)
                if "r:disc" in found.features[j] and COMPLETE_STATEMENT.issubset(history):
                    # A complete statement, then "ทั้งนี้", "นอกจากนี้", ... (a closed list): a new statement starts.
                    options = ((True, 0.0, j),)
                else:
                    tagger.set([found.features[j] + history])
                    probability = min(max(tagger.marginal(BOUNDARY, 0), 1e-9), 1 - 1e-9)
                    options = ((True, math.log(probability) + bias, j), (False, math.log(1 - probability), last))
                for taken, gain, new_last in options:
                    candidate = (score + gain, new_last, cuts + (j,) if taken else cuts)
                    if new_last not in extended or candidate[0] > extended[new_last][0]:
                        extended[new_last] = candidate
            beams = sorted(extended.values(), reverse=True)[: self.beam]
        return [found.positions[j] for j in beams[0][2]]

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_tagger"] = None  # a CRFsuite handle does not copy; clone() and copies reopen it
        return state


#: History features of a clause that is a complete statement: a subject and a predicate, nothing left waiting.
COMPLETE_STATEMENT = frozenset({"h:settled", "h:main", "h:pred", "h:subj"})


@lru_cache(maxsize=1)
def shipped_boundary_model() -> ThaiBoundaryModel:
    """The Thai boundary model shipped in models/, loaded (and hash-checked) once per process."""
    model, _ = load_boundary_model(DEFAULT_BOUNDARY_MODEL_DIR)
    return model


def thai_model_cuts(texts: list[str], items: list[bool] | None = None) -> list[list[int]]:
    """Where a new clause starts in each Thai text, by the shipped boundary model (0 excluded).

    >>> text = "เราไม่ขายข้อมูลส่วนบุคคลของท่านให้แก่ผู้ใด ทั้งนี้ท่านสามารถถอนความยินยอมได้ทุกเมื่อ"
    >>> [text[cut:cut + 7] for cut in thai_model_cuts([text])[0]]
    ['ทั้งนี้']
    """
    return shipped_boundary_model().predict(texts, items)


def paragraphs_sha256(paragraphs: Iterable) -> str:
    """A fingerprint of training paragraphs: their texts, boundaries and item flags, in order."""
    digest = hashlib.sha256()
    for paragraph in paragraphs:
        digest.update(json.dumps([paragraph.text, list(paragraph.starts), paragraph.is_item], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def save_boundary_model(model: ThaiBoundaryModel, directory: str | Path, paragraphs: Sequence, metrics: dict,
                        name: str = DEFAULT_BOUNDARY_MODEL_NAME, version: str = DEFAULT_BOUNDARY_MODEL_VERSION) -> Path:
    """Write a model directory: the CRFsuite weights, meta.json (with their SHA-256), metrics.json and a model card."""
    check_is_fitted(model, "crf_bytes_")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    atomic_write(directory / MODEL_FILE, lambda temporary: Path(temporary).write_bytes(model.crf_bytes_))
    sources: dict[str, int] = {}
    for paragraph in paragraphs:
        kind = paragraph.source.split(":", 1)[0]
        sources[kind] = sources.get(kind, 0) + len(paragraph.starts)
    meta = {
        "name": name,
        "version": version,
        "task": "Thai clause boundaries: which whitespace of a paragraph ends a clause",
        "params": model.get_params(),
        "training_paragraphs": len(paragraphs),
        "training_boundaries": sources,
        "training_documents": sorted({p.doc_id for p in paragraphs if p.source.startswith(("real:", "seed:", "dev:"))}),
        "training_data_sha256": paragraphs_sha256(paragraphs),
    }
    from ..evaluation.boundaries import boundary_model_card  # which imports this module

    write_model_record(directory, MODEL_FILE, meta, metrics, boundary_model_card, BOUNDARY_LIBRARIES)
    return directory


def load_boundary_model(directory: str | Path = DEFAULT_BOUNDARY_MODEL_DIR) -> tuple[ThaiBoundaryModel, dict]:
    """Read a model directory after checking the weights' SHA-256 against meta.json; anything else is refused."""
    directory = Path(directory)
    meta_path, model_path = directory / META_FILE, directory / MODEL_FILE
    if not meta_path.is_file() or not model_path.is_file():
        raise BoundaryModelError(f"{directory}: not a boundary model directory (needs {MODEL_FILE} and {META_FILE})")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BoundaryModelError(f"{meta_path}: not valid JSON ({error})") from error
    data = model_path.read_bytes()
    if not isinstance(meta, dict) or hashlib.sha256(data).hexdigest() != meta.get("model_sha256"):
        raise BoundaryModelError(f"{model_path}: SHA-256 does not match {META_FILE}; the model file was altered or replaced")
    params = meta.get("params") or {}
    model = ThaiBoundaryModel(**{key: value for key, value in params.items() if key in ThaiBoundaryModel().get_params()})
    model.crf_bytes_ = data
    model.sequences_ = meta.get("training_paragraphs", 0)
    model._tagger = None
    try:
        model.tagger  # noqa: B018 - open it now, so that a file CRFsuite cannot read fails here
    except Exception as error:
        raise BoundaryModelError(f"{model_path}: CRFsuite cannot read it ({error})") from error
    return model, meta
