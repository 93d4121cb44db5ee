"""Family-B plans through the whole pipeline: every accounting invariant holds and M2 reaches the marts exactly.

Four reports of layout family B (:mod:`pipelines.synth.family_b`; seeds 0, 1, 9 and 15: both plan periods,
negatives as (1.234) and 1.234-, year headers MJP2026 and "2026 (€)"; two as serif Letter-landscape PDFs,
two as text) go ONCE through :func:`pipelines.cli.process_files` (intake, extraction, raw load, ``dbt
build``) into one temporary warehouse. Checked against each report's truth: no invariant fails (the
validation runner and ``marts.audit_invariants``), the plan key figures and every M2 row in the marts
equal the printed amounts, ``dim_document`` carries the report kind, plan years and the completeness
figures, and both entities (``bridge_document_entity``), every policy item (``dim_policy_item``) and every
per-AP budget (``fct_policy_budget``) are in the marts.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import duckdb
import pytest

from pipelines.cli import process_files
from pipelines.defs.quality import run_invariant_checks
from pipelines.ingest.intake import document_id_for, file_sha256
from pipelines.settings import Settings
from pipelines.synth.family_b import generate_family_b
from pipelines.synth.pdf import SERIF_LETTER_LANDSCAPE, render_text_to_pdf

SEEDS = {0: "pdf", 1: "txt", 9: "pdf", 15: "txt"}
KEY_FIGURES = {
    "exploitatiesaldo": "budgettair_resultaat.I",
    "investeringssaldo": "budgettair_resultaat.II",
    "financieringssaldo": "budgettair_resultaat.IV",
    "budgettair_resultaat": "budgettair_resultaat.V",
    "gecumuleerd_budgettair_resultaat": "budgettair_resultaat.VII",
    "beschikbaar_budgettair_resultaat": "budgettair_resultaat.IX",
    "autofinancieringsmarge": "autofinancieringsmarge.III",
    "gecorrigeerde_autofinancieringsmarge": "gecorrigeerde_autofinancieringsmarge.III",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("family_b_pipeline")
    files, truths = [], {}
    for seed, kind in SEEDS.items():
        report = generate_family_b(seed)
        path = base / f"{report.name}.{kind}"
        if kind == "pdf":
            render_text_to_pdf(report.text, path, style=SERIF_LETTER_LANDSCAPE)
        else:
            path.write_text(report.text, encoding="utf-8")
        files.append(path)
        truths[document_id_for(file_sha256(path))] = report.truth
    settings = Settings(warehouse=base / "warehouse.duckdb", data_dir=base / "data")
    outcomes = process_files(files, settings)
    summary = run_invariant_checks(settings.warehouse)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        fetched = {
            "documents": con.execute(
                "SELECT document_id, report_type, plan_version, plan_first_year, plan_last_year, is_published,"
                " invariant_errors, completeness_amount_share, completeness_policy_share FROM marts.dim_document"
            ).fetchall(),
            "metadata": con.execute(
                "SELECT document_id, key, value FROM raw.document_metadata WHERE key LIKE 'completeness_%'"
            ).fetchall(),
            "audit": con.execute(
                "SELECT document_id, status, count(*) FROM marts.audit_invariants GROUP BY ALL"
            ).fetchall(),
            "m2": con.execute(
                "SELECT document_id, line_path, year, amount FROM marts.fct_financial_equilibrium"
                " WHERE source_table = 'M2'"
            ).fetchall(),
            "entities": con.execute(
                "SELECT document_id, seq, role, entity_name, kbo_number FROM marts.bridge_document_entity"
            ).fetchall(),
            "items": con.execute(
                "SELECT document_id, level, code, parent_code, title, is_priority, description"
                " FROM marts.dim_policy_item WHERE NOT is_inferred"
            ).fetchall(),
            "budgets": con.execute(
                "SELECT document_id, policy_level, policy_code, budget_kind, direction, phase, year, column_role,"
                " amount FROM marts.fct_policy_budget WHERE source_table = 'beleidsevaluatie'"
            ).fetchall(),
            "key_figures": con.execute(
                f"SELECT document_id, plan_year, {', '.join(KEY_FIGURES)} FROM marts.mart_plan_key_figures"
            ).fetchall(),
        }
    finally:
        con.close()
    return {"outcomes": outcomes, "summary": summary, "truths": truths, **fetched}


def test_every_report_is_loaded_and_valid(run) -> None:
    assert len(run["outcomes"]) == 4
    assert not run["summary"].has_errors
    statuses = Counter((doc, status) for doc, status, _ in run["audit"])
    assert set(statuses) == {(doc, "ok") for doc in run["truths"]}
    checked = {doc: n for doc, _, n in run["audit"]}
    assert all(n >= 300 for n in checked.values())


def test_dim_document(run) -> None:
    rows = {r[0]: r[1:] for r in run["documents"]}
    assert set(rows) == set(run["truths"])
    metadata = {(doc, key): value for doc, key, value in run["metadata"]}
    for doc, truth in run["truths"].items():
        report_type, version, first, last, published, errors, amounts, codes = rows[doc]
        t = truth["document"]
        assert (report_type, version, first, last) == (
            "meerjarenplan",
            "origineel",
            t["plan_first_year"],
            t["plan_last_year"],
        )
        assert published and errors == 0
        assert amounts == Decimal(metadata[(doc, "completeness_amount_share")]) == Decimal("1.0000")
        assert codes == Decimal(metadata[(doc, "completeness_policy_share")]) == Decimal("1.0000")
        # what a family-B plan prints (pipelines.extract.completeness counts every cell of a table row, zeros and
        # small amounts included): every cell of its schemas and per-AP tables, all read; every BD/AP code, all read
        cells = [c for kind in ("M1", "M2", "M3", "T1", "T2") for c in truth[kind]] + truth["policy_budgets"]
        assert int(metadata[(doc, "completeness_amount_tokens")]) == len(cells)
        assert int(metadata[(doc, "completeness_amounts_attributed")]) == len(cells)
        assert int(metadata[(doc, "completeness_policy_codes")]) == len(truth["policy_items"])
        assert int(metadata[(doc, "completeness_policy_codes_read")]) == len(truth["policy_items"])
    # the counts as printed in seeds 0, 1, 9 and 15 (cells, BD/AP codes)
    counts = sorted(
        (int(metadata[(doc, "completeness_amount_tokens")]), int(metadata[(doc, "completeness_policy_codes")]))
        for doc in run["truths"]
    )
    assert counts == [(1002, 61), (1140, 49), (1164, 76), (1374, 71)]


def test_m2_in_the_marts_exactly(run) -> None:
    got = Counter((doc, path, year, amount) for doc, path, year, amount in run["m2"])
    want = Counter(
        (doc, c["line_path"], c["year"], Decimal(c["amount"]))
        for doc, truth in run["truths"].items()
        for c in truth["M2"]
    )
    assert got == want


def test_plan_key_figures(run) -> None:
    got = {(r[0], r[1]): r[2:] for r in run["key_figures"]}
    for doc, truth in run["truths"].items():
        m2 = {(c["line_path"], c["year"]): Decimal(c["amount"]) for c in truth["M2"]}
        years = range(truth["document"]["plan_first_year"], truth["document"]["plan_last_year"] + 1)
        for year in years:
            assert got[(doc, year)] == tuple(m2[(path, year)] for path in KEY_FIGURES.values())
    assert len(got) == 6 * len(run["truths"])


def test_entities_policy_items_and_budgets_in_the_marts(run) -> None:
    """Both entities (city and OCMW with their KBOs), every policy item and every per-AP budget reach the marts."""
    want_entities, want_items, want_budgets = Counter(), Counter(), Counter()
    for doc, truth in run["truths"].items():
        for seq, e in enumerate(truth["document"]["entities"], 1):
            want_entities[(doc, seq, e["role"], e["name"], e["kbo_number"])] += 1
        for i in truth["policy_items"]:
            key = (i["level"], i["code"], i["parent_code"], i["title"], i["is_priority"], i["description"])
            want_items[(doc, *key)] += 1
        for b in truth["policy_budgets"]:
            key = (b["policy_level"], b["policy_code"], b["budget_kind"], b["direction"], b["phase"], b["year"])
            want_budgets[(doc, *key, b["column_role"], Decimal(b["amount"]))] += 1
    assert Counter(run["entities"]) == want_entities
    assert Counter(run["items"]) == want_items
    assert Counter(run["budgets"]) == want_budgets
    assert len(run["entities"]) == 8 and len(run["items"]) == 49 + 76 + 61 + 71  # seeds 0, 1, 9, 15
    assert len(run["budgets"]) == 522 + 468 + 348 + 684
