"""The accounting invariants on the sample (marts.audit_invariants, GE suites, Dagster checks).

Expected numbers come from INVARIANTS.md (a checking script's count per group, its ROUNDING and
FAILS cases); where this project counts instances differently the difference is explained inline.
"""

from __future__ import annotations

import shutil
import warnings

import duckdb
import pytest

# instances per group on the sample. Equal to INVARIANTS.md's "checks" except:
#   J5xJ4 1 (INVARIANTS 2: its second line, delta Nettoactief = delta of its parts, is J4's rollup again)
#   J2 40 (18 per column there; here also 'Totaal... = sum of entities' per consolidated block: +3 per column,
#     and GAFM.II.a = AFM.II.a instead of GAFM.III = Exploitatiesaldo - gecorrigeerde aflossingen)
#   Policy 683 = 27 plan + 112 BD + 217 AP child-sum cells (as INVARIANTS) + 327 saldo checks over the printed
#     (table, kind, column) blocks (INVARIANTS counts 693: every table x 3 kinds x 3 columns, zeros included)
#   Policy x J1 88 printed BD cells (INVARIANTS compares 234 cells, zeros of unprinted tables included)
#   Policy x J3 18: the overall table vs J3 for all three columns (INVARIANTS: 6, Initiële kredieten only)
#   T2 216 (INVARIANTS 217: it counts the nested sub-lines of 'a. Algemene werkingssubsidies' differently)
#   T2xJ2/J3 12: INVARIANTS' 11 plus T2 periodieke aflossingen = J2 AFM II.a (INVARIANTS lists it under J2)
#   OffBalance 110: debet - credit = saldo on all 71 rows, 12 parents x 3 measures, TOTAAL x 3 (INVARIANTS
#     aggregates the all-zero parents into one line: 82)
#   Overdracht 20: every printed total of both blocks and columns (INVARIANTS: 6 + 2 Overdracht-fin)
#   Overdracht x policy 60 = INVARIANTS' 12 BD + 20 AP + 28 AC
EXPECTED_INSTANCES = {
    "J4": 34,
    "J5": 22,
    "J5xJ4": 1,
    "J2": 40,
    "J3": 6,
    "J3xJ2": 12,
    "J1": 55,
    "J1xJ3": 12,
    "J1xJ2": 6,
    "Policy": 683,
    "Policy x J1": 88,
    "Policy x J3": 18,
    "T1": 28,
    "T1xT2": 63,
    "T2": 216,
    "T2xJ2/J3": 12,
    "T2xT4": 16,
    "T4": 46,
    "T4xJ4": 6,
    "T4xJ2": 2,
    "Participaties": 2,
    "OffBalance": 110,
    "OffBalance x J2": 1,
    "Overdracht": 20,
    "Overdracht x J2": 3,
    "Overdracht x policy": 60,
}

# ok instances with a rounding difference (INVARIANTS' ROUNDING column, same groups)
EXPECTED_ROUNDING = {
    "J4": 3,
    "J5": 4,
    "J5xJ4": 1,
    "J2": 5,
    "J1": 4,
    "Policy": 24,
    "T1": 7,
    "T1xT2": 2,
    "T2": 21,
    "T4": 6,
    "OffBalance x J2": 1,
    "Overdracht x J2": 1,
    "Overdracht x policy": 31,
}

T1_DOSSIER = "MJP_HERZIENING_OVERDRACHT_2025 2025: Alg. 23501"
T2_DOSSIER = "MJP_HERZIENING_11_2025 2025: Alg. 23718"

# INVARIANTS §12: T1 vs T2 in the 2024 meerjarenplan column (7 FAILS)
T1_T2_WARNINGS = {
    "T1 exploitatie uitgaven (sum of beleidsdomeinen) = T2 [2024 MJP]": (6009810, 5655960, 353850),
    "T1 exploitatie ontvangsten (sum of beleidsdomeinen) = T2 [2024 MJP]": (6445605, 5617231, 828374),
    "T1 exploitatie saldo (sum of beleidsdomeinen) = T2 [2024 MJP]": (435795, -38729, 474524),
    "T1 investeringen ontvangsten (sum of beleidsdomeinen) = T2 [2024 MJP]": (1200291, 1053461, 146830),
    "T1 investeringen saldo (sum of beleidsdomeinen) = T2 [2024 MJP]": (89045, -57786, 146831),
    "T1 financiering uitgaven (sum of beleidsdomeinen) = T2 [2024 MJP]": (292730, 230230, 62500),
    "T1 financiering saldo (sum of beleidsdomeinen) = T2 [2024 MJP]": (-292730, -230230, -62500),
}

