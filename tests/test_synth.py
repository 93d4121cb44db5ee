"""The synthetic corpus: deterministic, varied, parseable back to its ground truth, and consistent.

For five seeds (different entity types and fiscal years 2020-2030) the real parsers read the
generated text and every parsed amount of every table must equal the truth file, row for row and in
both directions (nothing missing, nothing extra). The truth itself is checked against the accounting
identities of INVARIANTS.md, recomputed here from the truth rows.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipelines.extract.lines import Line, content_lines
from pipelines.extract.run import Extraction, extract_document
from pipelines.ingest.metadata import ReportIdentity, identify
from pipelines.ingest.text import text_to_lines
from pipelines.synth import SyntheticReport, generate_report, write_corpus
from pipelines.synth.__main__ import main as synth_main

SEEDS = (2, 3, 5, 6, 7)  # OCMW 2020, hulpverleningszone 2030, politiezone 2025, stad 2028, AGB 2024

AMOUNT_TABLES = {
    "J1": "j1_doelstellingenrekening",
    "J2": "j2_financieel_evenwicht",
    "J3": "j3_realisatie_kredieten",
    "J4": "j4_balans",
    "J5": "j5_opbrengsten_kosten",
    "T1": "t1_functionele_aard",
    "T2": "t2_economische_aard",
    "T4": "t4_financiele_schulden",
}
# free-text cells of the credit transfers: the parser rejoins wrapped lines by heuristics and
# documents that an unattested mid-word break keeps a wrong space ("Welz" + "ijn en zorg"), so
# these are compared without whitespace; codes and amounts are compared exactly
TRANSFER_TEXTS = {"bd_title", "ap_title", "ac_title", "raming_text", "budget_code_description", "change_text"}


# --- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def reports() -> dict[int, SyntheticReport]:
    return {seed: generate_report(seed) for seed in SEEDS}


@pytest.fixture(scope="module")
def parsed(reports: dict[int, SyntheticReport]) -> dict[int, tuple[ReportIdentity, Extraction]]:
    out = {}
    for seed, report in reports.items():
        lines = content_lines(text_to_lines(report.text))
        fiscal_year = report.truth["document"]["fiscal_year"]
        out[seed] = (identify(lines), extract_document(lines, fiscal_year, "jaarrekening"))
    return out


# --- comparison helpers -----------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat()  # dates


def _rows(objects: list[Any], keys: list[str], squash: set[str] = frozenset()) -> Counter:
    """Parsed rows as a multiset of tuples of the truth's keys."""
    return Counter(tuple(_squash(k, _plain(getattr(obj, k)), squash) for k in keys) for obj in objects)


def _truth_rows(rows: list[dict[str, Any]], keys: list[str], squash: set[str] = frozenset()) -> Counter:
    return Counter(tuple(_squash(k, row[k], squash) for k in keys) for row in rows)


def _squash(key: str, value: Any, squash: set[str]) -> Any:
    return "".join(value.split()) if key in squash and isinstance(value, str) else value


def _assert_same(name: str, got: Counter, want: Counter) -> None:
    extra, missing = got - want, want - got
    assert not extra and not missing, (
        f"{name}: {sum(extra.values())} parsed rows not in the truth, e.g. {list(extra)[:3]}; "
        f"{sum(missing.values())} truth rows not parsed, e.g. {list(missing)[:3]}"
    )


def _keys(rows: list[dict[str, Any]], drop: tuple[str, ...] = ()) -> list[str]:
    return [k for k in rows[0] if k not in drop]


# --- determinism and variety ------------------------------------------------------------------
def test_same_seed_gives_the_same_bytes() -> None:
    a, b = generate_report(11), generate_report(11)
    assert a.text == b.text
    assert json.dumps(a.truth, sort_keys=True) == json.dumps(b.truth, sort_keys=True)
    assert a.name == b.name == "jaarrekening-2027-politiezone-meergem-terbeek-s11"
    assert generate_report(12).text != a.text


