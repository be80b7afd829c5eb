"""Candidate clause boundaries of a Thai paragraph, and what the boundary model reads at each.

Thai writes no sentence-final punctuation: a statement ends at a space, but
most spaces end nothing (between the items of a list, around a number or an
English term, between "ไม่" and its verb). Every run of whitespace inside a
paragraph is therefore a *candidate*; the boundary model
(:mod:`pipeline.segment.boundary_model`) labels each one a boundary or not,
and a new clause starts right after the whitespace of each boundary.

The features of a candidate (strings, as CRFsuite reads them):

- PyThaiNLP crfcut, run once over the paragraph: whether it ends a sentence
  there and its marginal probability of doing so, binned;
- the newmm words on each side (two each) and the word pair across the gap;
- the kind and width of the space (space, NBSP, line break);
- the character on each side as a class (Thai, Latin, digit, Thai digit) or
  itself when it is punctuation, and whether the gap is inside brackets or
  quotes;
- cue words of the guide (data/real/GUIDE.md, section 3): openers of a new
  statement ("ทั้งนี้", "นอกจากนี้", "โดย" ...), conjunctions that continue one
  ("และ", "ซึ่ง" ...), conditions ("หาก", "เมื่อ" ...) and whether one is still
  waiting for its main clause, subjects and modals ("บริษัท", "จะ", "ไม่" ...),
  enumeration markers ("3.1", "ก)", "(2)");
- the lengths of the space-delimited chunks on each side, the distance to the
  ends of the paragraph, and whether the paragraph is a list item.

The cue lists are the rule filter's (:mod:`pipeline.segment.thai`); here they
are evidence the model weighs against the rest, never a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .thai import (
    CONTINUATIONS,
    DANGLING,
    DISCOURSE_MARKERS,
    MODALS,
    NOMINALISERS,
    STATEMENT_OPENERS,
    SUBORDINATORS,
    BRACKETS as _OPENERS,
    opens_statement,
)

#: Where a candidate's text may start: after any run of whitespace (line breaks included).
_GAP_RE = re.compile(r"\s+")
_SPACES_RE = re.compile(r"[^\S\n]")
#: Longest piece of text handed to newmm at once: its character clusters are found by slicing the rest of
#: the text at each one (PyThaiNLP's tcc), which is quadratic in the piece (64,000 "_" took 1 s).
DEFAULT_MAX_NEWMM_CHARS = 2_000
#: A run of punctuation longer than this is one word, without newmm (newmm makes one word of it too).
DEFAULT_MAX_PUNCTUATION_RUN = 16
_PUNCTUATION_RUN_RE = re.compile(rf"(?:[^\w\s]|_){{{DEFAULT_MAX_PUNCTUATION_RUN + 1},}}")
_SPACE_RUN_RE = re.compile(r"\s+")
#: Inline enumeration markers that open an item: "3.1", "2)", "(2)", "ก)", "(ก)", "๓.".
_MARKER_RE = re.compile(r"(?:\(?(?:\d{1,3}|[๐-๙]{1,3}|[ก-ฮ])\)|(?:\d{1,3}|[๐-๙]{1,3})(?:\.(?:\d{1,3}|[๐-๙]{1,3}))*\.?)(?=\s|$)")
#: How many chunks back a condition ("หาก ...") may open and still wait for its main clause.
DEFAULT_PENDING_CHUNKS = 8
#: Bins of lengths and distances, in characters.
_LENGTH_BINS = (3, 8, 15, 30, 60, 120)
_PROBABILITY_BINS = (0.05, 0.2, 0.4, 0.6, 0.8, 0.95)
#: Conjunctions and openers as single words: the first newmm word of the right side.
_CONTINUATION_WORDS = frozenset(CONTINUATIONS)
_SUBJECT_WORDS = frozenset(STATEMENT_OPENERS) | {"คุณ", "เขา", "ผู้ให้บริการ"}
_DANGLING_WORDS = frozenset(DANGLING)


#: Orchid part-of-speech tags (PyThaiNLP's unigram tagger: the most frequent tag of each word) in coarse classes.
_COARSE_TAGS = {
    "NPRP": "N", "NCMN": "N", "NLBL": "N", "NTTL": "N", "NCNM": "#", "NONM": "#",
    "PPRS": "P", "PDMN": "P", "PNTR": "P", "PREL": "REL",
    "VACT": "V", "VSTA": "V", "VATT": "VA",
    "XVBM": "AUX", "XVAM": "AUX", "XVMM": "AUX", "XVBB": "AUX", "XVAE": "AUXE",
    "JCRG": "CC", "JCMP": "CMP", "JSBR": "SB", "RPRE": "PRE", "NEG": "NEG",
    "ADVN": "ADV", "ADVI": "ADV", "ADVP": "ADV", "ADVS": "ADV",
    "CNIT": "CL", "CLTV": "CL", "CMTR": "CL", "CFQC": "CL", "CVBL": "CL",
    "DDAN": "D", "DDAC": "D", "DDBQ": "D", "DDAQ": "D", "DIAC": "D", "DIBQ": "D", "DIAQ": "D", "DCNM": "D", "DONM": "D",
    "PUNC": "PU", "EAFF": "E", "EITT": "E", "FIXN": "FX", "FIXV": "FX", "INT": "E",
}
#: Coarse classes that can open a subject, and those that make a predicate.
_NOMINAL = frozenset({"N", "P", "LAT", "?"})
_PREDICATE = frozenset({"V", "AUX", "NEG"})
#: How many words after a gap the subject-predicate check reads.
DEFAULT_PREDICATE_WORDS = 6


#: Universal Dependencies tags (PyThaiNLP's Thai UD unigram tagger) in the same classes, for words Orchid lacks.
_UD_TAGS = {"NOUN": "N", "PROPN": "N", "PRON": "P", "VERB": "V", "AUX": "AUX", "ADP": "PRE", "SCONJ": "SB",
            "CCONJ": "CC", "DET": "D", "ADV": "ADV", "NUM": "#", "PUNCT": "PU", "ADJ": "VA", "PART": "E"}


@lru_cache(maxsize=1)
def _pos_dictionaries() -> tuple[dict[str, str], dict[str, str]]:
    """Word -> most frequent tag, from PyThaiNLP's bundled unigram taggers (Orchid, Thai UD), read once.

    Read as dictionaries: ``pos_tag(engine="unigram")`` looks each word up in
    a list of the keys, which would cost more than crfcut itself.
    """
    import json

    from pythainlp.corpus import corpus_path

    tables = []
    for name in (_ORCHID_UNIGRAM_FILE, _UD_UNIGRAM_FILE):
        path = Path(corpus_path()) / name
        if not path.is_file():
            import pythainlp

            raise RuntimeError(f"PyThaiNLP {pythainlp.__version__} ships no {name}; install the version in constraints.txt")
        tables.append(json.loads(path.read_text(encoding="utf-8-sig")))
    return tables[0], tables[1]


_ORCHID_UNIGRAM_FILE = "pos_orchid_unigram.json"
_UD_UNIGRAM_FILE = "pos_tud_unigram.json"


def coarse_tags(words: list[str]) -> list[str]:
    """A coarse part of speech for each word: the most frequent Orchid tag of the word, in a class.

    Words Orchid does not know are read by their form ("ไม่..." negates,
    "การ..."/"ความ..." are nouns), then looked up in the Thai UD tagger,
    else classed by script ("LAT" for Latin words, "?" for other Thai words,
    mostly loanword nouns such as "คุกกี้").

    >>> coarse_tags(["เรา", "ไม่ต้องการ", " ", "การใช้งาน", "Firefox", "เปิดเผย", "คุกกี้"])
    ['P', 'NEG', '_', 'N', 'LAT', 'V', '?']
    """
    orchid, ud = _pos_dictionaries()
    tags = []
    for word in words:
        tag = _COARSE_TAGS.get(orchid.get(word, ""))
        if tag is not None:
            tags.append(tag)
        elif not word.strip():
            tags.append("_")
        elif word[:1].isascii() and word[:1].isalpha():
            tags.append("LAT")
        elif word[:1].isdigit():
            tags.append("#")
        elif word.startswith("ไม่"):
            tags.append("NEG")
        elif word.startswith(("การ", "ความ")):
            tags.append("N")
        else:
            tags.append(_UD_TAGS.get(ud.get(word, ""), "?"))
    return tags


@dataclass(frozen=True)
class Candidates:
    """The candidate boundaries of one paragraph and what the model reads there.

    ``features`` are the features of each candidate that do not depend on
    earlier decisions. ``chunks`` holds, for each space-delimited chunk (one
    more than candidates), the facts :func:`history_features` needs to
    describe the clause a decision would close: its length, whether it opened
    with a condition still waiting for its main clause, whether it has a
    predicate yet.
    """

    positions: list[int]
    features: list[list[str]]
    crfcut: list[bool]
    chunk_starts: list[int] = field(default_factory=list)
    chunk_ends: list[int] = field(default_factory=list)
    conditions: list[bool] = field(default_factory=list)
    subjects: list[bool] = field(default_factory=list)
    predicates: list[bool] = field(default_factory=list)
    fronted: list[bool] = field(default_factory=list)
    first_tags: list[str] = field(default_factory=list)
    blocked: list[bool] = field(default_factory=list)


def _bin(value: float, bins: tuple[float, ...]) -> int:
    for index, edge in enumerate(bins):
        if value < edge:
            return index
    return len(bins)


def _char_class(ch: str) -> str:
    if "\u0e50" <= ch <= "\u0e59":
        return "thd"
    if "\u0e00" <= ch <= "\u0e7f":
        return "th"
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "lat"
    return ch


@lru_cache(maxsize=1)
def _crfcut():
    """PyThaiNLP crfcut's feature function and tagger (loaded with the module, once)."""
    from pythainlp.tokenize import crfcut

    extract = getattr(crfcut, "_extract_features", None) or getattr(crfcut, "extract_features", None)
    tagger = getattr(crfcut, "_tagger", None)
    if extract is None or tagger is None:
        import pythainlp

        raise RuntimeError(
            f"PyThaiNLP {pythainlp.__version__} no longer exposes crfcut's features and tagger; "
            "install the version in constraints.txt"
        )
    return extract, tagger


