"""English clause boundaries: a blank spaCy pipeline with rule components.

``sentencizer`` proposes sentence starts after ., !, ? (and the full-width
"．" and "。", which the tokenizer here splits off); the registered
``policy_clause_rules`` component then corrects them for policy text:

- an abbreviation ends a sentence only when a word that opens statements
  follows it ("... laws of the U.S. Our servers", "6 p.m. Our office",
  "Acme Pte. Ltd. She ..."), never before a number ("No. 12", "Art. 6") or
  a lower-case word; the lists of abbreviations and openers are closed
  lists (:data:`FINAL_ABBREVIATIONS`, :data:`NON_FINAL_ABBREVIATIONS`,
  :data:`SENTENCE_OPENERS`);
- an opening quote, bracket or Markdown emphasis mark before a sentence
  moves to it (`... 90 days. (See Section 5.)`, `... data. "Personal Data"
  means`); a citation mark stays with the sentence before it
  (`... by law.[3] We`);
- an inline enumeration of two or more markers in sequence ("1.) your name
  2.) your email", "(a) ... (b) ...", "(i) ... (ii) ...", "a. ... b. ...")
  is split before each marker, the marker leading its item, and never right
  after a marker;
- a run-in title at the start of a paragraph ("**Purpose.** We use ...",
  "Cookies. We use ...") stays in the sentence it introduces;
- independent statements joined by ';' are split there, but not the items
  of a list (after a colon, inside brackets, parts that open alike: "if
  you ...; if you ...", or with "and"/"or");
- a "sentence" of punctuation alone ("..", "→") joins its neighbour.

The tokenizer already keeps "e.g.", "U.S.", URLs and e-mail addresses whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy as np

#: Words that start a new statement after an abbreviation such as "etc." or "Inc." (a closed list).
SENTENCE_OPENERS = frozenset(
    "We You Your Our They Their This These Those That It Its If When Where While Whenever For In To The A An "
    "Please Any All Some Such Each Every Under Unless As Users Customers She He I His Her There Here Then Thus "
    "Therefore However Also Additionally Moreover Furthermore Otherwise Note Many Most No Not Once Only Since "
    "Although Because After Before During Following Upon By With Without From At On Of Who What Which How Why "
    "Do Does Did Is Are Was Were Can May Might Will Would Should Must Click Visit Contact See Learn Read You'll "
    "We'll We're You're It's".split()
)
#: Abbreviations that may end a sentence: they do when a sentence opener follows ("... Inc. We", "... U.S. Our").
FINAL_ABBREVIATIONS = frozenset(
    "inc. ltd. co. corp. llc. l.l.c. pte. pty. plc. gmbh. ag. s.a. b.v. n.v. etc. u.s. u.k. e.u. u.s.a. "
    "a.m. p.m. jr. sr. ph.d. m.d. b.a. m.a. d.c. al.".split()
)
#: Abbreviations that never end a sentence.
NON_FINAL_ABBREVIATIONS = frozenset(
    "e.g. i.e. mr. mrs. ms. dr. prof. st. vs. cf. approx. no. nos. sec. sect. art. arts. para. fig. vol. ch. "
    "pub. ref. dept. mt. ft. gov. gen. rev. hon. capt. lt. col. rep. sen. viz. ca. jan. feb. mar. apr. "
    "aug. sep. sept. oct. nov. dec. p. pp. cl. ss.".split()
)
#: Abbreviations that a number follows ("sec. 4", "No. 12", "art. 6").
NUMBER_ABBREVIATIONS = frozenset("sec sect no nos art arts para p pp vol ch fig approx ref cl s ss pub l".split())
#: Finite-verb cues: a ';' splits only when the right side states something.
FINITE_VERB_CUES = frozenset(
    "we you they it he she this these may will can must shall should would could might do does "
    "did is are was were has have had cannot won't don't doesn't isn't aren't".split()
)
#: Words after a ';' that continue a list rather than start a statement.
LIST_CONJUNCTIONS = frozenset({"and", "or", "nor"})
#: Words that open the parallel items of a list joined by ';' ("if you ...; if you ...", "those that ...; those that ...").
PARALLEL_OPENERS = frozenset("if when where whether while those that which who whom whose to for by with in on from as".split())
#: Least number of tokens in every part of a sentence split at ';'.
DEFAULT_MIN_SEMICOLON_TOKENS = 4
#: Characters that open what follows them: a quote, a bracket, Markdown emphasis.
OPENING_MARKS = frozenset("([{\"'“‘«*_")
#: A clause never starts with these: they close or continue what precedes them.
CONTINUING_PUNCTUATION = tuple(",;:)]}”’»%")
#: Longest run-in title at the start of a paragraph, in words: "Cookies.", "**Purpose of processing.**".
DEFAULT_RUN_IN_TITLE_WORDS = 5
DEFAULT_BOLD_TITLE_WORDS = 12
#: Pronouns and determiners that make a bold opening a statement, not a title ("**We never sell data.**").
STATEMENT_SUBJECTS = frozenset("we you they it our your this these i he she".split())
#: Words a Title Case title leaves in lower case.
TITLE_MINOR_WORDS = frozenset("a an the and or of to in on for with by at from".split())
#: Words an item of an inline enumeration needs besides conjunctions ("(a) and (b)" is a reference, not a list).
DEFAULT_MIN_ITEM_WORDS = 2

#: Full-width and ideographic full stops: split off as punctuation, so that the sentencizer sees them.
_WIDE_STOPS = "．。"
#: Inline enumeration markers after whitespace: "1.)", "2)", "3.", "(a)", "b)", "c.", "(iv)", "•".
_MARKER_RE = re.compile(
    r"(?:(?<=\s)|^)(?:"
    r"(?P<number>\d{1,2})(?:\.\)|\)|\.)"
    r"|\((?P<paren>\d{1,2}|[a-z]|[ivx]{1,5})\)"
    r"|(?P<letter>[a-z]|[ivx]{1,5})[.)]"
    r"|(?P<bullet>[•⁃▪‣◦])"
    r")(?=\s)"
)
#: A citation mark after the end of a sentence: "... by law.[3] We".
_CITATION_RE = re.compile(r"[.!?][\"”’)]*\[\d{1,3}\](?=\s+\S)")
_ALNUM_RE = re.compile(r"[^\W_]")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}


#: Longest text handed to spaCy at once.
DEFAULT_MAX_TEXT_CHARS = 100_000_000
#: Longest run of punctuation (no letter, digit or space) handed to spaCy's tokenizer, whose prefix and
#: suffix search is quadratic in a token's length (8,000 "_" took 7.7 s); the rest of a run is blanked.
DEFAULT_MAX_PUNCTUATION_RUN = 16
_PUNCTUATION_RUN_RE = re.compile(rf"(?:[^\w\s]|_){{{DEFAULT_MAX_PUNCTUATION_RUN + 1},}}")


def _blank_english():
    """A blank English pipeline whose tokenizer also splits full-width stops and citation brackets off words."""
    import spacy
    from spacy.util import compile_infix_regex, compile_suffix_regex

    nlp = spacy.blank("en")
    # The limit guards the parser's memory; a tokenizer and rule components need none, and a
    # scraped policy can hold a 1 MB paragraph.
    nlp.max_length = DEFAULT_MAX_TEXT_CHARS
    infixes = [*nlp.Defaults.infixes, rf"(?<=\S)[{_WIDE_STOPS}](?=\S)", r"(?<=[.!?])\[(?=\d{1,3}\])"]
    suffixes = [*nlp.Defaults.suffixes, rf"[{_WIDE_STOPS}]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp


@lru_cache(maxsize=1)
def load_english_pipeline():
    """Return the shared blank English pipeline with the clause rules (built once)."""
    from spacy.language import Language

    if not Language.has_factory("policy_clause_rules"):
        Language.component("policy_clause_rules", func=_apply_clause_rules)
    nlp = _blank_english()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("policy_clause_rules")
    return nlp


def english_cuts(texts: list[str]) -> list[list[int]]:
    """Return, for each text, the offsets where a new clause starts (0 excluded).

    >>> english_cuts(["We use cookies, e.g. session cookies. You can refuse them."])
    [[38]]
    >>> english_cuts(["We keep logs for 90 days; we delete them after that."])
    [[26]]
    >>> text = "We comply with the laws of the U.S. Our servers are in Virginia."
    >>> [text[cut:] for cut in english_cuts([text])[0]]
    ['Our servers are in Virginia.']
    """
    from spacy.attrs import IDX, SENT_START

    bounded = [_bound_punctuation_runs(text) for text in texts]
    cuts = []
    # The rules run here on the text already at hand: the component would rebuild doc.text from every token.
    docs = load_english_pipeline().pipe((text for text, _ in bounded), batch_size=256, disable=["policy_clause_rules"])
    for (text, blanked), doc in zip(bounded, docs):
        _apply_clause_rules(doc, text)
        # Read the boundaries as arrays: creating a Python object per token would cost more than the rules.
        marks = doc.to_array([SENT_START, IDX])
        cuts.append(_restore_cuts([int(start) for start in marks[marks[:, 0] == 1, 1] if start > 0], blanked, text))
    return cuts


def _bound_punctuation_runs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each punctuation run cut to its first characters and the rest blanked, and the blanked spans.

    Blanks keep every offset: "Name: ____ (8,000) Date" becomes "Name: ________________       ... Date".

    >>> _bound_punctuation_runs("Sign: " + "_" * 20 + " here")
    ('Sign: ________________     here', [(22, 26)])
    """
    blanked = [(match.start() + DEFAULT_MAX_PUNCTUATION_RUN, match.end()) for match in _PUNCTUATION_RUN_RE.finditer(text)]
    if not blanked:
        return text, blanked
    pieces, cursor = [], 0
    for start, end in blanked:
        pieces += [text[cursor:start], " " * (end - start)]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), blanked


