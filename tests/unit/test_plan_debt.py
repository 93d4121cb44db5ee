"""A plan's debt schema ("T3: Evolutie van de financiële schulden", "Schema T3(W): …") read by the T4 parser.

Every expected amount below is read off the printed pages (text dumps of the PDFs, page / line in the
comments): Limburg is revision 8 of its plan (Referentie / Wijziging / Nieuw per year, two years per
page, pp. 56-58), Antwerpen an original plan (one column per year 2026-2031, p. 35).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extract import run
from pipelines.extract.model import AmountRow
from pipelines.extract.schedules_t import parse_t4
from pipelines.extract.sections import Section
from pipelines.ingest.intake import read_document
from tests.conftest import lines_from_text

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
LIMBURG = "provincie-limburg-mjp-2026-herziening-8.pdf"
ANTWERPEN = "provincie-antwerpen-mjp-2026-2031.pdf"
TABLE = "t4_financiele_schulden"
REVISION_ROLES = ("referentie", "wijziging", "nieuw")
PLAN_YEARS = range(2026, 2032)
LEASING = "2. Leasingschulden en soortgelijke schulden"  # wrapped in Limburg: "… soortgelijke <amounts>" + "schulden"
CLOSING = "D. Financiële schulden op 31 december (A+B-C)"  # wrapped in Limburg: "(A+B-C)" on the next line


@pytest.fixture(scope="module")
def plans() -> dict[str, run.Extraction]:
    out: dict[str, run.Extraction] = {}
    for name in (LIMBURG, ANTWERPEN):
        doc = read_document(REAL / name, max_bytes=200 * 2**20)
        out[name] = run.extract_document(doc.content_lines(), doc.identity.fiscal_year, doc.identity.report_type)
    return out


def debt(plans: dict[str, run.Extraction], name: str) -> list[AmountRow]:
    return plans[name].tables[TABLE]


def cells(rows: list[AmountRow], path: str, year: int) -> dict[str, Decimal]:
    """column_role -> amount of one printed row and year (exactly one cell per role)."""
    found = [r for r in rows if r.line_path == path and r.year == year]
    roles = Counter(r.column_role for r in found)
    assert roles and all(n == 1 for n in roles.values()), (path, year, roles)
    return {r.column_role: r.amount for r in found}


def rwn(referentie: int, wijziging: int, nieuw: int) -> dict[str, Decimal]:
    return {"referentie": Decimal(referentie), "wijziging": Decimal(wijziging), "nieuw": Decimal(nieuw)}


def series(rows: list[AmountRow], path: str) -> list[Decimal]:
    return [cells(rows, path, year)["plan"] for year in PLAN_YEARS]


def ints(*values: int) -> list[Decimal]:
    return [Decimal(v) for v in values]


# ---------------------------------------------------------------------------------------------
# whole table

LIMBURG_PATHS = {f"{p}{s}" for p in "ABCD" for s in ("", ".2", ".3")}
ANTWERPEN_PATHS = {f"{p}{s}" for p in "ABCD" for s in ("", ".3")}  # prints no leasing rows


@pytest.mark.parametrize(
    ("name", "paths", "roles", "count"),
    [
        # 12 printed rows x 6 years x 3 roles; 8 printed rows x 6 years
        (LIMBURG, LIMBURG_PATHS, set(REVISION_ROLES), 216),
        (ANTWERPEN, ANTWERPEN_PATHS, {"plan"}, 48),
    ],
)
def test_plan_debt_rows(plans: dict[str, run.Extraction], name: str, paths: set[str], roles: set[str], count: int):
    rows = debt(plans, name)
    assert len(rows) == count and plans[name].errors == {}
    assert {r.table_kind for r in rows} == {"T4"}
    assert {r.phase for r in rows} == {"meerjarenplan"}
    assert {r.column_role for r in rows} == roles
    assert {r.line_path for r in rows} == paths
    assert {r.parent_path for r in rows if "." in r.line_path} == {"A", "B", "C", "D"}
    assert {r.parent_path for r in rows if "." not in r.line_path} == {None}
    per_year = Counter(r.year for r in rows)
    assert sorted(per_year) == list(PLAN_YEARS) and len(set(per_year.values())) == 1
    assert max(Counter((r.line_path, r.year, r.column_role) for r in rows).values()) == 1
    labels = {r.line_path: r.label for r in rows}
    assert labels["A"] == "A. Financiële schulden op 1 januari"
    assert labels["B"] == "B. Nieuwe leningen en leasings"
    assert labels["C"] == "C. Aflossingen"
    assert labels["D"] == CLOSING
    assert labels["D.3"] == "3. Schulden aan kredietinstellingen"
    if name == LIMBURG:
        assert {labels[f"{p}.2"] for p in "ABCD"} == {LEASING}


@pytest.mark.parametrize("name", [LIMBURG, ANTWERPEN])
def test_plan_debt_coverage(plans: dict[str, run.Extraction], name: str) -> None:
    coverage = {c.table_kind: c for c in plans[name].coverage}
    t4 = coverage["T4"]
    assert t4.found and t4.row_count > 0 and t4.unattributed_lines == 0 and t4.note is None, t4
    assert t4.raw_table == TABLE and not t4.expected
    t3 = coverage["T3"]  # the plan's T3 is the debt schema: not "present but not parsed"
    assert t3.found and t3.raw_table == TABLE and t3.note == "read as T4: Evolutie van de financiële schulden"
    assert [c.table_kind for c in plans[name].coverage].count("T3") == 1


def test_same_outline_vocabulary_as_the_jaarrekening(
    plans: dict[str, run.Extraction], sample_sections: dict[str, list[Section]]
) -> None:
    """The jaarrekening T4 prints other rows (A. op lange termijn … TOTAAL), keyed the same way."""
    jr = parse_t4(sample_sections["T4"], 2024)
    assert {r.line_path for r in jr} == {"A", "A.1", "A.2", "A.4", "B", "B.1", "B.2", "B.3", "C", "TOTAAL"}
    assert {r.column_role for r in jr} == {None}
    outline = re.compile(r"[A-Z](\.\d{1,2})?")
    for name in (LIMBURG, ANTWERPEN):
        assert all(outline.fullmatch(r.line_path) for r in debt(plans, name))
    # "1. Financiële schulden op 1 januari" under A in the jaarrekening, "A. … op 1 januari" in a plan
    assert {r.label for r in jr if r.line_path == "A.1"} == {"1. Financiële schulden op 1 januari"}


# ---------------------------------------------------------------------------------------------
# Limburg (revision)


def test_limburg_debt(plans: dict[str, run.Extraction]) -> None:
    rows = debt(plans, LIMBURG)
    assert cells(rows, "A", 2026) == rwn(103846679, -48000000, 55846679)  # p. 56 l. 9
    assert cells(rows, "A.2", 2026) == rwn(20469304, 0, 20469304)  # p. 56 l. 10-11
    assert cells(rows, "B", 2026) == rwn(78000000, 0, 78000000)  # p. 56 l. 13
    assert cells(rows, "D", 2027) == rwn(196701051, -48000000, 148701051)  # p. 56 l. 21-22
    assert cells(rows, "D.2", 2026) == rwn(19807085, 0, 19807085)  # p. 56 l. 23-24
    assert cells(rows, "B.2", 2029) == rwn(21814733, 304458, 22119191)  # p. 57 l. 8-9
    assert cells(rows, "D", 2029) == rwn(200549084, -47695542, 152853541)  # p. 57 l. 15-16
    assert cells(rows, "A", 2030) == rwn(200549084, -47695542, 152853541)  # p. 58 l. 3
    assert cells(rows, "A", 2031) == rwn(191422584, -48000000, 143422584)  # p. 58 l. 3
    assert cells(rows, "C", 2030) == rwn(9126500, 304458, 9430958)  # p. 58 l. 11
    assert cells(rows, "C.2", 2030) == rwn(1147596, 304458, 1452054)  # p. 58 l. 12
    assert cells(rows, "D.3", 2031) == rwn(145453644, -48000000, 97453644)  # p. 58 l. 19
    a2030 = [r for r in rows if r.line_path == "A" and r.year == 2030]
    assert {(r.page_no, r.line_no) for r in a2030} == {(58, 3)}
    d2029 = [r for r in rows if r.line_path == "D" and r.year == 2029]
    assert {(r.page_no, r.line_no, r.label) for r in d2029} == {(57, 15, CLOSING)}


def test_limburg_nieuw_is_referentie_plus_wijziging(plans: dict[str, run.Extraction]) -> None:
    triples: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
    for r in debt(plans, LIMBURG):
        triples[(r.line_path, r.year)][r.column_role] = r.amount
    assert len(triples) == 72  # 12 printed rows x 6 years
    assert all(set(t) == set(REVISION_ROLES) for t in triples.values())
    assert [k for k, t in triples.items() if abs(t["nieuw"] - t["referentie"] - t["wijziging"]) > 1] == []


@pytest.mark.parametrize("name", [LIMBURG, ANTWERPEN])
def test_debt_rolls_forward(plans: dict[str, run.Extraction], name: str) -> None:
    """Per column: D = A + B - C, each letter = the sum of its 2./3. lines, A of a year = D of the year before."""
    table: dict[tuple[str, str], dict[int, Decimal]] = defaultdict(dict)
    for r in debt(plans, name):
        table[(r.line_path, r.column_role or "")][r.year] = r.amount
    roles = {role for _, role in table}
    for role in roles:
        for year in PLAN_YEARS:
            a, b, c, d = (table[(p, role)][year] for p in "ABCD")
            assert abs(a + b - c - d) <= 1, (role, year)
            for p in "ABCD":
                parts = [table[(f"{p}.{n}", role)][year] for n in (2, 3) if (f"{p}.{n}", role) in table]
                assert abs(sum(parts) - table[(p, role)][year]) <= 1, (p, role, year)
            if year > PLAN_YEARS[0]:
                assert table[("A", role)][year] == table[("D", role)][year - 1], (role, year)


# ---------------------------------------------------------------------------------------------
# Antwerpen (original plan)


def test_antwerpen_debt(plans: dict[str, run.Extraction]) -> None:
    rows = debt(plans, ANTWERPEN)
    # p. 35 l. 7-14
    assert series(rows, "A") == ints(29110000, 19895000, 10680000, 18940000, 28500000, 40500000)
    assert series(rows, "A.3") == ints(29110000, 19895000, 10680000, 18940000, 28500000, 40500000)
    assert series(rows, "B") == ints(0, 0, 15000000, 15000000, 15000000, 15000000)
    assert series(rows, "B.3") == ints(0, 0, 15000000, 15000000, 15000000, 15000000)
    assert series(rows, "C") == ints(9215000, 9215000, 6740000, 5440000, 3000000, 4500000)
    assert series(rows, "C.3") == ints(9215000, 9215000, 6740000, 5440000, 3000000, 4500000)
    assert series(rows, "D") == ints(19895000, 10680000, 18940000, 28500000, 40500000, 51000000)
    assert series(rows, "D.3") == ints(19895000, 10680000, 18940000, 28500000, 40500000, 51000000)
    assert {(r.page_no, r.line_no) for r in rows if r.line_path == "D"} == {(35, 13)}


# ---------------------------------------------------------------------------------------------
# constructed text: another T3 is not the debt schema; the table ends at the dossier list

VARIANT = """T3: Evolutie van de financiële schulden
2027-2032
Geraamde financiële schulden 2027 2028
A. Financiële schulden op 1 januari 10 20
2. Leasingschulden en soortgelijke 1 2
schulden
3. Schulden aan kredietinstellingen 9 18
D. Financiële schulden op 31 december 20 30
(A+B-C)
Andere gebruikte dossiers op dit rapport:
MJP_ORIGINEEL 2027: Alg. 1
Lijst van projecten zonder titel
Project X 1.000 2.000
"""


def test_variant_plan_debt_and_other_t3() -> None:
    result = run.extract_document(lines_from_text(VARIANT), 2027, "meerjarenplan")
    rows = result.tables[TABLE]
    assert {(r.line_path, r.label) for r in rows} == {
        ("A", "A. Financiële schulden op 1 januari"),
        ("A.2", LEASING),
        ("A.3", "3. Schulden aan kredietinstellingen"),
        ("D", CLOSING),
    }
    assert {(r.year, r.column_role) for r in rows} == {(2027, "plan"), (2028, "plan")}
    coverage = {c.table_kind: c for c in result.coverage}
    assert coverage["T4"].row_count == 8 and coverage["T4"].unattributed_lines == 0
    other = run.extract_document(lines_from_text("T3: Overzicht investeringsprojecten\nA. Project 1 2\n"), 2027, None)
    assert other.tables.get(TABLE, []) == []
    # another T3 (investment projects) has no dedicated parser: read generically, cell by cell
    assert {c.table_kind: c.note for c in other.coverage}["T3"] == "read generically (row label x column)"
    cells = [(c.table_kind, c.label, c.column_no, c.amount) for c in other.tables["schema_cells"]]
    assert cells == [("T3", "A. Project", 1, Decimal("1")), ("T3", "A. Project", 2, Decimal("2"))]