def crfcut_tokens(text: str, gaps: Iterable[int] = ()) -> tuple[list[str], list[int], list[bool], dict[int, float]]:
    """newmm words of ``text``, their start offsets, crfcut's sentence ends after each, and its probability of one at gaps.

    crfcut is PyThaiNLP's sentence segmenter; it reads plain spaces only, so
    other spaces (NBSP, tabs) are read as spaces, which keeps the offsets.
    Its rule for terminal punctuation ("!", ".", "?") is applied as in
    ``sent_tokenize(engine="crfcut")``. The marginal probability of a
    sentence end is read only for the words on each side of the whitespace
    that starts at each offset of ``gaps`` (by word index): reading it for
    every word would cost a third of crfcut's own time.
    """
    spaced = _SPACES_RE.sub(" ", text)
    words = newmm_words(spaced)
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word)
    if not words or offset != len(text):  # newmm changed the text: offsets would be wrong, so read no words
        return [], [], [], {}
    extract, tagger = _crfcut()
    tagger.set(extract(words))
    ends = [label == "E" for label in tagger.tag()]
    index_of = {start: i for i, start in enumerate(starts)}
    probabilities = {}
    for gap in gaps:
        k = index_of.get(gap)
        if k is not None:
            for i in (k - 1, k):
                if i >= 0 and i not in probabilities:
                    probabilities[i] = tagger.marginal("E", i)
    ends[-1] = True
    for i, word in enumerate(words):
        stripped = word.strip()
        if stripped.endswith(("!", ".", "?")):
            ends[i] = True
        elif (i == 0 or ends[i - 1]) and not stripped:
            ends[i] = False
    return words, starts, ends, probabilities