def _restore_cuts(cuts: list[int], blanked: list[tuple[int, int]], text: str) -> list[int]:
    """Cuts found on the blanked ``text``, moved out of the blanks to the word after their run (never to the text's end)."""
    if not blanked:
        return cuts
    ends = [end for _, end in blanked]
    restored = []
    for cut in cuts:
        run = bisect_right(ends, cut)
        if run < len(blanked) and blanked[run][0] <= cut:
            cut = blanked[run][1]
            while cut < len(text) and text[cut].isspace():
                cut += 1
        if cut < len(text) and (not restored or restored[-1] != cut):
            restored.append(cut)
    return restored


@lru_cache(maxsize=1)
def _sentencizer_pipeline():
    nlp = _blank_english()
    nlp.add_pipe("sentencizer")
    return nlp


def sentencizer_cuts(texts: list[str]) -> list[list[int]]:
    """Every sentence start of spaCy's rule-based sentencizer alone: the raw reference.

    >>> sentencizer_cuts(["We keep logs for 90 days. You may ask us to delete them."])
    [[26]]
    """
    bounded = [_bound_punctuation_runs(text) for text in texts]
    return [_restore_cuts([sentence.start_char for sentence in doc.sents if sentence.start_char > 0], blanked, text)
            for (text, blanked), doc in zip(bounded, _sentencizer_pipeline().pipe((text for text, _ in bounded), batch_size=256))]