# INVARIANTS §16: the overdracht vs the unused credits (13 FAILS: 1 total, 1 BD, 5 AP, 6 AC)
_UNUSED = " = policy table Eindkredieten - Jaarrekening (unused credit)"
OVERDRACHT_WARNINGS = {
    "Overdracht investeringen ontvangsten = J2 budgettair_resultaat.II.a Meerjarenplan - Jaarrekening"
    " (unused credit)": -146830.54,
    "Overdracht BD000007 investeringen ontvangsten" + _UNUSED: -146830.63,
    "Overdracht AP000025 investeringen ontvangsten" + _UNUSED: 5000.73,
    "Overdracht AP000027 investeringen uitgaven" + _UNUSED: 5530.07,
    "Overdracht AP000027 investeringen ontvangsten" + _UNUSED: -141300.53,
    "Overdracht AP000029 investeringen uitgaven" + _UNUSED: -5529.78,
    "Overdracht AP000029 investeringen ontvangsten" + _UNUSED: -10529.83,
    "Overdracht AC000143 investeringen ontvangsten" + _UNUSED: 5000.42,
    "Overdracht AC000162 investeringen uitgaven" + _UNUSED: 5530.07,
    "Overdracht AC000162 investeringen ontvangsten" + _UNUSED: -141300.53,
    "Overdracht AC000170 investeringen uitgaven" + _UNUSED: -5530.74,
    "Overdracht AC000170 investeringen ontvangsten" + _UNUSED: -5530.74,
    "Overdracht AC000176 investeringen ontvangsten" + _UNUSED: -5000.09,
}


