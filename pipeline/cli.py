"""The ``clauses`` command line: a thin layer over the library functions.

Every command calls one library function and prints what it returns. Errors
the user can act on (a missing folder, a bad model, a labeled file that does
not parse) take one path: ``error: <message>`` on stderr and exit code 4.

Exit codes: 0 when every file was processed, 3 when some files failed or
are in a format not read here (the others are in the output, every file is
in the manifest), 4 on a fatal error (no output written), such as an input
with no policy file.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import (
    DEFAULT_CACHE_NAME,
    DEFAULT_DOCUMENTS_PATH,
    DEFAULT_FILE_TIMEOUT,
    DEFAULT_GOLD_SEGMENTATION_DIR,
    DEFAULT_INPUT_DIR,
    DEFAULT_LABELED_DIR,
    DEFAULT_LOCAL_MODELS_DIR,
    DEFAULT_MANIFEST_NAME,
    DEFAULT_MAX_BYTES,
    DEFAULT_MODEL_DIR,
    DEFAULT_OUTPUT_PATH,
    DEFAULT_REAL_CORPUS_DIR,
    DEFAULT_REPORT_PATH,
    DEFAULT_REPORT_TITLE,
    PIPELINE_VERSION,
)

EXIT_OK = 0
EXIT_SOME_FAILED = 3
EXIT_FATAL = 4
#: Exit code of a run stopped with Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
#: Show progress when a run has more files than this.
DEFAULT_PROGRESS_MIN_FILES = 20
#: Seconds between progress lines when stderr is not a terminal (a log file, a pipe, CI).
DEFAULT_PROGRESS_LOG_SECONDS = 30.0
DEFAULT_CUSTOM_MODEL_NAME = "clauses-custom"

log = logging.getLogger("pipeline")

app = typer.Typer(
    help="Turn English and Thai privacy policies into a labeled clause table.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"max_content_width": 120},
)


class Engine(str, Enum):
    """Where ``clauses run`` processes files."""

    local = "local"
    dask = "dask"


def _user_errors() -> tuple[type[BaseException], ...]:
    """The errors a user can act on; anything else is a bug and keeps its traceback."""
    from .classify.persistence import ModelError
    from .datasets.corpus import GoldError
    from .datasets.labeled import LabeledDataError
    from .datasets.opp115 import Opp115Error
    from .evaluation.attributes import AttributeDataError
    from .evaluation.corpus import TrainedOnTestDataError
    from .export.output_set import OutputLockedError
    from .export.tables import TableReadError
    from .runtime.engines import EngineError
    from .runtime.processes import WorkerStartError

    return (ModelError, GoldError, LabeledDataError, Opp115Error, AttributeDataError, TrainedOnTestDataError, TableReadError,
            EngineError, OutputLockedError, WorkerStartError, FileNotFoundError, FileExistsError, NotADirectoryError, PermissionError, KeyError, ValueError, OSError)


def fails_cleanly(command: Callable) -> Callable:
    """Turn the errors a user can act on into ``error: ...`` and exit code 4."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except _user_errors() as error:
            message = error.args[0] if isinstance(error, KeyError) and error.args else error
            typer.echo(f"error: {message}", err=True)
            raise typer.Exit(EXIT_FATAL) from error

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policy-clauses {PIPELINE_VERSION}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Log what happens (-v) and more (-vv), on stderr.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Turn English and Thai privacy policies into a labeled clause table."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True)


def say(message: str = "") -> None:
    """Print a line of a command's result, unless ``-q``."""
    if log.getEffectiveLevel() < logging.ERROR:
        typer.echo(message)


