"""Normalized clause text and language detection."""

from __future__ import annotations

import pytest

from pipeline.text.language import detect_language
from pipeline.text.normalize import normalize_text


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("  We keep **logs**\u200b for 90\u00a0days. ", "en", "We keep logs for 90 days."),
        ("“Personal Data” means…", "en", '"Personal Data" means...'),
        ("ＡＢＣ　Cloud", "en", "ABC Cloud"),
        ("บริษัทจะเก็บข้อมูลไว้  ๕ ปี", "th", "บริษัทจะเก็บข้อมูลไว้ ๕ ปี"),
        ("น้ำหนัก\u200bและส่วนสูง", "th", "น้ำหนักและส่วนสูง"),
        ("เก็บข้อมูลไว\u0e49\u0e49", "th", "เก็บข้อมูลไว\u0e49"),
    ],
)
def test_normalize_text(text: str, lang: str, expected: str) -> None:
    assert normalize_text(text, lang) == expected


def test_thai_sara_am_survives() -> None:
    assert "\u0e33" in normalize_text("การดำเนินการ", "th")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We collect cookies.", "en"),
        ("Connexion CRM", "en"),
        ("บริษัทเก็บคุกกี้ (cookies)", "th"),
        ("ติดต่อ contact@opencloud.co.th", "th"),
        ("+66 2 123 4567", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
