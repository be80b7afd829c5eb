"""Benchmark: how long training the default clause model takes, against a reference fit.

Run: python benchmarks/train_time.py
Writes benchmarks/results/train_time.json. The reference is a plain TF-IDF
(word unigrams) + logistic regression fit on the same clauses in the same
run, so the ratio stays comparable on a shared, noisy machine.
"""

from __future__ import annotations

import json
import os
import platform
import time
import warnings
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from pipeline.classify.estimator import DEFAULT_DESIGN
from pipeline.classify.training import fit_classifier, training_frame
from pipeline.datasets.labeled import split_labels

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "train_time.json"


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    warnings.filterwarnings("ignore")
    # What the shipped model is trained on: the labeled clauses and the gold of the real corpus.
    frame = training_frame([REPO / "data" / "labeled"], None, [REPO / "data" / "real"])
    labels = MultiLabelBinarizer().fit_transform([split_labels(x) for x in frame["labels"]])
    reference = timed(
        lambda: OneVsRestClassifier(LogisticRegression(max_iter=2000)).fit(
            TfidfVectorizer().fit_transform(frame["text"]), labels
        )
    )
    default = timed(lambda: fit_classifier(frame, DEFAULT_DESIGN))
    result = {
        "rows": len(frame),
        "design": DEFAULT_DESIGN,
        "default_model_seconds": round(default, 2),
        "reference_tfidf_lr_seconds": round(reference, 2),
        "ratio_to_reference": round(default / reference, 1),
        "under_3_minutes": default < 180,
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
