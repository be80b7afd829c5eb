"""English clause boundaries: a blank spaCy pipeline with rule components.

``sentencizer`` proposes sentence starts after ., ! and ?; the registered
``policy_clause_rules`` component then corrects them for policy text: it
splits after an abbreviation that really ends a sentence ("... U.S. We"),
refuses to start a clause with a lower-case word, and splits independent
statements joined by ';'. The tokenizer already keeps "e.g.", "U.S.",
URLs and e-mail addresses whole.
"""

from __future__ import annotations

from functools import lru_cache

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
#: Least number of tokens on each side of a ';' for a split.
DEFAULT_MIN_SEMICOLON_TOKENS = 4


@lru_cache(maxsize=1)
def load_english_pipeline():
    """Return the shared blank English pipeline with the clause rules (built once)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("policy_clause_rules"):
        Language.component("policy_clause_rules", func=_apply_clause_rules)
    nlp = spacy.blank("en")
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
    nlp = load_english_pipeline()
    return [
        [sent.start_char for sent in doc.sents if sent.start_char > 0]
        for doc in nlp.pipe(texts, batch_size=256)
    ]


def _apply_clause_rules(doc):
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if token.is_sent_start and _starts_lowercase(token):
            # A statement never begins in lower case: "approx. 30 days", "p.m. and".
            token.is_sent_start = False
        elif token.is_sent_start and token.text[:1].isdigit() and _after_short_abbreviation(doc, i):
            # "see sec. 4", "No. 12": a number after an abbreviation continues.
            token.is_sent_start = False
        elif _ends_with_abbreviation(previous) and token.text in SENTENCE_OPENERS:
            # "... in the U.S. We ..." and "... etc. You ...": the abbreviation ends the sentence.
            token.is_sent_start = True
        elif previous.text == ";" and _independent_statement(doc, i):
            token.is_sent_start = True
    return doc


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


def _independent_statement(doc, i: int) -> bool:
    """True when the tokens on both sides of the ';' before ``i`` are statements."""
    left = 0
    for j in range(i - 2, -1, -1):
        if doc[j].is_sent_start or doc[j].text == ";":
            left += 1
            break
        left += 1
    right = []
    for token in doc[i:]:
        if token.text in (";", ".", "!", "?"):
            break
        right.append(token)
    if left < DEFAULT_MIN_SEMICOLON_TOKENS or len(right) < DEFAULT_MIN_SEMICOLON_TOKENS:
        return False
    return any(token.lower_ in FINITE_VERB_CUES for token in right)