def newmm_words(text: str) -> list[str]:
    """newmm's words of ``text``, found in pieces of bounded length so that long texts cost linear time.

    A long punctuation run is one word; the rest is cut after a space into
    pieces of at most :data:`DEFAULT_MAX_NEWMM_CHARS` (newmm never joins
    words across a space, so the words are the same), and a longer stretch
    without spaces into slices of that length.

    >>> newmm_words("ลงชื่อ " + "_" * 30 + " ทั้งนี้")[1:4]
    [' ', '______________________________', ' ']
    """
    from pythainlp.tokenize import word_tokenize

    words: list[str] = []
    cursor = 0
    for run in [*_PUNCTUATION_RUN_RE.finditer(text), None]:
        end = run.start() if run else len(text)
        while cursor < end:
            piece_end = end
            if end - cursor > DEFAULT_MAX_NEWMM_CHARS:
                limit = cursor + DEFAULT_MAX_NEWMM_CHARS
                spaces = [space.end() for space in _SPACE_RUN_RE.finditer(text, cursor + 1, limit)]
                piece_end = spaces[-1] if spaces else limit
            words += word_tokenize(text[cursor:piece_end], engine="newmm")
            cursor = piece_end
        if run:
            words.append(run.group())
            cursor = run.end()
    return words


