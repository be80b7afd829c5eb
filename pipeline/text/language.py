"""Language of a span: Thai or Latin by its script, then which Latin-script language.

Policies mix Thai and English inside one file and even one line, so the
language is decided per block and per clause, never per file.
:func:`detect_language` says ``th``, ``en`` (any Latin script) or ``und``
from the script alone; :func:`latin_languages` then names the language of
Latin-script blocks (``fr``, ``de``, ...) with py3langid.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

THAI = "th"
ENGLISH = "en"
UNDETERMINED = "und"

#: E-mail addresses and URLs: Latin letters that say nothing about the language. An e-mail address is the
#: whole run of non-spaces around an inner "@", matched only from the run's start: tried from every position of a
#: long run without spaces, ``\S+@\S+`` rescans the rest of the run each time (128k characters took 44 s).
ADDRESS_RE = re.compile(r"(?<!\S)(?=\S+@\S)\S+|https?://\S+|www\.\S+")

#: A span is Thai when at least this share of its letters is Thai script.
DEFAULT_THAI_SHARE = 0.3


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))


def _class_of(chars: list[str]) -> str:
    """A regular-expression character class of ``chars``, as ranges."""
    ranges, start, last = [], None, None
    for ch in chars:
        if start is not None and ord(ch) == ord(last) + 1:
            last = ch
            continue
        if start is not None:
            ranges.append((start, last))
        start = last = ch
    if start is not None:
        ranges.append((start, last))
    return "[" + "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges) + "]"


# The blocks that hold Latin letters (Basic Latin to IPA, phonetic and extended
# additions, sub- and superscripts, letter-like forms, Latin Extended-C/D/E,
# ligatures, full-width forms, Latin Extended-F/G); a test checks every code point.
_LATIN_BLOCKS = ((0x0000, 0x02FF), (0x1D00, 0x1EFF), (0x2070, 0x218F), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
                 (0xFB00, 0xFB4F), (0xFF00, 0xFFEF), (0x10780, 0x107BF), (0x1DF00, 0x1DFFF))
_THAI_RE = re.compile("[\u0e00-\u0e7f]")
_LATIN_RE = re.compile(_class_of([chr(cp) for low, high in _LATIN_BLOCKS for cp in range(low, high + 1) if _is_latin_letter(chr(cp))]))


def count_scripts(text: str) -> tuple[int, int]:
    """Return ``(thai, latin)`` letter counts of ``text``, not counting URLs and e-mail addresses.

    >>> count_scripts("บริษัท (Company) https://example.com")
    (6, 7)
    """
    text = ADDRESS_RE.sub(" ", text)
    return len(_THAI_RE.findall(text)), len(_LATIN_RE.findall(text))


def detect_language(text: str, thai_share: float = DEFAULT_THAI_SHARE) -> str:
    """Return ``"th"``, ``"en"`` or ``"und"`` for a span of text.

    >>> detect_language("We collect your e-mail address.")
    'en'
    >>> detect_language("บริษัทเก็บรวบรวมอีเมลของท่าน (e-mail)")
    'th'
    >>> detect_language("+66 2 123 4567")
    'und'
    """
    return language_of_counts(*count_scripts(text), thai_share)


def language_of_counts(thai: int, latin: int, thai_share: float = DEFAULT_THAI_SHARE) -> str:
    """:func:`detect_language` from the Thai and Latin letter counts of :func:`count_scripts`."""
    if thai + latin == 0:
        return UNDETERMINED
    if thai / (thai + latin) >= thai_share:
        return THAI
    return ENGLISH



# --- Latin-script languages other than English -------------------------------------------------
#
# Script alone says "Latin", not "English": a French or German policy must not be read by the
# English model. py3langid (an offline Naive Bayes over byte n-grams, shipped with its model)
# names the language of longer Latin-script blocks; a cheap English stop-word share decides
# first, so that English documents never pay for the model.

#: Latin-script languages py3langid may answer; English legal text is never taken for one of these by accident
#: as often as it is for Latin or Esperanto, which are left out.
LATIN_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "id", "ms", "vi", "tl", "pl", "sv", "da", "no", "fi", "tr", "ro",
    "cs", "hu", "sk", "sl", "hr", "lt", "lv", "et", "ca", "eu", "gl", "af", "sw", "is", "ga", "cy", "mt", "sq",
)
#: A block needs this many Latin letters for its own language to be identified; shorter ones take the document's.
DEFAULT_MIN_IDENTIFY_LETTERS = 40
#: py3langid's normalised probability a block's language must reach to differ from the document's.
DEFAULT_MIN_LANGUAGE_PROBABILITY = 0.95
#: Share of English stop words above which Latin text is English without asking the model.
DEFAULT_ENGLISH_STOPWORD_SHARE = 0.15
ENGLISH_STOPWORDS = frozenset(
    "the and of to a in is are for that we you your our with or by this be on as may not it from any will have "
    "us which can when if such these other its their at an information data".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def english_stopword_share(text: str) -> float:
    """Share of the words of ``text`` that are common English function words.

    >>> english_stopword_share("We keep your data for 90 days.") > 0.3
    True
    >>> english_stopword_share("Nous conservons vos données pendant 90 jours.")
    0.0
    """
    words = _WORD_RE.findall(text.lower())
    return sum(word in ENGLISH_STOPWORDS for word in words) / len(words) if words else 0.0


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LATIN_LANGUAGES))
    return identifier


def identify_latin_language(text: str) -> tuple[str, float]:
    """The Latin-script language of ``text`` and py3langid's probability for it (English when the stop words say so).

    >>> identify_latin_language("We collect your name and e-mail address when you register.")
    ('en', 1.0)
    >>> identify_latin_language("Nous collectons vos données personnelles lorsque vous créez un compte.")[0]
    'fr'
    """
    if english_stopword_share(text) >= DEFAULT_ENGLISH_STOPWORD_SHARE:
        return ENGLISH, 1.0
    language, probability = _identifier().classify(text)
    return language, float(probability)


def latin_languages(texts: list[str]) -> list[str | None]:
    """The language of each Latin-script text of one document (None for Thai and undetermined ones).

    A text with enough letters gets its own language when the identifier is
    sure of it; the others take the language of the document's Latin text
    as a whole (English unless that is clearly another language), so that
    "Cookies" in a French policy is French and in an English one English.
    The blocks of a document are its texts (Thai blocks stay Thai whatever
    their English words).

    >>> latin_languages(["Données personnelles", "Nous collectons vos données lorsque vous créez un compte sur le site.", "บริษัทเก็บข้อมูล"])
    ['fr', 'fr', None]
    """
    counts = [count_scripts(text) for text in texts]
    latin = [language_of_counts(thai, letters) == ENGLISH for thai, letters in counts]
    whole = " ".join(text for text, is_latin in zip(texts, latin) if is_latin)[:20_000]
    document = ENGLISH
    if whole and english_stopword_share(whole) < DEFAULT_ENGLISH_STOPWORD_SHARE:
        language, probability = identify_latin_language(whole)
        if probability >= DEFAULT_MIN_LANGUAGE_PROBABILITY:
            document = language
    result: list[str | None] = []
    for text, is_latin, (_, letters) in zip(texts, latin, counts):
        if not is_latin:
            result.append(None)
            continue
        language = document
        if letters >= DEFAULT_MIN_IDENTIFY_LETTERS:
            candidate, probability = identify_latin_language(text)
            if candidate != document and probability >= DEFAULT_MIN_LANGUAGE_PROBABILITY:
                language = candidate
        result.append(language)
    return result
