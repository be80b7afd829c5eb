"""Train and evaluate the Thai boundary model: document-grouped cross-validation on the real policies.

Every fold holds out one group of ``data/real`` (a Thai policy, with its
English translation when it has one) and trains on everything else: the other
real documents, the seeds' and dev policies' gold, and the written clauses.
The held-out Thai documents are then segmented three ways, in the same run:

- ``model``: the boundary model trained on that fold;
- ``rules``: the rule filter over crfcut that the model replaces (the baseline);
- ``crfcut``: every sentence start PyThaiNLP's crfcut proposes, unfiltered.

Two scores per system and fold, as boundary precision, recall and F1:

- ``paragraphs``: the clause starts inside the paragraphs ingest found, which
  is the segmenter's own task (a paragraph's edges are not counted);
- ``documents``: the whole pipeline's clauses against the gold clauses, as
  ``clauses evaluate --corpus`` scores them, structure included; and
  ``documents_policy_text``, the same without the predicted clauses that
  overlap no gold clause (page furniture and headings taken for clauses,
  which ingest decides: issue 14), to show what the segmenter leaves; and
- ``clauses``: clause level over whole documents, where a predicted clause
  counts only when both its ends are a gold clause's.

The folds are fixed by the corpus, so the figures are reproducible; the
model's features and settings were chosen while looking at these folds, so
they are mildly optimistic (the report says so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..config import DEFAULT_REAL_CORPUS_DIR
from ..datasets.boundaries import GoldParagraph, training_paragraphs
from ..datasets.corpus import CorpusDocument, load_corpus
from ..segment.boundary_model import ThaiBoundaryModel
from ..segment.clauses import get_segmenter
from ..segment.thai_features import thai_candidates
from ..text.language import THAI
from .categories import precision_recall_f1
from .segmentation import BoundaryScore, clause_counts, segment_spans

SYSTEMS = ("model", "rules", "crfcut")
_CLAUSE_KINDS = ("tp", "fp", "fn")
CV_NOTE = ("document-grouped cross-validation on data/real: each fold trains on everything but one group (a Thai policy "
           "and its translation); the features and settings were chosen while looking at these folds, so the figures are "
           "mildly optimistic")
#: Sources left out of training in each ablation (by the prefix of GoldParagraph.source).
ABLATIONS = {
    "without written clauses": ("written:",),
    "without joined gold clauses": ("joined:",),
    "without seeds and dev gold": ("seed:", "dev:"),
    "real paragraphs only": ("written:", "joined:", "seed:", "dev:"),
}


def cross_validate_boundaries(
    corpus_dir: str | Path = DEFAULT_REAL_CORPUS_DIR,
    paragraphs: Sequence[GoldParagraph] | None = None,
    params: dict | None = None,
    ablations: bool = False,
) -> dict[str, object]:
    """Grouped cross-validation of the boundary model against the rule filter and raw crfcut; see the module docstring."""
    documents = load_corpus(corpus_dir)
    paragraphs = list(paragraphs) if paragraphs is not None else training_paragraphs(THAI, corpus_dir=corpus_dir)
    candidates = [thai_candidates(p.text, p.is_item) for p in paragraphs]
    groups = sorted({doc.group for doc in documents if doc.lang == THAI})
    folds, totals = [], _Totals()
    for group in groups:
        train = [i for i, p in enumerate(paragraphs) if not _held_out(p, group)]
        model = ThaiBoundaryModel(**(params or {})).fit([paragraphs[i] for i in train], candidates=[candidates[i] for i in train])
        test_paragraphs = [i for i, p in enumerate(paragraphs) if p.source.startswith("real:") and p.group == group]
        test_documents = [doc for doc in documents if doc.group == group and doc.lang == THAI]
        fold = _Totals()
        for i in test_paragraphs:
            predicted = {
                "model": model.predict_candidates(candidates[i]),
                "rules": get_segmenter(THAI, "rules")([paragraphs[i].text])[0],
                "crfcut": get_segmenter(THAI, "crfcut")([paragraphs[i].text])[0],
            }
            fold.add_paragraph(paragraphs[i], predicted)
        engines = {"model": model.predict, "rules": "rules", "crfcut": "crfcut"}
        for doc in test_documents:
            fold.add_document(doc, engines)
        totals.merge(fold)
        folds.append({"group": group, "documents": [doc.doc_id for doc in test_documents],
                      "gold_paragraph_boundaries": sum(len(paragraphs[i].starts) for i in test_paragraphs), **fold.summary()})
    report: dict[str, object] = {
        "corpus": str(corpus_dir),
        "method": CV_NOTE,
        "params": ThaiBoundaryModel(**(params or {})).get_params(),
        "training_boundaries": dict(Counter(p.source.split(":", 1)[0] for p in paragraphs for _ in p.starts)),
        "folds": folds,
        "overall": totals.summary(),
        "by_format": totals.by_format(),
    }
    if ablations:
        report["ablations"] = {
            name: _paragraph_cv([p for p in paragraphs if not p.source.startswith(left_out)],
                                [c for p, c in zip(paragraphs, candidates) if not p.source.startswith(left_out)], groups, params)
            for name, left_out in ABLATIONS.items()
        }
    return report


def _held_out(paragraph: GoldParagraph, group: str) -> bool:
    """A paragraph of the held-out group's real documents (their own paragraphs or their joined gold clauses)."""
    return paragraph.group == group and paragraph.source.startswith(("real:", "joined:"))


