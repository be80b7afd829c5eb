"""Thai clause boundaries by rules: PyThaiNLP crfcut proposals filtered by whitespace cues (the baseline).

The pipeline's Thai segmenter is the trained boundary model
(:mod:`pipeline.segment.boundary_model`); this rule filter is kept as the
baseline it is compared with (engine ``rules``), and its cue lists are read
by the model's features.

Thai marks the end of a statement with a space, but spaces also separate
items of an enumeration, a subordinate clause from its main clause, and words
around numbers, Latin text and parentheses. crfcut (a CRF trained on Thai
sentence breaks) proposes boundaries; a proposal is kept only when

- it falls on whitespace, outside parentheses and quotes;
- both sides are long enough to be statements, and neither side of the space
  is a short enumeration item ("กรรมการ ผู้ถือหุ้น พนักงาน");
- the right side does not open with a continuation ("และ", "รวมถึง",
  "เว้นแต่", ...) and the left side does not end with a word that needs one
  ("ของ", "เช่น", ...);
- the left side is not a subordinate clause ("หาก...", "เมื่อ...") still
  waiting for its main clause.

A discourse marker that opens a new statement ("ทั้งนี้", "อย่างไรก็ตาม")
always allows a boundary before it, even where crfcut proposed none.
"""

from __future__ import annotations

import re

from ..text.language import ADDRESS_RE

#: Words that continue the statement before them.
CONTINUATIONS = (
    "และ", "หรือ", "รวมถึง", "รวมทั้ง", "ตลอดจน", "ซึ่ง", "โดย", "เพื่อ", "เช่น", "ได้แก่",
    "อาทิ", "ที่", "ตาม", "ของ", "แก่", "กับ", "จาก", "ใน", "ให้", "เว้นแต่", "ยกเว้น", "แต่",
    "ก็", "จึง", "ด้วย", "ต่อ", "ไป", "มา", "ไว้", "ได้", "แล้ว", "อยู่", "คือ", "ว่า", "อัน",
    "ภายใน", "ภายใต้", "ระหว่าง", "สำหรับ", "เกี่ยวกับ", "ทั้ง", "หรือไม่", "ก่อน", "หลัง",
)
#: Words that cannot end a statement: a space after them is never a boundary.
DANGLING = (
    "และ", "หรือ", "รวมถึง", "รวมทั้ง", "ตลอดจน", "ซึ่ง", "โดย", "เพื่อ", "เช่น", "ได้แก่", "อาทิ",
    "ที่", "ตาม", "ของ", "แก่", "กับ", "จาก", "ใน", "เว้นแต่", "ยกเว้น", "แต่", "ต่อ", "คือ", "ว่า",
    "ภายใน", "ภายใต้", "ระหว่าง", "สำหรับ", "เกี่ยวกับ",
)
#: Markers that open a new statement: a boundary is allowed before them.
DISCOURSE_MARKERS = ("ทั้งนี้", "อย่างไรก็ตาม", "นอกจากนี้", "อนึ่ง", "ดังนั้น", "อย่างไรก็ดี", "นอกจากนั้น")
#: Subordinators: a clause opened by one waits for its main clause.
SUBORDINATORS = ("หาก", "ถ้า", "เมื่อ", "ในกรณีที่", "ในกรณี", "แม้ว่า", "เนื่องจาก", "กรณีที่", "กรณี")

#: Words that open a main clause: a subject or a polite imperative.
STATEMENT_OPENERS = ("บริษัท", "เรา", "ท่าน", "ผู้ใช้", "โปรด", "กรุณา", "ทาง")
#: Nominalisers: a chunk they open is a noun phrase unless it holds a verb marker.
NOMINALISERS = ("การ", "ความ")
VERB_MARKERS = ("จะ", "อาจ", "ต้อง", "ได้", "ไม่", "เป็น", "มี", "คือ")
#: Modal and negation words: a chunk holding one near its start is a clause with its own verb.
MODALS = ("จะ", "อาจ", "ต้อง", "สามารถ", "ไม่", "จึง", "นี้")
#: Words that close an enumeration ("A B และ C").
LIST_CLOSERS = ("และ", "หรือ", "รวมถึง", "ตลอดจน")
#: Fronted phrases: "สำหรับ X ธนาคารจะ Y" opens a new statement like a subordinate clause.
FRONTED = SUBORDINATORS + ("สำหรับ", "ในส่วนของ")
#: How far into a chunk a modal (or "นี้" of "ประกาศนี้") may stand and still follow its subject.
DEFAULT_SUBJECT_CHARS = 30