def test_seeds_vary_entities_years_and_sizes() -> None:
    truths = [generate_report(seed).truth for seed in range(24)]
    docs = [t["document"] for t in truths]
    assert len({d["entity_type"] for d in docs}) >= 6
    assert len({d["fiscal_year"] for d in docs}) >= 8
    assert all(2020 <= d["fiscal_year"] <= 2030 for d in docs)
    assert len({d["entity_name"] for d in docs}) == 24
    for d in docs:  # valid-looking KBO numbers: 0 + 7 digits + mod-97 check digits
        kbo = d["kbo_number"]
        assert len(kbo) == 10 and kbo[0] == "0" and int(kbo[8:]) == 97 - int(kbo[:8]) % 97
    bd_counts = {sum(1 for i in t["policy_items"] if i["level"] == "BD") for t in truths}
    assert min(bd_counts) == 2 and max(bd_counts) >= 13
    j4_rows = {len(t["J4"]) for t in truths}  # zero rows omitted differently per report
    assert len(j4_rows) >= 5
    statuses = Counter(i["evaluation_status"] for t in truths for i in t["policy_items"])
    assert set(statuses) == {"op_schema", "behaald", "achter_schema", "niet_opgestart", "geen"}


def test_overrides_are_honoured() -> None:
    report = generate_report(5, entity_name="OCMW Voorbeeld", kbo="0212.345.678", fiscal_year=2021, n_bd=3)
    assert report.truth["document"] == {
        "entity_name": "OCMW Voorbeeld",
        "kbo_number": "0212345678",
        "entity_type": "OCMW",
        "report_type": "jaarrekening",
        "fiscal_year": 2021,
    }
    assert [i["code"] for i in report.truth["policy_items"] if i["level"] == "BD"] == [
        "BD000001",
        "BD000002",
        "BD000003",
    ]
    assert "OCMW Voorbeeld (0212.345.678) 1 / " in report.text
    assert "JAARREKENING ORIGINEEL 2021 : Balans 2021" in report.text
    identity = identify(content_lines(text_to_lines(report.text)))
    assert (identity.entity_name, identity.kbo_number, identity.fiscal_year) == (
        "OCMW Voorbeeld",
        "0212345678",
        2021,
    )
    with pytest.raises(ValueError):
        generate_report(1, fiscal_year=2019)
    with pytest.raises(ValueError):
        generate_report(1, entity_type="kerkfabriek")


def test_layout_has_the_sample_artefacts(reports: dict[int, SyntheticReport]) -> None:
    report = reports[7]
    text, year = report.text, report.truth["document"]["fiscal_year"]
    entity = report.truth["document"]["entity_name"]
    lines = text.split("\n")
    assert lines[0] == " Beleidsevaluatie"
    for schema in ("Beleidsevaluatie", "Doelstellingenrekening", "Balans", "Staat van opbrengsten en kosten"):
        assert f"JAARREKENING ORIGINEEL {year} : {schema} {year}" in lines
    assert any(line.startswith(f"{entity} (0") and line.endswith(" / 2") for line in lines)  # J4: 2 pages
    assert sum(1 for line in lines if line.isdigit()) >= 5  # bare PDF page numbers
    assert sum(1 for line in lines if line.startswith(" ") and line[1:2].strip()) >= 10  # page starts
    assert "B. Financiële schulden op lange termijn die" in lines and "binnen het jaar vervallen" in lines
    assert " SCHEMA T3 " in lines and not any(line.startswith("T3:") for line in lines)
    assert lines.count("DEBET CREDIT SALDO") == 3
    assert any(line.startswith(f"{entity} I U BD") for line in lines)
    assert any(line.startswith(f"{entity} F O BD") for line in lines)
    assert "Meerjarenplan Meerjarenplan" in lines  # T2's continuation block
    assert lines.count(f"Overdracht naar {year + 1}") == len(report.truth["credit_transfers"])


def test_generation_is_fast() -> None:
    start = time.perf_counter()
    for seed in range(10):
        generate_report(seed, n_bd=15)
    assert (time.perf_counter() - start) / 10 < 0.5


# --- the parsers read back the truth ----------------------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_identity_is_recognised(seed: int, reports, parsed) -> None:
    identity = parsed[seed][0]
    got = {
        k: getattr(identity, k)
        for k in ("entity_name", "kbo_number", "entity_type", "report_type", "fiscal_year")
    }
    assert got == reports[seed].truth["document"]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_schema_amount_matches_the_truth(seed: int, reports, parsed) -> None:
    truth, extraction = reports[seed].truth, parsed[seed][1]
    assert extraction.errors == {}
    for kind, table in AMOUNT_TABLES.items():
        assert truth[kind], kind
        keys = _keys(truth[kind])
        _assert_same(kind, _rows(extraction.tables[table], keys), _truth_rows(truth[kind], keys))