def _rows(con, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def test_instances_per_group(sample_db) -> None:
    counts = dict(_rows(sample_db, "SELECT group_name, count(*) FROM marts.audit_invariants GROUP BY 1"))
    print("\ninstances per group:", ", ".join(f"{g} {n}" for g, n in sorted(counts.items())))
    print("total:", sum(counts.values()))
    assert counts == EXPECTED_INSTANCES
    assert sum(counts.values()) == 1562


def test_no_error_and_rounding_within_tolerance(sample_db) -> None:
    statuses = dict(_rows(sample_db, "SELECT status, count(*) FROM marts.audit_invariants GROUP BY 1"))
    assert statuses == {"ok": 1542, "warning": 20}
    rounding = dict(
        _rows(
            sample_db,
            """
        SELECT group_name, count(*) FROM marts.audit_invariants
        WHERE status = 'ok' AND difference <> 0 GROUP BY 1""",
        )
    )
    assert rounding == EXPECTED_ROUNDING
    # the sample's rounding differences are all +-1 EUR (whole euros) or < 1 EUR (cents vs euros)
    assert _rows(sample_db, "SELECT max(abs_difference) FROM marts.audit_invariants WHERE status = 'ok'") == [(1,)]


def test_known_warnings_with_their_reason(sample_db) -> None:
    warnings_rows = {
        identity: (group, float(expected), float(printed), float(difference), reason)
        for identity, group, expected, printed, difference, reason in _rows(
            sample_db,
            """
            SELECT identity, group_name, expected, printed, difference, status_reason
            FROM marts.audit_invariants WHERE status = 'warning'""",
        )
    }
    assert set(warnings_rows) == set(T1_T2_WARNINGS) | set(OVERDRACHT_WARNINGS)
    for identity, (expected, printed, difference) in T1_T2_WARNINGS.items():
        group, got_expected, got_printed, got_difference, reason = warnings_rows[identity]
        assert (group, got_expected, got_printed, got_difference) == ("T1xT2", expected, printed, difference)
        assert reason == (
            f"T1 and T2 are printed from different plan dossiers: T1 from {T1_DOSSIER} (p227 l9344),"
            f" T2 from {T2_DOSSIER} (p227 l9615)"
        )
    for identity, difference in OVERDRACHT_WARNINGS.items():
        group, _, _, got_difference, reason = warnings_rows[identity]
        assert got_difference == difference
        assert T1_DOSSIER in reason and "eindkrediet - overdracht" in reason
    # the other columns of T1 vs T2 hold: the warnings are only where the dossiers differ
    assert _rows(
        sample_db,
        """
        SELECT count(*) FROM marts.audit_invariants
        WHERE group_name = 'T1xT2' AND status = 'ok' AND identity NOT LIKE '%[2024 MJP]'""",
    ) == [(54,)]


def test_instances_name_printed_computed_difference_and_lines(sample_db) -> None:
    rows = {
        r[0]: tuple(str(v) for v in r[1:])
        for r in _rows(
            sample_db,
            """
            SELECT identity, expected, printed, difference, tolerance, status, source_lines
            FROM marts.audit_invariants""",
        )
    }
    assert rows["J4 ACTIVA = PASSIVA [2024]"] == (
        "84378157.00",
        "84378157.00",
        "0.00",
        "0.00",
        "ok",
        "p227 l9040, p227 l9072",
    )
    assert rows["J4 PASSIVA.I.A = sum of children [2024]"] == (
        "3350191.00",
        "3350190.00",
        "1.00",
        "2.00",
        "ok",
        "p227 l9075, p227 l9076, p227 l9081, p227 l9082, p227 l9083",
    )
    assert rows["J5 III.A = II.A - I.A [2023]"] == (
        "-2037295.00",
        "-2037294.00",
        "-1.00",
        "1.00",
        "ok",
        "p227 l9119, p227 l9127, p227 l9141",
    )
    assert rows["J5 III = J4 PASSIVA.II.B - J4 PASSIVA.II.B of the year before [2024]"] == (
        "-596175.00",
        "-596176.00",
        "1.00",
        "1.00",
        "ok",
        "p227 l9092, p227 l9140",
    )
    assert rows["J2 budgettair_resultaat.V = III + IV [2024]"][:4] == ("-326745.00", "-326744.00", "-1.00", "1.00")
    assert rows["J1 TOTAAL exploitatie uitgaven = sum of beleidsdoelstellingen [2024]"][:3] == (
        "5655961.00",
        "5655960.00",
        "1.00",
    )
    assert rows["T4 A.1 (1 januari) = A of the year before [2025 MJP]"] == (
        "11146770.00",
        "11146770.00",
        "0.00",
        "0.00",
        "ok",
        "p229 l9667, p229 l9669",
    )
    assert rows["T4 TOTAAL = A + B + C [2024]"][:3] == ("12383825.00", "12383824.00", "1.00")
    assert rows["Participaties totaal = J4 ACTIVA.II.B [2024]"][:2] == ("15074814.00", "15074814.00")
    assert rows["OffBalance 092 debet - credit = saldo"] == (
        "-801540.67",
        "-801540.67",
        "0.00",
        "0.00",
        "ok",
        "p238 l10183",  # the third page of the off-balance table, counted on after 228
    )
    assert rows["OffBalance 092 saldo = J2 budgettair_resultaat.VI [report year]"] == (
        "-801540.67",
        "-801541.00",
        "0.33",
        "0.50",
        "ok",
        "p227 l8931, p238 l10183",
    )
    assert rows["Overdracht investeringen resultaat total #1 (MJP 2025-2025) = ontvangsten - uitgaven"][:3] == (
        "-248230.33",
        "-248230.33",
        "0.00",
    )
    # T2's nested sub-lines: 'a. Algemene werkingssubsidies' = its first sub-line, which the next details
    assert rows["T2 exploitatie.ontvangsten.A.3.a = sum of children [2024]"][:3] == ("1150000.00", "1150000.00", "0.00")
    assert rows["T2 exploitatie.ontvangsten.A.3.a.andere_algemene_werkingssubsidies = sum of children [2024]"][:3] == (
        "1150000.00",
        "1150000.00",
        "0.00",
    )


def test_tolerance_depends_on_the_rounded_amounts_involved(sample_db) -> None:
    by_terms = dict(
        _rows(
            sample_db,
            """
        SELECT term_count, max(tolerance) FROM marts.audit_invariants
        WHERE group_name NOT IN ('OffBalance', 'Overdracht', 'OffBalance x J2', 'Overdracht x J2',
                                 'Overdracht x policy')
        GROUP BY 1 HAVING term_count <= 6""",
        )
    )
    assert {n: float(t) for n, t in by_terms.items()} == {2: 0.0, 3: 1.0, 4: 1.0, 5: 2.0, 6: 2.0}
    assert _rows(
        sample_db,
        """
        SELECT DISTINCT tolerance FROM marts.audit_invariants WHERE group_name IN ('OffBalance', 'Overdracht')
    """,
    ) == [(0,)]


def test_plan_dossiers_per_schema(sample_db) -> None:
    assert _rows(
        sample_db,
        """
        SELECT table_kind, plan_dossier, line_no FROM intermediate.int_invariants__schema_dossiers
        ORDER BY table_kind""",
    ) == [("T1", T1_DOSSIER, 9344), ("T2", T2_DOSSIER, 9615), ("T4", T2_DOSSIER, 9717)]


def test_great_expectations_pass_on_the_sample(sample_warehouse, tmp_path) -> None:
    from pipelines.defs.quality import run_invariant_checks

    summary = run_invariant_checks(sample_warehouse.warehouse, tmp_path / "gx_docs")
    assert not summary.has_errors
    assert summary.failed_expectations == []
    [document] = summary.documents
    assert document.success and document.errors == [] and document.failed_expectations == []
    assert document.instances_per_group == EXPECTED_INSTANCES
    assert {w.identity for w in document.warnings} == set(T1_T2_WARNINGS) | set(OVERDRACHT_WARNINGS)
    assert document.label == "AGB Genk jaarrekening 2024"
    text = "\n".join(summary.lines())
    assert "invariants ok: 1562 checked, 0 failed, 20 warning(s)" in text
    assert (
        "warning  [T1xT2] T1 exploitatie uitgaven (sum of beleidsdomeinen) = T2 [2024 MJP]: printed 5,655,960.00,"
        " computed 6,009,810.00, difference +353,850.00 (tolerance 1.00); lines p227 l9312, p227 l9328, p227 l9374,"
        " p227 l9384; T1 and T2 are printed from different plan dossiers" in text
    )
    assert summary.docs_index == tmp_path / "gx_docs" / "index.html"
    assert (tmp_path / "gx_docs" / "expectations" / "audit_invariants.html").exists()


def test_great_expectations_report_errors_and_missing_groups(sample_warehouse, tmp_path) -> None:
    """A warehouse whose audit table has an error and lacks the J4 instances fails, naming both."""
    from pipelines.quality.runner import validate_warehouse

    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(sample_warehouse.warehouse, warehouse)
    con = duckdb.connect(str(warehouse))
    con.execute("DELETE FROM marts.audit_invariants WHERE group_name = 'J4'")
    con.execute("""
        UPDATE marts.audit_invariants SET printed = printed + 500, difference = difference - 500,
            abs_difference = abs(difference - 500), status = 'error'
        WHERE identity = 'T4 TOTAAL = A + B + C [2025 MJP]'""")
    con.close()
    summary = validate_warehouse(warehouse)
    assert summary.has_errors
    [document] = summary.documents
    errors = [(e.group_name, e.identity, e.printed, e.expected, e.difference, e.source_lines) for e in document.errors]
    assert errors == [
        (
            "T4",
            "T4 TOTAAL = A + B + C [2025 MJP]",
            12334770.0,
            12334270.0,
            -500.0,
            "p229 l9667, p229 l9678, p229 l9686, p229 l9688",
        )
    ]
    assert len(document.failed_expectations) == 1 and "J4" in document.failed_expectations[0]
    assert "invariants FAILED" in summary.lines()[0]


def test_dagster_asset_checks_on_the_sample(sample_warehouse) -> None:
    import dagster as dg

    from pipelines.defs.quality import AUDIT_INVARIANTS, SUITES_CHECK, invariant_checks
    from pipelines.defs.resources import WarehouseResource
    from pipelines.quality.groups import GROUP_NAMES, check_name

    warnings.filterwarnings("ignore")
    checks = invariant_checks()
    resource = WarehouseResource(path=str(sample_warehouse.warehouse), data_dir=str(sample_warehouse.data_dir))
    result = dg.materialize(
        [dg.AssetSpec(AUDIT_INVARIANTS), *checks],
        resources={"warehouse": resource},
        selection=dg.AssetSelection.checks_for_assets(AUDIT_INVARIANTS),
    )
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert set(evaluations) == {check_name(g) for g in GROUP_NAMES} | {SUITES_CHECK}
    assert all(spec.blocking for c in checks for spec in c.check_specs)
    warned = {name for name, e in evaluations.items() if not e.passed}
    assert warned == {"invariants_t1xt2", "invariants_overdracht_x_j2", "invariants_overdracht_x_policy"}
    assert {evaluations[n].severity for n in warned} == {dg.AssetCheckSeverity.WARN}
    assert evaluations["invariants_j4"].metadata["instances"].value == 34
    assert evaluations["invariants_t1xt2"].metadata["warnings"].value == 7
    assert evaluations[SUITES_CHECK].passed
    assert (sample_warehouse.data_dir / "gx_docs" / "index.html").exists()


@pytest.mark.parametrize("group", ["J4", "T2xJ2/J3", "Policy x J1", "Overdracht x policy"])
def test_check_names_are_dagster_names(group: str) -> None:
    from pipelines.quality.groups import check_name

    name = check_name(group)
    assert name.startswith("invariants_") and name.replace("_", "").isalnum()
