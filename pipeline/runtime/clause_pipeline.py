"""The library API: load the pipeline once, then run it on policies held in memory.

As with spaCy's ``nlp = spacy.load(...)``, :func:`load` gives one object that
is called on a text (``clauses = nlp(text)``) or piped over many
(``nlp.pipe(texts)``). Nothing touches the file system: the result is the
clause table ``clauses run`` writes for the same text saved to a file (the
same rows and columns; ``doc_id``, ``source_path`` and ``run_id`` are what
the call names them).

>>> import pipeline
>>> nlp = pipeline.load()                                               # doctest: +SKIP
>>> nlp("We keep server logs for 90 days.")[["text_raw", "labels"]]     # doctest: +SKIP
>>> nlp("<h2>การเก็บรักษา</h2><p>บริษัทเก็บข้อมูลไว้ 5 ปี</p>", format="html")  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from ..classify.persistence import check_model, model_version
from ..config import DEFAULT_MODEL_DIR, PIPELINE_VERSION
from ..ingest.files import parse_document
from .worker import process_document, worker_model

#: Formats a policy given in memory may have, and the ingest format each is read as (pdf and docx need their extras).
FORMATS = {"txt": "text", "md": "markdown", "html": "html", "pdf": "pdf", "docx": "docx"}
DEFAULT_DOC_ID = "document"
DEFAULT_RUN_ID = "in-memory"


class ClausePipeline:
    """Ingest, segment, classify and extract attributes of policies given as strings or bytes.

    Build it with :func:`load`; the model, spaCy and PyThaiNLP are loaded once.
    """

    def __init__(self, model_dir: str | Path | None = None) -> None:
        self.model_dir = Path(model_dir or DEFAULT_MODEL_DIR).resolve()
        self.meta = check_model(self.model_dir)
        self.model = worker_model(str(self.model_dir))

    def __call__(self, text: str | bytes, format: str = "txt", doc_id: str = DEFAULT_DOC_ID, run_id: str = DEFAULT_RUN_ID) -> pd.DataFrame:
        """The clause rows of one policy (``format``: txt, md, html, or pdf and docx as bytes), with the column types of ``clauses.parquet``."""
        return self.process(text, format, doc_id, run_id)[0]

    def process(self, text: str | bytes, format: str = "txt", doc_id: str = DEFAULT_DOC_ID, run_id: str = DEFAULT_RUN_ID) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The clause and heading rows of one policy, with the column types of ``clauses.parquet`` and ``headings.parquet``.

        Raises :class:`pipeline.ingest.files.IngestError` for text that is
        not a policy (empty, binary, undecodable), as ``clauses run`` records
        it in the manifest.
        """
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; known: {sorted(FORMATS)}")
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        document = parse_document(data, doc_id, doc_id, sha256=hashlib.sha256(data).hexdigest(), format=FORMATS[format])
        provenance = {"pipeline_version": PIPELINE_VERSION, "model_version": model_version(self.meta), "run_id": run_id}
        clauses, headings = process_document(document, self.model, provenance)
        return clauses.to_pandas(), headings.to_pandas()

    def pipe(self, texts: Iterable[str | bytes], format: str = "txt", doc_ids: Iterable[str] | None = None) -> Iterator[pd.DataFrame]:
        """The clause rows of each policy in turn (``doc_ids`` default to ``document-0``, ``document-1``, ...)."""
        ids = iter(doc_ids) if doc_ids is not None else (f"{DEFAULT_DOC_ID}-{i}" for i in range(1 << 62))
        for text in texts:
            yield self(text, format, next(ids))


def load(model_dir: str | Path | None = None) -> ClausePipeline:
    """The pipeline with the model of ``model_dir`` (default: the shipped model), ready to call on texts."""
    return ClausePipeline(model_dir)