def _apply_clause_rules(doc, text: str | None = None):
    """Correct the sentencizer's starts; only sentence starts, tokens after a dot and rare patterns are visited.

    ``text`` is the doc's text when the caller has it (``doc.text`` builds it from every token).
    """
    from spacy.attrs import IDX, SENT_START

    if len(doc) < 2:
        return doc
    marks = doc.to_array([SENT_START, IDX])
    starts = marks[:, 1]
    text = doc.text if text is None else text
    for i in np.flatnonzero(marks[:, 0] == 1):
        if i == 0:
            continue
        token = doc[int(i)]
        if _starts_lowercase(token) or token.text.startswith(CONTINUING_PUNCTUATION):
            # A statement never begins in lower case ("approx. 30 days", "p.m. and") or with ",", ")".
            token.is_sent_start = False
        elif token.text[:1].isdigit() and _after_short_abbreviation(doc, token.i):
            # "see sec. 4", "No. 12": a number after an abbreviation continues.
            token.is_sent_start = False
        elif _after_abbreviation(doc, token.i) and token.text not in SENTENCE_OPENERS and not _opens_with_mark(doc, token.i):
            # "Acme Pte. Ltd.", "Albert I. Jones": only an opener starts a sentence after an abbreviation.
            token.is_sent_start = False
    for i in _after_dotted_words(doc, starts, text):
        token = doc[i]
        if marks[i, 0] != 1 and _ends_with_abbreviation(doc[i - 1]) and _opens_sentence(doc, i):
            # "... in the U.S. We ..." and "... etc. You ...": the abbreviation ends the sentence.
            token.is_sent_start = True
    if "[" in text:
        for match in _CITATION_RE.finditer(text):
            # "... required by law.[3] We": the mark stays behind, the next sentence starts after it.
            i = int(np.searchsorted(starts, match.end(), side="left"))
            while i < len(doc) and doc[i].is_space:
                i += 1
            if i < len(doc) and not _starts_lowercase(doc[i]):
                doc[i].is_sent_start = True
    if ";" in text:
        _split_semicolons(doc, marks, text)
    _split_enumerations(doc, starts, text)
    _move_opening_marks(doc, starts, text)
    _keep_run_in_title(doc, starts, text)
    _join_bare_punctuation(doc, starts, text)
    return doc


