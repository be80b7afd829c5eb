"""Train the Thai boundary model on every gold boundary of the project and write it with its metrics and card."""

from __future__ import annotations

from pathlib import Path

from ..config import DEFAULT_REAL_CORPUS_DIR
from ..datasets.boundaries import training_paragraphs
from ..text.language import THAI
from .boundary_model import DEFAULT_BOUNDARY_MODEL_NAME, DEFAULT_BOUNDARY_MODEL_VERSION, ThaiBoundaryModel, save_boundary_model
from .thai_features import thai_candidates


def train_boundary_model(
    out: str | Path,
    corpus_dir: str | Path = DEFAULT_REAL_CORPUS_DIR,
    cross_validate: bool = True,
    ablations: bool = False,
    params: dict | None = None,
    name: str = DEFAULT_BOUNDARY_MODEL_NAME,
    version: str = DEFAULT_BOUNDARY_MODEL_VERSION,
) -> tuple[ThaiBoundaryModel, dict]:
    """Fit the model on all gold Thai paragraphs, cross-validate it by document group, and save it to ``out``.

    Returns the model and the metrics written to ``metrics.json``.
    """
    paragraphs = training_paragraphs(THAI, corpus_dir=corpus_dir)
    candidates = [thai_candidates(p.text, p.is_item) for p in paragraphs]
    model = ThaiBoundaryModel(**(params or {})).fit(paragraphs, candidates=candidates)
    metrics: dict = {"training_paragraphs": len(paragraphs)}
    if cross_validate:
        from ..evaluation.boundaries import cross_validate_boundaries

        metrics["cross_validation"] = cross_validate_boundaries(corpus_dir, paragraphs, params, ablations=ablations)
    save_boundary_model(model, out, paragraphs, metrics, name, version)
    return model, metrics
