"""The per-document summary of the seeds: what each policy states, checked against its text."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_FATAL, app
from pipeline.config import DEFAULT_DOCUMENTS_NAME
from pipeline.export.tables import DOCUMENT_SCHEMA
from pipeline.text.normalize import normalize_text
from tests.conftest import SEED_FILES


@pytest.fixture(scope="module")
def documents(seed_run) -> pd.DataFrame:
    return pd.read_parquet(seed_run.output_path.with_name(DEFAULT_DOCUMENTS_NAME))


def document(documents: pd.DataFrame, prefix: str) -> dict:
    return documents[documents["doc_id"].str.startswith(prefix)].iloc[0].to_dict()


def retention(row: dict) -> set[tuple[str, str | None]]:
    return {(item["value"], item["applies_to"]) for item in row["retention"]}


def test_one_row_per_seed_with_the_document_schema(documents) -> None:
    assert list(documents.columns) == DOCUMENT_SCHEMA.names
    assert len(documents) == len(SEED_FILES)


@pytest.mark.parametrize(
    ("prefix", "periods"),
    [
        ("004", {("P7Y", "Closed accounts"), ("P90D", "Server logs"), ("P3Y", "Support communications"), ("P30D..P90D", "Backup data")}),
        ("000", {("P7Y", "Financial Records"), ("P2Y", "Communication Records"), ("indefinite", "Contact Information")}),
        ("001", {("as_long_as_necessary", None)}),
        ("003", {("as_long_as_necessary", None), ("account_lifetime", None)}),
    ],
)
def test_retention_periods_the_policy_states(documents, prefix, periods) -> None:
    assert periods <= retention(document(documents, prefix))


@pytest.mark.parametrize(
    ("prefix", "rights"),
    [
        ("001", {"access", "rectification", "erasure", "restriction", "portability", "objection", "withdraw_consent", "complaint"}),
        ("004", {"access", "rectification", "erasure", "portability", "objection", "opt_out_sale", "non_discrimination"}),
        ("003", {"rectification", "erasure", "restriction", "objection", "portability", "withdraw_consent", "complaint"}),
    ],
)
def test_rights_the_policy_lists(documents, prefix, rights) -> None:
    assert rights <= set(document(documents, prefix)["rights"])


@pytest.mark.parametrize(
    ("prefix", "contacts", "laws"),
    [
        ("004", {("email", "privacy@rexgencloud.com"), ("email", "eu-privacy@rexgencloud.com"), ("address", "123 Cloud Street, Tech City, TC 12345")}, {"gdpr", "ccpa"}),
        ("001", {("email", "dpo@infuze.cloud"), ("dpo", "Data Protection Officer")}, {"gdpr"}),
        ("003", {("email", "contact@opencloud.co.th")}, {"pdpa_th"}),
        ("000", set(), {"pdpa_th"}),
    ],
)
def test_contacts_and_laws(documents, prefix, contacts, laws) -> None:
    row = document(documents, prefix)
    assert {(item["kind"], item["value"]) for item in row["contacts"]} == contacts
    assert set(row["laws"]) == laws


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name[:3])
def test_every_stated_value_is_in_the_policy_text(documents, path) -> None:
    row = documents[documents["doc_id"] == path.name].iloc[0]
    lang = row["languages"][0]
    text = normalize_text(path.read_text(encoding="utf-8"), lang)
    for item in row["contacts"]:
        assert item["value"] in text
    for item in row["retention"]:
        if item["applies_to"]:
            assert item["applies_to"] in text
        if item["days_max"] is not None:
            amount = item["value"].split("..")[-1].strip("PTYMWDH")
            assert amount in text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")), item


def test_show_prints_a_readable_summary(seed_run) -> None:
    table = seed_run.output_path.with_name(DEFAULT_DOCUMENTS_NAME)
    result = CliRunner().invoke(app, ["show", "004", "--table", str(table)])
    assert result.exit_code == 0, result.output
    assert "7 years (Closed accounts)" in result.output
    assert "90 days (Server logs)" in result.output
    assert "email: privacy@rexgencloud.com" in result.output
    thai = CliRunner().invoke(app, ["show", "003", "--table", str(table)])
    assert "pdpa_th" in thai.output and "contact@opencloud.co.th" in thai.output


def test_show_names_the_choices_for_an_unknown_document(seed_run) -> None:
    table = seed_run.output_path.with_name(DEFAULT_DOCUMENTS_NAME)
    result = CliRunner().invoke(app, ["show", "nope", "--table", str(table)])
    assert result.exit_code == EXIT_FATAL
    assert "matches no document" in result.output and "004_0bc82049ed12847c.txt" in result.output
