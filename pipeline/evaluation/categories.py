"""Evaluate clause classification: per-category, micro and macro scores, per language."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import CATEGORIES
from ..classify.features import labeled_inputs
from ..datasets.labeled import split_labels
from ..classify.estimator import DEFAULT_DESIGN, ClauseClassifier

DEFAULT_FOLDS = 5


def score_labels(
    gold: list[list[str]], predicted: list[list[str]], labels: tuple[str, ...] = CATEGORIES
) -> dict[str, object]:
    """Precision, recall and F1 per category, micro and macro averaged.

    Macro averages run over the categories that occur in ``gold``.
    """
    per_category = {}
    totals = np.zeros(3)
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, predicted))
        fp = sum(label not in g and label in p for g, p in zip(gold, predicted))
        fn = sum(label in g and label not in p for g, p in zip(gold, predicted))
        totals += (tp, fp, fn)
        per_category[label] = {**precision_recall_f1(tp, fp, fn), "support": tp + fn}
    present = [scores for scores in per_category.values() if scores["support"]]
    return {
        "rows": len(gold),
        "micro": precision_recall_f1(*totals),
        "macro": {
            key: float(np.mean([scores[key] for scores in present])) if present else 0.0
            for key in ("precision", "recall", "f1")
        },
        "per_category": per_category,
    }


def precision_recall_f1(tp: float, fp: float, fn: float) -> dict[str, float]:
    """Precision, recall and F1 from counts; 0.0 where a ratio is undefined."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_by_language(gold: list[list[str]], predicted: list[list[str]], langs: list[str]) -> dict[str, object]:
    """:func:`score_labels` for all rows and for each language separately."""
    result = {"all": score_labels(gold, predicted)}
    for lang in sorted(set(langs)):
        rows = [i for i, value in enumerate(langs) if value == lang]
        result[lang] = score_labels([gold[i] for i in rows], [predicted[i] for i in rows])
    return result


def cross_validate(
    frame: pd.DataFrame,
    folds: int = DEFAULT_FOLDS,
    design: str = DEFAULT_DESIGN,
    tune_thresholds: bool = True,
    extra_training: pd.DataFrame | None = None,
    seed: int = 0,
) -> dict[str, object]:
    """Grouped K-fold cross-validation on labeled rows; groups are the rows' ``source``.

    Every row is predicted by a model that never saw its source (policy or
    batch). ``extra_training`` rows join every training fold and are never
    tested on.
    """
    predicted = cross_val_predict_labels(frame, folds, design, tune_thresholds, extra_training, seed)
    gold = [split_labels(labels) for labels in frame["labels"]]
    return {"folds": min(folds, frame["source"].nunique()), "design": design, **score_by_language(gold, predicted, list(frame["lang"]))}


def cross_val_predict_labels(
    frame: pd.DataFrame,
    folds: int = DEFAULT_FOLDS,
    design: str = DEFAULT_DESIGN,
    tune_thresholds: bool = True,
    extra_training: pd.DataFrame | None = None,
    seed: int = 0,
) -> list[list[str]]:
    """The labels of every row as predicted by a model trained on the other folds (grouped by ``source``)."""
    from sklearn.model_selection import GroupKFold

    inputs = labeled_inputs(frame)
    gold = [split_labels(labels) for labels in frame["labels"]]
    groups = frame["source"].to_numpy()
    folds = min(folds, len(set(groups)))
    if folds < 2:
        raise ValueError(f"cross-validation needs rows from at least 2 sources; got {len(set(groups))}")
    extra_inputs = labeled_inputs(extra_training) if extra_training is not None else None
    predicted: list[list[str]] = [[] for _ in gold]
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(inputs, groups=groups):
        train_inputs, train_gold, train_groups = inputs.iloc[train], [gold[i] for i in train], list(groups[train])
        if extra_inputs is not None:
            train_inputs = pd.concat([train_inputs, extra_inputs], ignore_index=True)
            train_gold += [split_labels(labels) for labels in extra_training["labels"]]
            train_groups += list(extra_training["source"])
        model = ClauseClassifier(design=design, tune_thresholds=tune_thresholds)
        model.fit(train_inputs, train_gold, groups=train_groups)
        for i, labels in zip(test, model.predict_labels(inputs.iloc[test])):
            predicted[i] = labels
    return predicted


def predict_labeled(model: ClauseClassifier, frame: pd.DataFrame) -> tuple[list[list[str]], list[list[str]]]:
    """The gold and the predicted labels of labeled rows, as lists of category ids."""
    gold = [split_labels(labels) for labels in frame["labels"]]
    return gold, model.predict_labels(labeled_inputs(frame))


def evaluate_model(model: ClauseClassifier, frame: pd.DataFrame) -> dict[str, object]:
    """Scores of a trained model on labeled rows, per language."""
    gold, predicted = predict_labeled(model, frame)
    return score_by_language(gold, predicted, list(frame["lang"]))


def transfer_score(frame: pd.DataFrame, design: str, source: str = "en", target: str = "th") -> dict[str, object]:
    """Train on one language only and score on the other: how far the features carry across."""
    train, test = frame[frame["lang"] == source], frame[frame["lang"] == target]
    model = ClauseClassifier(design=design, tune_thresholds=False)
    model.fit(labeled_inputs(train), [split_labels(labels) for labels in train["labels"]])
    return evaluate_model(model, test)["all"]


def compare_designs(
    frame: pd.DataFrame, designs: list[str], folds: int = DEFAULT_FOLDS, extra_training: pd.DataFrame | None = None
) -> dict[str, dict]:
    """Cross-validated scores per language, and English-to-Thai transfer, for each design.

    ``frame`` rows are scored by grouped cross-validation; ``extra_training``
    rows join every training fold (and the transfer test's training).
    """
    comparison = {}
    everything = frame if extra_training is None else pd.concat([frame, extra_training], ignore_index=True)
    for design in designs:
        scores = cross_validate(frame, folds, design, extra_training=extra_training)
        transfer = transfer_score(everything, design)
        comparison[design] = {
            **{
                f"{lang}_{average}_f1": scores[lang][average]["f1"]
                for lang in ("all", "en", "th")
                if lang in scores
                for average in ("micro", "macro")
            },
            "en_to_th_micro_f1": transfer["micro"]["f1"],
        }
    return comparison