def _paragraph_cv(paragraphs: list[GoldParagraph], candidates: list, groups: list[str], params: dict | None) -> dict[str, float]:
    """Paragraph-level cross-validated P/R/F1 of the model trained on ``paragraphs`` (an ablation)."""
    tp = fp = fn = 0
    for group in groups:
        train = [i for i, p in enumerate(paragraphs) if not _held_out(p, group)]
        model = ThaiBoundaryModel(**(params or {})).fit([paragraphs[i] for i in train], candidates=[candidates[i] for i in train])
        for i, paragraph in enumerate(paragraphs):
            if paragraph.source.startswith("real:") and paragraph.group == group:
                gold, predicted = set(paragraph.starts), set(model.predict_candidates(candidates[i]))
                tp, fp, fn = tp + len(gold & predicted), fp + len(predicted - gold), fn + len(gold - predicted)
    return {**precision_recall_f1(tp, fp, fn), "gold": tp + fn, "predicted": tp + fp}


class _Totals:
    """Boundary counts per system: inside paragraphs, and over whole documents (all, and policy text only) per format."""

    def __init__(self) -> None:
        self.paragraphs = {system: [0, 0, 0] for system in SYSTEMS}
        self.documents = {system: BoundaryScore() for system in SYSTEMS}
        self.policy_text = {system: BoundaryScore() for system in SYSTEMS}
        self.clauses: dict[str, Counter] = {system: Counter() for system in SYSTEMS}  # (key, tp | fp | fn) -> clauses

    def add_paragraph(self, paragraph: GoldParagraph, predicted: dict[str, list[int]]) -> None:
        gold = set(paragraph.starts)
        for system, cuts in predicted.items():
            found = set(cuts)
            counts = self.paragraphs[system]
            counts[0] += len(gold & found)
            counts[1] += len(found - gold)
            counts[2] += len(gold - found)

    def add_document(self, doc: CorpusDocument, engines: dict) -> None:
        gold = [(unit.start, unit.end) for unit in doc.clauses]
        for system, engine in engines.items():
            predicted = [(start, end) for start, end, _ in segment_spans(doc.document, {THAI: engine})]
            policy = [span for span in predicted if any(start < span[1] and span[0] < end for start, end in gold)]
            counted = clause_counts(predicted, gold)
            for key in ("all", doc.format):
                self.clauses[system].update({(key, kind): count for kind, count in zip(_CLAUSE_KINDS, counted)})
                self.documents[system].add([(s, e, key) for s, e in predicted], [(s, e, key) for s, e in gold])
                self.policy_text[system].add([(s, e, key) for s, e in policy], [(s, e, key) for s, e in gold])

    def merge(self, other: _Totals) -> None:
        for system in SYSTEMS:
            for k in range(3):
                self.paragraphs[system][k] += other.paragraphs[system][k]
            for mine, theirs in ((self.documents[system], other.documents[system]), (self.policy_text[system], other.policy_text[system])):
                mine.true_positives.update(theirs.true_positives)
                mine.false_positives.update(theirs.false_positives)
                mine.false_negatives.update(theirs.false_negatives)
            self.clauses[system].update(other.clauses[system])

    def summary(self) -> dict[str, dict]:
        return {
            system: {
                "paragraphs": {**precision_recall_f1(*self.paragraphs[system]),
                               "gold": self.paragraphs[system][0] + self.paragraphs[system][2],
                               "predicted": self.paragraphs[system][0] + self.paragraphs[system][1]},
                "documents": self.documents[system]._prf("all"),
                "documents_policy_text": self.policy_text[system]._prf("all"),
                "clauses": self._clause_prf(system, "all"),
            }
            for system in SYSTEMS
        }

    def _clause_prf(self, system: str, key: str) -> dict[str, float]:
        """Clause-level scores: a predicted clause counts only when both its ends are a gold clause's."""
        counts = [self.clauses[system][key, kind] for kind in _CLAUSE_KINDS]
        return {**precision_recall_f1(*counts), "gold": counts[0] + counts[2], "predicted": counts[0] + counts[1]}

    def by_format(self) -> dict[str, dict]:
        formats = sorted(set(self.documents["model"].true_positives) | set(self.documents["model"].false_negatives) - {"all"})
        return {fmt: {system: {"documents": self.documents[system]._prf(fmt), "documents_policy_text": self.policy_text[system]._prf(fmt),
                               "clauses": self._clause_prf(system, fmt)}
                      for system in SYSTEMS} for fmt in formats if fmt != "all"}