#: Least characters on each side of a boundary.
DEFAULT_MIN_CLAUSE_CHARS = 15
#: A space-delimited chunk shorter than this next to a proposal reads as an enumeration item.
DEFAULT_MIN_CHUNK_CHARS = 8
#: How far around a proposed boundary the cues look (a clause is far shorter).
DEFAULT_LOOKAHEAD_CHARS = 2000

_DISCOURSE_RE = re.compile(r"\s(?=(?:%s))" % "|".join(DISCOURSE_MARKERS))
#: Brackets and quotes, opener -> closer.
BRACKETS = {"(": ")", "“": "”", "[": "]", "«": "»"}
_CLOSERS = BRACKETS


def thai_cuts(texts: list[str]) -> list[list[int]]:
    """Return, for each Thai text, the offsets where a new clause starts (0 excluded).

    >>> text = "เราไม่ขายข้อมูลส่วนบุคคลของท่านให้แก่ผู้ใด ทั้งนี้ท่านสามารถถอนความยินยอมได้ทุกเมื่อ"
    >>> [text[cut:cut + 7] for cut in thai_cuts([text])[0]]
    ['ทั้งนี้']
    >>> thai_cuts(["บริษัทเก็บชื่อ นามสกุล อีเมล และหมายเลขโทรศัพท์ของท่าน"])
    [[]]
    """
    return [_cuts(text) for text in texts]


def warm_up_thai() -> None:
    """Load PyThaiNLP's crfcut model, newmm dictionary and the boundary model now, so that the first document does not pay for them."""
    from pythainlp.tokenize import word_tokenize

    from .boundary_model import thai_model_cuts

    thai_cuts(["บริษัทเก็บรวบรวมข้อมูลของท่าน ทั้งนี้ท่านสามารถขอลบข้อมูลได้"])
    thai_model_cuts(["บริษัทเก็บรวบรวมข้อมูลของท่าน ทั้งนี้ท่านสามารถขอลบข้อมูลได้"])
    word_tokenize("ข้อมูลส่วนบุคคล", engine="newmm")


def crfcut_cuts(texts: list[str]) -> list[list[int]]:
    """Every sentence start PyThaiNLP's crfcut proposes (after whitespace), kept without any filter: the raw reference.

    >>> crfcut_cuts(["บริษัทเก็บชื่อ นามสกุล อีเมล ทั้งนี้ท่านสามารถขอลบข้อมูลได้"])
    [[29]]
    """
    return [_crfcut_proposals(text) for text in texts]


def _cuts(text: str) -> list[int]:
    proposals = sorted(set(_crfcut_proposals(text)) | {m.end() for m in _DISCOURSE_RE.finditer(text)})
    bracketed = bracketed_positions(text)
    cuts: list[int] = []
    clause_start = 0
    for position, proposal in enumerate(proposals):
        following = proposals[position + 1] if position + 1 < len(proposals) else len(text)
        if proposal not in bracketed and _keeps(text, clause_start, proposal, following):
            cuts.append(proposal)
            clause_start = proposal
    return cuts


def _crfcut_proposals(text: str) -> list[int]:
    from pythainlp.tokenize import sent_tokenize

    cuts = []
    position = 0
    # crfcut reads only plain spaces; NBSP and other spaces are the same length.
    spaced = re.sub(r"[^\S\n]", " ", text)
    for sentence in sent_tokenize(spaced, engine="crfcut"):
        found = spaced.find(sentence, position)
        if found < 0:
            break
        position = found + len(sentence)
        cuts.append(position)
    # A proposal counts where the next clause starts: after the whitespace.
    starts = []
    for cut in cuts[:-1]:
        while cut < len(text) and text[cut].isspace():
            cut += 1
        if 0 < cut < len(text):
            starts.append(cut)
    return starts