@app.command("run")
@fails_cleanly
def run_command(
    input_path: Annotated[Path, typer.Argument(help="Folder (searched recursively) or file of policies.")] = DEFAULT_INPUT_DIR,
    out: Annotated[Path, typer.Option("--out", "-o", help="Clause table to write (Parquet); the other tables go beside it.")] = DEFAULT_OUTPUT_PATH,
    model: Annotated[Optional[Path], typer.Option(help=f"Model directory. [default: the shipped model, {DEFAULT_MODEL_DIR.name}]")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Files larger than this fail with too_large.")] = DEFAULT_MAX_BYTES,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes. [default: the number of cores; small batches use fewer]")] = None,
    engine: Annotated[Engine, typer.Option(help="local (this machine) or dask (a Dask cluster).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Address of a Dask scheduler (with --engine dask). [default: a new LocalCluster]")] = None,
    allow_empty: Annotated[bool, typer.Option("--allow-empty", help="Write empty tables when INPUT_PATH holds no policy file, instead of failing.")] = False,
    file_timeout: Annotated[float, typer.Option("--file-timeout", min=0.001, help="Seconds one file may take; a file over it fails with timeout and its worker process is replaced.")] = DEFAULT_FILE_TIMEOUT,
    no_file_timeout: Annotated[bool, typer.Option("--no-file-timeout", help="No time limit: with --workers 1, files are processed in this process (for a debugger or a profiler).")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read symbolic links that point outside INPUT_PATH (by default they are listed as outside_input).")] = False,
) -> None:
    """Segment, classify, extract attributes and export every policy under INPUT_PATH.

    Every file under INPUT_PATH gets a row in the manifest beside the output,
    whatever its kind: a file that is not read (an image, a PDF without the
    pdf extra) is there as unsupported, and the exit code is then 3.
    Re-running over the same folder reuses the rows of unchanged files. Rows
    are in the order of the files, whatever the engine and the number of
    workers. The tables appear together when the run ends; a run that fails
    or is stopped (Ctrl-C) leaves the previous ones, and re-running resumes
    from the documents it finished.
    """
    from .runtime.run import RunInterrupted, run_pipeline

    try:
        result = run_pipeline(input_path, out, model, progress=_progress, max_bytes=max_bytes, workers=workers,
                              engine=engine.value, scheduler=scheduler, allow_empty=allow_empty,
                              file_timeout=None if no_file_timeout else file_timeout, follow_links=follow_links)
    except RunInterrupted as stopped:
        kept = f"; {stopped.finished} of {stopped.total} files finished and are kept in {stopped.cache_dir}" if stopped.cache_dir else ""
        typer.echo(f"interrupted: the tables at {out.parent} are unchanged{kept}. "
                   "Run the same command again to resume: finished files are not redone.", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print_summary(result.summary(), out)
    raise typer.Exit(EXIT_SOME_FAILED if result.failures else EXIT_OK)


@app.command("train")
@fails_cleanly
def train_command(
    labels: Annotated[Optional[list[Path]], typer.Option("--labels", help="Extra labeled CSV file or folder (repeatable).")] = None,
    no_default_labels: Annotated[bool, typer.Option("--no-default-labels", help=f"Leave out {DEFAULT_LABELED_DIR}/.")] = False,
    corpus: Annotated[Optional[list[Path]], typer.Option("--corpus", help=f"Also train on a corpus folder with gold (e.g. {DEFAULT_REAL_CORPUS_DIR}; repeatable).")] = None,
    opp115: Annotated[Optional[Path], typer.Option("--opp115", help="Also train on an OPP-115 folder (sanitized_policies/ + annotations/).")] = None,
    name: Annotated[str, typer.Option(help="Name of the new model.")] = DEFAULT_CUSTOM_MODEL_NAME,
    model_version: Annotated[Optional[str], typer.Option("--model-version", help="Version of the new model. [default: the date and time, e.g. 2026.12.3.1042]")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=f"Model directory to write. [default: {DEFAULT_LOCAL_MODELS_DIR}/NAME-VERSION]")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing model directory (the shipped model included).")] = False,
    cv: Annotated[int, typer.Option(min=0, help="Folds of grouped cross-validation for the metrics (0 to skip).")] = 5,
    design: Annotated[Optional[str], typer.Option(help="Feature design (see pipeline.classify.estimator.DESIGNS). [default: the default design]")] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Cross-validate every design and keep the best.")] = False,
) -> None:
    """Train the clause classifier on labeled clauses and save it with its model card.

    The model gets its own name and version and is written under
    models/local/ unless --out says otherwise; the shipped model is never
    overwritten without --force.
    """
    from .classify.training import train_model

    sources = ([] if no_default_labels else [DEFAULT_LABELED_DIR]) + list(labels or [])
    if not sources and not corpus and opp115 is None:
        raise ValueError("--no-default-labels needs --labels PATH, --corpus DIR or --opp115 DIR")
    version = model_version or _timestamp_version()
    out = out or DEFAULT_LOCAL_MODELS_DIR / f"{name}-{version}"
    _refuse_overwrite(out, force)
    _, metrics = train_model(sources, out, folds=cv, opp115=opp115, corpora=corpus or [], design=design,
                             compare=compare, name=name, version=version)
    say(f"model {name}-{version} written to {out} ({metrics['training_rows']} labeled clauses, design {metrics['design']})")
    for design_name, scores in metrics.get("design_comparison", {}).items():
        say(f"  design {design_name:<28} cv micro-F1 {scores['all_micro_f1']:.3f}")
    if "cross_validation" in metrics:
        _print_scores(metrics["cross_validation"], per_category=False)
    say(f"use it with: clauses run --model {out}")


@app.command("train-segmenter")
@fails_cleanly
def train_segmenter_command(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Model directory to write. [default: models/local/thai-boundaries-VERSION]")] = None,
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus of real policies with gold (its Thai documents are trained on and cross-validated).")] = DEFAULT_REAL_CORPUS_DIR,
    model_version: Annotated[Optional[str], typer.Option("--model-version", help="Version of the new model. [default: the date and time]")] = None,
    cv: Annotated[bool, typer.Option("--cv/--no-cv", help="Document-grouped cross-validation against the rule filter and raw crfcut.")] = True,
    ablations: Annotated[bool, typer.Option("--ablations", help="Also cross-validate without each training source.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing model directory (the shipped model included).")] = False,
) -> None:
    """Train the Thai clause-boundary model on every gold boundary and save it with its metrics and model card.

    Trains on the Thai paragraphs of --corpus, the seeds' and dev policies'
    gold and the written Thai clauses; the shipped model is never overwritten
    without --force.
    """
    from .segment.boundary_model import DEFAULT_BOUNDARY_MODEL_DIR, DEFAULT_BOUNDARY_MODEL_NAME
    from .segment.training import train_boundary_model

    version = model_version or _timestamp_version()
    out = out or DEFAULT_LOCAL_MODELS_DIR / f"{DEFAULT_BOUNDARY_MODEL_NAME}-{version}"
    if out.exists() and not force:
        what = "the shipped model" if out.resolve() == DEFAULT_BOUNDARY_MODEL_DIR.resolve() else "an existing directory"
        raise FileExistsError(f"{out} is {what}; choose another --out or --model-version, or pass --force to overwrite it")
    if out.resolve() == DEFAULT_BOUNDARY_MODEL_DIR.resolve():
        version = DEFAULT_BOUNDARY_MODEL_DIR.name.rsplit("-", 1)[1]
    _, metrics = train_boundary_model(out, corpus, cross_validate=cv, ablations=ablations, version=version)
    say(f"model {DEFAULT_BOUNDARY_MODEL_NAME}-{version} written to {out} ({metrics['training_paragraphs']} paragraphs)")
    if cv:
        _print_boundary_cv(metrics["cross_validation"])


def _print_boundary_cv(report: dict) -> None:
    say(f"{'held-out group':<16} {'system':<8} {'paragraphs P/R/F1':>20} {'documents P/R/F1':>20} {'clauses P/R/F1':>20}")
    for fold in [*report["folds"], {"group": "all", **report["overall"]}]:
        for system in ("model", "rules", "crfcut"):
            say(f"{fold['group']:<16} {system:<8} {_triple(fold[system]['paragraphs']):>20} {_triple(fold[system]['documents']):>20} "
                f"{_triple(fold[system]['clauses']):>20}")
    for fmt, by_system in report["by_format"].items():
        say(f"{fmt + ' documents':<16} {'model':<8} {'':>20} {_triple(by_system['model']['documents']):>20} "
            f"{_triple(by_system['model']['clauses']):>20}")
    say(f"note: {report['method']}")


def _triple(scores: dict) -> str:
    return "/".join(f"{scores[key]:.3f}" for key in ("precision", "recall", "f1"))


def _timestamp_version() -> str:
    now = datetime.now(timezone.utc)
    return f"{now.year}.{now.month}.{now.day}.{now.hour:02d}{now.minute:02d}"


def _refuse_overwrite(out: Path, force: bool) -> None:
    if force or not out.exists():
        return
    shipped = out.resolve() == DEFAULT_MODEL_DIR.resolve()
    what = "the shipped model" if shipped else "an existing directory"
    raise FileExistsError(f"{out} is {what}; choose another --out or --model-version, or pass --force to overwrite it")


@app.command("evaluate")
@fails_cleanly
def evaluate_command(
    model: Annotated[Optional[Path], typer.Option(help=f"Model directory to score. [default: the shipped model, {DEFAULT_MODEL_DIR.name}]")] = None,
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help=f"Score every stage on a corpus of real documents with gold (e.g. {DEFAULT_REAL_CORPUS_DIR}).")] = None,
    labels: Annotated[Optional[list[Path]], typer.Option("--labels", help="Labeled CSV file or folder to score categories on (repeatable).")] = None,
    opp115: Annotated[Optional[Path], typer.Option("--opp115", help="OPP-115 folder to score categories on.")] = None,
    cv: Annotated[int, typer.Option(min=0, help="Grouped K-fold cross-validation that trains on the folds (0: score --model).")] = 0,
    design: Annotated[Optional[str], typer.Option(help="Feature design for --cv. [default: the default design]")] = None,
    with_default_labels: Annotated[Optional[bool], typer.Option("--with-default-labels/--without-default-labels", help=f"With --cv, add {DEFAULT_LABELED_DIR}/ to every training fold. [default: with --corpus, without otherwise]")] = None,
    attributes: Annotated[bool, typer.Option("--attributes", help="Score the attribute extractors on data/labeled/attributes (or --labels FILE.jsonl).")] = False,
    agreement: Annotated[bool, typer.Option("--agreement", help="With --corpus: agreement of the blind second annotation with the gold.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Precision, recall and F1 of the classifier, the segmenter and the attribute extractors.

    --corpus DIR scores segmentation, categories and attributes on real
    documents; categories by document-grouped cross-validation with --cv K.
    A model is never scored on documents it was trained on: that is refused.
    """
    from .classify.estimator import DEFAULT_DESIGN
    from .classify.persistence import load_model

    design = design or DEFAULT_DESIGN
    if attributes:
        from .evaluation.attributes import DEFAULT_ATTRIBUTES_DIR, evaluate_attributes

        _show(evaluate_attributes(labels[0] if labels else DEFAULT_ATTRIBUTES_DIR), as_json, _print_attribute_scores)
        return
    if corpus is not None:
        if agreement:
            from .evaluation.corpus import corpus_agreement

            _show(corpus_agreement(corpus), as_json, _print_agreement)
            return
        from .evaluation.corpus import evaluate_corpus

        classifier, meta = (None, None) if cv else load_model(model or DEFAULT_MODEL_DIR)
        extra = [DEFAULT_LABELED_DIR] if with_default_labels is not False else None
        _show(evaluate_corpus(corpus, classifier, meta, folds=cv, labeled=extra, design=design), as_json, _print_corpus_report)
        return
    if not labels and opp115 is None:
        raise ValueError("give --corpus DIR, --labels PATH, --opp115 DIR or --attributes")
    from .classify.training import training_frame
    from .datasets.labeled import load_labeled
    from .evaluation.categories import cross_validate, evaluate_model
    from .evaluation.corpus import refuse_own_training_data

    frame = training_frame(labels or [], opp115)
    if cv:
        extra = load_labeled([DEFAULT_LABELED_DIR]) if with_default_labels else None
        report = cross_validate(frame, cv, design, extra_training=extra)
    else:
        classifier, meta = load_model(model or DEFAULT_MODEL_DIR)
        refuse_own_training_data(meta, frame)
        report = {"model": meta["name"] + "-" + meta["version"], **evaluate_model(classifier, frame)}
    _show(report, as_json, lambda r: _print_scores(r, per_category=True))


def _show(report: dict, as_json: bool, printer: Callable[[dict], None]) -> None:
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False, default=float))
    else:
        printer(report)


@app.command("show")
@fails_cleanly
def show_command(
    document: Annotated[str, typer.Argument(help="Document id, id prefix, or file name.")],
    table: Annotated[Path, typer.Option(help="Document table written by 'clauses run'.")] = DEFAULT_DOCUMENTS_PATH,
) -> None:
    """Print one policy's summary: categories, retention periods, rights, laws, contacts."""
    from .views.show import find_document, format_summary
    from .export.tables import read_table

    say(format_summary(find_document(read_table(table, "document table"), document)))


@app.command("report")
@fails_cleanly
def report_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write (one self-contained page).")] = DEFAULT_REPORT_PATH,
    clauses: Annotated[Path, typer.Option("--clauses", help="Clause table written by 'clauses run'.")] = DEFAULT_OUTPUT_PATH,
    documents: Annotated[Optional[Path], typer.Option("--documents", help="Document table. [default: documents.parquet beside --clauses]")] = None,
    title: Annotated[str, typer.Option(help="Title of the page.")] = DEFAULT_REPORT_TITLE,
) -> None:
    """Write an HTML report with one card per policy: categories, retention, rights, laws, contacts, clauses with scores.

    Reads the tables 'clauses run' wrote and runs nothing else; the page
    needs no network and no other file.
    """
    from .views.report import write_report

    write_report(out, clauses, documents, title)
    say(f"report written to {out}")


@app.command("label-export")
@fails_cleanly
def label_export_command(
    table: Annotated[Path, typer.Argument(help="Clause table written by 'clauses run'.")] = DEFAULT_OUTPUT_PATH,
    out: Annotated[Path, typer.Option("--out", "-o", help="CSV to write, in the labeled-corpus format.")] = Path("to_label.csv"),
    rows: Annotated[int, typer.Option("-n", min=1, help="How many clauses to export.")] = 50,
    model: Annotated[Optional[Path], typer.Option(help=f"Model whose thresholds define certainty. [default: the shipped model, {DEFAULT_MODEL_DIR.name}]")] = None,
) -> None:
    """Export the clauses the model is least sure about, labels pre-filled, to correct and retrain on."""
    from .classify.persistence import load_model
    from .evaluation.active_learning import export_for_labeling

    classifier, _ = load_model(model or DEFAULT_MODEL_DIR)
    frame = export_for_labeling(table, out, classifier, rows)
    say(f"{len(frame)} clauses written to {out}; correct the labels column, then: "
        f"clauses train --labels {out} --name my-clauses  (writes {DEFAULT_LOCAL_MODELS_DIR}/my-clauses-VERSION)")


@app.command("score-segmentation")
@fails_cleanly
def score_segmentation_command(
    raw: Annotated[Path, typer.Option(help="Folder of the policies the gold files describe.")] = DEFAULT_INPUT_DIR,
    gold: Annotated[Path, typer.Option(help="Folder of gold segmentation TSV files.")] = DEFAULT_GOLD_SEGMENTATION_DIR,
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help=f"Score a corpus of real policies with gold JSONL instead (e.g. {DEFAULT_REAL_CORPUS_DIR}).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
) -> None:
    """Boundary precision, recall and F1 of the segmenters against gold, per language and format.

    Scores, in one run, the shipped segmenters (pipeline), the Thai rule
    filter they replaced (baseline), raw crfcut / raw sentencizer inside
    ingest's paragraphs (raw) and line by line (lines), on the gold TSV
    files of --gold or on the gold of a real-policy --corpus.
    """
    if corpus is not None:
        from .datasets.corpus import load_corpus
        from .evaluation.corpus import score_corpus_segmentation

        report = score_corpus_segmentation(load_corpus(corpus))
    else:
        from .evaluation.segmentation import evaluate_segmentation

        report = evaluate_segmentation(raw, gold)
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    say(f"gold documents: {len(report['documents'])}")
    _print_boundaries(report)


def _print_boundaries(report: dict) -> None:
    say(f"{'system':<10} {'group':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>6} {'pred':>6}")
    for system in ("pipeline", "baseline", "raw", "lines"):
        for group, scores in report.get(system, {}).items():
            say(f"{system:<10} {group:<9} {scores['precision']:>9.3f} {scores['recall']:>7.3f} "
                f"{scores['f1']:>6.3f} {scores['gold']:>6} {scores['predicted']:>6}")
    for system, note in report.get("systems", {}).items():
        say(f"{system}: {note}")


def _print_scores(report: dict, per_category: bool) -> None:
    for group in [key for key, value in report.items() if isinstance(value, dict) and "micro" in value]:
        scores = report[group]
        say(
            f"{group}: {scores['rows']} clauses  micro P/R/F1 "
            + "/".join(f"{scores['micro'][k]:.3f}" for k in ("precision", "recall", "f1"))
            + "  macro P/R/F1 "
            + "/".join(f"{scores['macro'][k]:.3f}" for k in ("precision", "recall", "f1"))
        )
        if per_category:
            for category, values in scores["per_category"].items():
                say(f"    {category:<36} P {values['precision']:.3f}  R {values['recall']:.3f}  "
                    f"F1 {values['f1']:.3f}  n={values['support']}")


def _print_attribute_scores(report: dict) -> None:
    say(f"{'family':<20} {'group':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>5} {'pred':>5}")
    for family, by_group in report["families"].items():
        for group, scores in by_group.items():
            say(f"{family:<20} {group:<9} {scores['precision']:>9.3f} {scores['recall']:>7.3f} {scores['f1']:>6.3f} "
                f"{scores['support']:>5} {scores['predicted']:>5}")


def _print_corpus_report(report: dict) -> None:
    say(f"corpus {report['corpus']}: documents " + ", ".join(f"{k} {v}" for k, v in sorted(report["documents"].items()))
        + "; gold clauses " + ", ".join(f"{k} {v}" for k, v in sorted(report["clauses"].items())))
    segmentation = report["segmentation"]
    say("\nsegmentation (clause boundaries)")
    _print_boundaries(segmentation)
    if "clauses" in segmentation:
        say("clause-level F1 (exact spans): "
            + ", ".join(f"{k} {v['f1']:.3f}" for k, v in segmentation["clauses"].items()))
    say("boilerplate clauses (predicted clauses over no gold clause): "
        + ", ".join(f"{k} {v['clauses']}/{v['of_predicted']}" for k, v in segmentation["boilerplate_clauses"].items()))
    say(f"note: {segmentation['note']}")
    categories = report["categories"]
    say(f"\ncategories: {categories['method']}" + (f", design {categories['design']}" if "design" in categories else ""))
    _print_scores({key: value for key, value in categories.items() if key in ("all", "en", "th")}, per_category=True)
    _print_scores({key: value for key, value in categories.items() if "/" in key or key in ("html", "md", "txt")}, per_category=False)
    say("\nattributes (extractors on the gold clauses)")
    _print_attribute_scores(report["attributes"])
    say(f"note: {report['attributes']['note']}")


def _print_agreement(report: dict) -> None:
    say(f"documents annotated twice: {len(report['documents'])}; gold clauses in them: "
        + ", ".join(f"{k} {v}" for k, v in report["clauses_annotated_twice"].items())
        + f"; clauses delimited alike: {report['matched_clauses']}")
    for group, scores in report["boundaries"].items():
        say(f"boundaries {group:<4} F1 {scores['f1']:.3f} (P {scores['precision']:.3f}, R {scores['recall']:.3f})")
    categories = report["categories"]
    say(f"categories micro-F1 {categories['micro']['f1']:.3f}, macro-F1 {categories['macro']['f1']:.3f}")
    for family, scores in report["attributes"].items():
        if scores["support"]:
            say(f"attributes {family:<20} F1 {scores['f1']:.3f}  n={scores['support']}")


def _progress(results: Iterator, total: int) -> Iterator:
    """Progress on stderr for runs long enough to want it: files done of all, clauses so far, an ETA from the rate.

    A bar on a terminal; a line every :data:`DEFAULT_PROGRESS_LOG_SECONDS`
    otherwise (a log file or a pipe), and none with ``-q``.
    """
    from rich.console import Console

    console = Console(stderr=True)
    if total <= DEFAULT_PROGRESS_MIN_FILES or log.getEffectiveLevel() >= logging.ERROR:
        yield from results
    elif console.is_terminal:
        yield from _progress_bar(results, total, console)
    else:
        yield from _progress_lines(results, total)


def _progress_bar(results: Iterator, total: int, console) -> Iterator:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (TextColumn("policies"), BarColumn(), MofNCompleteColumn(), TextColumn("files, {task.fields[clauses]:,} clauses"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console, speed_estimate_period=60) as bar:
        task = bar.add_task("run", total=total, clauses=0)
        clauses = 0
        for document in results:
            clauses += document.record["clauses"]
            bar.update(task, advance=1, clauses=clauses)
            yield document


def _progress_lines(results: Iterator, total: int) -> Iterator:
    import time

    started = last = time.monotonic()
    clauses = 0
    for done, document in enumerate(results, 1):
        clauses += document.record["clauses"]
        now = time.monotonic()
        if now - last >= DEFAULT_PROGRESS_LOG_SECONDS or done == total:
            last = now
            rate = done / max(now - started, 1e-9)
            typer.echo(f"progress: {done}/{total} files, {clauses:,} clauses, {rate:.1f} files/s, "
                       f"about {_duration((total - done) / rate)} left", err=True)
        yield document


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else (f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s")


def _print_summary(summary: dict, out: Path) -> None:
    say(f"run {summary['run_id']}: {summary['documents']} documents, {summary['clauses']} clauses, "
        f"{summary['headings']} headings, {summary.get('furniture_blocks', 0)} blocks of page furniture left out -> {out}")
    say("files: " + ", ".join(f"{status} {n}" for status, n in sorted(summary["files"].items()))
        + f" (manifest: {out.with_name(DEFAULT_MANIFEST_NAME)})")
    say("languages: " + ", ".join(f"{lang} {n}" for lang, n in sorted(summary["languages"].items())))
    if summary.get("unclassified"):
        say("not classified (languages the model was not trained on): "
            + ", ".join(f"{lang} {n}" for lang, n in sorted(summary["unclassified"].items())))
    say("labels:")
    for label, count in summary["labels"].items():
        say(f"  {label:<36} {count}")
    if summary.get("cache_write_failures"):
        typer.echo(f"warning: {summary['cache_write_failures']} documents could not be kept in the cache "
                   f"({out.parent / DEFAULT_CACHE_NAME}); their rows are in the tables, the next run redoes them", err=True)
    failures = summary["failures"]
    say(f"failures: {len(failures)}" + (" (files that failed or are in a format not read here; see the manifest)" if failures else ""))
    for failure in failures:
        typer.echo(f"  {failure}", err=log.getEffectiveLevel() >= logging.ERROR)


if __name__ == "__main__":
    app()
