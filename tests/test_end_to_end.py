"""The whole pipeline on the sample: raw tables hold the document, its lines and every table."""

from __future__ import annotations


def test_document_row(sample_db) -> None:
    row = sample_db.execute(
        "SELECT entity_name, kbo_number, entity_type, report_type, fiscal_year, page_count, line_count, status,"
        " file_format FROM raw.documents"
    ).fetchall()
    assert row == [("AGB Genk", "0872093742", "AGB", "jaarrekening", 2024, 264, 13076, "loaded", "text")]


def test_raw_row_counts(sample_db) -> None:
    counts = {
        t: sample_db.execute(f"SELECT count(*) FROM raw.{t}").fetchone()[0]
        for t in [
            "lines",
            "pages",
            "j1_doelstellingenrekening",
            "j2_financieel_evenwicht",
            "j3_realisatie_kredieten",
            "j4_balans",
            "j5_opbrengsten_kosten",
            "t1_functionele_aard",
            "t2_economische_aard",
            "t4_financiele_schulden",
            "off_balance",
            "participations",
            "credit_transfers",
            "policy_items",
            "policy_budgets",
        ]
    }
    assert counts == {
        "lines": 13076,
        "pages": 194,  # the pages the text shows, numbered 5 to 264 (tests/conftest.SAMPLE_PAGE_FIRST_LINES)
        "j1_doelstellingenrekening": 106,
        "j2_financieel_evenwicht": 60,
        "j3_realisatie_kredieten": 24,
        "j4_balans": 74,
        "j5_opbrengsten_kosten": 40,
        "t1_functionele_aard": 84,
        "t2_economische_aard": 450,
        "t4_financiele_schulden": 80,
        "off_balance": 71,
        "participations": 3,
        "credit_transfers": 58,
        "policy_items": 482,
        "policy_budgets": 807,
    }


def test_amounts_are_decimal_and_traceable(sample_db) -> None:
    assert sample_db.execute(
        "SELECT data_type FROM information_schema.columns WHERE table_schema='raw' AND table_name='j4_balans'"
        " AND column_name='amount'"
    ).fetchone() == ("DECIMAL(18,2)",)
    row = sample_db.execute(
        "SELECT b.amount, l.text FROM raw.j4_balans b JOIN raw.lines l USING (document_id, page_no, line_no)"
        " WHERE b.line_path = 'PASSIVA' AND b.year = 2024"
    ).fetchone()
    assert str(row[0]) == "84378157.00"
    assert row[1].startswith("PASSIVA") and "84.378.157" in row[1]


def test_coverage_reports_absent_t3_and_nothing_unattributed(sample_db) -> None:
    rows = dict(sample_db.execute("SELECT table_kind, note FROM raw.coverage").fetchall())
    assert rows["T3"] == "absent"
    assert sample_db.execute("SELECT sum(unattributed_lines) FROM raw.coverage").fetchone()[0] == 0
    assert sample_db.execute("SELECT count(*) FROM raw.coverage WHERE expected AND NOT found").fetchone()[0] == 0


def test_marts_built(sample_db) -> None:
    assert sample_db.execute("SELECT entity_id, fiscal_year, report_type FROM marts.dim_document").fetchall() == [
        ("0872093742", 2024, "jaarrekening")
    ]
