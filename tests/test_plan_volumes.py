"""A plan published in volumes (Oost-Vlaanderen: documentatie and beleidsverklaring, a policy portal's Word
exports) beside a whole plan (Antwerpen): extraction, raw load, dbt build and the invariant suites.

The volumes go through the real intake (accepted, identified as volumes of Provincie Oost-Vlaanderen's plan
2026-2031) and are extracted with the identity intake read, as the pipeline does. Expected values are read
off the printed pages (tests/data/real/README.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import duckdb
import pytest

from pipelines.extract.run import extract_document
from pipelines.ingest.intake import IntakeResult, read_document
from pipelines.load import load_document
from pipelines.quality.runner import validate_warehouse
from pipelines.warehouse import connect_for_write, ensure_schema

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "data" / "real"
VOLUMES = {
    "documentatie": REAL / "provincie-oost-vlaanderen-mjp-2026-2031-documentatie.pdf",
    "beleidsverklaring": REAL / "provincie-oost-vlaanderen-mjp-2026-2031-beleidsverklaring.pdf",
}
ANTWERPEN = REAL / "provincie-antwerpen-mjp-2026-2031.pdf"


def _intake(path: Path) -> IntakeResult:
    return read_document(path, max_bytes=200 * 2**20)


@pytest.mark.parametrize("volume", sorted(VOLUMES))
def test_intake_accepts_and_identifies_the_volumes(volume: str) -> None:
    ident = _intake(VOLUMES[volume]).identity
    # no identity block, KBO line, title-page name or running header: the entity from the running text
    assert (ident.entity_name, ident.kbo_number, ident.entity_type, ident.entity_evidence) == (
        "Provincie Oost-Vlaanderen",
        None,
        "provincie",
        "prose",
    )
    assert (ident.report_type, ident.plan_first_year, ident.plan_last_year, ident.plan_version) == (
        "meerjarenplan",
        2026,
        2031,
        "origineel",
    )
    assert (ident.plan_volume, ident.fiscal_year) == (volume, 2026)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, dbt_manifest) -> Path:
    tmp = tmp_path_factory.mktemp("volumes")
    wh = tmp / "warehouse.duckdb"
    with connect_for_write(wh) as con:
        ensure_schema(con)
    for path in (ANTWERPEN, *VOLUMES.values()):
        doc = _intake(path)
        ident = doc.identity
        load_document(
            wh, doc, extract_document(doc.content_lines(), ident.fiscal_year, ident.report_type, ident.plan_volume)
        )
    env = {**os.environ, "BBC_WAREHOUSE": str(wh)}
    dbt = Path(sys.executable).with_name("dbt")
    proc = subprocess.run(
        [str(dbt), "build", "--profiles-dir", ".", "--target-path", str(tmp / "target"), "--log-path", str(tmp)],
        cwd=REPO / "dbt_project",
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-4000:]
    return wh


@pytest.fixture(scope="module")
def db(warehouse: Path):
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def _doc(db, volume: str) -> str:
    query = "SELECT document_id FROM raw.documents WHERE source_file = ?"
    return db.execute(query, [VOLUMES[volume].name]).fetchone()[0]


def test_subsidy_invariants_all_ok(db) -> None:
    doc = _doc(db, "documentatie")
    groups = db.execute(
        "SELECT group_name, status, count(*) FROM marts.audit_invariants WHERE document_id = ? GROUP BY ALL ORDER BY 1",
        [doc],
    ).fetchall()
    assert groups == [
        ("Beleidsitem budget", "ok", 394),
        ("Beleidsitem x lists", "ok", 149),
        ("Beleidsitem x lists", "warning", 2),
        ("Beleidsveld budgets", "ok", 456),
        ("Subsidies", "ok", 324),
    ]
    # the document puts 78.000 of exploitatie-uitgaven under 0110 in one list and under 0111 in the other
    # (p. 41 l. 13 against p. 23 l. 29 / p. 24 l. 1): a warning, explained, not an error
    warnings = db.execute(
        "SELECT identity, difference FROM marts.audit_invariants WHERE document_id = ? AND status = 'warning'"
        " ORDER BY identity",
        [doc],
    ).fetchall()
    assert warnings == [
        ("Beleidsitem 0110 exploitatie uitgaven = beleidsveld overview [2026]", D("78000.13")),
        ("Beleidsitem 0111 exploitatie uitgaven = beleidsveld overview [2026]", D("-77999.75")),
    ]
    subsidies_0790 = db.execute(
        "SELECT expected, printed FROM marts.audit_invariants WHERE document_id = ?"
        " AND identity = 'Beleidsitem 0790 subsidies = subsidy list Totaal [2026]'",
        [doc],
    ).fetchone()
    assert subsidies_0790 == (D("1247850.00"), D("1247850.00"))
    printed = dict(
        db.execute(
            "SELECT identity, printed FROM marts.audit_invariants WHERE document_id = ? AND identity IN (?, ?)",
            [
                doc,
                "Subsidies werking TOTAAL = sum of subsidies [2026]",
                "Subsidies werking beleidsveld 0100 (POLITIEKE AUTORITEIT) = sum of subsidies [2026]",
            ],
        ).fetchall()
    )
    assert printed == {
        "Subsidies werking TOTAAL = sum of subsidies [2026]": D("30667884.44"),
        "Subsidies werking beleidsveld 0100 (POLITIEKE AUTORITEIT) = sum of subsidies [2026]": D("595738.00"),
    }


def test_subsidy_and_beleidsveld_facts(db) -> None:
    doc = _doc(db, "documentatie")
    field_0150 = db.execute(
        "SELECT count(*), sum(amount) FROM marts.fct_subsidy"
        " WHERE document_id = ? AND beleidsveld_code = '0150' AND year = 2026 AND subsidy_kind = 'werking'",
        [doc],
    ).fetchone()
    assert field_0150 == (6, D("1931146.24"))
    assert db.execute("SELECT count(*) FROM marts.fct_subsidy WHERE NOT is_official_beleidsveld").fetchone()[0] == 0
    polis = db.execute(
        "SELECT column_label, amount FROM marts.fct_beleidsitem_budget WHERE document_id = ? AND row_type = 'item'"
        " AND beleidsveld_code = '0130' AND beleidsitem_code = '01' AND table_title = 'Exploitatie-uitgaven'"
        " AND column_no = 4",
        [doc],
    ).fetchone()
    assert polis == ("subsidies", D("161396.77"))
    bv0030 = db.execute(
        "SELECT direction, amount FROM marts.fct_beleidsveld_budget WHERE document_id = ? AND beleidsveld_code = '0030'"
        " AND budget_kind = 'exploitatie' AND year = 2026 ORDER BY direction",
        [doc],
    ).fetchall()
    assert bv0030 == [("ontvangsten", D("1750000.00")), ("saldo", D("324372.00")), ("uitgaven", D("1425628.00"))]


def test_plan_key_figures_from_the_policy_statement(db) -> None:
    rows = db.execute(
        "SELECT plan_year, source_table, column_role, beschikbaar_budgettair_resultaat, autofinancieringsmarge,"
        " exploitatiesaldo FROM marts.mart_plan_key_figures WHERE document_id = ? ORDER BY plan_year",
        [_doc(db, "beleidsverklaring")],
    ).fetchall()
    assert [r[0] for r in rows] == list(range(2026, 2032))  # one row per plan year
    assert rows[0] == (2026, "key_figures", "plan", D("24848155.00"), D("11072221.00"), None)
    assert rows[-1][3] == D("255347.00")
    # the totals per priority policy over the plan period (p. 13): four priority policies, their detail apart
    priority = db.execute(
        "SELECT is_priority, is_detail, count(*), sum(amount) FROM marts.fct_plan_key_figure"
        " WHERE document_id = ? AND year IS NULL GROUP BY ALL ORDER BY ALL",
        [_doc(db, "beleidsverklaring")],
    ).fetchall()
    assert priority == [
        (False, False, 8, D("128830285.00")),
        (True, False, 4, D("179880025.00")),  # 42.479.729 + 86.728.852 + 9.081.388 + 41.590.056
        (True, True, 6, D("17070000.00")),
    ]
    # the whole plan beside it keeps its M2 figures
    antwerpen = db.execute(
        "SELECT source_table, beschikbaar_budgettair_resultaat FROM marts.mart_plan_key_figures m"
        " JOIN raw.documents d USING (document_id) WHERE d.source_file = ? AND plan_year = 2031",
        [ANTWERPEN.name],
    ).fetchone()
    assert antwerpen == ("M2", D("13590120.00"))


def test_documents_carry_intakes_identity(db) -> None:
    rows = db.execute(
        "SELECT source_file, entity_name, entity_type, report_type, plan_volume, plan_first_year, plan_last_year"
        " FROM raw.documents ORDER BY source_file"
    ).fetchall()
    assert rows == [
        (ANTWERPEN.name, "Provincie Antwerpen", "provincie", "meerjarenplan", "volledig", 2026, 2031),
        *(
            (VOLUMES[v].name, "Provincie Oost-Vlaanderen", "provincie", "meerjarenplan", v, 2026, 2031)
            for v in ("beleidsverklaring", "documentatie")
        ),
    ]


def test_coverage_per_volume(db) -> None:
    cov = dict(
        db.execute(
            "SELECT table_kind, note FROM raw.coverage WHERE document_id = ? AND NOT expected AND NOT found",
            [_doc(db, "documentatie")],
        ).fetchall()
    )
    assert {k for k, v in cov.items() if v == "not in this volume"} == {"policy", "M1", "M2", "M3", "T1", "T2"}


def test_invariant_suites_pass(warehouse: Path, tmp_path: Path) -> None:
    summary = validate_warehouse(warehouse, docs_dir=tmp_path / "gx_docs")
    assert not summary.failed_expectations, summary.failed_expectations
    assert summary.failed_documents == [] and not summary.has_errors
    assert len(summary.documents) == 3
