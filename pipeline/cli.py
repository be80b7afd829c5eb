"""The ``clauses`` command line: a thin layer over the library functions.

Exit codes: 0 when every file was processed, 3 when some files failed (the
others are in the output), 4 on a fatal error (no output written).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import DEFAULT_INPUT_DIR, DEFAULT_LABELED_DIR, DEFAULT_MODEL_DIR, DEFAULT_OUTPUT_PATH

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
) -> None:
    """Segment, classify and export every policy under INPUT_PATH."""
    from .ingest import discover_files
    from .model import ModelError
    from .run import run_pipeline

    try:
        files = discover_files(input_path)
        progress = _progress_bar if len(files) > DEFAULT_PROGRESS_MIN_FILES else None
        result = run_pipeline(input_path, out, model, progress=progress)
    except (FileNotFoundError, ModelError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    _print_summary(result.summary(), out)
    raise typer.Exit(EXIT_SOME_FAILED if result.failures else EXIT_OK)


@app.command("train")
def train_command(
    labels: Annotated[Optional[list[Path]], typer.Option("--labels", help="Extra labeled CSV file or folder (repeatable).")] = None,
    no_default_labels: Annotated[bool, typer.Option("--no-default-labels", help="Train only on --labels files.")] = False,
    out: Annotated[Path, typer.Option("--out", "-o", help="Model directory to write.")] = DEFAULT_MODEL_DIR,
    cv: Annotated[int, typer.Option(help="Folds of grouped cross-validation for the metrics (0 to skip).")] = 5,
) -> None:
    """Train the clause classifier on labeled clauses and save it with its model card."""
    from .labeled import LabeledDataError
    from .train import train_model

    sources = ([] if no_default_labels else [DEFAULT_LABELED_DIR]) + list(labels or [])
    if not sources:
        typer.echo("error: --no-default-labels needs at least one --labels PATH", err=True)
        raise typer.Exit(EXIT_FATAL)
    try:
        _, metrics = train_model(sources, out, folds=cv)
    except (LabeledDataError, FileNotFoundError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_FATAL) from error
    typer.echo(f"model written to {out} ({metrics['training_rows']} labeled clauses)")
    if "cross_validation" in metrics:
        scores = metrics["cross_validation"]
        for lang in [key for key in scores if isinstance(scores[key], dict)]:
            typer.echo(f"  cv micro-F1 {lang}: {scores[lang]['micro']['f1']:.3f}  macro-F1: {scores[lang]['macro']['f1']:.3f}")


@app.command("score-segmentation")
def score_segmentation_command(
    raw: Annotated[Path, typer.Option(help="Folder of the policies the gold files describe.")] = DEFAULT_INPUT_DIR,
    gold: Annotated[Path, typer.Option(help="Folder of gold segmentation TSV files.")] = DEFAULT_LABELED_DIR / "segmentation",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
) -> None:
    """Boundary precision, recall and F1 of the segmenter against hand-made gold files."""
    from .segmentation_eval import evaluate_segmentation

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


def _progress_bar(files: Iterable[Path]) -> Iterator[Path]:
    files = list(files)
    with typer.progressbar(files, label="policies", file=sys.stderr) as bar:
        yield from bar


def _print_summary(summary: dict, out: Path) -> None:
    typer.echo(f"run {summary['run_id']}: {summary['documents']} documents, {summary['clauses']} clauses, "
               f"{summary['headings']} headings -> {out}")
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