def _split_semicolons(doc, marks, text: str) -> None:
    """Split at each ';' that joins independent statements, in the sentences the sentencizer found."""
    sentence_starts = marks[:, 0] == 1
    sentence_starts[0] = True
    bounds = [*np.flatnonzero(sentence_starts).tolist(), len(doc)]
    semicolons = np.searchsorted(marks[:, 1], [m.start() for m in re.finditer(";", text)], side="right") - 1
    for start, end in zip(bounds, bounds[1:]):
        if np.any((semicolons >= start) & (semicolons < end)):
            for i in _semicolon_splits(doc[start:end]):
                doc[i].is_sent_start = True


def _after_dotted_words(doc, token_starts, text: str) -> list[int]:
    """Indices of the tokens that start after a "." of the text: every token that follows one ending in "."."""
    ends = [match.end() for match in re.finditer(r"\.", text)]
    following = np.searchsorted(token_starts, ends, side="left")
    return sorted({int(i) for i in following if 0 < i < len(doc)})


def _semicolon_splits(sentence) -> list[int]:
    """Token indices after each ';' that joins independent statements.

    No split in a list: when a colon introduces the semicolons, when any part
    is shorter than a statement, when the part after a ';' opens with "and" /
    "or", when the ';' is inside brackets, or when parts open with the same
    subordinator, relative or preposition ("if you ...; if you ...", "those
    that ...; those that ...") or both with a gerund ("texting you ...;
    calling you ...").
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
    openings = [doc[start + 1].lower_ for start in bounds[:-1] if start + 1 < sentence.end]
    parallel = [opening for opening in openings if opening in PARALLEL_OPENERS or opening.endswith("ing")]
    if len(set(parallel)) < len(parallel) or any(opening in LIST_CONJUNCTIONS for opening in openings[1:]):
        return []
    depth, inside = 0, set()
    for token in sentence:
        if token.text in ("(", "["):
            depth += 1
        elif token.text in (")", "]") and depth:
            depth -= 1
        elif token.text == ";" and depth:
            inside.add(token.i)
    return [
        i + 1
        for i in semicolons
        if i not in inside and i + 1 < sentence.end and doc[i + 1].lower_ not in LIST_CONJUNCTIONS
        and _has_verb_cue(doc[i + 1:sentence.end])
    ]


def _split_enumerations(doc, token_starts, text: str) -> None:
    """Split an inline enumeration before each of its markers, and never just after one.

    A run of two or more markers of one kind whose values follow each other
    ("1.) 2.)", "(a) (b) (c)", "(i) (ii)", "a. b.", "• •") is an enumeration
    when each item has words of its own.
    """
    found = list(_MARKER_RE.finditer(text))
    if len(found) < 2:
        return
    for run in _marker_runs(found, text):
        for start, end in run:
            i = int(np.searchsorted(token_starts, start, side="left"))
            if i >= len(doc) or doc[i].idx != start:
                continue
            if i > 0:
                doc[i].is_sent_start = True
            j = i + 1
            while j < len(doc) and (doc[j].idx < end or doc[j].is_space):
                doc[j].is_sent_start = False
                j += 1
            if j < len(doc):
                doc[j].is_sent_start = False


def _marker_runs(found: list[re.Match], text: str) -> list[list[tuple[int, int]]]:
    """Runs of markers of one kind with consecutive values, as (start, end) spans, items with words of their own."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    previous: tuple[str, int] | None = None
    for match in found:
        kind, value = _marker_value(match)
        if previous is not None and kind == previous[0] and (value == previous[1] + 1 or kind.startswith("bullet")):
            run.append(match.span())
        else:
            if len(run) >= 2:
                runs.append(run)
            run = [match.span()]
        previous = (kind, value)
    if len(run) >= 2:
        runs.append(run)
    return [run for run in runs if _items_have_words(run, text)]


