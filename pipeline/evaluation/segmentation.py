"""Score clause boundaries against the hand-made gold segmentations.

A boundary is the start or the end offset of a clause (headings are not
clauses, so a heading taken for a clause costs two false boundaries). Scores
are micro-averaged over documents and split by the language of the clause a
boundary belongs to. Two references are scored in the same run: the raw
spaCy sentencizer (English lines) and raw PyThaiNLP crfcut (Thai lines),
each run line by line with every line taken as text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import DEFAULT_GOLD_SEGMENTATION_DIR, DEFAULT_INPUT_DIR
from .categories import precision_recall_f1
from ..datasets.gold_tsv import align_gold, read_gold
from ..ingest.files import HTML_SUFFIXES, read_document
from ..records import Document
from ..text.language import THAI, detect_language
from ..segment.clauses import segment_clauses
from ..text.chars import line_spans, trim_span

Span = tuple[int, int, str]  # start, end, lang


@dataclass
class BoundaryScore:
    """Boundary counts of one system, per language."""

    true_positives: Counter = field(default_factory=Counter)
    false_positives: Counter = field(default_factory=Counter)
    false_negatives: Counter = field(default_factory=Counter)

    def add(self, predicted: Iterable[Span], gold: Iterable[Span]) -> None:
        predicted_bounds = _boundaries(predicted)
        gold_bounds = _boundaries(gold)
        for offset, lang in gold_bounds.items():
            if offset in predicted_bounds:
                self.true_positives[lang] += 1
            else:
                self.false_negatives[lang] += 1
        for offset, lang in predicted_bounds.items():
            if offset not in gold_bounds:
                self.false_positives[lang] += 1

    def summary(self) -> dict[str, dict[str, float]]:
        """Precision, recall, F1 and counts per language and for all languages."""
        langs = sorted(set(self.true_positives) | set(self.false_positives) | set(self.false_negatives))
        result = {lang: self._prf(lang) for lang in langs}
        result["all"] = self._prf(None)
        return result

    def _prf(self, lang: str | None) -> dict[str, float]:
        def total(counter: Counter) -> int:
            return sum(counter.values()) if lang is None else counter[lang]

        tp, fp, fn = total(self.true_positives), total(self.false_positives), total(self.false_negatives)
        return {**precision_recall_f1(tp, fp, fn), "gold": tp + fn, "predicted": tp + fp}


def _boundaries(spans: Iterable[Span]) -> dict[int, str]:
    bounds: dict[int, str] = {}
    for start, end, lang in spans:
        bounds.setdefault(start, lang)
        bounds.setdefault(end, lang)
    return bounds


def segment_spans(document: Document) -> list[Span]:
    """The clause spans the pipeline finds in a document, as offsets into its decoded text."""
    clauses, _ = segment_clauses(document)
    spans = []
    for clause in clauses:
        start, end = document.to_text_span(clause.start, clause.end)
        spans.append((start, end, clause.lang))
    return spans


def line_baseline_spans(document: Document) -> list[Span]:
    """Every line of the document's view split by the raw sentencizer (English) or raw crfcut (Thai)."""
    from pythainlp.tokenize import sent_tokenize

    english = _raw_sentencizer()
    view = document.view
    spans = []
    for start, end in line_spans(view):
        line = view[start:end]
        if detect_language(line) == THAI:
            pieces = sent_tokenize(line, engine="crfcut")
        else:
            pieces = [sentence.text_with_ws for sentence in english(line).sents]
        cursor = start
        for piece in pieces:
            piece_start, piece_end = trim_span(view, cursor, cursor + len(piece))
            cursor += len(piece)
            if piece_start < piece_end:
                text_start, text_end = document.to_text_span(piece_start, piece_end)
                spans.append((text_start, text_end, detect_language(view[piece_start:piece_end])))
    return spans


def _raw_sentencizer() -> Callable:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def evaluate_segmentation(
    raw_dir: str | Path = DEFAULT_INPUT_DIR,
    gold_dir: str | Path = DEFAULT_GOLD_SEGMENTATION_DIR,
) -> dict[str, dict]:
    """Boundary scores of the pipeline and of the raw references on every gold file.

    Returns ``{"pipeline": {...}, "baseline": {...}, "documents": [...]}`` where
    each score maps a language (and ``"all"``) to precision, recall and F1.
    """
    raw_dir, gold_dir = Path(raw_dir), Path(gold_dir)
    pipeline_score, baseline_score = BoundaryScore(), BoundaryScore()
    documents = []
    for gold_path in sorted(gold_dir.glob("*.tsv")):
        matches = sorted(p for p in raw_dir.glob(gold_path.stem + ".*") if p.is_file())
        if not matches:
            raise FileNotFoundError(f"{gold_path}: no policy named {gold_path.stem}.* in {raw_dir}")
        document = read_document(matches[0], raw_dir)
        gold = [
            (unit.start, unit.end, detect_language(unit.text))
            for unit in align_gold(read_gold(gold_path), document.text, str(gold_path), markup=matches[0].suffix in HTML_SUFFIXES)
            if not unit.is_heading
        ]
        predicted = segment_spans(document)
        pipeline_score.add(predicted, gold)
        baseline_score.add(line_baseline_spans(document), gold)
        documents.append(gold_path.stem)
    return {"pipeline": pipeline_score.summary(), "baseline": baseline_score.summary(), "documents": documents}
