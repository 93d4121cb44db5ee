"""Several documents (other entity, other year) coexist in the marts; re-ingesting one replaces only its rows.

The second document is the sample re-issued for another entity one year later: the entity is
renamed (name and KBO number) and every year is shifted by +1. Both go through the whole pipeline
into one temporary warehouse.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import process_files
from pipelines.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "samples" / "jaarrekening-2024-agb-genk.txt"
D = Decimal

SAMPLE_KBO, VARIANT_KBO = "0872093742", "0212345678"
FACTS = [
    "fct_policy_budget",
    "fct_financial_equilibrium",
    "fct_credit_realisation",
    "fct_balance_sheet",
    "fct_income_statement",
    "fct_functional_nature",
    "fct_economic_nature",
    "fct_financial_debt",
    "fct_credit_transfer",
    "fct_off_balance",
    "fct_participation",
]
SAMPLE_FACT_ROWS = {
    "fct_policy_budget": 913,
    "fct_financial_equilibrium": 60,
    "fct_credit_realisation": 24,
    "fct_balance_sheet": 74,
    "fct_income_statement": 40,
    "fct_functional_nature": 84,
    "fct_economic_nature": 450,
    "fct_financial_debt": 80,
    "fct_credit_transfer": 58,
    "fct_off_balance": 71,
    "fct_participation": 2,
}
# Keys that must stay unique over all documents (the grain of each table).
KEYS = {
    "dim_document": "document_id",
    "dim_entity": "entity_id",
    "dim_policy_item": "policy_item_id",
    "dim_account": "account_code",
    "dim_economic_category": "economic_category_id",
    "dim_year": "year",
    "mart_key_figures": "document_id",
    "fct_credit_transfer": "credit_transfer_id",
    "fct_policy_budget": "document_id, source_table, policy_item_id, budget_kind, direction, phase, year",
    "fct_financial_equilibrium": "document_id, line_path, phase, year",
    "fct_credit_realisation": "document_id, section, line_path, direction, phase, year",
    "fct_balance_sheet": "document_id, fiscal_year, line_path",
    "fct_income_statement": "document_id, fiscal_year, line_path",
    "fct_functional_nature": "document_id, beleidsdomein, budget_kind, direction, year, phase",
    "fct_economic_nature": "document_id, line_path, year, phase",
    "fct_financial_debt": "document_id, line_path, year",
    "fct_off_balance": "document_id, page_no, line_no",
    "fct_participation": "document_id, page_no, line_no",
}
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")  # amounts group digits by three: never 4 in a row


def variant_text(text: str) -> str:
    """The sample for another entity, one year later (every standalone year 2010-2029 shifted by +1)."""
    renamed = (
        text.replace("AGB Genk (0872.093.742)", "AGB Voorbeeld (0212.345.678)")
        .replace("AGB Genk 0872093742", "AGB Voorbeeld 0212345678")
        .replace("AGB Genk", "AGB Voorbeeld")
    )
    return _YEAR.sub(lambda m: str(int(m.group(1)) + 1), renamed)


def _query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory, dbt_manifest):
    root = tmp_path_factory.mktemp("two_documents")
    inbox = root / "data" / "inbox"
    inbox.mkdir(parents=True)
    sample = inbox / SAMPLE.name
    shutil.copy(SAMPLE, sample)
    variant = inbox / "jaarrekening-2025-agb-voorbeeld.txt"
    variant.write_bytes(variant_text(SAMPLE.read_text(encoding="utf-8")).encode("utf-8"))
    settings = Settings(warehouse=root / "warehouse.duckdb", data_dir=root / "data")
    outcomes = process_files([sample, variant], settings)
    assert [o.status for o in outcomes] == ["loaded", "loaded"], [o.line() for o in outcomes]
    ids = {o.kbo: o.document_id for o in outcomes}
    return settings, variant, ids


def test_variant_is_another_entity_and_year() -> None:
    text = variant_text(SAMPLE.read_text(encoding="utf-8"))
    assert "Genk (0872.093.742)" not in text and "AGB Voorbeeld (0212.345.678)" in text
    assert "Balans 2025" in text and "31/12/2028" in text and "31.12.2025" in text  # years shifted, dates too
    assert "1.250.000" in text and "2.960.802" in text  # amounts untouched


def test_both_documents_in_every_dimension(two_documents) -> None:
    settings, _, ids = two_documents
    wh = settings.warehouse
    assert sorted(_query(wh, "SELECT entity_id, fiscal_year, document_id FROM marts.dim_document")) == [
        (VARIANT_KBO, 2025, ids[VARIANT_KBO]),
        (SAMPLE_KBO, 2024, ids[SAMPLE_KBO]),
    ]
    assert sorted(_query(wh, "SELECT entity_id, entity_name, kbo_formatted FROM marts.dim_entity")) == [
        (VARIANT_KBO, "AGB Voorbeeld", "0212.345.678"),
        (SAMPLE_KBO, "AGB Genk", "0872.093.742"),
    ]
    levels = _query(
        wh,
        "SELECT d.entity_id, i.level, count(*) FROM marts.dim_policy_item i JOIN marts.dim_document d"
        " USING (document_id) WHERE NOT i.is_inferred GROUP BY ALL ORDER BY ALL",
    )
    assert levels == [
        (VARIANT_KBO, "AC", 398),
        (VARIANT_KBO, "AP", 71),
        (VARIANT_KBO, "BD", 13),
        (SAMPLE_KBO, "AC", 398),
        (SAMPLE_KBO, "AP", 71),
        (SAMPLE_KBO, "BD", 13),
    ]
    # Conformed dimensions are shared, not duplicated.
    assert _query(wh, "SELECT count(*) FROM marts.dim_account") == [(79,)]
    assert _query(wh, "SELECT count(*) FROM marts.dim_economic_category") == [(50,)]
    assert _query(wh, "SELECT min(year), max(year), count(*) FROM marts.dim_year") == [(2020, 2028, 9)]


def test_both_documents_in_every_fact(two_documents) -> None:
    settings, _, ids = two_documents
    for table in FACTS:
        per_doc = dict(
            _query(settings.warehouse, f"SELECT document_id, count(*) FROM marts.{table} GROUP BY 1")
        )
        expected = SAMPLE_FACT_ROWS[table]
        assert per_doc == {ids[SAMPLE_KBO]: expected, ids[VARIANT_KBO]: expected}, table


@pytest.mark.parametrize("table", sorted(KEYS))
def test_no_key_collides_across_documents(two_documents, table: str) -> None:
    settings, _, _ = two_documents
    key = KEYS[table]
    duplicates = _query(
        settings.warehouse, f"SELECT {key}, count(*) FROM marts.{table} GROUP BY ALL HAVING count(*) > 1"
    )
    assert duplicates == []


def test_key_figures_per_document(two_documents) -> None:
    settings, _, _ = two_documents
    rows = _query(
        settings.warehouse,
        "SELECT entity_id, fiscal_year, exploitatiesaldo, beschikbaar_budgettair_resultaat,"
        " autofinancieringsmarge,"
        " balance_total, financial_debt_total, result_of_year FROM marts.mart_key_figures ORDER BY"
        " fiscal_year",
    )
    figures = (
        D("-38729.00"),
        D("-1128285.00"),
        D("-268958.00"),
        D("84378157.00"),
        D("12383824.00"),
        D("-596176.00"),
    )
    # The variant is read from ITS fiscal year's column (2025), not a hard-coded one.
    assert rows == [(SAMPLE_KBO, 2024, *figures), (VARIANT_KBO, 2025, *figures)]
    assert _query(
        settings.warehouse,
        "SELECT fiscal_year, count(*) FROM marts.fct_balance_sheet WHERE line_path = 'ACTIVA' GROUP BY 1"
        " ORDER BY 1",
    ) == [(2023, 1), (2024, 2), (2025, 1)]


def test_reingesting_one_document_replaces_only_its_rows(two_documents) -> None:
    settings, variant, ids = two_documents
    wh = settings.warehouse
    before = dict(_query(wh, "SELECT document_id, ingested_at FROM marts.dim_document"))
    outcomes = process_files([variant], settings)
    assert [(o.status, o.document_id) for o in outcomes] == [("loaded", ids[VARIANT_KBO])]
    after = dict(_query(wh, "SELECT document_id, ingested_at FROM marts.dim_document"))
    assert after[ids[SAMPLE_KBO]] == before[ids[SAMPLE_KBO]]  # the other document is untouched
    assert after[ids[VARIANT_KBO]] > before[ids[VARIANT_KBO]]  # this one was loaded again
    for table in FACTS:
        per_doc = dict(_query(wh, f"SELECT document_id, count(*) FROM marts.{table} GROUP BY 1"))
        expected = SAMPLE_FACT_ROWS[table]
        assert per_doc == {ids[SAMPLE_KBO]: expected, ids[VARIANT_KBO]: expected}, table
    assert _query(wh, "SELECT count(*) FROM marts.mart_key_figures") == [(2,)]
