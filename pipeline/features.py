"""Features for clause classification: tokens for both scripts and model inputs.

The classifier reads two text columns: ``text`` (the normalized clause) and
``context`` (its heading path and list lead-in), because "Retained for 3
years" means little without "Data Retention" above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .language import detect_language
from .normalize import normalize_text
from .structure import strip_list_marker

_RUN_RE = re.compile(r"[\u0e00-\u0e7f]+|[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
CONTEXT_SEPARATOR = " | "
#: Context of a clause with no heading and no lead-in; also keeps the context
#: vocabulary non-empty when a user's corpus has no context at all.
EMPTY_CONTEXT = "nocontext"


class MixedScriptTokenizer:
    """Split text into lower-case word tokens: PyThaiNLP newmm for Thai runs, letters otherwise.

    >>> MixedScriptTokenizer()("We keep logs ไว้เป็นเวลา 90 วัน")
    ['we', 'keep', 'logs', 'ไว้', 'เป็น', 'เวลา', '90', 'วัน']
    """

    def __call__(self, text: str) -> list[str]:
        from pythainlp.tokenize import word_tokenize

        tokens: list[str] = []
        for run in _RUN_RE.findall(text):
            if "\u0e00" <= run[0] <= "\u0e7f":
                tokens.extend(t for t in word_tokenize(run, engine="newmm", keep_whitespace=False) if t.strip())
            else:
                tokens.append(run.lower())
        return tokens


def model_inputs(text_norm: Iterable[str], section_paths: Iterable[Iterable[str]], lead_ins: Iterable[str | None]) -> pd.DataFrame:
    """The frame the classifier reads: ``text`` and ``context`` columns."""
    context = [
        CONTEXT_SEPARATOR.join(part for part in (" ".join(path), lead if isinstance(lead, str) else "") if part)
        or EMPTY_CONTEXT
        for path, lead in zip(section_paths, lead_ins)
    ]
    return pd.DataFrame({"text": list(text_norm), "context": context})


def labeled_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """Model inputs for labeled rows, normalized the way the pipeline normalizes clauses."""
    text_norm = [
        normalize_text(strip_list_marker(text), lang or detect_language(text))
        for text, lang in zip(frame["text"], frame["lang"])
    ]
    paths = [[part for part in path.split(" > ") if part] for path in frame["section_path"]]
    leads = [normalize_text(lead, detect_language(lead)) for lead in frame["lead_in"]]
    return model_inputs(text_norm, paths, leads)
