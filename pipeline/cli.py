"""The ``clauses`` command line: a thin layer over the library functions.

Exit codes: 0 when every file was processed, 3 when some files failed (the
others are in the output), 4 on a fatal error (no output written).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import (
    DEFAULT_DOCUMENTS_PATH,
    DEFAULT_INPUT_DIR,
    DEFAULT_LABELED_DIR,
    DEFAULT_MANIFEST_NAME,
    DEFAULT_MAX_BYTES,
    DEFAULT_MODEL_DIR,
    DEFAULT_OUTPUT_PATH,
    DEFAULT_REPORT_PATH,
    DEFAULT_REPORT_TITLE,
)
from .classify.model import DEFAULT_DESIGN

EXIT_OK = 0
EXIT_SOME_FAILED = 3
EXIT_FATAL = 4
#: Show a progress bar when a run has more files than this.
DEFAULT_PROGRESS_MIN_FILES = 20

app = typer.Typer(
    help="Turn English and Thai privacy policies into a labeled clause table.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("run")
def run_command(
    input_path: Annotated[Path, typer.Argument(help="Folder (searched recursively) or file of policies.")] = DEFAULT_INPUT_DIR,
    out: Annotated[Path, typer.Option("--out", "-o", help="Clause table to write (Parquet).")] = DEFAULT_OUTPUT_PATH,
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Files larger than this fail with too_large.")] = DEFAULT_MAX_BYTES,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help="Worker processes (default: the number of cores; small batches use fewer).")] = None,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Address of a Dask scheduler (with --engine dask; default: a new LocalCluster).")] = None,
) -> None:
    """Segment, classify, extract attributes and export every policy under INPUT_PATH.

    Re-running over the same folder reuses the rows of unchanged files; the
    manifest beside the output says what became of every file. Rows are in
    the order of the files, whatever the engine and the number of workers.
    """
    from .runtime.engines import EngineError
    from .classify.model import ModelError
    from .runtime.run import run_pipeline

    try:
        result = run_pipeline(input_path, out, model, progress=_progress_bar, max_bytes=max_bytes,
                              workers=workers, engine=engine, scheduler=scheduler)
    except (FileNotFoundError, ModelError, EngineError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    _print_summary(result.summary(), out)
    raise typer.Exit(EXIT_SOME_FAILED if result.failures else EXIT_OK)


@app.command("train")
def train_command(
    labels: Annotated[Optional[list[Path]], typer.Option("--labels", help="Extra labeled CSV file or folder (repeatable).")] = None,
    no_default_labels: Annotated[bool, typer.Option("--no-default-labels", help="Leave out data/labeled/.")] = False,
    opp115: Annotated[Optional[Path], typer.Option("--opp115", help="Also train on an OPP-115 folder (sanitized_policies/ + annotations/).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Model directory to write.")] = DEFAULT_MODEL_DIR,
    cv: Annotated[int, typer.Option(help="Folds of grouped cross-validation for the metrics (0 to skip).")] = 5,
    design: Annotated[str, typer.Option(help="Feature design (see pipeline.classify.model.DESIGNS).")] = DEFAULT_DESIGN,
    compare: Annotated[bool, typer.Option("--compare", help="Cross-validate every design and keep the best.")] = False,
) -> None:
    """Train the clause classifier on labeled clauses and save it with its model card."""
    from .datasets.labeled import LabeledDataError
    from .datasets.opp115 import Opp115Error
    from .classify.training import train_model

    sources = ([] if no_default_labels else [DEFAULT_LABELED_DIR]) + list(labels or [])
    if not sources and opp115 is None:
        typer.echo("error: --no-default-labels needs --labels PATH or --opp115 DIR", err=True)
        raise typer.Exit(EXIT_FATAL)
    try:
        _, metrics = train_model(sources, out, folds=cv, opp115=opp115, design=design, compare=compare)
    except (LabeledDataError, Opp115Error, FileNotFoundError, ValueError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    typer.echo(f"model written to {out} ({metrics['training_rows']} labeled clauses, design {metrics['design']})")
    for name, scores in metrics.get("design_comparison", {}).items():
        typer.echo(f"  design {name:<22} cv micro-F1 {scores['all_micro_f1']:.3f}  en->th transfer {scores['en_to_th_micro_f1']:.3f}")
    if "cross_validation" in metrics:
        _print_scores(metrics["cross_validation"], per_category=False)


@app.command("evaluate")
def evaluate_command(
    model: Annotated[Optional[Path], typer.Option(help="Model directory to score (default: the shipped model).")] = None,
    labels: Annotated[Optional[list[Path]], typer.Option("--labels", help="Labeled CSV file or folder (repeatable).")] = None,
    opp115: Annotated[Optional[Path], typer.Option("--opp115", help="OPP-115 folder to evaluate on.")] = None,
    cv: Annotated[int, typer.Option(help="Grouped K-fold cross-validation that trains on the folds (0: score --model).")] = 0,
    design: Annotated[str, typer.Option(help="Feature design for --cv.")] = DEFAULT_DESIGN,
    with_default_labels: Annotated[bool, typer.Option("--with-default-labels", help="With --cv, add data/labeled/ to every training fold.")] = False,
    attributes: Annotated[bool, typer.Option("--attributes", help="Score the attribute extractors instead (data/labeled/attributes, or --labels PATH).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Per-category, micro and macro precision/recall/F1, per language; with --attributes, per attribute family."""
    if attributes:
        _evaluate_attributes(labels[0] if labels else None, as_json)
        return
    from .evaluation.categories import cross_validate, evaluate_model
    from .datasets.labeled import LabeledDataError, load_labeled
    from .classify.model import ModelError, load_model
    from .datasets.opp115 import Opp115Error
    from .classify.training import training_frame

    if not labels and opp115 is None:
        typer.echo("error: give --labels PATH or --opp115 DIR", err=True)
        raise typer.Exit(EXIT_FATAL)
    try:
        frame = training_frame(labels or [], opp115)
        if cv:
            extra = load_labeled([DEFAULT_LABELED_DIR]) if with_default_labels else None
            report = cross_validate(frame, cv, design, extra_training=extra)
        else:
            classifier, meta = load_model(model or DEFAULT_MODEL_DIR)
            report = {"model": meta["name"] + "-" + meta["version"], **evaluate_model(classifier, frame)}
    except (LabeledDataError, Opp115Error, ModelError, FileNotFoundError, ValueError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    if as_json:
        typer.echo(json.dumps(report, indent=2, default=float))
    else:
        _print_scores(report, per_category=True)


def _evaluate_attributes(path: Path | None, as_json: bool) -> None:
    from .evaluation.attributes import (
        DEFAULT_ATTRIBUTES_DIR,
        AttributeDataError,
        evaluate_attributes,
    )

    try:
        report = evaluate_attributes(path or DEFAULT_ATTRIBUTES_DIR)
    except (AttributeDataError, FileNotFoundError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    typer.echo("rows: " + ", ".join(f"{lang} {count}" for lang, count in report["rows"].items()))
    typer.echo(f"{'family':<20} {'lang':<5} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>5} {'pred':>5}")
    for family, by_lang in report["families"].items():
        for lang, scores in by_lang.items():
            typer.echo(
                f"{family:<20} {lang:<5} {scores['precision']:>9.3f} {scores['recall']:>7.3f} {scores['f1']:>6.3f} "
                f"{scores['support']:>5} {scores['predicted']:>5}"
            )


@app.command("show")
def show_command(
    document: Annotated[str, typer.Argument(help="Document id, id prefix, or file name.")],
    table: Annotated[Path, typer.Option(help="Document table written by 'clauses run'.")] = DEFAULT_DOCUMENTS_PATH,
) -> None:
    """Print one policy's summary: categories, retention periods, rights, laws, contacts."""
    import pandas as pd

    from .export.documents import find_document, format_summary

    if not table.is_file():
        typer.echo(f"error: {table}: no document table; run 'clauses run' first", err=True)
        raise typer.Exit(EXIT_FATAL)
    try:
        row = find_document(pd.read_parquet(table), document)
    except KeyError as error:
        typer.echo(f"error: {error.args[0]}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    typer.echo(format_summary(row))


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write (one self-contained page).")] = DEFAULT_REPORT_PATH,
    clauses: Annotated[Path, typer.Option("--clauses", help="Clause table written by 'clauses run'.")] = DEFAULT_OUTPUT_PATH,
    documents: Annotated[Optional[Path], typer.Option("--documents", help="Document table (default: documents.parquet beside --clauses).")] = None,
    title: Annotated[str, typer.Option(help="Title of the page.")] = DEFAULT_REPORT_TITLE,
) -> None:
    """Write an HTML report with one card per policy: categories, retention, rights, laws, contacts, clauses with scores.

    Reads the tables 'clauses run' wrote and runs nothing else; the page
    needs no network and no other file.
    """
    from .views.report import write_report

    try:
        write_report(out, clauses, documents, title)
    except (FileNotFoundError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    typer.echo(f"report written to {out}")


@app.command("label-export")
def label_export_command(
    table: Annotated[Path, typer.Argument(help="Clause table written by 'clauses run'.")] = DEFAULT_OUTPUT_PATH,
    out: Annotated[Path, typer.Option("--out", "-o", help="CSV to write, in the labeled-corpus format.")] = Path("to_label.csv"),
    rows: Annotated[int, typer.Option("-n", help="How many clauses to export.")] = 50,
    model: Annotated[Optional[Path], typer.Option(help="Model whose thresholds define certainty (default: shipped).")] = None,
) -> None:
    """Export the clauses the model is least sure about, labels pre-filled, to correct and retrain on."""
    from .evaluation.active_learning import export_for_labeling
    from .classify.model import ModelError, load_model

    try:
        classifier, _ = load_model(model or DEFAULT_MODEL_DIR)
        frame = export_for_labeling(table, out, classifier, rows)
    except (ModelError, FileNotFoundError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    typer.echo(f"{len(frame)} clauses written to {out}; correct the labels column, then: clauses train --labels {out}")


@app.command("score-segmentation")
def score_segmentation_command(
    raw: Annotated[Path, typer.Option(help="Folder of the policies the gold files describe.")] = DEFAULT_INPUT_DIR,
    gold: Annotated[Path, typer.Option(help="Folder of gold segmentation TSV files.")] = DEFAULT_LABELED_DIR / "segmentation",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
) -> None:
    """Boundary precision, recall and F1 of the segmenter against hand-made gold files."""
    from .evaluation.segmentation import evaluate_segmentation

    report = evaluate_segmentation(raw, gold)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"gold documents: {len(report['documents'])}")
    typer.echo(f"{'system':<10} {'lang':<5} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>6} {'pred':>6}")
    for system in ("pipeline", "baseline"):
        for lang, scores in report[system].items():
            typer.echo(
                f"{system:<10} {lang:<5} {scores['precision']:>9.3f} {scores['recall']:>7.3f} "
                f"{scores['f1']:>6.3f} {scores['gold']:>6} {scores['predicted']:>6}"
            )
    typer.echo("baseline: raw spaCy sentencizer (English lines) and raw PyThaiNLP crfcut (Thai lines), line by line")


def _print_scores(report: dict, per_category: bool) -> None:
    for lang in [key for key, value in report.items() if isinstance(value, dict) and "micro" in value]:
        scores = report[lang]
        typer.echo(
            f"{lang}: {scores['rows']} clauses  micro P/R/F1 "
            + "/".join(f"{scores['micro'][k]:.3f}" for k in ("precision", "recall", "f1"))
            + "  macro P/R/F1 "
            + "/".join(f"{scores['macro'][k]:.3f}" for k in ("precision", "recall", "f1"))
        )
        if per_category:
            for category, values in scores["per_category"].items():
                typer.echo(
                    f"    {category:<36} P {values['precision']:.3f}  R {values['recall']:.3f}  "
                    f"F1 {values['f1']:.3f}  n={values['support']}"
                )


def _progress_bar(results: Iterator, total: int) -> Iterator:
    """A progress bar on stderr over the finished documents, for runs long enough to want one."""
    if total <= DEFAULT_PROGRESS_MIN_FILES:
        yield from results
        return
    with typer.progressbar(results, length=total, label="policies", file=sys.stderr) as bar:
        yield from bar


def _print_summary(summary: dict, out: Path) -> None:
    typer.echo(f"run {summary['run_id']}: {summary['documents']} documents, {summary['clauses']} clauses, "
               f"{summary['headings']} headings -> {out}")
    typer.echo("files: " + ", ".join(f"{status} {n}" for status, n in sorted(summary["files"].items())) + f" (manifest: {out.with_name(DEFAULT_MANIFEST_NAME)})")
    typer.echo("languages: " + ", ".join(f"{lang} {n}" for lang, n in sorted(summary["languages"].items())))
    typer.echo("labels:")
    for label, count in summary["labels"].items():
        typer.echo(f"  {label:<36} {count}")
    failures = summary["failures"]
    typer.echo(f"failures: {len(failures)}")
    for failure in failures:
        typer.echo(f"  {failure}")


if __name__ == "__main__":
    app()
