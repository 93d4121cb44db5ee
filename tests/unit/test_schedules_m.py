"""M1-M3 and the plan layouts of T1/T2 (pipelines/extract/schedules_m.py, schedules_t.py) on two real plans.

Every expected amount below is read off the printed pages (text dumps of the PDFs: page / line given
in the comments): Limburg is revision 8 of its plan (Referentie / Wijziging / Nieuw per year, years
printed in blocks that may end inside a year), Antwerpen an original plan (one column per year).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extract import run
from pipelines.extract.model import AmountRow
from pipelines.extract.schedules_j import parse_j2, parse_j3
from pipelines.extract.schedules_m import parse_m2, parse_m3, role_line, trailing_years, year_roles
from pipelines.extract.schedules_t import parse_t1, parse_t2
from pipelines.extract.sections import Section, find_sections, sections_of
from pipelines.ingest.intake import read_document
from tests.conftest import lines_from_text

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
LIMBURG = "provincie-limburg-mjp-2026-herziening-8.pdf"
ANTWERPEN = "provincie-antwerpen-mjp-2026-2031.pdf"
TABLES = {
    "M1": "m1_financieel_doelstellingenplan",
    "M2": "m2_financieel_evenwicht",
    "M3": "m3_kredieten",
    "T1": "t1_functionele_aard",
    "T2": "t2_economische_aard",
}
REVISION_ROLES = ("referentie", "wijziging", "nieuw")
PLAN_YEARS = range(2026, 2032)


@pytest.fixture(scope="module")
def plans() -> dict[str, run.Extraction]:
    out: dict[str, run.Extraction] = {}
    for name in (LIMBURG, ANTWERPEN):
        doc = read_document(REAL / name, max_bytes=200 * 2**20)
        out[name] = run.extract_document(doc.content_lines(), doc.identity.fiscal_year, doc.identity.report_type)
    return out


def rows_of(plans: dict[str, run.Extraction], name: str, kind: str) -> list[AmountRow]:
    return plans[name].tables[TABLES[kind]]


def cells(rows: list[AmountRow], path: str, year: int, direction: str | None = None) -> dict[str, Decimal]:
    """column_role -> amount of one printed row and year (exactly one cell per role)."""
    found = [r for r in rows if r.line_path == path and r.year == year]
    found = [r for r in found if direction is None or r.direction == direction]
    roles = Counter(r.column_role for r in found)
    assert roles and all(n == 1 for n in roles.values()), (path, year, direction, roles)
    return {r.column_role: r.amount for r in found}


def rwn(referentie: int, wijziging: int, nieuw: int) -> dict[str, Decimal]:
    return {"referentie": Decimal(referentie), "wijziging": Decimal(wijziging), "nieuw": Decimal(nieuw)}


def plan(amount: int) -> dict[str, Decimal]:
    return {"plan": Decimal(amount)}


# ---------------------------------------------------------------------------------------------
# column headers


def test_year_roles_block_ending_inside_a_year() -> None:
    # Limburg M1(W) p. 30: "2026 2027 2028 2029" over ten roles, then "2029 2030 2031" over eight
    first = year_roles([2026, 2027, 2028, 2029], role_line("Referentie Wijziging Nieuw " * 3 + "Referentie"))
    assert first == [(y, r) for y in (2026, 2027, 2028) for r in REVISION_ROLES] + [(2029, "referentie")]
    second = year_roles([2029, 2030, 2031], role_line("Wijziging Nieuw " + "Referentie Wijziging Nieuw " * 2))
    assert second == [(2029, "wijziging"), (2029, "nieuw")] + [(y, r) for y in (2030, 2031) for r in REVISION_ROLES]
    assert role_line("Vorig krediet Wijziging Nieuw krediet") == list(REVISION_ROLES)
    assert year_roles([2026, 2027], ["referentie", "wijziging", "nieuw"]) is None  # 2027 has no column
    assert year_roles([2026], ["referentie", "nieuw", "referentie"]) is None  # two years' roles, one year
    assert role_line("Referentie dossier: MJP_HERZIENING_OVERDRACHT_2026") is None
    assert trailing_years("Budgettair resultaat 2026 2027") == ("Budgettair resultaat", [2026, 2027])
    assert trailing_years("- APB Kamp C 1.234 2026") == ("- APB Kamp C 1.234", [2026])
    assert trailing_years("Uitgave 2026 2031") is None  # not consecutive: amounts, not a header


# ---------------------------------------------------------------------------------------------
# whole-table properties

ROW_COUNTS = {
    # printed rows x columns: Limburg M1 4 blocks x 2 directions x 18, M2 31 rows x 18, M3 6 rows x 6,
    # T1 6 rows x 18, T2 77 rows x 18; Antwerpen M1 32 direction rows x 6, M2 70 rows x 6, M3 4 x 2,
    # T1 6 x 6, T2 71 x 6
    LIMBURG: {"M1": 144, "M2": 558, "M3": 36, "T1": 108, "T2": 1386},
    ANTWERPEN: {"M1": 192, "M2": 420, "M3": 8, "T1": 36, "T2": 426},
}


@pytest.mark.parametrize("name", [LIMBURG, ANTWERPEN])
def test_row_counts(plans: dict[str, run.Extraction], name: str) -> None:
    assert {kind: len(rows_of(plans, name, kind)) for kind in TABLES} == ROW_COUNTS[name]
    assert plans[name].errors == {}


@pytest.mark.parametrize(("name", "roles"), [(LIMBURG, set(REVISION_ROLES)), (ANTWERPEN, {"plan"})])
def test_every_amount_has_plan_year_and_role(plans: dict[str, run.Extraction], name: str, roles: set[str]) -> None:
    for kind in TABLES:
        rows = rows_of(plans, name, kind)
        assert {r.table_kind for r in rows} == {kind}
        assert {r.phase for r in rows} == {"meerjarenplan"}
        assert {r.column_role for r in rows} == roles, kind
        assert {r.year for r in rows} <= set(PLAN_YEARS), kind
        keys = Counter((r.line_path, r.direction, r.year, r.column_role) for r in rows)
        assert max(keys.values()) == 1, kind  # one cell per printed row, direction, year and column
        assert all(r.page_no > 0 and r.line_no > 0 and r.amount == r.amount.quantize(Decimal("0.01")) for r in rows)
    years = {kind: Counter(r.year for r in rows_of(plans, name, kind)) for kind in ("M1", "M2", "T1", "T2")}
    for kind, per_year in years.items():  # every row is printed for every plan year
        assert sorted(per_year) == list(PLAN_YEARS) and len(set(per_year.values())) == 1, kind


def test_limburg_nieuw_is_referentie_plus_wijziging(plans: dict[str, run.Extraction]) -> None:
    triples: dict[tuple, dict[str, Decimal]] = defaultdict(dict)
    for kind in TABLES:
        for r in rows_of(plans, LIMBURG, kind):
            triples[(kind, r.line_path, r.direction, r.year)][r.column_role] = r.amount
    assert all(set(t) == set(REVISION_ROLES) for t in triples.values())
    # M1 48 + M2 186 + M3 12 (6 rows x 2 directions) + T1 36 + T2 462
    assert Counter(key[0] for key in triples) == {"M1": 48, "M2": 186, "M3": 12, "T1": 36, "T2": 462}
    off = [key for key, t in triples.items() if abs(t["nieuw"] - t["referentie"] - t["wijziging"]) > 1]
    assert off == []
    # the printed amounts are rounded separately: e.g. M1 BD000002 2026 Uitgave 62.925.604 + 1.360.390 is
    # printed as 64.285.993 (p. 30 l. 18)
    assert cells(rows_of(plans, LIMBURG, "M1"), "BD000002.uitgaven", 2026) == rwn(62925604, 1360390, 64285993)


@pytest.mark.parametrize("name", [LIMBURG, ANTWERPEN])
def test_no_plan_amount_left_unparsed(plans: dict[str, run.Extraction], name: str) -> None:
    coverage = {c.table_kind: c for c in plans[name].coverage}
    for kind in TABLES:
        assert coverage[kind].found and coverage[kind].note is None, coverage[kind]
        assert coverage[kind].unattributed_lines == 0, coverage[kind]
        assert coverage[kind].raw_table == TABLES[kind]


# ---------------------------------------------------------------------------------------------
# M1


def test_limburg_m1(plans: dict[str, run.Extraction]) -> None:
    rows = rows_of(plans, LIMBURG, "M1")
    # "Verrichtingen zonder beleidsdoelstelling (totaal)" is printed without a table (p. 31 l. 10)
    assert {r.policy_code for r in rows} == {"BD000001", "BD000002", "BD000003", "TOTAAL"}
    total = [r for r in rows if r.policy_code == "TOTAAL"]
    assert {(r.line_path, r.parent_path, r.label, r.direction) for r in total} == {
        ("TOTAAL.uitgaven", "TOTAAL", "Uitgave", "uitgaven"),
        ("TOTAAL.ontvangsten", "TOTAAL", "Ontvangst", "ontvangsten"),
    }
    # p. 31 l. 14-15 "Algemeen Totaal" 2026
    assert cells(rows, "TOTAAL.uitgaven", 2026) == rwn(354552638, 5728537, 360281175)
    assert cells(rows, "TOTAAL.ontvangsten", 2026) == rwn(356748966, -1098691, 355650275)
    # p. 31 l. 8 BD000003 2031 (second block "2029 2030 2031")
    assert cells(rows, "BD000003.uitgaven", 2031) == rwn(106784273, 1571685, 108355958)
    # 2029 is split over the two blocks: Referentie on p. 30 l. 9, Wijziging and Nieuw on l. 13
    bd1_2029 = [r for r in rows if r.line_path == "BD000001.uitgaven" and r.year == 2029]
    assert {(r.column_role, r.amount, r.line_no) for r in bd1_2029} == {
        ("referentie", Decimal(168049900), 9),
        ("wijziging", Decimal(304458), 13),
        ("nieuw", Decimal(168354358), 13),
    }
    # p. 30 l. 14 BD000001 Ontvangst 2031
    assert cells(rows, "BD000001.ontvangsten", 2031) == rwn(138201331, -214806, 137986525)


def test_antwerpen_m1(plans: dict[str, run.Extraction], antwerpen_bd_headers: list[str]) -> None:
    rows = rows_of(plans, ANTWERPEN, "M1")
    with_amounts = {f"BDS{n:06d}" for n in (5, *range(7, 25))}
    assert len(antwerpen_bd_headers) == 24  # BDS000001 … BDS000024 printed (pp. 22-25)
    assert set(antwerpen_bd_headers) - with_amounts == {"BDS000001", "BDS000002", "BDS000003", "BDS000004", "BDS000006"}
    assert {r.policy_code for r in rows} == with_amounts | {"ZONDER_BD", "TOTAAL"}
    assert {r.line_path for r in rows if r.policy_code == "BDS000007"} == {"BDS000007.uitgaven"}  # no Ontvangst
    assert [cells(rows, "BDS000005.uitgaven", y)["plan"] for y in PLAN_YEARS] == [
        Decimal(v)
        for v in (879000, 770000, 700000, 650000, 650000, 650000)  # p. 22 l. 22
    ]
    assert cells(rows, "BDS000024.ontvangsten", 2031) == plan(1439516)  # p. 25 l. 24
    assert cells(rows, "ZONDER_BD.uitgaven", 2026) == plan(195887402)  # p. 25 l. 27
    assert cells(rows, "TOTAAL.uitgaven", 2026) == plan(274336275)  # p. 25 l. 31
    assert cells(rows, "TOTAAL.ontvangsten", 2031) == plan(280945450)  # p. 25 l. 32


@pytest.fixture(scope="module")
def antwerpen_bd_headers() -> list[str]:
    doc = read_document(REAL / ANTWERPEN, max_bytes=200 * 2**20)
    return [
        cl.text.split(":", 1)[1].strip()
        for s in sections_of(doc.content_lines(), "M1")
        for cl in s.lines
        if cl.text.startswith("Beleidsdoelstelling:")
    ]


# ---------------------------------------------------------------------------------------------
# M2

J2_COMMON_PATHS = {
    "budgettair_resultaat.I",
    "budgettair_resultaat.I.a",
    "budgettair_resultaat.I.b",
    "budgettair_resultaat.II",
    "budgettair_resultaat.II.a",
    "budgettair_resultaat.II.b",
    "budgettair_resultaat.III",
    "budgettair_resultaat.IV",
    "budgettair_resultaat.IV.a",
    "budgettair_resultaat.IV.b",
    "budgettair_resultaat.V",
    "budgettair_resultaat.VI",
    "budgettair_resultaat.VII",
    "budgettair_resultaat.IX",
    "autofinancieringsmarge.I",
    "autofinancieringsmarge.II",
    "autofinancieringsmarge.II.a",
    "autofinancieringsmarge.II.b",
    "autofinancieringsmarge.III",
    "gecorrigeerde_autofinancieringsmarge.I",
    "gecorrigeerde_autofinancieringsmarge.II",
    "gecorrigeerde_autofinancieringsmarge.II.a",
    "gecorrigeerde_autofinancieringsmarge.II.b",
    "gecorrigeerde_autofinancieringsmarge.III",
    "geconsolideerd_financieel_evenwicht.I.totaal",
    "geconsolideerd_financieel_evenwicht.II.totaal",
    "geconsolideerd_financieel_evenwicht.III.totaal",
}


def test_m2_uses_the_j2_vocabulary(plans: dict[str, run.Extraction], sample_sections: dict[str, list[Section]]) -> None:
    j2 = parse_j2(sample_sections["J2"], 2024)
    assert J2_COMMON_PATHS <= {r.line_path for r in j2}
    for name in (LIMBURG, ANTWERPEN):
        rows = rows_of(plans, name, "M2")
        paths = {r.line_path for r in rows}
        assert J2_COMMON_PATHS | {"budgettair_resultaat.VI.a"} <= paths
        assert {r.section for r in rows} == {
            "budgettair_resultaat",
            "autofinancieringsmarge",
            "gecorrigeerde_autofinancieringsmarge",
            "geconsolideerd_financieel_evenwicht",
        }
        parents = {(r.line_path, r.parent_path) for r in rows}
        assert ("budgettair_resultaat.I", None) in parents
        assert ("budgettair_resultaat.VI.a", "budgettair_resultaat.VI") in parents
        assert ("geconsolideerd_financieel_evenwicht.I.provincie", "geconsolideerd_financieel_evenwicht.I") in parents


def test_antwerpen_m2(plans: dict[str, run.Extraction]) -> None:
    rows = rows_of(plans, ANTWERPEN, "M2")
    exploitatiesaldo = (32161531, 32118964, 31773045, 31458529, 30344969, 30709134)  # p. 26 l. 7
    assert [cells(rows, "budgettair_resultaat.I", y) for y in PLAN_YEARS] == [plan(v) for v in exploitatiesaldo]
    assert [cells(rows, "autofinancieringsmarge.I", y) for y in PLAN_YEARS] == [plan(v) for v in exploitatiesaldo]
    assert cells(rows, "budgettair_resultaat.IX", 2031) == plan(13590120)  # p. 26 l. 21
    assert cells(rows, "budgettair_resultaat.V", 2031) == plan(-11847766)  # p. 26 l. 17
    assert cells(rows, "budgettair_resultaat.VI.a", 2026) == plan(63284403)  # p. 26 l. 19
    assert cells(rows, "autofinancieringsmarge.III", 2026) == plan(22946531)  # p. 26 l. 27
    assert cells(rows, "gecorrigeerde_autofinancieringsmarge.III", 2026) == plan(29832731)  # p. 27 l. 6
    assert cells(rows, "gecorrigeerde_autofinancieringsmarge.II.b", 2031) == plan(3240000)  # p. 27 l. 5
    cons = "geconsolideerd_financieel_evenwicht"
    assert cells(rows, f"{cons}.I.provincie", 2031) == plan(13590120)  # p. 28 l. 3
    assert cells(rows, f"{cons}.I.apb_toerisme_provincie_antwerpen", 2026) == plan(1101248)  # p. 28 l. 5
    assert cells(rows, f"{cons}.I.totaal", 2031) == plan(43910541)  # p. 28 l. 18
    assert cells(rows, f"{cons}.II.apb_kamp_c", 2026) == plan(386913)  # p. 28 l. 33
    # III continues on p. 29 after the repeated block title
    assert cells(rows, f"{cons}.III.apb_kamp_c", 2026) == plan(386913)  # p. 29 l. 14
    assert cells(rows, f"{cons}.III.totaal", 2026) == plan(29411993)  # p. 29 l. 16
    # "- APB Documentatiecentrum Atlas" is printed without amounts under I, II and III
    assert not any("atlas" in r.line_path for r in rows)
    entities = {r.line_path for r in rows if r.line_path.startswith(f"{cons}.I.")}
    assert len(entities) == 15  # Provincie + 13 APB with amounts + totaal


def test_limburg_m2(plans: dict[str, run.Extraction]) -> None:
    rows = rows_of(plans, LIMBURG, "M2")
    assert cells(rows, "budgettair_resultaat.I", 2026) == rwn(12608793, -1723449, 10885344)  # p. 32 l. 9
    assert cells(rows, "budgettair_resultaat.I.a", 2026) == rwn(255953118, 2236497, 258189615)  # p. 32 l. 10
    # "VI. Gecumuleerd budgettair resultaat vorig <amounts>" + "boekjaar" (p. 32 l. 20-21)
    vi = [r for r in rows if r.line_path == "budgettair_resultaat.VI" and r.year == 2026]
    assert {r.label for r in vi} == {"VI. Gecumuleerd budgettair resultaat vorig boekjaar"}
    assert {(r.page_no, r.line_no) for r in vi} == {(32, 20)}
    assert cells(rows, "budgettair_resultaat.VI", 2026) == rwn(36690327, 10096829, 46787156)
    assert cells(rows, "budgettair_resultaat.V", 2029) == rwn(-1612056, -2868366, -4480422)  # p. 33 l. 13
    assert cells(rows, "budgettair_resultaat.IX", 2031) == rwn(32575074, -11428387, 21146688)  # p. 34 l. 18
    assert cells(rows, "autofinancieringsmarge.III", 2026) == rwn(7258085, -2304328, 4953756)  # p. 35 l. 7
    assert cells(rows, "autofinancieringsmarge.II.b", 2030) == rwn(723495, 217687, 941182)  # p. 35 l. 20
    iib = {r.label for r in rows if r.line_path == "gecorrigeerde_autofinancieringsmarge.II.b"}
    assert iib == {"b. Gecorrigeerde aflossingen o.b.v. de financiële schulden"}  # p. 36 l. 6-7
    assert cells(rows, "gecorrigeerde_autofinancieringsmarge.III", 2031) == rwn(14303118, 925724, 15228843)
    cons = "geconsolideerd_financieel_evenwicht"
    assert cells(rows, f"{cons}.I.provincie", 2030) == rwn(22415848, -8484111, 13931738)  # p. 37 l. 26
    # the total of I for 2030-2031 is printed on the next page, after the repeated block title (p. 38 l. 3)
    assert cells(rows, f"{cons}.I.totaal", 2031) == rwn(32575074, -11428387, 21146688)
    assert cells(rows, f"{cons}.III.totaal", 2026) == rwn(5779713, 1535672, 7315385)  # p. 37 l. 11
    assert {r.line_path for r in rows if r.section == cons} == {
        f"{cons}.{n}.{e}" for n in ("I", "II", "III") for e in ("provincie", "totaal")
    }


# ---------------------------------------------------------------------------------------------
# M3


def test_m3(plans: dict[str, run.Extraction], sample_sections: dict[str, list[Section]]) -> None:
    lim = rows_of(plans, LIMBURG, "M3")
    # p. 39 l. 11 Exploitatie: Uitgaven Vorig krediet / Wijziging / Nieuw krediet, then Ontvangsten
    assert cells(lim, "exploitatie", 2026, "uitgaven") == rwn(243344325, 3959945, 247304270)
    assert cells(lim, "exploitatie", 2026, "ontvangsten") == rwn(255953118, 2236497, 258189615)
    assert cells(lim, "investeringen", 2026, "ontvangsten") == rwn(22096648, -3349712, 18746936)  # l. 12
    assert cells(lim, "financiering.leningen_en_leasings", 2026, "ontvangsten") == rwn(78000000, 0, 78000000)
    path = "financiering.toegestane_leningen_en_betalingsuitstel"
    assert cells(lim, path, 2026, "ontvangsten") == rwn(699200, 0, 699200)  # l. 15
    path = "financiering.overige_financieringstransacties"
    assert cells(lim, path, 2026, "ontvangsten") == rwn(0, 14524, 14524)  # l. 16
    assert {(r.line_path, r.parent_path, r.budget_kind) for r in lim} == {
        ("exploitatie", None, "exploitatie"),
        ("investeringen", None, "investeringen"),
        ("financiering", None, "financiering"),
        ("financiering.leningen_en_leasings", "financiering", "financiering"),
        ("financiering.toegestane_leningen_en_betalingsuitstel", "financiering", "financiering"),
        ("financiering.overige_financieringstransacties", "financiering", "financiering"),
    }
    ant = rows_of(plans, ANTWERPEN, "M3")
    assert cells(ant, "exploitatie", 2026, "uitgaven") == plan(204700675)  # p. 30 l. 9
    assert cells(ant, "exploitatie", 2026, "ontvangsten") == plan(236862206)
    assert cells(ant, "financiering.leningen_en_leasings", 2026, "uitgaven") == plan(9215000)  # l. 12
    assert {r.section for r in lim + ant} == {"provincie"}  # "Kredieten Provincie"
    j3_paths = {r.line_path for r in parse_j3(sample_sections["J3"], 2024)}
    assert j3_paths == {r.line_path for r in ant}  # the J3 vocabulary


# ---------------------------------------------------------------------------------------------
# T1, T2 in a plan


def test_plan_t1(plans: dict[str, run.Extraction]) -> None:
    lim = rows_of(plans, LIMBURG, "T1")
    assert cells(lim, "algemeen_totaal.uitgaven", 2026) == rwn(354552638, 5728537, 360281175)  # p. 41 l. 15
    assert cells(lim, "provinciaal_beleid.ontvangsten", 2029) == rwn(171783662, -1196928, 170586734)  # l. 24
    # after the page break the repeated header "Beleidsdomein 2028 2029" continues "Algemeen totaal"
    assert cells(lim, "algemeen_totaal.ontvangsten", 2029) == rwn(300198802, -892470, 299306332)  # p. 42 l. 3
    ant = rows_of(plans, ANTWERPEN, "T1")
    assert cells(ant, "algemene_werking.ontvangsten", 2026) == plan(19301693)  # p. 31 l. 12
    assert cells(ant, "algemeen_totaal.uitgaven", 2031) == plan(292793216)  # p. 31 l. 14
    for rows in (lim, ant):
        assert {r.parent_path for r in rows} == {"algemene_financiering", "algemeen_totaal"} | (
            {"provinciaal_beleid"} if rows is lim else {"algemene_werking"}
        )
        assert {r.direction for r in rows} == {"uitgaven", "ontvangsten"}


T2_SALDO_PATHS = {
    "exploitatie.saldo",
    "investeringen.saldo",
    "financiering.saldo",
    "totaal.saldo_exploitatie_en_investeringen",
    "totaal.budgettair_resultaat",
}


def test_plan_t2(plans: dict[str, run.Extraction], sample_sections: dict[str, list[Section]]) -> None:
    assert T2_SALDO_PATHS <= {r.line_path for r in parse_t2(sample_sections["T2"], 2024)}
    lim = rows_of(plans, LIMBURG, "T2")
    assert T2_SALDO_PATHS <= {r.line_path for r in lim}
    assert cells(lim, "exploitatie.uitgaven", 2026) == rwn(243344325, 3959945, 247304270)  # p. 43 l. 8
    assert cells(lim, "exploitatie.uitgaven.A.2.g", 2031) == rwn(16674330, -21602294, -4927964)  # p. 45 l. 3
    # "- van de Vlaamse overheid" with its amounts alone on the next line (p. 46 l. 15-16)
    path = "exploitatie.ontvangsten.A.3.a.van_de_vlaamse_overheid"
    assert cells(lim, path, 2026) == rwn(6417343, 0, 6417343)
    # "1. Gemeenschapsgoederen en bedrijfsmatige materiële <amounts>" + "vaste activa" (p. 49 l. 7-8)
    b1 = [r for r in lim if r.line_path == "investeringen.uitgaven.B.1" and r.year == 2026]
    assert {r.label for r in b1} == {"1. Gemeenschapsgoederen en bedrijfsmatige materiële vaste activa"}
    assert cells(lim, "investeringen.uitgaven.B.1", 2026) == rwn(56652889, 279151, 56932040)
    assert cells(lim, "financiering.ontvangsten.F", 2026) == rwn(0, 14524, 14524)  # p. 53 l. 12
    assert cells(lim, "totaal.saldo_exploitatie_en_investeringen", 2026) == rwn(-69673509, -6841753, -76515261)
    assert cells(lim, "totaal.budgettair_resultaat", 2031) == rwn(10159226, -2944276, 7214950)  # p. 55 l. 21
    assert cells(lim, "exploitatie.saldo", 2028) == rwn(17428191, -2513081, 14915110)  # p. 55 l. 10
    ant = rows_of(plans, ANTWERPEN, "T2")
    assert T2_SALDO_PATHS <= {r.line_path for r in ant}
    assert cells(ant, "exploitatie.uitgaven", 2026) == plan(204700675)  # p. 32 l. 7 "I.Totaal …"
    assert cells(ant, "exploitatie.ontvangsten.A.2.a", 2031) == plan(184512879)  # p. 33 l. 3
    assert cells(ant, "investeringen.ontvangsten.B.1", 2027) == plan(20970000)  # p. 34 l. 2, after a page break
    assert cells(ant, "totaal.saldo_exploitatie_en_investeringen", 2029) == plan(-17020600)  # p. 34 l. 20
    assert cells(ant, "totaal.budgettair_resultaat", 2031) == plan(-11847766)  # p. 34 l. 22


def test_jaarrekening_t1_t2_have_no_column_role(sample_sections: dict[str, list[Section]]) -> None:
    for rows in (parse_t1(sample_sections["T1"], 2024), parse_t2(sample_sections["T2"], 2024)):
        assert rows and {r.column_role for r in rows} == {None}
        assert {r.phase for r in rows} == {"jaarrekening", "meerjarenplan"}


# ---------------------------------------------------------------------------------------------
# layout variants (constructed text): block title on its own line, a wrapped "- entity" label,
# several entities in M3

VARIANT = """M2: Staat van het financieel evenwicht
2027-2032
Budgettair resultaat
2027 2028
I. Exploitatiesaldo 10 20
VI. Gecumuleerd budgettair resultaat vorig 5 6
boekjaar
Geconsolideerd financieel evenwicht 2027 2028
I. Beschikbaar budgettair resultaat
- OCMW Stad met een lange naam die 1 2
doorloopt
Totaal beschikbaar budgettair resultaat 3 4
M3: Overzicht van de kredieten
2027
Uitgaven Ontvangsten
Vorig krediet Wijziging Nieuw krediet Vorig krediet Wijziging Nieuw krediet
Kredieten Gemeente
Exploitatie 1 2 3 4 5 6
Kredieten OCMW
Financiering 7 8 9 10 11 12
Leningen en leasings 7 8 9 10 11 12
"""


def test_layout_variants() -> None:
    sections = find_sections(lines_from_text(VARIANT))
    m2 = parse_m2([s for s in sections if s.kind == "M2"], None)
    assert {(r.line_path, r.label, r.year, r.column_role, int(r.amount)) for r in m2} == {
        ("budgettair_resultaat.I", "I. Exploitatiesaldo", 2027, "plan", 10),
        ("budgettair_resultaat.I", "I. Exploitatiesaldo", 2028, "plan", 20),
        ("budgettair_resultaat.VI", "VI. Gecumuleerd budgettair resultaat vorig boekjaar", 2027, "plan", 5),
        ("budgettair_resultaat.VI", "VI. Gecumuleerd budgettair resultaat vorig boekjaar", 2028, "plan", 6),
        (
            "geconsolideerd_financieel_evenwicht.I.ocmw_stad_met_een_lange_naam_die_doorloopt",
            "- OCMW Stad met een lange naam die doorloopt",
            2027,
            "plan",
            1,
        ),
        (
            "geconsolideerd_financieel_evenwicht.I.ocmw_stad_met_een_lange_naam_die_doorloopt",
            "- OCMW Stad met een lange naam die doorloopt",
            2028,
            "plan",
            2,
        ),
        ("geconsolideerd_financieel_evenwicht.I.totaal", "Totaal beschikbaar budgettair resultaat", 2027, "plan", 3),
        ("geconsolideerd_financieel_evenwicht.I.totaal", "Totaal beschikbaar budgettair resultaat", 2028, "plan", 4),
    }
    m3 = parse_m3([s for s in sections if s.kind == "M3"], None)
    assert [(r.section, r.line_path, r.direction, r.column_role, int(r.amount)) for r in m3[6:12]] == [
        ("ocmw", "ocmw.financiering", "uitgaven", "referentie", 7),
        ("ocmw", "ocmw.financiering", "uitgaven", "wijziging", 8),
        ("ocmw", "ocmw.financiering", "uitgaven", "nieuw", 9),
        ("ocmw", "ocmw.financiering", "ontvangsten", "referentie", 10),
        ("ocmw", "ocmw.financiering", "ontvangsten", "wijziging", 11),
        ("ocmw", "ocmw.financiering", "ontvangsten", "nieuw", 12),
    ]
    assert {r.line_path for r in m3} == {
        "gemeente.exploitatie",
        "ocmw.financiering",
        "ocmw.financiering.leningen_en_leasings",
    }
    assert {r.parent_path for r in m3 if r.line_path.endswith("leasings")} == {"ocmw.financiering"}
    assert {r.year for r in m3} == {2027}
