"""Evaluate every stage on a corpus of real policies with gold annotation (``data/real``).

- **Segmentation**: boundary precision, recall and F1 of the pipeline's
  clauses against the gold clauses, per language and per format, beside raw
  references (spaCy's sentencizer, PyThaiNLP's crfcut) in the same run; and
  the *boilerplate clauses*, predicted clauses that overlap no gold clause
  (page furniture taken for policy text).
- **Categories**: the classifier on the gold clauses, read with their gold
  heading path and lead-in. With ``folds`` the corpus is scored by
  document-grouped cross-validation (a policy and its translation always in
  the same fold, every fold trained on ``labeled`` plus the other folds);
  without it, the given model is scored, and a model that was trained on any
  of these documents is refused (:class:`TrainedOnTestDataError`).
- **Attributes**: the extractors on the gold clauses, per family, language
  and format. They are rules, and the rules were developed on this corpus:
  the report says so.

Scores are grouped by the document's language (``sources.jsonl``), so a Thai
policy's English product names count as Thai.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from ..attributes import ATTRIBUTE_FAMILIES
from ..classify.estimator import DEFAULT_DESIGN, ClauseClassifier
from ..config import CATEGORIES
from ..datasets.corpus import CorpusDocument, corpus_frame, load_corpus
from ..datasets.labeled import load_labeled, source_fingerprints, split_labels
from .attributes import score_attribute_rows
from .categories import cross_val_predict_labels, precision_recall_f1, predict_labeled, score_labels
from .segmentation import SYSTEM_NOTES, BoundaryScore, clause_counts, score_systems, segment_spans

DEFAULT_CORPUS_FOLDS = 5
ATTRIBUTE_NOTE = "attribute rules were developed on this corpus: these figures are development scores, not held-out ones"
SEGMENTATION_NOTE = ("the English rules and the Thai rule filter were developed with this corpus in view, and the Thai "
                     "boundary model was trained on it: these are development figures; the held-out figure of the Thai "
                     "model is its document-grouped cross-validation (clauses train-segmenter, models/thai-boundaries-*/README.md)")


class TrainedOnTestDataError(ValueError):
    """Scoring a model on documents it was trained on, which would overstate it."""


def evaluate_corpus(
    corpus_dir: str | Path,
    model: ClauseClassifier | None = None,
    meta: dict | None = None,
    folds: int = 0,
    labeled: list[str | Path] | None = None,
    design: str = DEFAULT_DESIGN,
    seed: int = 0,
) -> dict[str, object]:
    """Segmentation, category and attribute scores on a corpus folder; see the module docstring.

    ``model``/``meta`` are scored when ``folds`` is 0; ``labeled`` (files or
    folders of labeled clauses) joins every training fold when ``folds`` > 0.
    """
    documents = load_corpus(corpus_dir)
    frame = corpus_frame(documents)
    report: dict[str, object] = {
        "corpus": str(corpus_dir),
        "documents": dict(Counter(f"{doc.lang}/{doc.format}" for doc in documents)),
        "clauses": dict(Counter(frame["doc_lang"])),
        "segmentation": score_corpus_segmentation(documents),
        "categories": score_corpus_categories(frame, model, meta, folds, labeled, design, seed),
        "attributes": score_corpus_attributes(frame),
    }
    return report


def score_corpus_segmentation(documents: list[CorpusDocument]) -> dict[str, object]:
    """Boundary scores of the shipped segmenters, the baseline and the raw references, clause-level scores, and boilerplate clauses, by language and format.

    Clause level (the shipped segmenters): a predicted clause counts only when
    its span is exactly a gold clause's (start and end), so one wrong boundary
    costs a whole clause on each side.
    """
    items = []
    boilerplate: Counter = Counter()
    predicted_total: Counter = Counter()
    clause_totals: dict[str, list[int]] = {}
    per_document = {}
    for doc in documents:
        gold = [(unit.start, unit.end, doc.lang) for unit in doc.clauses]
        items.append((doc.document, gold, doc.format))
        predicted = [(start, end) for start, end, _ in segment_spans(doc.document)]
        spans = [(start, end) for start, end, _ in gold]
        document_score = BoundaryScore()
        document_score.add(_keyed(predicted, "all"), _keyed(spans, "all"))
        stray = sum(not _overlaps(span, spans) for span in predicted)
        counted = clause_counts(predicted, spans)
        for key in (doc.lang, doc.format, f"{doc.lang}/{doc.format}", "all"):
            boilerplate[key] += stray
            predicted_total[key] += len(predicted)
            totals = clause_totals.setdefault(key, [0, 0, 0])
            for k in range(3):
                totals[k] += counted[k]
        per_document[doc.doc_id] = {
            **document_score.summary()["all"],
            "clause_f1": precision_recall_f1(*counted)["f1"],
            "boilerplate_clauses": stray,
        }
    return {
        **score_systems(items, document_language=True),
        "clauses": {key: {**precision_recall_f1(*counts), "gold": counts[0] + counts[2], "predicted": counts[0] + counts[1]}
                    for key, counts in sorted(clause_totals.items())},
        "boilerplate_clauses": {key: {"clauses": boilerplate[key], "of_predicted": predicted_total[key]} for key in sorted(boilerplate)},
        "documents": per_document,
        "systems": SYSTEM_NOTES,
        "baseline_is": SYSTEM_NOTES["baseline"],
        "note": SEGMENTATION_NOTE,
    }


def _keyed(spans: list[tuple[int, int]], key: str) -> list[tuple[int, int, str]]:
    return [(start, end, key) for start, end in spans]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def score_corpus_categories(
    frame: pd.DataFrame,
    model: ClauseClassifier | None,
    meta: dict | None,
    folds: int,
    labeled: list[str | Path] | None,
    design: str,
    seed: int,
) -> dict[str, object]:
    """Category scores on the gold clauses, cross-validated by document group or from a given model."""
    if folds:
        extra = load_labeled(labeled) if labeled else None
        predicted = cross_val_predict_labels(frame, folds, design, extra_training=extra, seed=seed)
        how = {"method": f"document-grouped {min(folds, frame['source'].nunique())}-fold cross-validation", "design": design,
               "training": "each fold: " + (", ".join(map(str, labeled)) + " + " if labeled else "") + "the other folds' real documents"}
    else:
        if model is None:
            raise ValueError("give a model to score, or folds > 0 for cross-validation")
        refuse_own_training_data(meta or {}, frame)
        _, predicted = predict_labeled(model, frame)
        how = {"method": "the given model, which was not trained on these documents", "model": (meta or {}).get("name", "?") + "-" + (meta or {}).get("version", "?")}
    gold = [split_labels(labels) for labels in frame["labels"]]
    return {**how, **score_groups(gold, predicted, frame)}


def score_groups(gold: list[list[str]], predicted: list[list[str]], frame: pd.DataFrame) -> dict[str, object]:
    """:func:`score_labels` for all rows, per document language, per format and per language and format."""
    result = {"all": score_labels(gold, predicted)}
    keys = {
        **{lang: frame["doc_lang"] == lang for lang in sorted(frame["doc_lang"].unique())},
        **{fmt: frame["format"] == fmt for fmt in sorted(frame["format"].unique())},
        **{f"{lang}/{fmt}": (frame["doc_lang"] == lang) & (frame["format"] == fmt)
           for lang, fmt in sorted(set(zip(frame["doc_lang"], frame["format"])))},
    }
    for key, mask in keys.items():
        rows = [i for i, keep in enumerate(mask) if keep]
        result[key] = score_labels([gold[i] for i in rows], [predicted[i] for i in rows])
    return result


def refuse_own_training_data(meta: dict, frame: pd.DataFrame) -> None:
    """Raise :class:`TrainedOnTestDataError` when the model was trained on any source of ``frame``.

    Sources are compared by the fingerprint of their clause texts
    (``training_sources`` in meta.json), so a renamed copy is caught too.
    """
    trained = set((meta.get("training_sources") or {}).values())
    overlap = sorted(source for source, fingerprint in source_fingerprints(frame).items() if fingerprint in trained)
    if overlap:
        shown = ", ".join(overlap[:5]) + (f" and {len(overlap) - 5} more" if len(overlap) > 5 else "")
        raise TrainedOnTestDataError(
            f"model {meta.get('name', '?')}-{meta.get('version', '?')} was trained on {len(overlap)} of the sources being "
            f"scored ({shown}); its score there would overstate it. Use cross-validation (--cv K), which trains "
            "without the documents it scores, or score another model."
        )


def score_corpus_attributes(frame: pd.DataFrame) -> dict[str, object]:
    """Attribute precision, recall and F1 per family by document language and by format, on the gold clauses."""
    rows = [
        {"id": f"{row.doc_id}:{row.start}", "lang": row.lang, "doc_lang": row.doc_lang, "format": row.format,
         "section_path": [part for part in row.section_path.split(" > ") if part], "lead_in": row.lead_in or None,
         "text": row.text, "expected": row.attributes}
        for row in frame.itertuples(index=False)
    ]
    by_language = score_attribute_rows(rows, group="doc_lang")
    by_format = score_attribute_rows(rows, group="format")
    return {
        "families": by_language["families"],
        "by_format": by_format["families"],
        "errors": by_language["errors"],
        "note": ATTRIBUTE_NOTE,
    }


def corpus_agreement(corpus_dir: str | Path, second_dir_name: str = "gold-second") -> dict[str, object]:
    """Agreement of the blind second annotation with the gold, on the documents annotated twice.

    Boundaries: F1 of the second annotator's clause boundaries against the
    gold's. Categories and attributes: micro-F1 over the clauses both
    annotators delimited identically (the second annotation scored against
    the gold).
    """
    second = {doc.doc_id: doc for doc in load_corpus(corpus_dir, second_dir_name, require_gold=False)}
    first = {doc.doc_id: doc for doc in load_corpus(corpus_dir) if doc.doc_id in second}
    boundaries = BoundaryScore()
    gold_labels: list[list[str]] = []
    other_labels: list[list[str]] = []
    attribute_counts: dict[str, list[float]] = {family: [0.0, 0.0, 0.0] for family in ATTRIBUTE_FAMILIES}
    clauses: Counter = Counter()
    for doc_id, doc in first.items():
        gold_spans = {(unit.start, unit.end): unit for unit in doc.clauses}
        other_spans = {(unit.start, unit.end): unit for unit in second[doc_id].clauses}
        boundaries.add(_keyed(list(other_spans), doc.lang), _keyed(list(gold_spans), doc.lang))
        clauses[doc.lang] += len(gold_spans)
        for span in sorted(set(gold_spans) & set(other_spans)):
            gold_labels.append(list(gold_spans[span].labels))
            other_labels.append(list(other_spans[span].labels))
            _count_attributes(attribute_counts, gold_spans[span], other_spans[span], doc.lang)
    return {
        "documents": sorted(first),
        "clauses_annotated_twice": dict(clauses),
        "matched_clauses": len(gold_labels),
        "boundaries": boundaries.summary(),
        "categories": score_labels(gold_labels, other_labels, CATEGORIES),
        "attributes": {
            family: {**precision_recall_f1(*counts), "support": int(counts[0] + counts[2])}
            for family, counts in attribute_counts.items()
        },
    }


def _count_attributes(counts: dict[str, list[float]], gold, other, lang: str) -> None:
    from .attributes import item_keys

    for family in ATTRIBUTE_FAMILIES:
        expected = item_keys(family, gold.attributes.get(family, []), lang)
        found = item_keys(family, other.attributes.get(family, []), lang)
        counts[family][0] += len(expected & found)
        counts[family][1] += len(found - expected)
        counts[family][2] += len(expected - found)