def thai_candidates(text: str, is_item: bool = False) -> Candidates:
    """The candidate boundaries of a Thai paragraph with their features.

    >>> found = thai_candidates("บริษัทเก็บชื่อ นามสกุล ทั้งนี้ท่านสามารถขอลบข้อมูลได้")
    >>> found.positions
    [15, 23]
    >>> "r:disc" in found.features[1], "r:disc" in found.features[0]
    (True, False)
    """
    gaps = [m for m in _GAP_RE.finditer(text) if 0 < m.start() and m.end() < len(text)]
    if not gaps:
        return Candidates([], [], [])
    words, word_starts, ends, probabilities = crfcut_tokens(text, [gap.start() for gap in gaps])
    tags = coarse_tags(words) if words else []
    index_of = {start: i for i, start in enumerate(word_starts)}
    bracketed = _bracketed(text, [gap.start() for gap in gaps])
    chunk_starts = [0, *[gap.end() for gap in gaps]]
    chunk_ends = [*[gap.start() for gap in gaps], len(text)]
    chunks = [text[start:end] for start, end in zip(chunk_starts, chunk_ends)]
    first_words = [index_of.get(start) for start in chunk_starts]
    conditions = [chunk.startswith(CONDITIONS) for chunk in chunks]
    subjects = [_subject_predicate(_chunk_tags(tags, word_starts, first_words, chunk_ends, c)) if first_words[c] is not None
                else opens_statement(chunk) for c, chunk in enumerate(chunks)]
    predicates = [_has_predicate(tags, first, chunk_ends[c], word_starts) if first is not None else any(m in chunk for m in MODALS)
                  for c, (first, chunk) in enumerate(zip(first_words, chunks))]
    opens = [opens_statement(chunk) for chunk in chunks]
    first_tags = [tags[i] if i is not None and i < len(tags) else _char_class(chunk[0]) for i, chunk in zip(first_words, chunks)]
    fronted = [condition or chunk.startswith(FRONTED) or tag in ("PRE", "SB")
               for condition, chunk, tag in zip(conditions, chunks, first_tags)]
    # Noun lists: a chunk opened by "และ"/"หรือ" without a predicate closes an enumeration ("A B และ C").
    closers = [chunk.startswith(LIST_CLOSERS) and not predicate for chunk, predicate in zip(chunks, predicates)]

    positions, features, proposed, blocked = [], [], [], []
    for j, gap in enumerate(gaps):
        left, right = chunks[j], chunks[j + 1]
        k = index_of.get(gap.start())
        before = words[k - 1] if k is not None and k >= 1 else ""
        before2 = words[k - 2] if k is not None and k >= 2 and words[k - 2].strip() else ""
        after = words[k + 1] if k is not None and k + 1 < len(words) else ""
        after2 = words[k + 2] if k is not None and k + 2 < len(words) and words[k + 2].strip() else ""
        tag_before = tags[k - 1] if k is not None and k >= 1 else ""
        tag_after = tags[k + 1] if k is not None and k + 1 < len(tags) else ""
        right_tags = _tags_from(tags, k + 1) if k is not None else []
        crf_end = k is not None and ((k >= 1 and ends[k - 1]) or ends[k])
        probability = max(probabilities.get(k - 1, 0.0), probabilities.get(k, 0.0)) if k is not None else 0.0
        space = gap.group()
        kind = "nl" if "\n" in space else "sp" if set(space) == {" "} else "nbsp"
        crf = "crf:E" if crf_end else "crf:I"
        found = [
            "bias",
            crf,
            f"crfp:{_bin(probability, _PROBABILITY_BINS)}",
            f"gap:{kind}{min(len(space), 3)}",
            f"w-1:{before}",
            f"w-2:{before2}|{before}",
            f"w+1:{after}",
            f"w+2:{after}|{after2}",
            f"w-1+1:{before}|{after}",
            f"t-1:{tag_before}",
            f"t+1:{tag_after}",
            f"t-1+1:{tag_before}|{tag_after}",
            f"t+123:{'|'.join(right_tags[:3])}",
            f"lc:{_char_class(left[-1])}",
            f"rc:{_char_class(right[0])}",
            f"lc+rc:{_char_class(left[-1])}|{_char_class(right[0])}",
            f"llen:{_bin(len(left), _LENGTH_BINS)}",
            f"rlen:{_bin(len(right), _LENGTH_BINS)}",
            f"from:{_bin(gap.start(), _LENGTH_BINS)}",
            f"to:{_bin(len(text) - gap.end(), _LENGTH_BINS)}",
        ]
        cues = []
        if gap.start() in bracketed:
            cues.append("inbr")
        if right.startswith(DISCOURSE_MARKERS):
            cues.append("r:disc")
        if after in _CONTINUATION_WORDS:
            cues.append("r:cont")
        if conditions[j + 1]:
            cues.append("r:cond")
            if j + 2 < len(chunks) and (subjects[j + 2] or opens[j + 2]):
                cues.append("r:cond+open")
        if after in _SUBJECT_WORDS:
            cues.append("r:subj")
        if opens[j + 1]:
            cues.append("r:open")
        if subjects[j + 1]:
            cues.append("r:sv")
        if not predicates[j + 1]:
            cues.append("r:nopred")
        if right.startswith(NOMINALISERS):
            cues.append("r:nom")
        if _MARKER_RE.match(right):
            cues.append("r:enum")
        if fronted[j + 1]:
            cues.append("r:fronted")
        if any(closers[j + 1:j + 1 + DEFAULT_LIST_LOOKAHEAD]) and not any(subjects[j + 1:j + 1 + DEFAULT_LIST_LOOKAHEAD]):
            cues.append("r:list-ahead")
        if before in _DANGLING_WORDS or left.endswith(DISCOURSE_MARKERS):
            cues.append("l:dangle")
        if not predicates[j]:
            cues.append("l:nopred")
        if is_item:
            cues.append("item")
        if j == 0:
            cues.append("first")
        if j == len(gaps) - 1:
            cues.append("last")
        found += cues
        # The cues that decide most boundaries, crossed with crfcut's vote.
        found += [f"{crf}|{cue}" for cue in cues if cue in _CROSSED]
        positions.append(gap.end())
        features.append(found)
        proposed.append(crf_end)
        blocked.append(before in NEVER_ENDS)
    # What the neighbouring candidates look like: the model reads the paragraph, not one gap.
    for j in range(len(features)):
        if j > 0:
            features[j].append("prev:" + features[j - 1][1])
        if j + 1 < len(features):
            features[j].append("next:" + features[j + 1][1])
    return Candidates(positions, features, proposed, chunk_starts, chunk_ends, conditions, subjects, predicates, fronted,
                      first_tags, blocked)