@pytest.mark.parametrize("seed", SEEDS)
def test_policy_items_and_budgets_match_the_truth(seed: int, reports, parsed) -> None:
    truth, extraction = reports[seed].truth, parsed[seed][1]
    for name in ("policy_items", "policy_budgets"):
        keys = _keys(truth[name])
        _assert_same(name, _rows(extraction.tables[name], keys), _truth_rows(truth[name], keys))
    assert "unknown_status_phrases" not in extraction.metadata


@pytest.mark.parametrize("seed", SEEDS)
def test_participations_and_off_balance_match_the_truth(seed: int, reports, parsed) -> None:
    truth, extraction = reports[seed].truth, parsed[seed][1]
    keys = _keys(truth["participations"])
    _assert_same(
        "participations",
        _rows(extraction.tables["participations"], keys),
        _truth_rows(truth["participations"], keys),
    )
    keys = _keys(truth["off_balance"], drop=("chart_label",))
    _assert_same(
        "off_balance", _rows(extraction.tables["off_balance"], keys), _truth_rows(truth["off_balance"], keys)
    )
    assert [lab.label for lab in extraction.tables["off_balance_labels"]] == truth["off_balance_labels"]


@pytest.mark.parametrize("seed", SEEDS)
def test_credit_transfers_match_the_truth(seed: int, reports, parsed) -> None:
    truth, extraction = reports[seed].truth, parsed[seed][1]
    keys = _keys(truth["credit_transfers"])
    _assert_same(
        "credit_transfers",
        _rows(extraction.tables["credit_transfers"], keys, TRANSFER_TEXTS),
        _truth_rows(truth["credit_transfers"], keys, TRANSFER_TEXTS),
    )
    keys = _keys(truth["credit_transfer_totals"])
    _assert_same(
        "credit_transfer_totals",
        _rows(extraction.tables["credit_transfer_totals"], keys),
        _truth_rows(truth["credit_transfer_totals"], keys),
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_no_amount_is_left_unattributed(seed: int, parsed) -> None:
    coverage = {c.table_kind: c for c in parsed[seed][1].coverage}
    assert {k: c.unattributed_lines for k, c in coverage.items() if c.unattributed_lines} == {}
    assert [k for k, c in coverage.items() if c.expected and not c.found] == []
    assert coverage["T3"].note == "absent"


# --- the truth satisfies the accounting identities --------------------------------------------
def _amounts(rows: list[dict[str, Any]], *keys: str) -> dict[tuple, Decimal]:
    return {tuple(row[k] for k in keys): Decimal(row["amount"]) for row in rows}


def _children_sum(values: dict[tuple, Decimal], parent: str, column: tuple) -> Decimal:
    depth = parent.count(".") + 1
    return sum(
        (
            v
            for (path, *col), v in values.items()
            if tuple(col) == column and path.startswith(parent + ".") and path.count(".") == depth
        ),
        Decimal(0),
    )


def _assert_parents_are_sums(
    values: dict[tuple, Decimal], paths: set[str], skip: tuple[str, ...] = ()
) -> None:
    columns = {tuple(key[1:]) for key in values}
    for path in paths:
        children = [p for p in paths if p.startswith(path + ".") and p.count(".") == path.count(".") + 1]
        if not children or path.startswith(skip):
            continue
        for column in columns:
            if (path, *column) in values:
                assert values[(path, *column)] == _children_sum(values, path, column), (path, column)


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_policy_j1_j2_j3_identities(seed: int, reports) -> None:
    t = reports[seed].truth
    year = t["document"]["fiscal_year"]
    budgets = defaultdict(Decimal)
    for row in t["policy_budgets"]:
        budgets[
            (row["policy_level"], row["policy_code"], row["budget_kind"], row["direction"], row["phase"])
        ] += Decimal(row["amount"])
    items = t["policy_items"]
    children = defaultdict(list)
    for item in items:
        if item["parent_code"]:
            children[item["parent_code"]].append(item)
    plan_code = next(k[1] for k in budgets if k[0] == "PLAN")
    kinds, dirs = ("exploitatie", "investeringen", "financiering"), ("uitgaven", "ontvangsten", "saldo")
    phases = ("jaarrekening", "eindkrediet", "initieel_krediet")
    bds = [i for i in items if i["level"] == "BD"]
    for kind in kinds:
        for d in dirs:
            for ph in phases:
                cell = (kind, d, ph)
                assert budgets[("PLAN", plan_code, *cell)] == sum(
                    budgets[("BD", b["code"], *cell)] for b in bds
                )
                for parent in (i for i in items if i["level"] in ("BD", "AP")):
                    kids = children[parent["code"]]
                    assert budgets[(parent["level"], parent["code"], *cell)] == sum(
                        budgets[(k["level"], k["code"], *cell)] for k in kids
                    )
            for level, code in [("PLAN", plan_code)] + [(i["level"], i["code"]) for i in items]:
                for ph in phases:
                    assert budgets[(level, code, kind, "saldo", ph)] == (
                        budgets[(level, code, kind, "ontvangsten", ph)]
                        - budgets[(level, code, kind, "uitgaven", ph)]
                    )
    # J1 per BD = the BD policy tables; J1 Totaal = the plan = J3
    j1 = _amounts(t["J1"], "policy_code", "budget_kind", "direction", "phase")
    j3 = _amounts(t["J3"], "line_path", "direction", "phase")
    for code, level in [(b["code"], "BD") for b in bds] + [("TOTAAL", "PLAN")]:
        source = plan_code if level == "PLAN" else code
        for kind in kinds:
            for d in dirs:
                for phase, policy_phase in (
                    ("jaarrekening", "jaarrekening"),
                    ("meerjarenplan", "eindkrediet"),
                ):
                    assert (
                        j1.get((code, kind, d, phase), 0) == budgets[(level, source, kind, d, policy_phase)]
                    )
    for kind in kinds:
        for d in ("uitgaven", "ontvangsten"):
            for phase in phases:
                assert j3[(kind, d, phase)] == budgets[("PLAN", plan_code, kind, d, phase)]
            assert (
                j3[("financiering.leningen_en_leasings", d, "jaarrekening")]
                == j3[("financiering", d, "jaarrekening")]
            )
    # J2
    j2 = _amounts(t["J2"], "line_path", "phase")
    for ph in ("jaarrekening", "meerjarenplan"):

        def v(path: str, ph: str = ph) -> Decimal:
            return j2[(path, ph)]

        br = "budgettair_resultaat"
        for numeral, kind in (("I", "exploitatie"), ("II", "investeringen"), ("IV", "financiering")):
            assert v(f"{br}.{numeral}") == v(f"{br}.{numeral}.a") - v(f"{br}.{numeral}.b")
            policy_phase = "jaarrekening" if ph == "jaarrekening" else "eindkrediet"
            assert v(f"{br}.{numeral}.a") == budgets[("PLAN", plan_code, kind, "ontvangsten", policy_phase)]
        assert v(f"{br}.III") == v(f"{br}.I") + v(f"{br}.II")
        assert v(f"{br}.V") == v(f"{br}.III") + v(f"{br}.IV")
        assert v(f"{br}.VII") == v(f"{br}.V") + v(f"{br}.VI") == v(f"{br}.IX")
        afm, gafm = "autofinancieringsmarge", "gecorrigeerde_autofinancieringsmarge"
        assert v(f"{afm}.I") == v(f"{br}.I") and v(f"{afm}.II.a") == v(f"{br}.IV.b")
        assert v(f"{afm}.III") == v(f"{afm}.I") - v(f"{afm}.II") and v(f"{afm}.II") == v(f"{afm}.II.a") - v(
            f"{afm}.II.b"
        )
        assert v(f"{gafm}.I") == v(f"{afm}.III") and v(f"{gafm}.II") == v(f"{gafm}.II.a") - v(f"{gafm}.II.b")
        assert v(f"{gafm}.III") == v(f"{gafm}.I") + v(f"{gafm}.II")
        cons = "geconsolideerd_financieel_evenwicht"
        assert (v(f"{cons}.I.totaal"), v(f"{cons}.II.totaal"), v(f"{cons}.III.totaal")) == (
            v(f"{br}.IX"),
            v(f"{afm}.III"),
            v(f"{gafm}.III"),
        )
    assert t["key_figures"]["exploitatiesaldo"] == str(j2[("budgettair_resultaat.I", "jaarrekening")])
    assert all(row["year"] == year for row in t["J1"] + t["J2"] + t["J3"] + t["policy_budgets"])


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_balance_and_schedule_identities(seed: int, reports) -> None:
    t = reports[seed].truth
    y = t["document"]["fiscal_year"]
    j4 = _amounts(t["J4"], "line_path", "year")
    j5 = _amounts(t["J5"], "line_path", "year")
    t4 = _amounts(t["T4"], "line_path", "year")
    for year in (y, y - 1):
        assert j4[("ACTIVA", year)] == j4[("PASSIVA", year)]
        assert (
            j5[("III", year)] == j5[("II", year)] - j5[("I", year)] == j5[("IV", year)] == j5[("IV.C", year)]
        )
        assert j5[("III.A", year)] == j5[("II.A", year)] - j5[("I.A", year)]
        if ("A", year) in t4:  # T4's closings are the balance sheet's debt lines
            assert j4[("PASSIVA.I.B.1.b", year)] == t4[("A", year)]
            assert j4.get(("PASSIVA.I.A.4", year), 0) == t4[("B", year)]
            assert j4.get(("PASSIVA.I.A.1.b", year), 0) == t4.get(("C", year), 0)
    _assert_parents_are_sums(j4, {k[0] for k in j4})
    _assert_parents_are_sums(j5, {k[0] for k in j5}, skip=("III", "IV"))
    surplus = "PASSIVA.II.B"
    assert j5[("III", y)] == j4[(surplus, y)] - j4[(surplus, y - 1)]
    figures = t["key_figures"]
    assert (figures["balance_total"], figures["result_of_year"], figures["financial_debt_total"]) == (
        str(j4[("ACTIVA", y)]),
        str(j5[("III", y)]),
        str(t4[("TOTAAL", y)]),
    )
    assert figures["onbeschikbare_gelden"] is None
    # participations total = financial fixed assets
    parts = t["participations"]
    total = next(Decimal(p["amount"]) for p in parts if p["is_total"])
    assert total == sum(Decimal(p["amount"]) for p in parts if not p["is_total"]) == j4[("ACTIVA.II.B", y)]
    # T4 rolls forward
    years = sorted({k[1] for k in t4})
    for year in years:

        def v(path: str, yr: int = year) -> Decimal:
            return t4.get((path, yr), Decimal(0))

        assert v("A") == v("A.1") + v("A.2") + v("A.4")
        assert v("B") == v("B.1") + v("B.2") + v("B.3")
        assert v("TOTAAL") == v("A") + v("B") + v("C")
        assert v("A.4") == -v("B.3")
        if year + 1 in years:
            assert (v("A.1", year + 1), v("B.1", year + 1)) == (v("A"), v("B"))
    # T2: parents are sums, saldi are differences, the fiscal year's columns are J2's realisation,
    # financing equals T4; T1 per column = T2
    t2 = _amounts(t["T2"], "line_path", "year", "phase")
    _assert_parents_are_sums(t2, {k[0] for k in t2})
    columns = {(k[1], k[2]) for k in t2}

    def part(section: str, direction: str, col: tuple) -> Decimal:
        return sum(
            (
                v
                for (p, *c), v in t2.items()
                if tuple(c) == col and p.count(".") == 2 and p.startswith(f"{section}.{direction}.")
            ),
            Decimal(0),
        )

    j2 = _amounts(t["J2"], "line_path", "phase")
    for col in columns:
        saldi = {
            s: part(s, "ontvangsten", col) - part(s, "uitgaven", col)
            for s in ("exploitatie", "investeringen", "financiering")
        }
        for s, value in saldi.items():
            assert t2[(f"{s}.saldo", *col)] == value
        assert t2[("totaal.budgettair_resultaat", *col)] == sum(saldi.values())
        assert part("financiering", "uitgaven", col) == -t4[("B.2", col[0])]
        assert part("financiering", "ontvangsten", col) == t4.get(("A.2", col[0]), 0)
    for col in ((y, "jaarrekening"), (y, "meerjarenplan")):
        assert part("exploitatie", "uitgaven", col) == j2[("budgettair_resultaat.I.b", "jaarrekening")]
        assert part("investeringen", "ontvangsten", col) == j2[("budgettair_resultaat.II.a", "jaarrekening")]
        assert t2[("totaal.budgettair_resultaat", *col)] == j2[("budgettair_resultaat.V", "jaarrekening")]
    t1 = defaultdict(Decimal)
    for row in t["T1"]:
        t1[(row["budget_kind"], row["direction"], row["year"], row["phase"])] += Decimal(row["amount"])
    t1_columns = {(row["year"], row["phase"]) for row in t["T1"]}
    assert (y, "meerjarenplan") in t1_columns and (y + 1, "meerjarenplan") in t1_columns
    for col in t1_columns:
        for kind in ("exploitatie", "investeringen", "financiering"):
            for direction in ("uitgaven", "ontvangsten"):
                assert t1[(kind, direction, *col)] == part(kind, direction, col)


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_off_balance_and_transfer_identities(seed: int, reports) -> None:
    t = reports[seed].truth
    accounts = [r for r in t["off_balance"] if r["row_type"] == "account"]
    by_code = {r["account_code"]: r for r in accounts}
    for row in accounts + [r for r in t["off_balance"] if r["row_type"] == "total"]:
        assert Decimal(row["saldo"]) == Decimal(row["debit"]) - Decimal(row["credit"])
    for code, row in by_code.items():
        kids = [r for r in accounts if r["parent_code"] == code]
        if kids:
            for column in ("debit", "credit", "saldo"):
                assert Decimal(row[column]) == sum(Decimal(k[column]) for k in kids), (code, column)
    total = next(r for r in t["off_balance"] if r["row_type"] == "total")
    roots = [r for r in accounts if r["parent_code"] is None]
    assert Decimal(total["debit"]) == sum(Decimal(r["debit"]) for r in roots)
    previous = next(Decimal(r["amount"]) for r in t["J2"] if r["line_path"] == "budgettair_resultaat.VI")
    assert Decimal(by_code["092"]["saldo"]).quantize(Decimal(1)) == previous  # rounded to whole euros
    assert sorted(t["off_balance_labels"]) == sorted(r["chart_label"] for r in accounts)
    # transfers: rows add up to the printed totals, and to the unused credits of the policy tables
    rows, totals = t["credit_transfers"], t["credit_transfer_totals"]
    sums = defaultdict(Decimal)
    for row in rows:
        sums[(row["budget_type"], row["direction"])] += Decimal(row["amount"])
    for total_row in totals:
        key = (total_row["budget_type"], total_row["direction"])
        expected = sums[key] if key[1] != "R" else sums[(key[0], "O")] - sums[(key[0], "U")]
        assert Decimal(total_row["amount"]) == expected, total_row
    assert len(totals) == 20  # per type: 2 directions x 2 columns, then 3 directions x 2 columns
    budgets = {
        (r["policy_code"], r["budget_kind"], r["direction"], r["phase"]): Decimal(r["amount"])
        for r in t["policy_budgets"]
    }
    per_ac = defaultdict(Decimal)
    for row in rows:
        per_ac[(row["ac_code"], row["budget_type"], row["direction"])] += Decimal(row["amount"])
    for (ac, budget_type, direction), value in per_ac.items():
        kind = "investeringen" if budget_type == "I" else "financiering"
        d = "uitgaven" if direction == "U" else "ontvangsten"
        unused = budgets.get((ac, kind, d, "eindkrediet"), 0) - budgets.get((ac, kind, d, "jaarrekening"), 0)
        assert value == unused, (ac, budget_type, direction)


# --- files, CLI and PDF ------------------------------------------------------------------------
def test_write_corpus_and_cli(tmp_path: Path) -> None:
    written = write_corpus(tmp_path / "a", 2, seed=7)
    assert [p.name for p in written] == [f"{generate_report(s).name}.txt" for s in (7, 8)]
    truth = json.loads(written[0].with_name(written[0].stem + ".truth.json").read_text(encoding="utf-8"))
    assert truth == json.loads(json.dumps(generate_report(7).truth))
    assert written[0].read_text(encoding="utf-8") == generate_report(7).text
    assert synth_main([str(tmp_path / "b"), "--count", "2", "--seed", "7"]) == 0
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(
        [p.name for p in written] + [p.stem + ".truth.json" for p in written]
    )
    assert (tmp_path / "a" / written[1].name).read_bytes() == (tmp_path / "b" / written[1].name).read_bytes()


def test_pdf_rendering_parses_to_the_same_amounts(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from pipelines.ingest.intake import read_document

    written = write_corpus(tmp_path, 1, seed=7, pdf=True)
    pdf = next(p for p in written if p.suffix == ".pdf")
    truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
    result = read_document(pdf, max_bytes=50_000_000)
    assert result.file_format == "pdf" and len(result.pages) > 20
    assert result.identity.fiscal_year == truth["document"]["fiscal_year"]
    assert result.identity.entity_name == truth["document"]["entity_name"]
    lines = content_lines([Line(s.page_no, s.line_no, s.text) for s in result.lines])
    extraction = extract_document(lines, result.identity.fiscal_year, "jaarrekening")
    for kind, table in AMOUNT_TABLES.items():
        keys = _keys(truth[kind])
        _assert_same(kind, _rows(extraction.tables[table], keys), _truth_rows(truth[kind], keys))
    keys = _keys(truth["credit_transfers"])
    _assert_same(
        "credit_transfers",
        _rows(extraction.tables["credit_transfers"], keys, TRANSFER_TEXTS),
        _truth_rows(truth["credit_transfers"], keys, TRANSFER_TEXTS),
    )
