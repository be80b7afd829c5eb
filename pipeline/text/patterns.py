"""Regular expressions gated by the literal strings their matches must contain.

Most wording never occurs in a given clause, and Python's regular expressions
scan a whole clause for every pattern. A :class:`GatedPattern` first checks
that one of the literals any match must contain (found by
:func:`required_literals`, which reads the pattern) occurs in the case-folded
text at all, and never changes what matches. The literals of all patterns
are kept in one Aho-Corasick automaton (pyahocorasick), so a clause is
scanned once for all of them (:func:`found_literals`) and each pattern's gate
is a set intersection.

The reader of patterns is this module's own: Python has no public parser of
its regular expressions (``re._parser`` is private and changes between
versions), and the vocabulary uses a small part of the syntax. Whatever it
does not know gives no gate, which is always safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

#: Shortest literal worth a gate: shorter ones occur in nearly every clause.
DEFAULT_MIN_GATE_CHARS = 2

# The pattern language the vocabulary is written in, read just far enough to know which characters
# every match must contain. Anything this reader does not know makes it answer "no gate" (None),
# which is always safe: a gate only ever skips patterns that cannot match.
_ZERO_WIDTH_ESCAPES = frozenset("bBAZz")
_CLASS_ESCAPES = frozenset("dDwWsSpPX")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANTIFIER_RE = re.compile(r"(?:[?*+]|\{(\d*)(?:,(\d*))?\})[?+]?")

Literal = tuple[str, str]  # ("char", c)
Group = tuple[str, list]  # ("group", alternatives: list of item lists)


class _Unknown(Exception):
    """A construct the reader does not know: no gate for this pattern."""


def _read_alternatives(pattern: str, i: int, closing: str | None) -> tuple[list[list], int]:
    """The alternatives of a group (or of the whole pattern) starting at ``i``, and where it ends."""
    alternatives: list[list] = [[]]
    while i < len(pattern):
        ch = pattern[i]
        if closing is not None and ch == closing:
            return alternatives, i + 1
        if ch == "|":
            alternatives.append([])
            i += 1
            continue
        item, i = _read_atom(pattern, i)
        quantifier = _QUANTIFIER_RE.match(pattern, i)
        if quantifier:
            i = quantifier.end()
            low = quantifier.group(1)
            optional = quantifier.group(0)[0] in "?*" or (quantifier.group(0)[0] == "{" and (low or "0") == "0")
            # An optional atom contributes nothing; a repeated one contributes itself once, then breaks the run.
            item = ("zero_break",) if optional else ("repeat", item)
        alternatives[-1].append(item)
    if closing is not None:
        raise _Unknown("unclosed group")
    return alternatives, i


def _read_atom(pattern: str, i: int) -> tuple[tuple, int]:
    ch = pattern[i]
    if ch == "\\":
        if i + 1 >= len(pattern):
            raise _Unknown("trailing backslash")
        escaped = pattern[i + 1]
        if escaped in _ZERO_WIDTH_ESCAPES:
            return ("zero",), i + 2
        if escaped in _CLASS_ESCAPES or escaped.isdigit():
            return ("other",), i + 2
        if escaped in _CONTROL_ESCAPES:
            return ("char", _CONTROL_ESCAPES[escaped]), i + 2
        if escaped in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[escaped]
            code = pattern[i + 2 : i + 2 + width]
            if len(code) != width:
                raise _Unknown("short escape")
            return ("char", chr(int(code, 16))), i + 2 + width
        if escaped.isalnum():
            raise _Unknown(f"escape \\{escaped}")
        return ("char", escaped), i + 2
    if ch == "[":
        j = i + 1
        if j < len(pattern) and pattern[j] == "^":
            j += 1
        if j < len(pattern) and pattern[j] == "]":
            j += 1
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        if j >= len(pattern):
            raise _Unknown("unclosed class")
        return ("other",), j + 1
    if ch == "(":
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            _, end = _read_alternatives(pattern, pattern.index("(?", i) + (4 if pattern[i + 2] == "<" else 3), ")")
            return ("zero",), end
        start = i + 1
        if pattern.startswith("(?:", i):
            start = i + 3
        elif pattern.startswith("(?P<", i):
            start = pattern.index(">", i) + 1
        elif pattern.startswith("(?", i):
            raise _Unknown("inline flags or other group")
        alternatives, end = _read_alternatives(pattern, start, ")")
        return ("group", alternatives), end
    if ch in "^$":
        return ("zero",), i + 1
    if ch == ".":
        return ("other",), i + 1
    if ch in "*+?{":
        raise _Unknown("quantifier without an atom")
    return ("char", ch), i + 1


def _parsed(pattern: str) -> list[list] | None:
    try:
        alternatives, _ = _read_alternatives(pattern, 0, None)
    except (_Unknown, ValueError):
        return None
    return alternatives


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Case-folded strings one of which occurs in every match of ``pattern``; None when no such set is known.

    >>> sorted(required_literals(r"\\bright to (?:erasure|be forgotten)\\b"))
    ['right to ']
    >>> sorted(required_literals("ขอลบ|ลบข้อมูล(?:ส่วนบุคคล)?"))
    ['ขอลบ', 'ลบข้อมูล']
    >>> required_literals(r"\\d+") is None
    True
    """
    alternatives = _parsed(pattern)
    return None if alternatives is None else _branch_literals(alternatives)


