"""English clause boundaries: a blank spaCy pipeline with rule components.

``sentencizer`` proposes sentence starts after ., ! and ?; the registered
``policy_clause_rules`` component then corrects them for policy text: it
splits after an abbreviation that really ends a sentence ("... U.S. We"),
refuses to start a clause with a lower-case word, and splits independent
statements joined by ';'. The tokenizer already keeps "e.g.", "U.S.",
URLs and e-mail addresses whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

#: Words that start a new statement after an abbreviation such as "etc." or "Inc.".
SENTENCE_OPENERS = frozenset(
    "We You Your Our They This These Those It If When Where For In To The Please Any All "
    "Some Such Each Under Unless As Users Customers".split()
)
#: Abbreviations that never end a sentence; others ("etc.", "Inc.", "U.S.") may.
NON_FINAL_ABBREVIATIONS = frozenset("e.g. i.e. mr. mrs. ms. dr. prof. st. vs. cf. approx. no. nos. sec. art. para.".split())
#: Abbreviations that a number follows ("sec. 4", "No. 12", "art. 6").
NUMBER_ABBREVIATIONS = frozenset("sec sect no nos art para p pp vol ch fig approx ref cl s ss".split())
#: Finite-verb cues: a ';' splits only when the right side states something.
FINITE_VERB_CUES = frozenset(
    "we you they it he she this these may will can must shall should would could might do does "
    "did is are was were has have had cannot won't don't doesn't isn't aren't".split()
)
#: Words after a ';' that continue a list rather than start a statement.
LIST_CONJUNCTIONS = frozenset({"and", "or", "nor"})
#: Least number of tokens in every part of a sentence split at ';'.
DEFAULT_MIN_SEMICOLON_TOKENS = 4


#: Longest text handed to spaCy at once.
DEFAULT_MAX_TEXT_CHARS = 100_000_000


@lru_cache(maxsize=1)
def load_english_pipeline():
    """Return the shared blank English pipeline with the clause rules (built once)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("policy_clause_rules"):
        Language.component("policy_clause_rules", func=_apply_clause_rules)
    nlp = spacy.blank("en")
    # The limit guards the parser's memory; a tokenizer and rule components need none, and a
    # scraped policy can hold a 1 MB paragraph.
    nlp.max_length = DEFAULT_MAX_TEXT_CHARS
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("policy_clause_rules")
    return nlp


def english_cuts(texts: list[str]) -> list[list[int]]:
    """Return, for each text, the offsets where a new clause starts (0 excluded).

    >>> english_cuts(["We use cookies, e.g. session cookies. You can refuse them."])
    [[38]]
    >>> english_cuts(["We keep logs for 90 days; we delete them after that."])
    [[26]]
    """
    from spacy.attrs import IDX, SENT_START

    nlp = load_english_pipeline()
    cuts = []
    for doc in nlp.pipe(texts, batch_size=256):
        # Read the boundaries as arrays: creating a Python object per token would cost more than the rules.
        marks = doc.to_array([SENT_START, IDX])
        cuts.append([int(start) for start in marks[marks[:, 0] == 1, 1] if start > 0])
    return cuts


def _apply_clause_rules(doc):
    """Correct the sentencizer's starts; only sentence starts and tokens after a dotted word are visited."""
    from spacy.attrs import IDX, SENT_START

    if len(doc) < 2:
        return doc
    marks = doc.to_array([SENT_START, IDX])
    for i in np.flatnonzero(marks[:, 0] == 1):
        if i == 0:
            continue
        token = doc[int(i)]
        if _starts_lowercase(token):
            # A statement never begins in lower case: "approx. 30 days", "p.m. and".
            token.is_sent_start = False
        elif token.text[:1].isdigit() and _after_short_abbreviation(doc, token.i):
            # "see sec. 4", "No. 12": a number after an abbreviation continues.
            token.is_sent_start = False
    for i in _after_dotted_words(doc, marks[:, 1]):
        token = doc[i]
        if marks[i, 0] != 1 and token.text in SENTENCE_OPENERS and _ends_with_abbreviation(doc[i - 1]):
            # "... in the U.S. We ..." and "... etc. You ...": the abbreviation ends the sentence.
            token.is_sent_start = True
    if ";" in doc.text:
        # Sentences as the sentencizer saw them, before the corrections above; only those with a ';'.
        starts = marks[:, 0] == 1
        starts[0] = True
        bounds = [*np.flatnonzero(starts).tolist(), len(doc)]
        semicolons = np.searchsorted(marks[:, 1], [m.start() for m in re.finditer(";", doc.text)], side="right") - 1
        for start, end in zip(bounds, bounds[1:]):
            if np.any((semicolons >= start) & (semicolons < end)):
                for i in _semicolon_splits(doc[start:end]):
                    doc[i].is_sent_start = True
    return doc


def _after_dotted_words(doc, token_starts) -> list[int]:
    """Indices of the tokens that start after a "." of the text: every token that follows one ending in "."."""
    ends = [match.end() for match in re.finditer(r"\.", doc.text)]
    following = np.searchsorted(token_starts, ends, side="left")
    return sorted({int(i) for i in following if 0 < i < len(doc)})


def _semicolon_splits(sentence) -> list[int]:
    """Token indices after each ';' that joins independent statements.

    No split in a list: when a colon introduces the semicolons, when any part
    is shorter than a statement, or when the part after a ';' opens with
    "and" / "or".
    """
    semicolons = [token.i for token in sentence if token.text == ";"]
    if not semicolons:
        return []
    if any(token.text == ":" for token in sentence if token.i < semicolons[0]):
        return []
    bounds = [sentence.start - 1, *semicolons, sentence.end]
    if any(end - start - 1 < DEFAULT_MIN_SEMICOLON_TOKENS for start, end in zip(bounds, bounds[1:])):
        return []
    doc = sentence.doc
    return [
        i + 1
        for i in semicolons
        if i + 1 < sentence.end and doc[i + 1].lower_ not in LIST_CONJUNCTIONS and _has_verb_cue(doc[i + 1:sentence.end])
    ]


def _has_verb_cue(span) -> bool:
    return any(token.lower_ in FINITE_VERB_CUES or token.lower_.endswith(("s", "ed")) for token in span)


def _starts_lowercase(token) -> bool:
    return token.text[:1].isalpha() and token.text[:1].islower()


def _ends_with_abbreviation(token) -> bool:
    text = token.text
    return len(text) > 1 and text.endswith(".") and text.lower() not in NON_FINAL_ABBREVIATIONS


def _after_short_abbreviation(doc, i: int) -> bool:
    previous = doc[i - 1].lower_
    if previous == "." and i >= 2:
        previous = doc[i - 2].lower_ + "."
    return previous.rstrip(".") in NUMBER_ABBREVIATIONS