def history_features(found: Candidates, j: int, last: int) -> list[str]:
    """What the clause that a boundary at candidate ``j`` would close looks like, given the last boundary before it.

    ``last`` is the index of that boundary's candidate, or -1 when the clause
    starts the paragraph. The clause covers chunks ``last + 1`` to ``j``: how
    long it is, how it opened (with a subject, a condition "หากท่าน...", a
    fronted phrase "สำหรับ...", "เพื่อให้..."), whether such an opening is still
    waiting for its main clause (a boundary would strand it), and whether a
    subject with its predicate or any predicate has come yet.
    """
    first = max(last + 1, j - DEFAULT_HISTORY_CHUNKS)
    pending = waiting = False
    for c in range(first, j + 1):
        if found.conditions[c]:
            pending = True
        elif pending and found.subjects[c]:
            pending = False
    waiting = found.fronted[last + 1] and not any(found.subjects[c] for c in range(last + 2, j + 1))
    length = found.chunk_ends[j] - found.chunk_starts[last + 1]
    history = [
        f"h:len:{_bin(length, _LENGTH_BINS)}",
        f"h:chunks:{min(j - last, 6)}",
        f"h:shape:{min(j - last, 4)}|{_bin(length, _LENGTH_BINS)}",
        f"h:first:{found.first_tags[last + 1]}",
        "h:pending" if pending else "h:settled",
        "h:waiting" if waiting else "h:main",
        "h:pred" if any(found.predicates[first:j + 1]) else "h:nopred",
        "h:subj" if any(found.subjects[first:j + 1]) else "h:nosubj",
    ]
    if found.conditions[last + 1]:
        history.append("h:cond-first")
    if not pending and j + 1 < len(found.conditions) and found.conditions[j + 1] and any(found.subjects[first:j + 1]) \
            and any(found.subjects[j + 2:j + 2 + DEFAULT_LIST_LOOKAHEAD]):
        # A complete statement, then a condition with its own main clause: "X หากมีกฎหมายกำหนดไว้ บริษัทจะ Y".
        history.append("h:leading-condition")
    crf = found.features[j][1]
    return history + [f"{crf}|{feature}" for feature in history[4:]]