def _sequence_literals(items: list) -> frozenset[str] | None:
    """The best literal set of a sequence: its longest run of plain characters, or the best of its groups."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for item in items:
        kind = item[0]
        if kind == "char":
            run.append(item[1])
        elif kind == "zero":
            continue  # lookarounds and anchors consume nothing: the run goes on
        elif kind == "repeat":
            inner = item[1]
            if inner[0] == "char":
                run.append(inner[1])
                end_run()
            else:
                end_run()
                found = _branch_literals(inner[1]) if inner[0] == "group" else None
                if found is not None:
                    candidates.append(found)
        else:
            end_run()
            if kind == "group":
                found = _branch_literals(item[1])
                if found is not None:
                    candidates.append(found)
    end_run()
    candidates = [folded for folded in (frozenset(s.casefold() for s in c) for c in candidates) if min(map(len, folded)) >= DEFAULT_MIN_GATE_CHARS]
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def _branch_literals(alternatives: list[list]) -> frozenset[str] | None:
    union: set[str] = set()
    for items in alternatives:
        found = _sequence_literals(items)
        if found is None:
            return None  # one branch can match without any known literal
        union |= found
    return frozenset(union)


def prefix_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Case-folded strings one of which every match of ``pattern`` starts with; None when no such set is known.

    >>> sorted(prefix_literals(r"\\b(?:right|entitlement) to\\b"))
    ['entitlement', 'right']
    >>> prefix_literals(r"\\b(?:data )?processors?\\b") is None
    True
    """
    alternatives = _parsed(pattern)
    found = None if alternatives is None else _alternatives_prefix(alternatives)
    if found is None or min(map(len, found)) < DEFAULT_MIN_GATE_CHARS:
        return None
    return frozenset(literal.casefold() for literal in found)


def _alternatives_prefix(alternatives: list[list]) -> frozenset[str] | None:
    prefixes = [_sequence_prefix(items) for items in alternatives]
    return None if any(p is None for p in prefixes) else frozenset().union(*prefixes)


def _sequence_prefix(items: list) -> frozenset[str] | None:
    run: list[str] = []
    for item in items:
        kind = item[0]
        if kind == "char":
            run.append(item[1])
        elif kind == "zero":
            continue  # consumes nothing: the match still starts with the run
        elif run:
            break
        elif kind == "group":
            return _alternatives_prefix(item[1])
        else:
            return None
    return frozenset(["".join(run)]) if run else None


@lru_cache(maxsize=512)
def folded(text: str) -> str:
    """``text`` case-folded, remembered: one clause is tested against hundreds of gates."""
    return text.casefold()


class _LiteralIndex:
    """The literals of every gate, in one Aho-Corasick automaton that finds them all in one scan."""

    #: Gate checks of literals not yet in the automaton before it is built again.
    REBUILD_AFTER_MISSES = 500

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self.indexed: frozenset[str] = frozenset()
        self.version = 0
        self.automaton = None
        self.misses = 0

    def register(self, literals: frozenset[str]) -> None:
        self.literals |= literals

    def miss(self) -> None:
        self.misses += 1
        if self.misses >= self.REBUILD_AFTER_MISSES:
            self.rebuild()

    def rebuild(self) -> None:
        """Build the automaton of every registered literal (at most once per batch of new ones)."""
        import ahocorasick

        self.misses = 0
        if self.indexed == self.literals:
            return
        self.indexed = frozenset(self.literals)
        automaton = ahocorasick.Automaton()
        for literal in self.indexed:
            automaton.add_word(literal, literal)
        automaton.make_automaton()
        self.automaton = automaton
        self.version += 1
        found_literals.cache_clear()


_INDEX = _LiteralIndex()


@lru_cache(maxsize=1024)
def found_literals(text: str) -> frozenset[str]:
    """The indexed literals that occur in ``text`` (case-folded), from one scan of it.

    >>> build_literal_index()
    >>> LiteralGate(frozenset({"data", "data protection"})).present("Data Protection Act") >= {"data", "data protection"}
    True
    """
    if _INDEX.automaton is None:
        return frozenset()
    return frozenset(literal for _, literal in _INDEX.automaton.iter(folded(text)))


def build_literal_index() -> None:
    """Build the index of every gate created so far, so that none of them falls back to substring tests."""
    _INDEX.rebuild()


