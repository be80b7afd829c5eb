"""Benchmark: the size of the document cache on many small policies.

Run: python benchmarks/cache_size.py [--files 10000] [--workers 2]

Writes ``--files`` small policies (one or two sentences each, English and
Thai in turn, about 80 bytes: the shape of the corpus on which the earlier
cache of two Arrow files per document took 136 MB for 0.8 MB of input),
runs the pipeline over them once, and reports the input's bytes, the cache's
bytes on disk (allocated blocks, as ``du`` counts them) and in its files,
and the cache's entries. Writes benchmarks/results/cache_size.json and
prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EN = ["We keep server logs for {n} days.", "We may share your e-mail address with partner {n}.",
      "You may ask us to delete your data. Write to privacy{n}@example.com."]
TH = ["บริษัทเก็บรักษาข้อมูลไว้ {n} วัน", "ท่านมีสิทธิขอให้ลบข้อมูลส่วนบุคคล ติดต่อ privacy{n}@example.com"]


def disk_bytes(folder: Path) -> tuple[int, int]:
    """Bytes allocated on disk and bytes in the files under ``folder``."""
    allocated = apparent = 0
    for path in folder.rglob("*"):
        info = path.lstat()
        allocated += info.st_blocks * 512
        apparent += info.st_size if path.is_file() else 0
    return allocated, apparent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from pipeline.runtime.cache import DocumentCache
    from pipeline.runtime.run import run_pipeline

    with tempfile.TemporaryDirectory() as scratch:
        folder, out = Path(scratch) / "in", Path(scratch) / "out" / "clauses.parquet"
        for index in range(args.files):
            sentences = EN if index % 2 == 0 else TH
            text = sentences[index % len(sentences)].format(n=index)
            sub = folder / f"{index // 1000:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"policy_{index:05d}.txt").write_text(text + "\n", encoding="utf-8")
        input_bytes = sum(path.stat().st_size for path in folder.rglob("*.txt"))
        started = time.perf_counter()
        result = run_pipeline(folder, out, workers=args.workers, file_timeout=120)
        seconds = time.perf_counter() - started
        cache = out.parent / ".cache"
        allocated, apparent = disk_bytes(cache)
        report = {
            "files": args.files,
            "workers": args.workers,
            "input_bytes": input_bytes,
            "cache_disk_bytes": allocated,
            "cache_file_bytes": apparent,
            "cache_entries": DocumentCache(cache).entries(),
            "clauses": result.summary()["clauses"],
            "run_seconds": round(seconds, 1),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }
    results = REPO / "benchmarks" / "results" / "cache_size.json"
    results.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