_CROSSED = frozenset({"r:disc", "r:cont", "r:cond", "r:subj", "r:open", "r:sv", "l:dangle", "inbr", "r:enum", "r:nopred",
                      "r:fronted", "r:list-ahead"})
#: Words that open a condition; a condition at the start of a statement belongs to the statement after it.
CONDITIONS = SUBORDINATORS + ("ถึงแม้", "แม้", "ในขณะที่", "ขณะที่", "ถ้าหาก")
#: Words that never end a statement, so a space after them is never a boundary: conjunctions,
#: prepositions and relatives ("และ", "ของ", "ที่") and the words that need a verb after them ("ไม่ ขาย", "จะ ลบ").
NEVER_ENDS = frozenset(DANGLING) | {"ไม่", "จะ", "อาจ", "ต้อง", "ควร", "กำลัง", "ได้รับการ"}
#: Phrases fronted before a main clause ("สำหรับผู้ใช้ใหม่ บริษัทจะ...", "เพื่อให้..., เราจะ...").
FRONTED = ("สำหรับ", "เพื่อ", "ไม่ว่า", "ใน", "ตาม", "นอกจาก", "ก่อน", "หลังจาก", "ภายใต้", "ด้วย", "จาก", "แม้")
#: Words that close an enumeration.
LIST_CLOSERS = ("และ", "หรือ", "ตลอดจน", "รวมถึง", "รวมทั้ง")
#: How many chunks ahead a list closer is looked for.
DEFAULT_LIST_LOOKAHEAD = 4
#: How many chunks back the history of a clause is read.
DEFAULT_HISTORY_CHUNKS = 12


_BRACKET_RE = re.compile("[%s]" % re.escape("".join(_OPENERS) + "".join(_OPENERS.values())))


def _bracketed(text: str, offsets: list[int]) -> set[int]:
    """Which of the (ascending) ``offsets`` fall inside an open bracket or quote, as :func:`bracketed_positions` decides."""
    depth = {opener: 0 for opener in _OPENERS}
    inside, marks, i = set(), list(_BRACKET_RE.finditer(text)), 0
    for offset in offsets:
        while i < len(marks) and marks[i].start() < offset:
            ch = marks[i].group()
            if ch in depth:
                depth[ch] += 1
            for opener, closer in _OPENERS.items():
                if ch == closer and depth[opener]:
                    depth[opener] -= 1
            i += 1
        if any(depth.values()):
            inside.add(offset)
    return inside


def _tags_from(tags: list[str], index: int) -> list[str]:
    return [tag for tag in tags[index:index + 2 * DEFAULT_PREDICATE_WORDS] if tag != "_"][:DEFAULT_PREDICATE_WORDS]


def _chunk_tags(tags: list[str], word_starts: list[int], first_words: list, chunk_ends: list[int], c: int) -> list[str]:
    """The tags of chunk ``c``, read on into the next chunks while they are only Latin words or numbers ("Capy Canvas ...")."""
    found: list[str] = []
    while c < len(first_words) and first_words[c] is not None:
        i = first_words[c]
        while i < len(tags) and word_starts[i] < chunk_ends[c]:
            if tags[i] != "_":
                found.append(tags[i])
            i += 1
        if any(tag not in _FOREIGN for tag in found) or len(found) >= DEFAULT_PREDICATE_WORDS:
            break
        c += 1
    return found[:DEFAULT_PREDICATE_WORDS]


_FOREIGN = frozenset({"LAT", "#", "PU"})


def _has_predicate(tags: list[str], first: int, end: int, word_starts: list[int]) -> bool:
    i = first
    while i < len(tags) and word_starts[i] < end:
        if tags[i] in _PREDICATE:
            return True
        i += 1
    return False


def _subject_predicate(tags: list[str]) -> bool:
    """True when the words after a gap read as a subject then a predicate ("Google จะประมวลผล", "เราใช้")."""
    if not tags or tags[0] not in _NOMINAL:
        return False
    return any(tag in _PREDICATE for tag in tags[1:])