class LiteralGate:
    """A set of case-folded literals, and the test whether any of them occurs in a text (through the index when it can)."""

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self._indexed_version = -1
        _INDEX.register(literals)

    def present(self, text: str) -> frozenset[str]:
        """Literals that occur in ``text``: all of these that do, and possibly other indexed ones.

        From the index when it holds all of these literals; until it does, by
        a substring test of each.
        """
        if self._indexed_version != _INDEX.version:
            if not self.literals <= _INDEX.indexed:
                _INDEX.miss()
                lowered = folded(text)
                return frozenset(literal for literal in self.literals if literal in lowered)
            self._indexed_version = _INDEX.version
        return found_literals(text)

    def occurs_in(self, text: str) -> bool:
        return not self.literals.isdisjoint(self.present(text))


class GateTable:
    """The gates of many keys at once: which keys may match a text, from one look at the literals it holds.

    >>> table = GateTable({"gdpr": frozenset({"gdpr"}), "ccpa": frozenset({"ccpa", "california consumer"})})
    >>> sorted(table.candidates("Rights under the GDPR"))
    ['gdpr']
    """

    def __init__(self, gates: dict) -> None:
        self.always = frozenset(key for key, gate in gates.items() if gate is None)
        self.by_literal: dict[str, set] = {}
        for key, gate in gates.items():
            for literal in gate or ():
                self.by_literal.setdefault(literal, set()).add(key)
        self.gate = LiteralGate(frozenset(self.by_literal))

    def candidates(self, text: str) -> frozenset:
        """The keys whose literals occur in ``text`` (and those without a gate)."""
        keys = set(self.always)
        for literal in self.gate.present(text) & self.gate.literals:
            keys |= self.by_literal[literal]
        return frozenset(keys)


class _Alternative:
    """One alternative of a :class:`GatedPattern`: its own regex, gate and, where known, the literals it starts with."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.regex = re.compile(pattern, flags)
        self.gate = required_literals(pattern, flags)
        self.prefixes = prefix_literals(pattern, flags)


class GatedPattern:
    """A compiled pattern that first checks that one of its required literals occurs in the text.

    Given its ``alternatives`` (the pattern is their alternation), :meth:`occurs`
    also tries only the alternatives whose literals occur, and an alternative
    that starts with known literals only where they occur.
    """

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, alternatives: tuple[str, ...] | None = None) -> None:
        self.regex = re.compile(pattern, flags)
        self.gate = required_literals(pattern, flags)
        self.alternatives = [_Alternative(alternative, flags) for alternative in alternatives] if alternatives else None
        # The parser factors prefixes shared by alternatives out of their alternation, so the
        # alternatives' own gates are other literals than the whole pattern's: all go in the index.
        self._literals = LiteralGate(
            frozenset().union(
                self.gate or (),
                *(alternative.gate or () for alternative in self.alternatives or ()),
                *(alternative.prefixes or () for alternative in self.alternatives or ()),
            )
        )
        self._present = self._literals.present

    def _may_match(self, text: str) -> bool:
        return self.gate is None or not self.gate.isdisjoint(self._present(text))

    def search(self, text: str) -> re.Match | None:
        return self.regex.search(text) if self._may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.regex.finditer(text) if self._may_match(text) else iter(())

    def occurs(self, text: str) -> bool:
        """Whether the pattern matches anywhere in ``text`` (what ``search(text) is not None`` says, faster)."""
        if not self._may_match(text):
            return False
        if self.alternatives is None or self.gate is None:
            return self.regex.search(text) is not None
        lowered = folded(text)
        present = self._present(text)
        anchored = len(lowered) == len(text)  # offsets of the folded text are those of the text
        for alternative in self.alternatives:
            gate = alternative.gate
            if gate is not None and gate.isdisjoint(present):
                continue
            if anchored and alternative.prefixes is not None:
                # Try the alternative only where one of the literals it starts with occurs.
                match = alternative.regex.match
                for literal in alternative.prefixes & present:
                    start = lowered.find(literal)
                    while start >= 0:
                        if match(text, start):
                            return True
                        start = lowered.find(literal, start + 1)
            elif alternative.regex.search(text) is not None:
                return True
        return False

    def matches(self, text: str) -> list[re.Match]:
        """The matches of the alternatives whose literals occur in ``text``, by position.

        Unlike :meth:`finditer`, alternatives are scanned one by one and may
        overlap; a caller that judges each match on its own (is it negated, is
        it an aim) gets the same answer and skips the alternatives that cannot match.

        >>> [m.group(0) for m in GatedPattern("to bill you|bill", alternatives=("to bill you", "bill")).matches("We want to bill you.")]
        ['to bill you', 'bill']
        """
        if not self._may_match(text):
            return []
        if self.alternatives is None or self.gate is None:
            return list(self.regex.finditer(text))
        present = self._present(text)
        found = [match for alternative in self.alternatives if alternative.gate is None or not alternative.gate.isdisjoint(present)
                 for match in alternative.regex.finditer(text)]
        return sorted(found, key=lambda match: match.start())
