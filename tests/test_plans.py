"""A jaarrekening and two real meerjarenplannen (an original plan and revision 8 of another) through `bbc ingest`
into one warehouse: the three documents' facts coexist, plan figures carry their year, plan version and column
role, the plan invariants pass, and the plan key figures and the realised-versus-plan query work.

Expected values are read off the printed pages (tests/data/real/README.md lists some of them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.test_queries import CHECKS, load_queries, run

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "samples" / "jaarrekening-2024-agb-genk.txt"
LIMBURG = REPO / "tests" / "data" / "real" / "provincie-limburg-mjp-2026-herziening-8.pdf"
ANTWERPEN = REPO / "tests" / "data" / "real" / "provincie-antwerpen-mjp-2026-2031.pdf"
D = Decimal
COMPARE = "How do a jaarrekening's realised figures compare with the plan figures of the same entity and year?"


@pytest.fixture(scope="module")
def ingest(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    tmp = tmp_path_factory.mktemp("plans")
    warehouse = tmp / "warehouse.duckdb"
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "BBC_WAREHOUSE")}
    env["BBC_DATA_DIR"] = str(tmp / "data")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    bbc = Path(sys.executable).parent / "bbc"
    proc = subprocess.run(
        [str(bbc), "ingest", "--warehouse", str(warehouse), str(SAMPLE), str(LIMBURG), str(ANTWERPEN)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=1200,
    )
    return warehouse, proc


@pytest.fixture(scope="module")
def db(ingest):
    warehouse, _ = ingest
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def _doc(db, pattern: str) -> str:
    return db.execute("SELECT document_id FROM raw.documents WHERE source_file LIKE ?", [pattern]).fetchone()[0]


def test_bbc_ingest_identifies_the_three_documents(ingest) -> None:
    _, proc = ingest
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    out = proc.stdout
    assert re.search(r"AGB Genk \(0872093742\) jaarrekening 2024  pages=264  loaded", out)  # numbered up to 264
    assert re.search(
        r"Provincie Limburg \(0207725203\) meerjarenplan \(herziening 8, 2026-2031\) 2026  pages=153  loaded", out
    )
    assert re.search(
        r"Provincie Antwerpen \(0207725597\) meerjarenplan \(origineel, 2026-2031\) 2026  pages=51  loaded", out
    )
    assert "3 document(s): 3 accepted, 0 rejected or failed" in out
    assert "invariants: 3 document(s) passed, 0 failed and not published" in out


def test_documents_and_their_plan_identity(db) -> None:
    rows = db.execute(
        "SELECT entity_name, kbo_number, report_type, fiscal_year, plan_version, plan_first_year, plan_last_year,"
        " status FROM raw.documents ORDER BY entity_name"
    ).fetchall()
    assert rows == [
        ("AGB Genk", "0872093742", "jaarrekening", 2024, None, None, None, "loaded"),
        ("Provincie Antwerpen", "0207725597", "meerjarenplan", 2026, "origineel", 2026, 2031, "loaded"),
        ("Provincie Limburg", "0207725203", "meerjarenplan", 2026, "herziening 8", 2026, 2031, "loaded"),
    ]
    published = db.execute(
        "SELECT report_type, plan_version, is_published, invariant_errors FROM marts.dim_document ORDER BY 1, 2"
    ).fetchall()
    assert published == [
        ("jaarrekening", None, True, 0),
        ("meerjarenplan", "herziening 8", True, 0),
        ("meerjarenplan", "origineel", True, 0),
    ]


def test_plan_coverage(db) -> None:
    for doc in (_doc(db, "%limburg%"), _doc(db, "%antwerpen%")):
        cov = {
            r[0]: r[1:]
            for r in db.execute(
                "SELECT table_kind, expected, found, row_count > 0, unattributed_lines, note FROM raw.coverage"
                " WHERE document_id = ?",
                [doc],
            ).fetchall()
        }
        for kind in ("policy", "M1", "M2", "M3", "T1", "T2"):
            assert cov[kind] == (True, True, True, 0, None), (kind, cov[kind])
        # a plan's T3 is its financial-debt schema, read by the T4 parser
        assert cov["T3"][:2] == (False, True) and cov["T3"][4] == "read as T4: Evolutie van de financiële schulden"
        assert cov["T4"][1:4] == (True, True, 0)
        assert cov["J4"][:2] == (False, False)


def test_antwerpen_m2_series_in_the_facts(db) -> None:
    doc = _doc(db, "%antwerpen%")
    series = db.execute(
        "SELECT year, amount FROM marts.fct_financial_equilibrium WHERE document_id = ? AND source_table = 'M2'"
        " AND line_path = 'budgettair_resultaat.I' AND column_role = 'plan' AND phase = 'meerjarenplan'"
        " ORDER BY year",
        [doc],
    ).fetchall()
    assert series == [
        (2026, D("32161531.00")),
        (2027, D("32118964.00")),
        (2028, D("31773045.00")),
        (2029, D("31458529.00")),
        (2030, D("30344969.00")),
        (2031, D("30709134.00")),
    ]
    row = db.execute(
        "SELECT report_type, plan_version, page_no FROM marts.fct_financial_equilibrium WHERE document_id = ?"
        " AND line_path = 'budgettair_resultaat.IX' AND year = 2031",
        [doc],
    ).fetchone()
    assert row == ("meerjarenplan", "origineel", 26)


def test_plan_key_figures(db) -> None:
    rows = db.execute(
        "SELECT plan_year, column_role, exploitatiesaldo, budgettair_resultaat, beschikbaar_budgettair_resultaat,"
        " autofinancieringsmarge, gecorrigeerde_autofinancieringsmarge FROM marts.mart_plan_key_figures"
        " WHERE entity_id = '0207725597' ORDER BY plan_year"
    ).fetchall()
    assert [r[0] for r in rows] == list(range(2026, 2032))
    assert rows[0] == (2026, "plan", D("32161531"), D("-8589951"), D("54694452"), D("22946531"), D("29832731"))
    assert rows[-1] == (2031, "plan", D("30709134"), D("-11847766"), D("13590120"), D("26209134"), D("27469134"))
    # Limburg revision 8: the Nieuw column (M2(W) p32: I. 12.608.793 -1.723.449 10.885.344; IX 42.156.256)
    limburg = db.execute(
        "SELECT plan_version, column_role, exploitatiesaldo, budgettair_resultaat, beschikbaar_budgettair_resultaat"
        " FROM marts.mart_plan_key_figures WHERE entity_id = '0207725203' AND plan_year = 2026"
    ).fetchone()
    assert limburg == ("herziening 8", "nieuw", D("10885344"), D("-4630900"), D("42156256"))
    assert db.execute("SELECT count(*) FROM marts.mart_plan_key_figures").fetchone()[0] == 12
    assert db.execute("SELECT count(*) FROM marts.mart_key_figures").fetchone()[0] == 1  # the jaarrekening


def test_revision_columns_and_their_identity(db) -> None:
    doc = _doc(db, "%limburg%")
    cells = db.execute(
        "SELECT column_role, amount FROM marts.fct_financial_equilibrium WHERE document_id = ?"
        " AND line_path = 'budgettair_resultaat.I' AND year = 2026 ORDER BY column_role",
        [doc],
    ).fetchall()
    assert cells == [("nieuw", D("10885344.00")), ("referentie", D("12608793.00")), ("wijziging", D("-1723449.00"))]
    m3 = db.execute(
        "SELECT direction, column_role, amount FROM marts.fct_credit_realisation WHERE document_id = ?"
        " AND source_table = 'M3' AND line_path = 'exploitatie' AND year = 2026 ORDER BY 1, 2",
        [doc],
    ).fetchall()
    assert m3 == [
        ("ontvangsten", "nieuw", D("258189615.00")),
        ("ontvangsten", "referentie", D("255953118.00")),
        ("ontvangsten", "wijziging", D("2236497.00")),
        ("uitgaven", "nieuw", D("247304270.00")),
        ("uitgaven", "referentie", D("243344325.00")),
        ("uitgaven", "wijziging", D("3959945.00")),
    ]
    m1 = db.execute(
        "SELECT column_role, amount FROM marts.fct_policy_budget WHERE document_id = ? AND source_table = 'M1'"
        " AND policy_code = 'BD000003' AND direction = 'uitgaven' AND year = 2031 ORDER BY 1",
        [doc],
    ).fetchall()
    assert m1 == [("nieuw", D("108355958.00")), ("referentie", D("106784273.00")), ("wijziging", D("1571685.00"))]
    status = dict(
        db.execute(
            "SELECT status, count(*) FROM marts.audit_invariants WHERE document_id = ? AND group_name = 'Plan revision'"
            " GROUP BY status",
            [doc],
        ).fetchall()
    )
    assert status == {"ok": 1080}


def test_plan_invariant_groups_pass(db) -> None:
    groups = dict(
        db.execute(
            "SELECT d.source_file || ' ' || a.group_name, count(*) FROM marts.audit_invariants a"
            " JOIN raw.documents d USING (document_id) WHERE d.report_type = 'meerjarenplan' AND a.status = 'ok'"
            " AND a.group_name IN ('M1', 'M2', 'M3xM2', 'M1xM2') GROUP BY 1"
        ).fetchall()
    )
    assert groups == {
        f"{LIMBURG.name} M1": 36,
        f"{LIMBURG.name} M2": 360,
        f"{LIMBURG.name} M3xM2": 18,
        f"{LIMBURG.name} M1xM2": 36,
        f"{ANTWERPEN.name} M1": 12,
        f"{ANTWERPEN.name} M2": 102,
        f"{ANTWERPEN.name} M3xM2": 6,
        f"{ANTWERPEN.name} M1xM2": 12,
    }
    assert db.execute("SELECT count(*) FROM marts.audit_invariants WHERE status = 'error'").fetchone()[0] == 0


def test_furniture_is_stored_and_never_parsed(db) -> None:
    doc = _doc(db, "%limburg%")
    per_kind = dict(
        db.execute(
            "SELECT furniture, count(*) FROM raw.lines WHERE document_id = ? AND furniture IS NOT NULL GROUP BY 1",
            [doc],
        ).fetchall()
    )
    assert sum(per_kind.values()) == 479 and set(per_kind) <= {"running_header", "running_footer", "page_counter"}
    # no amount of any table was read from a furniture line
    for table in ("m1_financieel_doelstellingenplan", "m2_financieel_evenwicht", "t2_economische_aard"):
        hits = db.execute(
            f"SELECT count(*) FROM raw.{table} t JOIN raw.lines l USING (document_id, page_no, line_no)"
            " WHERE l.furniture IS NOT NULL"
        ).fetchone()[0]
        assert hits == 0, table
    quality = dict(db.execute("SELECT key, value FROM raw.document_metadata WHERE document_id = ?", [doc]).fetchall())
    assert quality["readable_page_share"] == "1.0" and float(quality["labelled_amount_share"]) > 0.95


def test_jaarrekening_queries_unchanged_beside_plans(db) -> None:
    """Every analyst query gives the same answer for the jaarrekening with two plans in the warehouse."""
    for question, sql in load_queries().items():
        CHECKS[question](run(db, sql))


def test_realised_versus_plan_query(ingest, tmp_path) -> None:
    """The comparison pairs a jaarrekening with the latest plan of its entity and year. The bundled plans are of
    other entities, so a copy of the warehouse presents the jaarrekening's key figures as Antwerpen's of 2026."""
    warehouse, _ = ingest
    sql = load_queries()[COMPARE]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert run(con, sql) == []
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE marts.mart_key_figures SET entity_id = '0207725597', fiscal_year = 2026")
        rows = run(con, sql)
    assert [(r["figure"], r["realised"], r["planned"], r["difference"]) for r in rows] == [
        ("autofinancieringsmarge", D("-268958.00"), D("22946531.00"), D("-23215489.00")),
        ("beschikbaar_budgettair_resultaat", D("-1128285.00"), D("54694452.00"), D("-55822737.00")),
        ("budgettair_resultaat", D("-326744.00"), D("-8589951.00"), D("8263207.00")),
        ("exploitatiesaldo", D("-38729.00"), D("32161531.00"), D("-32200260.00")),
        ("gecorrigeerde_autofinancieringsmarge", D("-1047853.00"), D("29832731.00"), D("-30880584.00")),
    ]
    assert {(r["entity_name"], r["year"], r["plan_version"]) for r in rows} == {
        ("Provincie Antwerpen", 2026, "origineel")
    }
    assert rows[2]["realised_pct_of_plan"] == D("3.8")


def test_plan_debt_schema(db) -> None:
    """A plan's T3 (evolutie van de financiële schulden) is read as T4: A 1 januari, B nieuwe leningen,
    C aflossingen, D 31 december; D = A + B - C and A = D of the year before hold in every column."""
    antwerpen = db.execute(
        "SELECT year, amount FROM marts.fct_financial_debt WHERE report_type = 'meerjarenplan'"
        " AND plan_version = 'origineel' AND line_path = 'D' AND column_role = 'plan' ORDER BY year"
    ).fetchall()  # Antwerpen T3, p35: D. Financiële schulden op 31 december (A+B-C)
    assert antwerpen == [
        (2026, D("19895000.00")),
        (2027, D("10680000.00")),
        (2028, D("18940000.00")),
        (2029, D("28500000.00")),
        (2030, D("40500000.00")),
        (2031, D("51000000.00")),
    ]
    limburg = db.execute(
        "SELECT column_role, amount FROM marts.fct_financial_debt WHERE plan_version = 'herziening 8'"
        " AND line_path = 'A' AND year = 2030 ORDER BY column_role"
    ).fetchall()  # Limburg T3(W), p58: A. Financiële schulden op 1 januari 200.549.084 -47.695.542 152.853.541
    assert limburg == [
        ("nieuw", D("152853541.00")),
        ("referentie", D("200549084.00")),
        ("wijziging", D("-47695542.00")),
    ]
    debt = dict(
        db.execute(
            "SELECT plan_year, financial_debt_total FROM marts.mart_plan_key_figures WHERE entity_id = '0207725203'"
        ).fetchall()
    )
    assert debt[2031] == D("134655484.00")  # D nieuw 2031 (p58: 182.655.484 -48.000.000 134.655.484)
    checks = db.execute(
        "SELECT a.status, count(*) FROM marts.audit_invariants a JOIN raw.documents d USING (document_id)"
        " WHERE d.report_type = 'meerjarenplan' AND a.group_name = 'T4'"
        " AND (a.identity LIKE 'T4 D = A + B - C%' OR a.identity LIKE 'T4 A (1 januari)%') GROUP BY 1"
    ).fetchall()
    assert checks == [("ok", 6 + 5 + 18 + 15)]  # D = A + B - C per column, A = D of the year before


def test_policy_item_descriptions_and_code_keys(db) -> None:
    """dim_policy_item carries the text printed under a plan item's title (none where it only repeats the title)
    and a join key for every code; the inferred plan-level members (a plan name, TOTAAL) get no key."""
    antwerpen, limburg = _doc(db, "%antwerpen%"), _doc(db, "%limburg%")
    row = db.execute(
        "SELECT title, description, code_key, beleidsdomein FROM marts.dim_policy_item"
        " WHERE document_id = ? AND code = 'BDS000002'",
        [antwerpen],
    ).fetchone()
    assert row == ("GBDS We voeren een actiegericht, ambitieus klimaatbeleid uit", None, "BDS2", None)
    assert db.execute(
        "SELECT description FROM marts.dim_policy_item WHERE document_id = ? AND code = 'BD000003'", [limburg]
    ).fetchone() == (
        "Provinciebestuur managen als een slagvaardige, transparante, efficiënte en burgergerichte "
        "overheidsorganisatie.",
    )
    counts = db.execute(
        "SELECT document_id, count(description), count(code_key) FROM marts.dim_policy_item"
        " WHERE NOT is_inferred AND document_id IN (?, ?) GROUP BY 1 ORDER BY 2",
        [antwerpen, limburg],
    ).fetchall()
    assert counts == [(antwerpen, 21, 85), (limburg, 32, 107)]
    assert db.execute(
        "SELECT count(*) FROM marts.dim_policy_item WHERE is_inferred AND level = 'PLAN' AND code_key IS NOT NULL"
    ).fetchone() == (0,)
