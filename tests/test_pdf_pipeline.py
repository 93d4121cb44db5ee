"""The rendered PDF of the sample gives the same document identity, the same lines and the same
values in every raw table as the text export (only page and line numbers differ)."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.cli import process_files
from pipelines.extract.lines import normalize
from pipelines.settings import Settings
from pipelines.synth.pdf import as_drawn, render_text_to_pdf
from tests.conftest import SAMPLE_TXT

# per raw table: the columns that must agree between the text and the PDF document
COMPARED = {
    "j1_doelstellingenrekening": "policy_code, budget_kind, direction, phase, year, line_path, amount",
    "j2_financieel_evenwicht": "line_path, phase, year, amount",
    "j3_realisatie_kredieten": "line_path, direction, phase, amount",
    "j4_balans": "line_path, parent_path, year, amount",
    "j5_opbrengsten_kosten": "line_path, parent_path, year, amount",
    "t1_functionele_aard": "beleidsdomein, budget_kind, direction, year, phase, amount",
    "t2_economische_aard": "line_path, year, phase, amount",
    "t4_financiele_schulden": "line_path, year, amount",
    "off_balance": "row_type, account_code, parent_code, journal_no, debit, credit, saldo",
    "participations": "company, amount, is_total",
    "credit_transfers": "budget_type, direction, bd_code, ap_code, ac_code, raming_code, budget_code, amount",
    "credit_transfer_totals": "budget_type, direction, column_label, amount",
    "policy_items": "level, code, title, parent_code, period_start, period_end, evaluation_status",
    "policy_budgets": "policy_level, policy_code, budget_kind, direction, phase, amount",
}


@pytest.fixture(scope="module")
def text_and_pdf(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf_pipeline")
    inbox = root / "data" / "inbox"
    inbox.mkdir(parents=True)
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    txt = inbox / "sample.txt"
    txt.write_text(text, encoding="utf-8")
    pdf = render_text_to_pdf(text, inbox / "sample.pdf")
    settings = Settings(warehouse=root / "wh.duckdb", data_dir=root / "data")
    outcomes = process_files([txt, pdf], settings, run_dbt=False)
    assert [o.status for o in outcomes] == ["loaded", "loaded"]
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    ids = dict(con.execute("SELECT file_format, document_id FROM raw.documents").fetchall())
    yield con, ids["text"], ids["pdf"]
    con.close()


def test_same_identity(text_and_pdf) -> None:
    con, text_id, pdf_id = text_and_pdf
    query = (
        "SELECT entity_name, kbo_number, entity_type, report_type, fiscal_year FROM raw.documents WHERE document_id=?"
    )
    assert con.execute(query, [pdf_id]).fetchone() == ("AGB Genk", "0872093742", "AGB", "jaarrekening", 2024)
    assert con.execute(query, [pdf_id]).fetchone() == con.execute(query, [text_id]).fetchone()
    assert con.execute("SELECT page_count FROM raw.documents WHERE document_id=?", [pdf_id]).fetchone()[0] > 200


def test_same_lines(text_and_pdf) -> None:
    con, text_id, pdf_id = text_and_pdf
    query = "SELECT text FROM raw.lines WHERE document_id=? ORDER BY page_no, line_no"
    text_lines = [normalize(as_drawn(t)) for (t,) in con.execute(query, [text_id]).fetchall()]
    pdf_lines = [normalize(t) for (t,) in con.execute(query, [pdf_id]).fetchall()]
    assert [t for t in pdf_lines if t] == [t for t in text_lines if t]
    boxes = con.execute(
        "SELECT count(*) FROM raw.lines l JOIN raw.pages p USING (document_id, page_no)"
        " WHERE document_id=? AND NOT (0 <= x0 AND x0 < x1 AND x1 <= p.width AND top < bottom)",
        [pdf_id],
    ).fetchone()[0]
    assert boxes == 0


@pytest.mark.parametrize("table", sorted(COMPARED))
def test_same_values(text_and_pdf, table: str) -> None:
    con, text_id, pdf_id = text_and_pdf
    query = f"SELECT {COMPARED[table]} FROM raw.{table} WHERE document_id=? ORDER BY ALL"
    from_text = con.execute(query, [text_id]).fetchall()
    assert from_text, table
    assert con.execute(query, [pdf_id]).fetchall() == from_text
