"""Features for clause classification: tokens for both scripts and model inputs.

The classifier reads three text columns: ``text`` (the normalized clause),
``context`` (its heading path and list lead-in), because "Retained for 3
years" means little without "Data Retention" above it, and ``concepts`` (the
bilingual lexicon concepts of both, shared by English and Thai).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from ..text.language import detect_language
from .lexicon import CONCEPT_PREFIX, concept_text
from ..text.normalize import normalize_text
from ..ingest.structure import strip_list_marker

CONTEXT_SEPARATOR = " | "
#: Context of a clause with no heading and no lead-in; also keeps the context
#: vocabulary non-empty when a user's corpus has no context at all.
EMPTY_CONTEXT = "nocontext"
CONTEXT_CONCEPT_PREFIX = "context_"


#: Words of the Latin (and any non-Thai) script: letters with an inner apostrophe, or digits.
_WORD_RE = re.compile(r"[\u0e00-\u0e7f]+|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
#: Joins the clauses before and after a clause in its ``neighbours`` input (clause texts hold no line breaks).
NEIGHBOUR_SEPARATOR = "\n"
#: Distinct texts whose tokens are remembered: contexts (headings, lead-ins) repeat across clauses.
DEFAULT_TOKEN_CACHE = 4096


@lru_cache(maxsize=DEFAULT_TOKEN_CACHE)
def word_tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens: PyThaiNLP newmm for Thai runs, letters and digits for the rest.

    >>> word_tokens("We don't keep logs ไว้เป็นเวลา 90 วัน")
    ('we', "don't", 'keep', 'logs', 'ไว้', 'เป็นเวลา', '90', 'วัน')
    """
    from pythainlp.tokenize import word_tokenize

    if NEIGHBOUR_SEPARATOR in text:
        # The neighbours of a clause are other clauses, whose tokens are remembered already.
        return tuple(token for part in text.split(NEIGHBOUR_SEPARATOR) for token in word_tokens(part))
    tokens: list[str] = []
    for token in _WORD_RE.findall(text.lower()):
        if "\u0e00" <= token[0] <= "\u0e7f":
            tokens.extend(t for t in word_tokenize(token, engine="newmm", keep_whitespace=False) if t.strip())
        else:
            tokens.append(token)
    return tuple(tokens)


class WordTokenizer:
    """The tokenizer of the word features: :func:`word_tokens` as a picklable callable."""

    def __call__(self, text: str) -> list[str]:
        return list(word_tokens(text))


#: Optional labeled-row columns that place a clause in its document: the clauses before and after it, and where it is.
ORDER_COLUMNS = ("prev_text", "next_text", "position")
#: Position tokens: the tenth of the policy a clause is in, and whether it opens or closes the policy.
POSITION_BUCKETS = 10
NO_POSITION = "posna"


def position_tokens(index: int, count: int) -> str:
    """Tokens for where clause ``index`` of ``count`` sits in its policy ("pos0 first" ... "pos9 last").

    >>> position_tokens(0, 40), position_tokens(39, 40)
    ('pos0 first', 'pos9 last')
    """
    tokens = [f"pos{min(index * POSITION_BUCKETS // max(count, 1), POSITION_BUCKETS - 1)}"]
    if index == 0:
        tokens.append("first")
    if index == count - 1:
        tokens.append("last")
    return " ".join(tokens)


def document_order(texts: list[str]) -> dict[str, list[str]]:
    """The ``prev_text``, ``next_text`` and ``position`` columns of the clauses of one policy, in order."""
    count = len(texts)
    return {
        "prev_text": ["", *texts[:-1]][:count],
        "next_text": [*texts[1:], ""][:count],
        "position": [position_tokens(i, count) for i in range(count)],
    }


def model_inputs(
    text_norm: Iterable[str],
    section_paths: Iterable[Iterable[str]],
    lead_ins: Iterable[str | None],
    neighbours: Iterable[str] | None = None,
    positions: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The frame the classifier reads.

    Columns: ``text`` (the normalized clause), ``context`` (heading path and
    lead-in), ``concepts`` (lexicon concepts of both), ``neighbours`` (the
    clauses before and after it) and ``position`` (:func:`position_tokens`).
    Clauses read out of any policy (labeled clauses written one by one) have
    no neighbours and the position :data:`NO_POSITION`.
    """
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
    neighbours = list(neighbours) if neighbours is not None else [""] * len(text_norm)
    positions = list(positions) if positions is not None else [NO_POSITION] * len(text_norm)
    return pd.DataFrame({"text": text_norm, "context": context, "concepts": concepts,
                         "neighbours": [text or EMPTY_CONTEXT for text in neighbours], "position": positions})


def clause_inputs(frame: pd.DataFrame | Mapping[str, list]) -> pd.DataFrame:
    """Model inputs for the clauses of one policy, in order (columns ``text_norm``, ``section_path``, ``lead_in`` of a frame or a dict of lists)."""
    texts = list(frame["text_norm"])
    order = document_order(texts)
    neighbours = [NEIGHBOUR_SEPARATOR.join(part for part in (before, after) if part) for before, after in zip(order["prev_text"], order["next_text"])]
    return model_inputs(texts, frame["section_path"], frame["lead_in"], neighbours, order["position"])


def labeled_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """Model inputs for labeled rows, normalized the way the pipeline normalizes clauses.

    Rows with :data:`ORDER_COLUMNS` (clauses read out of a policy) get their
    neighbours and position; rows without them get none.
    """
    text_norm = [
        normalize_text(strip_list_marker(text), lang or detect_language(text))
        for text, lang in zip(frame["text"], frame["lang"])
    ]
    paths = [[part for part in path.split(" > ") if part] for path in frame["section_path"]]
    leads = [normalize_text(lead, detect_language(lead)) for lead in frame["lead_in"]]
    neighbours = positions = None
    if all(column in frame.columns for column in ORDER_COLUMNS):
        neighbours = [
            NEIGHBOUR_SEPARATOR.join(normalize_text(strip_list_marker(text), detect_language(text)) for text in (before, after) if isinstance(text, str) and text)
            for before, after in zip(frame["prev_text"], frame["next_text"])
        ]
        positions = [position if isinstance(position, str) and position else NO_POSITION for position in frame["position"]]
    return model_inputs(text_norm, paths, leads, neighbours, positions)