def boundary_model_card(meta: dict, metrics: dict) -> str:
    """The model card (README.md) of a boundary model directory, from its meta.json and metrics.json."""
    lines = [
        f"# Model card: {meta['name']} {meta['version']}",
        "",
        "Thai clause boundaries for the policy-clauses segmenter: for every run of whitespace inside a Thai paragraph,",
        "whether a new clause (one complete statement, data/real/GUIDE.md section 3) starts after it. A local model",
        "(CRFsuite, L-BFGS, L1 + L2) reads each candidate's features (PyThaiNLP crfcut's vote and probability there,",
        "newmm words and their Orchid unigram part of speech on each side, the space, punctuation, brackets, cue words",
        "of the annotation guide, chunk lengths, list items) and the clause the boundary would close (its length, how",
        "it opened, whether a condition or fronted phrase still waits for its main clause); a beam search reads the",
        "paragraph left to right (`pipeline/segment/boundary_model.py`, `pipeline/segment/thai_features.py`).",
        "",
        f"- Weights: `model.crfsuite` (CRFsuite's own format: weights and feature strings, no code), SHA-256 `{meta['model_sha256']}`,",
        "  checked against `meta.json` before loading.",
        f"- Settings: {', '.join(f'{k}={v}' for k, v in sorted(meta['params'].items()))}",
        f"- Training: {meta['training_paragraphs']} paragraphs; gold boundaries by source: "
        + ", ".join(f"{k} {v}" for k, v in sorted(meta['training_boundaries'].items())),
        f"- Training data SHA-256: `{meta['training_data_sha256']}`",
        f"- Libraries: {', '.join(f'{k} {v}' for k, v in meta['libraries'].items())}",
        "",
        "Training data: the Thai paragraphs of data/real (gold JSONL), of the seeds (data/labeled/segmentation) and of",
        "the dev policies (data/dev/segmentation) with the gold clause starts inside them; runs of three consecutive",
        "one-line gold clauses of the same documents joined by a space (`joined`); the written Thai clauses",
        "(data/labeled/written/th_*.csv), list items alone and pairs of other rows joined (`written`). The weights",
        "keep single words and word pairs of these texts as feature names, no passages; the texts' licences are listed",
        "in data/real/README.md.",
        "",
    ]
    cv = metrics.get("cross_validation")
    if cv:
        lines += [
            "## Document-grouped cross-validation on data/real (Thai)",
            "",
            cv["method"] + ".",
            "",
            "Inside paragraphs (the segmenter's task), precision / recall / F1:",
            "",
            "| held-out group | documents | gold | model | rules (baseline) | raw crfcut |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for fold in cv["folds"]:
            lines.append(f"| {fold['group']} | {', '.join(fold['documents'])} | {fold['gold_paragraph_boundaries']} | "
                         + " | ".join(_prf(fold[system]["paragraphs"]) for system in SYSTEMS) + " |")
        overall = cv["overall"]
        lines.append(f"| **all** | | {overall['model']['paragraphs']['gold']} | "
                     + " | ".join(f"**{_prf(overall[system]['paragraphs'])}**" for system in SYSTEMS) + " |")
        lines += [
            "",
            "Whole documents (every clause boundary of the pipeline against the gold, structure from ingest included), and",
            "the same without predicted clauses that overlap no gold clause (page furniture, headings taken for clauses):",
            "",
            "| held-out group | model | rules (baseline) | raw crfcut | model, policy text | rules, policy text | crfcut, policy text |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for fold in cv["folds"]:
            lines.append(f"| {fold['group']} | " + " | ".join(_prf(fold[s]["documents"]) for s in SYSTEMS) + " | "
                         + " | ".join(_prf(fold[s]["documents_policy_text"]) for s in SYSTEMS) + " |")
        lines.append("| **all** | " + " | ".join(f"**{_prf(overall[s]['documents'])}**" for s in SYSTEMS) + " | "
                     + " | ".join(f"**{_prf(overall[s]['documents_policy_text'])}**" for s in SYSTEMS) + " |")
        for fmt, by_system in cv.get("by_format", {}).items():
            lines.append(f"| {fmt} documents | " + " | ".join(_prf(by_system[s]["documents"]) for s in SYSTEMS) + " | "
                         + " | ".join(_prf(by_system[s]["documents_policy_text"]) for s in SYSTEMS) + " |")
        lines += [
            "",
            "Clause level over whole documents (a predicted clause counts only when both its ends are a gold clause's):",
            "",
            "| held-out group | model | rules (baseline) | raw crfcut |",
            "| --- | --- | --- | --- |",
        ]
        lines += [f"| {fold['group']} | " + " | ".join(_prf(fold[s]["clauses"]) for s in SYSTEMS) + " |" for fold in cv["folds"]]
        lines.append("| **all** | " + " | ".join(f"**{_prf(overall[s]['clauses'])}**" for s in SYSTEMS) + " |")
        lines += [f"| {fmt} documents | " + " | ".join(_prf(by_system[s]["clauses"]) for s in SYSTEMS) + " |"
                  for fmt, by_system in cv.get("by_format", {}).items()]
        if cv.get("ablations"):
            lines += ["", "Training data ablations (inside paragraphs, same folds):", "", "| training | P / R / F1 |", "| --- | --- |",
                      f"| everything (shipped) | {_prf(overall['model']['paragraphs'])} |"]
            lines += [f"| {name} | {_prf(scores)} |" for name, scores in cv["ablations"].items()]
    lines += ["", "Reproduce: `clauses train-segmenter --out models/thai-boundaries-1.0.1 --force --ablations` (metrics.json keeps every figure).", ""]
    return "\n".join(lines)


def _prf(scores: dict) -> str:
    return f"{scores['precision']:.3f} / {scores['recall']:.3f} / {scores['f1']:.3f}"
