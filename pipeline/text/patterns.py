"""Regular expressions gated by the literal strings their matches must contain.

Most wording never occurs in a given clause, and Python's regular expressions
scan a whole clause for every pattern. A :class:`GatedPattern` first checks
that one of the literals any match must contain (found by
:func:`required_literals` from the pattern itself) occurs in the case-folded
text at all, and never changes what matches. The literals of all patterns
are kept in one index, a trie compiled to a single regular expression, so a
clause is scanned once for all of them (:func:`found_literals`) and each
pattern's gate is a set intersection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre  # the parsed form of a pattern, to find its literals
from re import _parser as sre_parse

#: Shortest literal worth a gate: shorter ones occur in nearly every clause.
DEFAULT_MIN_GATE_CHARS = 2
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Case-folded strings one of which occurs in every match of ``pattern``; None when no such set is known.

    >>> sorted(required_literals(r"\\bright to (?:erasure|be forgotten)\\b"))
    ['right to ']
    >>> sorted(required_literals("ขอลบ|ลบข้อมูล(?:ส่วนบุคคล)?"))
    ['ขอลบ', 'ลบข้อมูล']
    >>> required_literals(r"\\d+") is None
    True
    """
    return _sequence_literals(list(sre_parse.parse(pattern, flags)))


def _sequence_literals(items: list) -> frozenset[str] | None:
    """The best literal set of a sequence: its longest run of plain characters, or the best of its groups."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in items:
        if op is sre.LITERAL:
            run.append(chr(argument))
            continue
        if op in _ZERO_WIDTH:
            continue  # lookarounds and anchors consume nothing: the run goes on
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        found = None
        if op is sre.SUBPATTERN:
            found = _sequence_literals(list(argument[-1]))
        elif op is sre.BRANCH:
            found = _branch_literals(argument[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
            found = _sequence_literals(list(argument[2]))
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset(["".join(run)]))
    candidates = [folded for folded in (frozenset(s.casefold() for s in c) for c in candidates) if min(map(len, folded)) >= DEFAULT_MIN_GATE_CHARS]
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def prefix_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Case-folded strings one of which every match of ``pattern`` starts with; None when no such set is known.

    >>> sorted(prefix_literals(r"\\b(?:right|entitlement) to\\b"))
    ['entitlement', 'right']
    >>> prefix_literals(r"\\b(?:data )?processors?\\b") is None
    True
    """
    found = _sequence_prefix(list(sre_parse.parse(pattern, flags)))
    if found is None or min(map(len, found)) < DEFAULT_MIN_GATE_CHARS:
        return None
    return frozenset(literal.casefold() for literal in found)


def _sequence_prefix(items: list) -> frozenset[str] | None:
    run: list[str] = []
    for op, argument in items:
        if op is sre.LITERAL:
            run.append(chr(argument))
        elif op in _ZERO_WIDTH:
            continue  # consumes nothing: the match still starts with the run
        elif run:
            break
        elif op is sre.SUBPATTERN:
            return _sequence_prefix(list(argument[-1]))
        elif op is sre.BRANCH:
            prefixes = [_sequence_prefix(list(branch)) for branch in argument[1]]
            return None if any(p is None for p in prefixes) else frozenset().union(*prefixes)
        else:
            return None
    return frozenset(["".join(run)]) if run else None


def _branch_literals(branches: list) -> frozenset[str] | None:
    union: set[str] = set()
    for branch in branches:
        found = _sequence_literals(list(branch))
        if found is None:
            return None  # one branch can match without any known literal
        union |= found
    return frozenset(union)


@lru_cache(maxsize=512)
def folded(text: str) -> str:
    """``text`` case-folded, remembered: one clause is tested against hundreds of gates."""
    return text.casefold()


def trie_pattern(literals: set[str] | frozenset[str]) -> str:
    """A regular expression matching the longest of ``literals`` that starts where it is tried.

    >>> re.match(trie_pattern({"data", "data protection", "date"}), "data protection act").group(0)
    'data protection'
    """
    trie: dict = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: the longer literals below this node are tried before the one ending here.
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class _LiteralIndex:
    """The literals of every gate, and the compiled trie that finds them all in one scan."""

    #: Gate checks of literals not yet in the trie before it is compiled again.
    REBUILD_AFTER_MISSES = 500

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self.indexed: frozenset[str] = frozenset()
        self.version = 0
        self.regex: re.Pattern | None = None
        self.prefixes: dict[str, frozenset[str]] = {}
        self.misses = 0

    def register(self, literals: frozenset[str]) -> None:
        self.literals |= literals

    def miss(self) -> None:
        self.misses += 1
        if self.misses >= self.REBUILD_AFTER_MISSES:
            self.rebuild()

    def rebuild(self) -> None:
        """Compile the trie of every registered literal (at most once per batch of new ones)."""
        self.misses = 0
        if self.indexed == self.literals:
            return
        self.indexed = frozenset(self.literals)
        self.regex = re.compile("(?=(" + trie_pattern(self.indexed) + "))")
        # Where the trie reports literal M, every literal that is a prefix of M occurs there too.
        self.prefixes = {m: shorter for m in self.indexed if (shorter := frozenset(l for l in self.indexed if m.startswith(l) and l != m))}
        self.version += 1
        found_literals.cache_clear()


_INDEX = _LiteralIndex()


@lru_cache(maxsize=1024)
def found_literals(text: str) -> frozenset[str]:
    """The indexed literals that occur in ``text`` (case-folded), from one scan of it."""
    if _INDEX.regex is None:
        return frozenset()
    found = set(_INDEX.regex.findall(folded(text)))
    prefixes = _INDEX.prefixes
    for literal in found & prefixes.keys():
        found |= prefixes[literal]
    return frozenset(found)


def build_literal_index() -> None:
    """Compile the index of every gate created so far, so that none of them falls back to substring tests."""
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
