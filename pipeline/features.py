"""Features for clause classification: tokens for both scripts and model inputs.

The classifier reads three text columns: ``text`` (the normalized clause),
``context`` (its heading path and list lead-in), because "Retained for 3
years" means little without "Data Retention" above it, and ``concepts`` (the
bilingual lexicon concepts of both, shared by English and Thai).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .language import detect_language
from .lexicon import CONCEPT_PREFIX, concept_text
from .normalize import normalize_text
from .structure import strip_list_marker

_SCRIPT_RUN_RE = re.compile(r"[\u0e00-\u0e7f]+|[^\u0e00-\u0e7f]+")
CONTEXT_SEPARATOR = " | "
#: Context of a clause with no heading and no lead-in; also keeps the context
#: vocabulary non-empty when a user's corpus has no context at all.
EMPTY_CONTEXT = "nocontext"
CONTEXT_CONCEPT_PREFIX = "context_"


class MixedScriptTokenizer:
    """Lower-case word tokens: PyThaiNLP newmm for Thai runs, the spaCy English tokenizer for the rest.

    >>> MixedScriptTokenizer()("We don't keep logs ไว้เป็นเวลา 90 วัน")
    ['we', 'do', "n't", 'keep', 'logs', 'ไว้', 'เป็น', 'เวลา', '90', 'วัน']
    """

    def __call__(self, text: str) -> list[str]:
        from pythainlp.tokenize import word_tokenize

        from .segment_en import load_english_pipeline

        tokenizer = load_english_pipeline().tokenizer
        tokens: list[str] = []
        for run in _SCRIPT_RUN_RE.findall(text):
            if "\u0e00" <= run[0] <= "\u0e7f":
                tokens.extend(t for t in word_tokenize(run, engine="newmm", keep_whitespace=False) if t.strip())
            else:
                tokens.extend(t.lower_ for t in tokenizer(run) if not (t.is_punct or t.is_space))
        return tokens


def model_inputs(text_norm: Iterable[str], section_paths: Iterable[Iterable[str]], lead_ins: Iterable[str | None]) -> pd.DataFrame:
    """The frame the classifier reads: ``text``, ``context`` and ``concepts`` columns."""
    text_norm = list(text_norm)
    context = [
        CONTEXT_SEPARATOR.join(part for part in (" ".join(path), lead if isinstance(lead, str) else "") if part)
        or EMPTY_CONTEXT
        for path, lead in zip(section_paths, lead_ins)
    ]
    concepts = [
        concept_text(text) + " " + concept_text(about).replace(CONCEPT_PREFIX, CONTEXT_CONCEPT_PREFIX)
        for text, about in zip(text_norm, context)
    ]
    return pd.DataFrame({"text": text_norm, "context": context, "concepts": concepts})


def labeled_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """Model inputs for labeled rows, normalized the way the pipeline normalizes clauses."""
    text_norm = [
        normalize_text(strip_list_marker(text), lang or detect_language(text))
        for text, lang in zip(frame["text"], frame["lang"])
    ]
    paths = [[part for part in path.split(" > ") if part] for path in frame["section_path"]]
    leads = [normalize_text(lead, detect_language(lead)) for lead in frame["lead_in"]]
    return model_inputs(text_norm, paths, leads)
