"""Each stage's caches behind its reset function: what it empties, and that results do not depend on it."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline
from pipeline import attributes, classify, segment, text
from pipeline.attributes.durations import find_durations
from pipeline.attributes.matching import codes_in
from pipeline.classify.features import word_tokens
from pipeline.classify.lexicon import concept_text
from pipeline.runtime.worker import forget_previous_document
from pipeline.segment.english import english_cuts, load_english_pipeline
from pipeline.text.patterns import build_literal_index, folded, found_literals

POLICIES = [
    ("en", "# Data Retention\n\nWe keep server logs for 90 days. You may ask us to delete your data.\n"),
    ("th", "# การเก็บรักษาข้อมูล\n\nบริษัทจะเก็บรักษาข้อมูลของท่านไว้ 5 ปี ท่านมีสิทธิขอให้ลบข้อมูล\n"),
]


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


def _sizes(*caches) -> list[int]:
    return [cache.cache_info().currsize for cache in caches]


@pytest.mark.parametrize(("lang", "policy"), POLICIES)
def test_each_reset_empties_its_stages_caches(nlp, lang, policy) -> None:
    build_literal_index()
    nlp(policy, format="md")
    stages = [
        (text, (folded, found_literals)),
        (classify, (word_tokens, concept_text)),
        (attributes, (find_durations,)),
    ]
    for stage, caches in stages:
        assert all(_sizes(*caches)), f"{stage.__name__} cached nothing for the {lang} policy"
    for stage, caches in stages:
        stage.reset_caches()
        assert _sizes(*caches) == [0] * len(caches), stage.__name__


@pytest.mark.parametrize(("lang", "policy"), POLICIES)
def test_rows_are_identical_before_and_after_a_reset(nlp, lang, policy) -> None:
    first = nlp(policy, format="md")
    again = nlp(policy, format="md")  # every cache warm from the first call
    forget_previous_document()
    segment.reset_caches(max_spacy_strings=0)  # a fresh spaCy pipeline too
    after = nlp(policy, format="md")
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first, after)
    assert set(first["lang"]) == {lang}


def test_spacy_pipeline_is_rebuilt_only_once_its_vocabulary_is_large() -> None:
    english_cuts(["We keep logs. You may ask."])
    kept = load_english_pipeline()
    size = len(kept.vocab.strings)
    segment.reset_caches(max_spacy_strings=size)
    assert load_english_pipeline() is kept
    english_cuts([f"Write to user{i}@example.com about ticket{i}x." for i in range(100)])
    assert len(kept.vocab.strings) > size
    segment.reset_caches(max_spacy_strings=size)
    fresh = load_english_pipeline()
    assert fresh is not kept
    assert len(fresh.vocab.strings) < len(kept.vocab.strings)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We keep your e-mail address and your IP address.", ["email", "ip"]),
        ("บริษัทเก็บอีเมลและที่อยู่ไอพีของท่าน", ["email", "ip"]),
    ],
)
def test_gates_of_tables_built_one_after_another_are_their_own(sentence, expected) -> None:
    # Tables freed and built again often land at the same address: a gate keyed on id() would be another table's.
    for round in range(20):
        email = {"email": ("", (r"e-?mail", "อีเมล"))}
        assert codes_in(sentence, email) == ["email"], round
        del email
        ip = {"ip": ("", (r"\bip address", "ไอพี"))}
        assert codes_in(sentence, ip) == ["ip"], round
        del ip
    both = {"email": ("", (r"e-?mail", "อีเมล")), "ip": ("", (r"\bip address", "ไอพี"))}
    assert codes_in(sentence, both) == expected
