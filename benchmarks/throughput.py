"""Benchmark: pipeline throughput, memory and parallel speed-up, against raw segmenters in the same run.

Run: python benchmarks/throughput.py [--documents 2000] [--small 500] [--opp115 DIR] [--segmenters-only]

Builds corpora by repeating and shuffling real policy texts (the seeds in
data/raw/, the policies of ../shared/opp115 when present, the Thai
development policies in data/dev/raw/), then measures, on this machine and
in this run:

- per language, the segmenter alone (``--segmenters-only``): the shipped
  segmenter and its raw reference over the same paragraphs in CPU seconds,
  written to benchmarks/results/segmenters.json;
- per language, the end-to-end throughput of one worker (ingest, segment,
  classify, extract attributes, write Parquet and the cache) on an English
  and a Thai corpus, and the throughput of the raw reference on the same
  texts: spaCy's blank English pipeline with the sentencizer, PyThaiNLP's
  crfcut. Both run in this process and are timed in CPU seconds, so the ratio
  is one core's and what else the shared machine runs cancels out (wall-clock
  ratios are reported too). The one-off start of a worker (loading the model,
  spaCy and PyThaiNLP, a few seconds) is left out here; the full runs below
  include it;
- ``clauses run`` over the mixed corpus at ``--small`` and ``--documents``
  documents with 1 and 2 workers, each in a fresh process: documents/s,
  MB/s per core, clauses/s and the peak resident memory of the whole process
  tree (the run and its workers), sampled every 50 ms.

Writes benchmarks/results/throughput.json and prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from pipeline.config import DEFAULT_MODEL_DIR
from pipeline.ingest.files import discover_files, read_document
from pipeline.text.language import THAI, detect_language
from pipeline.runtime.worker import worker_model
from pipeline.runtime.run import run_pipeline

RESULTS = Path(__file__).parent / "results" / "throughput.json"
REPO = Path(__file__).resolve().parent.parent
RAW_DIR = REPO / "data" / "raw"
DEFAULT_OPP115 = REPO.parent / "shared" / "opp115"
DEV_DIR = REPO / "data" / "dev" / "raw"
SAMPLE_SECONDS = 0.05


def source_texts(opp115: Path | None) -> dict[str, list[Path]]:
    """The real policy files to repeat, by language of most of their text."""
    paths = discover_files(RAW_DIR) + discover_files(DEV_DIR)
    if opp115 is not None and (opp115 / "sanitized_policies").is_dir():
        paths += sorted((opp115 / "sanitized_policies").glob("*.html"))
    by_language: dict[str, list[Path]] = {"en": [], "th": []}
    for path in paths:
        view = read_document(path).view
        by_language["th" if detect_language(view) == THAI else "en"].append(path)
    return by_language


def build_corpus(folder: Path, sources: list[Path], documents: int, seed: int = 0) -> Path:
    """``documents`` files drawn from ``sources`` in shuffled order (each source used about equally often)."""
    folder.mkdir(parents=True)
    order = [sources[i % len(sources)] for i in range(documents)]
    random.Random(seed).shuffle(order)
    for index, source in enumerate(order):
        shutil.copyfile(source, folder / f"{index:05d}_{source.name}")
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir())


def reference_seconds(folder: Path, lang: str) -> tuple[float, float]:
    """The raw segmenter of ``lang`` over the visible text of every file of ``folder``."""
    views = [read_document(path).view for path in sorted(folder.iterdir())]
    if lang == "en":
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = max(map(len, views)) + 1
        segment = lambda text: list(nlp(text).sents)  # noqa: E731
    else:
        from pythainlp.tokenize import sent_tokenize

        segment = lambda text: sent_tokenize(text, engine="crfcut")  # noqa: E731
    segment(views[0])  # load the model outside the timing
    started, cpu = time.perf_counter(), time.process_time()
    for view in views:
        segment(view)
    return time.perf_counter() - started, time.process_time() - cpu


def language_throughput(folder: Path, lang: str, out: Path) -> dict:
    """One worker's steady throughput on a one-language corpus, and the reference's on the same texts."""
    worker_model(str(DEFAULT_MODEL_DIR))  # the worker's one-off start, outside the timing
    started, cpu = time.perf_counter(), time.process_time()
    result = run_pipeline(folder, out / "clauses.parquet", workers=1)
    pipeline_seconds, pipeline_cpu = time.perf_counter() - started, time.process_time() - cpu
    reference, reference_cpu = reference_seconds(folder, lang)
    megabytes = corpus_bytes(folder) / 1e6
    return {
        "documents": result.documents,
        "megabytes": round(megabytes, 2),
        "clauses": result.summary()["clauses"],
        "pipeline_seconds": round(pipeline_seconds, 2),
        "pipeline_cpu_seconds": round(pipeline_cpu, 2),
        "pipeline_mb_per_cpu_s": round(megabytes / pipeline_cpu, 3),
        "reference": "spaCy blank('en') + sentencizer" if lang == "en" else "PyThaiNLP sent_tokenize(engine='crfcut')",
        "reference_seconds": round(reference, 2),
        "reference_cpu_seconds": round(reference_cpu, 2),
        "reference_mb_per_cpu_s": round(megabytes / reference_cpu, 3),
        # CPU time: one core's throughput, whatever else the shared machine runs meanwhile.
        "ratio_to_reference": round(reference_cpu / pipeline_cpu, 3),
        "ratio_to_reference_wall_clock": round(reference / pipeline_seconds, 3),
    }


def block_texts(paths: list[Path], lang: str) -> list[str]:
    """The paragraph and list-item bodies of ``lang`` that ingest finds in the files: what a segmenter is handed."""
    texts = []
    for path in paths:
        document = read_document(path)
        for block in document.blocks:
            text = document.view[block.body_start:block.end]
            if block.kind != "heading" and detect_language(text) == lang:
                texts.append(text)
    return texts


def segmenter_throughput(paths: list[Path], lang: str, repeats: int) -> dict:
    """The shipped segmenter of ``lang`` and its raw reference on the same paragraphs, in CPU seconds, in this process.

    The segmenter is looked up as the pipeline does (``get_segmenter(lang)``),
    so the same function measures an older checkout too; the reference is
    raw crfcut (Thai) or spaCy's blank English pipeline with the sentencizer.
    """
    from pipeline.segment.clauses import get_segmenter

    texts = block_texts(paths, lang) * repeats
    segmenter = get_segmenter(lang)
    if lang == "en":
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        reference = lambda batch: [list(doc.sents) for doc in nlp.pipe(batch, batch_size=256)]  # noqa: E731
    else:
        from pythainlp.tokenize import sent_tokenize

        reference = lambda batch: [sent_tokenize(text, engine="crfcut") for text in batch]  # noqa: E731
    segmenter(texts[:20])  # load models and dictionaries outside the timing
    reference(texts[:20])
    timings = {}
    for name, function in (("segmenter", segmenter), ("reference", reference)):
        best = None
        for _ in range(3):  # the best of three: a shared machine only ever adds time
            started = time.process_time()
            function(texts)
            elapsed = time.process_time() - started
            best = elapsed if best is None else min(best, elapsed)
        timings[name] = best
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    return {
        "paragraphs": len(texts),
        "megabytes": round(megabytes, 3),
        "segmenter_cpu_seconds": round(timings["segmenter"], 3),
        "segmenter_mb_per_cpu_s": round(megabytes / timings["segmenter"], 3),
        "reference": "spaCy blank('en') + sentencizer" if lang == "en" else "PyThaiNLP sent_tokenize(engine='crfcut')",
        "reference_cpu_seconds": round(timings["reference"], 3),
        "ratio_to_reference": round(timings["reference"] / timings["segmenter"], 3),
    }


def peak_rss_of(process: psutil.Popen) -> tuple[int, float]:
    """Wait for ``process``; return the peak summed RSS of it and its children, and its wall time."""
    peak = 0
    started = time.perf_counter()
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass  # a worker ended between listing and reading
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return peak, seconds


def cli_run(folder: Path, out: Path, workers: int) -> dict:
    """``clauses run`` in a fresh process: wall time, rates and peak memory."""
    command = [sys.executable, "-m", "pipeline.cli", "run", str(folder), "--out", str(out / "clauses.parquet"), "--workers", str(workers)]
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak, seconds = peak_rss_of(process)
    output = process.stdout.read()
    if process.returncode != 0:
        raise RuntimeError(f"clauses run exited {process.returncode}:\n{output}")
    import pyarrow.parquet as pq

    clauses = pq.ParquetFile(out / "clauses.parquet").metadata.num_rows
    documents = pq.ParquetFile(out / "manifest.parquet").metadata.num_rows
    megabytes = corpus_bytes(folder) / 1e6
    return {
        "workers": workers,
        "documents": documents,
        "megabytes": round(megabytes, 2),
        "clauses": clauses,
        "seconds": round(seconds, 2),
        "documents_per_s": round(documents / seconds, 2),
        "mb_per_s_per_core": round(megabytes / seconds / workers, 3),
        "clauses_per_s": round(clauses / seconds, 1),
        "peak_rss_mb": round(peak / 1e6, 1),
    }


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return {
        "cpu": model,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000, help="documents in the large mixed corpus")
    parser.add_argument("--small", type=int, default=500, help="documents in the small mixed corpus (memory must not grow from it)")
    parser.add_argument("--language-documents", type=int, nargs=2, default=(300, 60), metavar=("EN", "TH"), help="documents in the English and the Thai corpus")
    parser.add_argument("--opp115", type=Path, default=DEFAULT_OPP115, help="OPP-115 folder (read, never copied into the repo)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--segmenters-only", action="store_true",
                        help="measure only the segmenters against their raw references (writes results/segmenters.json)")
    parser.add_argument("--repeats", type=int, default=5, help="times the paragraphs are repeated for --segmenters-only")
    args = parser.parse_args()

    sources = source_texts(args.opp115)
    if args.segmenters_only:
        from pipeline.config import PIPELINE_VERSION

        result = {lang: segmenter_throughput(paths, lang, args.repeats) for lang, paths in sources.items()}
        result.update(pipeline_version=PIPELINE_VERSION, machine=machine())
        out = args.out if args.out != RESULTS else RESULTS.with_name("segmenters.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result, indent=2))
        return
    scratch = Path(tempfile.mkdtemp(prefix="clauses-bench-"))
    try:
        languages = {}
        for lang, documents in zip(("en", "th"), args.language_documents):
            corpus = build_corpus(scratch / f"corpus_{lang}", sources[lang], documents)
            languages[lang] = language_throughput(corpus, lang, scratch / f"out_{lang}")
            print(lang, json.dumps(languages[lang]), flush=True)
        runs = []
        mixed = sources["en"] + sources["th"]
        for documents in (args.small, args.documents):
            corpus = build_corpus(scratch / f"corpus_{documents}", mixed, documents)
            for workers in (1, 2):
                runs.append(cli_run(corpus, scratch / f"out_{documents}_{workers}", workers))
                print(json.dumps(runs[-1]), flush=True)
            shutil.rmtree(corpus)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    large = {run["workers"]: run for run in runs if run["documents"] == args.documents}
    small = {run["workers"]: run for run in runs if run["documents"] == args.small}
    result = {
        "languages": languages,
        "runs": runs,
        "speedup_2_workers": round(large[1]["seconds"] / large[2]["seconds"], 2),
        "peak_rss_growth_small_to_large": {w: round(large[w]["peak_rss_mb"] / small[w]["peak_rss_mb"], 2) for w in (1, 2)},
        "sources": {lang: len(paths) for lang, paths in sources.items()},
        "machine": machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
