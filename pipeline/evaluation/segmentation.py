"""Score clause boundaries against the hand-made gold segmentations.

A boundary is the start or the end offset of a clause (headings are not
clauses, so a heading taken for a clause costs two false boundaries). Scores
are micro-averaged over documents and split by the language of the clause a
boundary belongs to, by the format of the file and by both. In the same run
(:data:`SYSTEMS`): the shipped segmenters (``pipeline``), the Thai rule
filter they replaced (``baseline``), raw PyThaiNLP crfcut and raw spaCy
sentencizer inside ingest's paragraphs (``raw``), and the same raw
segmenters run line by line with every line taken as text (``lines``).
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
from ..text.language import ENGLISH, THAI, UNDETERMINED, detect_language
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


def clause_counts(predicted: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> tuple[int, int, int]:
    """Clause-level true positives, false positives and false negatives: a clause counts only when both its ends match.

    >>> clause_counts([(0, 10), (10, 30)], [(0, 10), (10, 20), (20, 30)])
    (1, 1, 2)
    """
    predicted, gold = set(predicted), set(gold)
    exact = len(predicted & gold)
    return exact, len(predicted) - exact, len(gold) - exact


def _boundaries(spans: Iterable[Span]) -> dict[int, str]:
    bounds: dict[int, str] = {}
    for start, end, lang in spans:
        bounds.setdefault(start, lang)
        bounds.setdefault(end, lang)
    return bounds


def segment_spans(document: Document, engines: dict | None = None) -> list[Span]:
    """The clause spans the pipeline finds in a document, as offsets into its decoded text.

    ``engines`` picks a segmenter per language, as :func:`~pipeline.segment.clauses.segment_clauses` takes them.
    """
    clauses, _ = segment_clauses(document, engines)
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


#: The segmenters compared in one run, as engines per language (pipeline.segment.clauses.ENGINES); the
#: line-by-line references (``lines``) are scored beside them.
SYSTEMS: dict[str, dict[str, str]] = {
    "pipeline": {},
    "baseline": {THAI: "rules"},
    "raw": {THAI: "crfcut", ENGLISH: "sentencizer", UNDETERMINED: "sentencizer"},
}
SYSTEM_NOTES = {
    "pipeline": "the shipped segmenters: Thai boundary model (models/thai-boundaries-*), English sentencizer + policy rules",
    "baseline": "Thai: the rule filter over crfcut the model replaced; English: the same rules as the pipeline",
    "raw": "raw PyThaiNLP crfcut (Thai) and raw spaCy sentencizer (English) inside the paragraphs ingest found",
    "lines": "raw crfcut and raw sentencizer over every line, without ingest's structure",
}


class GroupedScore:
    """Boundary counts by language, by format and by language and format; ``all`` counts each boundary once."""

    def __init__(self) -> None:
        self.by_language, self.by_format, self.by_both = BoundaryScore(), BoundaryScore(), BoundaryScore()

    def add(self, predicted: list[Span], gold: list[Span], fmt: str) -> None:
        self.by_language.add(predicted, gold)
        self.by_format.add([(s, e, fmt) for s, e, _ in predicted], [(s, e, fmt) for s, e, _ in gold])
        self.by_both.add([(s, e, f"{lang}/{fmt}") for s, e, lang in predicted], [(s, e, f"{lang}/{fmt}") for s, e, lang in gold])

    def summary(self) -> dict[str, dict[str, float]]:
        """Scores per language, format and language/format, plus ``LANG/txt+md``: the formats without page furniture."""
        result = self.by_language.summary()
        for score in (self.by_format, self.by_both):
            result.update({key: value for key, value in score.summary().items() if key != "all"})
        for lang in [key for key in self.by_language.summary() if key != "all"]:
            keys = [f"{lang}/txt", f"{lang}/md"]
            counts = [sum(counter[key] for key in keys) for counter in
                      (self.by_both.true_positives, self.by_both.false_positives, self.by_both.false_negatives)]
            if sum(counts):
                tp, fp, fn = counts
                result[f"{lang}/txt+md"] = {**precision_recall_f1(tp, fp, fn), "gold": tp + fn, "predicted": tp + fp}
        return result


def score_systems(items: list[tuple[Document, list[Span], str]], document_language: bool = False) -> dict[str, dict]:
    """Every system of :data:`SYSTEMS` and the line references on (document, gold spans, format) items, in one run.

    With ``document_language`` every predicted clause counts under the
    language of the gold spans (the document's), as a corpus is grouped;
    otherwise under its own (a Markdown rule "---" is ``und``).
    """
    scores = {system: GroupedScore() for system in [*SYSTEMS, "lines"]}
    for document, gold, fmt in items:
        lang = gold[0][2] if document_language and gold else None
        for system, engines in SYSTEMS.items():
            scores[system].add(_relabel(segment_spans(document, engines), lang), gold, fmt)
        scores["lines"].add(_relabel(line_baseline_spans(document), lang), gold, fmt)
    return {system: score.summary() for system, score in scores.items()}


def _relabel(spans: list[Span], lang: str | None) -> list[Span]:
    return spans if lang is None else [(start, end, lang) for start, end, _ in spans]


def document_format(path: str | Path) -> str:
    """``html``, ``md`` or ``txt`` (any other suffix as itself) for a policy file."""
    suffix = Path(path).suffix.lower()
    return "html" if suffix in HTML_SUFFIXES else suffix.lstrip(".") or "txt"


def evaluate_segmentation(
    raw_dir: str | Path = DEFAULT_INPUT_DIR,
    gold_dir: str | Path = DEFAULT_GOLD_SEGMENTATION_DIR,
) -> dict[str, object]:
    """Boundary scores of the shipped segmenters, the baseline and the raw references on every gold file, in one run.

    Returns ``{"pipeline": {...}, "baseline": {...}, "raw": {...}, "lines": {...},
    "systems": {...}, "documents": [...]}`` where each score maps a language,
    a format and a language/format (and ``"all"``) to precision, recall and F1.
    """
    raw_dir, gold_dir = Path(raw_dir), Path(gold_dir)
    items, documents = [], []
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
        items.append((document, gold, document_format(matches[0])))
        documents.append(gold_path.stem)
    return {**score_systems(items), "systems": SYSTEM_NOTES, "documents": documents}