def _marker_value(match: re.Match) -> tuple[str, int]:
    """The kind of a marker ("number.)", "paren-roman", "letter.-alpha", ...) and its value (bullets have none)."""
    if match.group("number"):
        return "number" + match.group()[len(match.group("number")):], int(match.group("number"))
    if match.group("bullet"):
        return "bullet" + match.group("bullet"), 0
    value = match.group("paren") or match.group("letter")
    shape = "paren" if match.group("paren") else "letter" + match.group()[-1]
    if value.isdigit():
        return shape + "-number", int(value)
    if value in _ROMAN:
        # "(i)", "(v)" read as Roman numerals: runs of letters rarely reach them in a policy.
        return shape + "-roman", _ROMAN[value]
    return shape + "-alpha", ord(value) - ord("a") + 1


def _items_have_words(run: list[tuple[int, int]], text: str) -> bool:
    bounds = [*(start for start, _ in run[1:]), None]
    for (_, end), stop in zip(run, bounds):
        item = text[end:stop] if stop is not None else text[end:end + 80]
        words = [word for word in re.findall(r"[A-Za-z][\w'-]*", item) if word.lower() not in LIST_CONJUNCTIONS]
        if len(words) < DEFAULT_MIN_ITEM_WORDS:
            return False
    return True


def _move_opening_marks(doc, token_starts, text: str) -> None:
    """Give an opening quote, bracket or emphasis mark that sits before a sentence start to that sentence."""
    from spacy.attrs import SENT_START

    for i in np.flatnonzero(doc.to_array([SENT_START]) == 1).tolist():
        # Only where the character before the start is a mark: most starts follow a space.
        if i == 0 or text[token_starts[i] - 1] not in OPENING_MARKS:
            continue
        first = i
        while first > 0 and _is_opening_mark(doc, first - 1):
            first -= 1
        if first != i:
            doc[i].is_sent_start = False
            doc[first].is_sent_start = True


def _is_opening_mark(doc, i: int) -> bool:
    """A token of opening marks glued to the word after it, with whitespace (or the text's start) before it."""
    token = doc[i]
    if not token.text or any(ch not in OPENING_MARKS for ch in token.text) or token.whitespace_:
        return False
    return i == 0 or bool(doc[i - 1].whitespace_) or _is_opening_mark(doc, i - 1)


def _opens_sentence(doc, i: int) -> bool:
    """An opener at ``i`` ("We"), or opening marks glued to a capitalised word ('"Personal Data" means')."""
    j = i
    while j < len(doc) - 1 and _is_opening_mark(doc, j):
        j += 1
    return doc[j].text in SENTENCE_OPENERS or (j > i and doc[j].text[:1].isupper())


def _opens_with_mark(doc, i: int) -> bool:
    return i > 0 and _is_opening_mark(doc, i - 1)