def _keeps(text: str, clause_start: int, cut: int, following: int) -> bool:
    if not text[cut - 1].isspace():
        return False
    left = text[max(clause_start, cut - DEFAULT_LOOKAHEAD_CHARS) : cut].strip()
    right = text[cut:following].strip()
    if len(left) < DEFAULT_MIN_CLAUSE_CHARS or _waits_for_main(left):
        return False
    if right.startswith(DISCOURSE_MARKERS):
        return True
    if len(right) < DEFAULT_MIN_CLAUSE_CHARS:
        return False
    left_chunk = _chunks(left)[-1]
    right_chunk = _chunks(right)[0]
    if len(left_chunk) < DEFAULT_MIN_CHUNK_CHARS or len(right_chunk) < DEFAULT_MIN_CHUNK_CHARS:
        return False
    # A parenthesis or quote after a space glosses what precedes it: ("ท่าน").
    if right[0] in "(“\"'[«" or ADDRESS_RE.match(right_chunk):
        return False
    # Thai ends no sentence with ".": a Thai chunk ending in one is an abbreviation (พรบ.).
    if left_chunk.endswith(".") or left.endswith(DANGLING + DISCOURSE_MARKERS) or left[-1] in ":,(":
        return False
    # Only the next stretch matters; reading the whole rest would make a 1 MB paragraph quadratic.
    remainder = _chunks(text[cut : cut + DEFAULT_LOOKAHEAD_CHARS])
    if right.startswith(FRONTED):
        # "เมื่อ X บริษัทจะ Y" opens a new statement; "... หาก X" ends the old one.
        return len(remainder) > 1 and opens_statement(remainder[1])
    if right.startswith(CONTINUATIONS):
        return False
    if opens_statement(right_chunk):
        return True
    if right_chunk.startswith(NOMINALISERS) and not any(marker in right_chunk for marker in VERB_MARKERS):
        return False
    # "รายการสินค้า ที่อยู่จัดส่ง วิธีการชำระเงิน และประวัติ...": the tail of an enumeration.
    return not any(chunk.startswith(LIST_CLOSERS) for chunk in remainder)


def _chunks(text: str) -> list[str]:
    """Space-delimited chunks, with numbers and Latin words kept on the chunk they belong to.

    "อายุต่ำกว่า 20 ปี" is one chunk: the space around "20" separates no statements.
    """
    chunks: list[str] = []
    glue_next = False
    for piece in text.split():
        foreign = _is_non_thai(piece)
        if chunks and (foreign or glue_next):
            chunks[-1] += " " + piece
        else:
            chunks.append(piece)
        glue_next = foreign
    return chunks


def _is_non_thai(piece: str) -> bool:
    return not any("\u0e01" <= ch <= "\u0e4e" for ch in piece)


def opens_statement(chunk: str) -> bool:
    """True for a chunk that starts a clause: a known subject, or a subject followed by a modal."""
    if chunk.startswith(STATEMENT_OPENERS):
        return True
    if chunk.startswith(CONTINUATIONS):
        return False
    head = chunk[:DEFAULT_SUBJECT_CHARS].replace("ต้องการ", "")  # "want", not "must"
    return any(head.find(modal) >= 2 for modal in MODALS)


def _waits_for_main(left: str) -> bool:
    """True when ``left`` ends inside a subordinate clause ("หากท่าน...") whose main clause is still to come."""
    chunks = _chunks(left)
    opened = [
        i
        for i, chunk in enumerate(chunks)
        if chunk.startswith(SUBORDINATORS) or any("ว่า" + word in chunk for word in SUBORDINATORS)
    ]
    if not opened:
        return False
    return not any(opens_statement(chunk) for chunk in chunks[opened[-1] + 1:])


def bracketed_positions(text: str) -> set[int]:
    """Offsets that fall inside an open bracket or quote; stray closers ("ก)") are ignored."""
    depth = {opener: 0 for opener in _CLOSERS}
    inside = set()
    for position, ch in enumerate(text):
        if any(depth.values()):
            inside.add(position)
        if ch in depth:
            depth[ch] += 1
        for opener, closer in _CLOSERS.items():
            if ch == closer and depth[opener]:
                depth[opener] -= 1
    return inside