def _keep_run_in_title(doc, token_starts, text: str) -> None:
    """Join a run-in title that opens the paragraph ("Cookies. We use ...", "**Purpose.** We ...") to its sentence."""
    from spacy.attrs import SENT_START

    later = np.flatnonzero(doc.to_array([SENT_START])[1:] == 1)
    if not len(later):
        return
    index = int(later[0]) + 1
    head = text[:token_starts[index]].strip()
    if not head.startswith(("**", "__")) and not head.endswith((".", ":")):
        return  # neither bold nor ending in "." or ":": no title, decided on the text alone
    second = doc[index]
    title = doc[:index]
    words = [token for token in title if token.is_alpha]
    if not words:
        return
    stripped = title.text.strip()
    # "**Purpose:** We ..." or "**Purpose: **We ..." (the closing mark after the space).
    closing = second.text in ("*", "_") and stripped.count(second.text * 2) == 1
    bold = (stripped.startswith(("**", "__")) and (stripped.endswith(("**", "__")) or closing)
            and len(words) <= DEFAULT_BOLD_TITLE_WORDS and words[0].lower_ not in STATEMENT_SUBJECTS)
    plain = (stripped.endswith((".", ":")) and "," not in stripped and stripped[:1].isalpha() and words[0].text[:1].isupper()
             and len(words) <= DEFAULT_RUN_IN_TITLE_WORDS and words[0].lower_ not in ("yes", "no")
             and (len(words) <= 2 or all(w.text[:1].isupper() or w.lower_ in TITLE_MINOR_WORDS for w in words))
             and not any(token.lower_ in FINITE_VERB_CUES for token in words))
    if bold or (plain and not _is_sentence(title)):
        second.is_sent_start = False


def _join_bare_punctuation(doc, token_starts, text: str) -> None:
    """A "sentence" of punctuation only ("..", "→") joins the next one at the start of the text, else the one before."""
    from spacy.attrs import SENT_START

    starts = [*np.flatnonzero(doc.to_array([SENT_START]) == 1).tolist(), len(doc)]
    if starts[0] != 0:
        starts.insert(0, 0)
    offsets = [*token_starts.tolist(), len(text)]
    for start, end in zip(starts, starts[1:]):
        if _ALNUM_RE.search(text, offsets[start], offsets[end]):
            continue
        if start == 0 and end < len(doc):
            doc[end].is_sent_start = False
        elif start > 0:
            doc[start].is_sent_start = False


def _is_sentence(span) -> bool:
    """A short span that still reads as a sentence: it has a verb-like word besides its first."""
    return any(token.lower_.endswith(("ed", "es")) or token.lower_ in FINITE_VERB_CUES for token in span[1:])


def _has_verb_cue(span) -> bool:
    return any(token.lower_ in FINITE_VERB_CUES or token.lower_.endswith(("s", "ed")) for token in span)


def _starts_lowercase(token) -> bool:
    """A word in lower case; a domain name ("activist.org is ...") may start a sentence all the same."""
    return token.text[:1].isalpha() and token.text[:1].islower() and not token.like_url


def _abbreviation_before(doc, i: int) -> str | None:
    """The abbreviation-like word that ends just before token ``i`` ("U.S.", "Pte." as "Pte" + "."), lower case, or None."""
    previous = doc[i - 1]
    if previous.text == "." and i >= 2 and not doc[i - 2].whitespace_:
        return doc[i - 2].lower_ + "."
    if len(previous.text) > 1 and previous.text.endswith("."):
        return previous.lower_
    return None


def _after_abbreviation(doc, i: int) -> bool:
    """True after a known abbreviation, an initial ("I.", "L.") or a dotted acronym ("U.S.", "a.m.")."""
    word = _abbreviation_before(doc, i)
    if word is None:
        return False
    bare = word.rstrip(".")
    if word == "etc.":
        return False  # "etc." ends a list and, as often, the sentence: any capital may follow it
    return (word in FINAL_ABBREVIATIONS or word in NON_FINAL_ABBREVIATIONS
            or (len(bare) == 1 and bare.isalpha()) or ("." in bare and len(bare) <= 6 and bare.replace(".", "").isalpha()))


def _ends_with_abbreviation(token) -> bool:
    text = token.text
    return len(text) > 1 and text.endswith(".") and text.lower() not in NON_FINAL_ABBREVIATIONS


def _after_short_abbreviation(doc, i: int) -> bool:
    previous = doc[i - 1].lower_
    if previous == "." and i >= 2:
        previous = doc[i - 2].lower_ + "."
    return previous.rstrip(".") in NUMBER_ABBREVIATIONS
