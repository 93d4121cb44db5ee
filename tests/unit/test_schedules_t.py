"""T1, T2, T4 and the participations table (pipelines/extract/schedules_t.py).

The expected tables below are copied from the sample report (lines 9282-9713 of
data/samples/jaarrekening-2024-agb-genk.txt); the variant tests transform the sample text the way
other renderings differ (CRLF, form feeds, blank lines, stripped lines, another entity and year,
printed zero rows, page breaks inside a table) and expect the same cells.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from pipelines.extract.model import AmountRow
from pipelines.extract.schedules_t import parse_participations, parse_t1, parse_t2, parse_t4
from pipelines.extract.sections import Section, find_sections
from tests.conftest import lines_from_text, sample_page

JR, MJP = "jaarrekening", "meerjarenplan"
T1_COLUMNS = [(2020, JR), (2021, JR), (2022, JR), (2023, JR), (2024, JR), (2024, MJP), (2025, MJP)]
T2_COLUMNS = [*T1_COLUMNS, (2026, MJP), (2027, MJP)]
T4_COLUMNS = [*[(year, JR) for year in range(2020, 2025)], (2025, MJP), (2026, MJP), (2027, MJP)]
AF, BO = "Algemene Financiering", "Beleid en organisatie"
T1_DOMAINS = {"algemene_financiering": AF, "beleid_en_organisatie": BO}
T1_LABELS = {"uitgaven": "Uitgaven", "ontvangsten": "Ontvangsten", "saldo": "Saldo"}

# fmt: off
# T1: (line_path, line_no, amounts for T1_COLUMNS)
T1_EXPECTED = [
    ("algemene_financiering.exploitatie.uitgaven", 9312,
     (258714, 264414, 278951, 394470, 442862, 462434, 444780)),
    ("algemene_financiering.exploitatie.ontvangsten", 9314,
     (275000, 275287, 500000, 850008, 1150016, 1150800, 411752)),
    ("algemene_financiering.exploitatie.saldo", 9316,
     (16286, 10873, 221049, 455537, 707154, 688366, -33028)),
    ("algemene_financiering.financiering.uitgaven", 9319,
     (118521, 121527, 124648, 127888, 230230, 292730, 299555)),
    ("algemene_financiering.financiering.ontvangsten", 9321,
     (0, 0, 0, 5000000, 0, 0, 1250000)),
    ("algemene_financiering.financiering.saldo", 9323,
     (-118521, -121527, -124648, 4872112, -230230, -292730, 950445)),
    ("beleid_en_organisatie.exploitatie.uitgaven", 9328,
     (3307720, 3358986, 4306549, 5147011, 5213098, 5547376, 5205079)),
    ("beleid_en_organisatie.exploitatie.ontvangsten", 9330,
     (2740298, 3091175, 3736739, 4166668, 4467215, 5294805, 5587755)),
    ("beleid_en_organisatie.exploitatie.saldo", 9332,
     (-567422, -267810, -569811, -980343, -745883, -252571, 382676)),
    ("beleid_en_organisatie.investeringen.uitgaven", 9335,
     (5664054, 2397400, 8874566, 1287858, 1111247, 1111247, 20726312)),
    ("beleid_en_organisatie.investeringen.ontvangsten", 9337,
     (2085177, 1445052, 14639638, 1094466, 1053461, 1200291, 20272023)),
    ("beleid_en_organisatie.investeringen.saldo", 9339,
     (-3578878, -952348, 5765072, -193393, -57786, 89045, -454288)),
]
# T2: (line_path, parent_path, (line of the 2020-2025 row, line of the 2026-2027 row), label,
#      amounts for T2_COLUMNS)
T2_EXPECTED = [
    ("exploitatie.uitgaven.A", "exploitatie.uitgaven", (9374, 9397),
     "A. Operationele uitgaven",
     (3317678, 3372745, 4307516, 5148282, 5215388, 5215388, 5215679, 5180724, 5048474)),
    ("exploitatie.uitgaven.A.1", "exploitatie.uitgaven.A", (9376, 9399),
     "1. Goederen en diensten",
     (3164492, 3160567, 4124766, 4965781, 4974063, 4974063, 5035079, 5000124, 4867874)),
    ("exploitatie.uitgaven.A.4", "exploitatie.uitgaven.A", (9378, 9401),
     "4. Toegestane werkingssubsidies",
     (19058, 0, 0, 0, 0, 0, 0, 0, 0)),
    ("exploitatie.uitgaven.A.4.aan_andere_begunstigden", "exploitatie.uitgaven.A.4", (9380, 9403),
     "- aan andere begunstigden",
     (19058, 0, 0, 0, 0, 0, 0, 0, 0)),
    ("exploitatie.uitgaven.A.5", "exploitatie.uitgaven.A", (9382, 9405),
     "5. Andere operationele uitgaven",
     (134129, 212178, 182750, 182501, 241325, 241325, 180600, 180600, 180600)),
    ("exploitatie.uitgaven.B", "exploitatie.uitgaven", (9384, 9407),
     "B. Financiële uitgaven",
     (248756, 250655, 277985, 393199, 440572, 440572, 434180, 427110, 419785)),
    ("exploitatie.uitgaven.B.1", "exploitatie.uitgaven.B", (9386, 9409),
     "1. Rente, commissies en kosten verbonden aan schulden",
     (248750, 250655, 277955, 393199, 440572, 440572, 433180, 426110, 418785)),
    ("exploitatie.uitgaven.B.1.aan_financiele_instellingen", "exploitatie.uitgaven.B.1", (9388, 9411),
     "- aan financiële instellingen",
     (8225, 12953, 43190, 161488, 212038, 212038, 207951, 204318, 200568)),
    ("exploitatie.uitgaven.B.1.aan_andere_entiteiten", "exploitatie.uitgaven.B.1", (9390, 9413),
     "- aan andere entiteiten",
     (240525, 237702, 234766, 231711, 228534, 228534, 225230, 221792, 218217)),
    ("exploitatie.uitgaven.B.2", "exploitatie.uitgaven.B", (9392, 9415),
     "2. Andere financiële uitgaven",
     (6, 0, 29, 0, 0, 0, 1000, 1000, 1000)),
    ("exploitatie.ontvangsten.A", "exploitatie.ontvangsten", (9420, 9449),
     "A. Operationele ontvangsten",
     (3015298, 3366175, 4236739, 5016668, 5617215, 5617215, 5999207, 6229353, 5937177)),
    ("exploitatie.ontvangsten.A.1", "exploitatie.ontvangsten.A", (9422, 9451),
     "1. Ontvangsten uit de werking",
     (2702740, 2869668, 3652495, 4099453, 4337594, 4337594, 5470055, 6154153, 5861977)),
    ("exploitatie.ontvangsten.A.3", "exploitatie.ontvangsten.A", (9424, 9453),
     "3. Werkingssubsidies",
     (275000, 323000, 548000, 863154, 1209221, 1209221, 469952, 15000, 15000)),
    ("exploitatie.ontvangsten.A.3.a", "exploitatie.ontvangsten.A.3", (9428, 9455),
     "a. Algemene werkingssubsidies",
     (275000, 275000, 500000, 850000, 1150000, 1150000, 410952, 0, 0)),
    ("exploitatie.ontvangsten.A.3.a.andere_algemene_werkingssubsidies",
     "exploitatie.ontvangsten.A.3.a", (9430, 9457),
     "- Andere algemene werkingssubsidies",
     (275000, 275000, 500000, 850000, 1150000, 1150000, 410952, 0, 0)),
    ("exploitatie.ontvangsten.A.3.a.van_de_gemeente", "exploitatie.ontvangsten.A.3.a", (9432, 9459),
     "- van de gemeente",
     (275000, 275000, 500000, 850000, 1150000, 1150000, 410952, 0, 0)),
    ("exploitatie.ontvangsten.A.3.b", "exploitatie.ontvangsten.A.3", (9434, 9461),
     "b. Specifieke werkingssubsidies",
     (0, 48000, 48000, 13154, 59221, 59221, 59000, 15000, 15000)),
    ("exploitatie.ontvangsten.A.3.b.van_de_federale_overheid", "exploitatie.ontvangsten.A.3.b", (9436, 9463),
     "- van de federale overheid",
     (0, 0, 48000, 0, 0, 0, 0, 0, 0)),
    ("exploitatie.ontvangsten.A.3.b.van_de_vlaamse_overheid", "exploitatie.ontvangsten.A.3.b", (9438, 9465),
     "- van de Vlaamse overheid",
     (0, 48000, 0, 12407, 59221, 59221, 59000, 15000, 15000)),
    ("exploitatie.ontvangsten.A.3.b.van_andere_entiteiten", "exploitatie.ontvangsten.A.3.b", (9440, 9467),
     "- van andere entiteiten",
     (0, 0, 0, 746, 0, 0, 0, 0, 0)),
    ("exploitatie.ontvangsten.A.5", "exploitatie.ontvangsten.A", (9442, 9469),
     "5. Andere operationele ontvangsten",
     (37558, 173508, 36244, 54061, 70401, 70401, 59200, 60200, 60200)),
    ("exploitatie.ontvangsten.B", "exploitatie.ontvangsten", (9444, 9471),
     "B. Financiële ontvangsten",
     (0, 287, 0, 8, 16, 16, 300, 300, 300)),
    ("exploitatie.saldo", "exploitatie", (9473, 9475),
     "III. Exploitatiesaldo",
     (-551136, -256938, -348762, -524806, -38729, -38729, 349648, 621819, 469218)),
    ("investeringen.uitgaven.A", "investeringen.uitgaven", (9480, 9503),
     "A. Investeringen in financiële vaste activa",
     (0, 972025, 7397814, 0, 0, 0, 12902186, 0, 0)),
    ("investeringen.uitgaven.A.4", "investeringen.uitgaven.A", (9482, 9505),
     "4. Andere financiële vaste activa",
     (0, 972025, 7397814, 0, 0, 0, 12902186, 0, 0)),
    ("investeringen.uitgaven.B", "investeringen.uitgaven", (9484, 9507),
     "B. Investeringen in materiële vaste activa",
     (5664054, 1395382, 1432046, 1287858, 1111247, 1111247, 7824126, 3285986, 890986)),
    ("investeringen.uitgaven.B.1", "investeringen.uitgaven.B", (9486, 9509),
     "1. Gemeenschapsgoederen en bedrijfsmatige materiële vaste activa",
     (5664054, 1395382, 1432046, 1287858, 1111247, 1111247, 7824126, 3285986, 890986)),
    ("investeringen.uitgaven.B.1.a", "investeringen.uitgaven.B.1", (9490, 9511),
     "a. Terreinen en gebouwen",
     (2627595, 1118142, 972358, 979106, 747297, 747297, 6639907, 2740000, 540000)),
    ("investeringen.uitgaven.B.1.c", "investeringen.uitgaven.B.1", (9492, 9513),
     "c. Roerende goederen",
     (264781, 74519, 394817, 271720, 306163, 306163, 1123947, 488200, 293200)),
    ("investeringen.uitgaven.B.1.d", "investeringen.uitgaven.B.1", (9494, 9515),
     "d. Leasing en soortgelijke rechten",
     (2771678, 202721, 64871, 37033, 57786, 57786, 60271, 57786, 57786)),
    ("investeringen.uitgaven.D", "investeringen.uitgaven", (9496, 9517),
     "D. Toegestane investeringssubsidies",
     (0, 29993, 44706, 0, 0, 0, 0, 0, 0)),
    ("investeringen.uitgaven.D.aan_andere_begunstigden", "investeringen.uitgaven.D", (9498, 9519),
     "- aan andere begunstigden",
     (0, 29993, 44706, 0, 0, 0, 0, 0, 0)),
    ("investeringen.ontvangsten.B", "investeringen.ontvangsten", (9524, 9547),
     "B. Verkoop van materiële vaste activa",
     (0, 0, 13349814, 19835, 0, 0, 12902186, 0, 0)),
    ("investeringen.ontvangsten.B.1", "investeringen.ontvangsten.B", (9526, 9549),
     "1. Gemeenschapsgoederen en bedrijfsmatige materiële vaste activa",
     (0, 0, 5952000, 19835, 0, 0, 0, 0, 0)),
    ("investeringen.ontvangsten.B.1.a", "investeringen.ontvangsten.B.1", (9528, 9553),
     "a. Terreinen en gebouwen",
     (0, 0, 5952000, 0, 0, 0, 0, 0, 0)),
    ("investeringen.ontvangsten.B.1.c", "investeringen.ontvangsten.B.1", (9530, 9555),
     "c. Roerende goederen",
     (0, 0, 0, 19835, 0, 0, 0, 0, 0)),
    ("investeringen.ontvangsten.B.2", "investeringen.ontvangsten.B", (9532, 9557),
     "2. Andere materiële vaste activa",
     (0, 0, 7397814, 0, 0, 0, 12902186, 0, 0)),
    ("investeringen.ontvangsten.B.2.a", "investeringen.ontvangsten.B.2", (9534, 9559),
     "a. Onroerende goederen",
     (0, 0, 7397814, 0, 0, 0, 12902186, 0, 0)),
    ("investeringen.ontvangsten.D", "investeringen.ontvangsten", (9536, 9561),
     "D. Investeringssubsidies en -schenkingen",
     (2085177, 1445052, 1289824, 1074631, 1053461, 1053461, 7369837, 3376472, 833200)),
    ("investeringen.ontvangsten.D.van_de_vlaamse_overheid", "investeringen.ontvangsten.D", (9538, 9563),
     "- van de Vlaamse overheid",
     (0, 20000, 0, 136007, 0, 0, 16200, 2148272, 0)),
    ("investeringen.ontvangsten.D.van_de_gemeente", "investeringen.ontvangsten.D", (9540, 9565),
     "- van de gemeente",
     (2085177, 973691, 1289824, 935853, 1053461, 1053461, 7353637, 1228200, 833200)),
    ("investeringen.ontvangsten.D.van_andere_entiteiten", "investeringen.ontvangsten.D", (9542, 9567),
     "- van andere entiteiten",
     (0, 451361, 0, 2771, 0, 0, 0, 0, 0)),
    ("investeringen.saldo", "investeringen", (9569, 9571),
     "III. Investeringssaldo",
     (-3578878, -952348, 5765072, -193393, -57786, -57786, -454288, 90486, -57786)),
    ("totaal.saldo_exploitatie_en_investeringen", "totaal", (9573, 9575),
     "Saldo exploitatie en investeringen",
     (-4130014, -1209286, 5416310, -718198, -96515, -96515, -104641, 712305, 411432)),
    ("financiering.uitgaven.A", "financiering.uitgaven", (9580, 9587),
     "A. Vereffening van financiële schulden",
     (118521, 121527, 124648, 127888, 230230, 230230, 299555, 306625, 313950)),
    ("financiering.uitgaven.A.1", "financiering.uitgaven.A", (9582, 9589),
     "1. Periodieke aflossingen van opgenomen leningen en leasings",
     (118521, 121527, 124648, 127888, 230230, 230230, 299555, 306625, 313950)),
    ("financiering.ontvangsten.A", "financiering.ontvangsten", (9594, 9600),
     "A. Aangaan van financiële schulden",
     (0, 0, 0, 5000000, 0, 0, 1250000, 0, 0)),
    ("financiering.ontvangsten.A.opname_van_leningen_en_leasings_bij_financiele_instellingen",
     "financiering.ontvangsten.A", (9596, 9602),
     "- opname van leningen en leasings bij financiële instellingen",
     (0, 0, 0, 5000000, 0, 0, 1250000, 0, 0)),
    ("financiering.saldo", "financiering", (9604, 9606),
     "III. Financieringssaldo",
     (-118521, -121527, -124648, 4872112, -230230, -230230, 950445, -306625, -313950)),
    ("totaal.budgettair_resultaat", "totaal", (9608, 9610),
     "Budgettair resultaat van het boekjaar",
     (-4248535, -1330813, 5291662, 4153914, -326744, -326744, 845805, 405680, 97482)),
]
# T4: (line_path, parent_path, (line of the 2020-2025 row, line of the 2026-2027 row), label,
#      amounts for T4_COLUMNS)
T4_EXPECTED = [
    ("A", None, (9667, 9692),
     "A. Financiële schulden op lange termijn",
     (6866590, 6741942, 6614054, 11383824, 11146770, 12027645, 11713694, 11392155)),
    ("A.1", "A", (9669, 9694),
     "1. Financiële schulden op 1 januari",
     (6988117, 6866590, 6741942, 6614054, 11383824, 11146770, 12027645, 11713694)),
    ("A.2", "A", (9671, 9696),
     "2. Nieuwe leningen",
     (0, 0, 0, 5000000, 0, 1250000, 0, 0)),
    ("A.4", "A", (9673, 9698),
     "4. Overboekingen",
     (-121527, -124648, -127888, -230230, -237055, -369125, -313950, -321540)),
    ("B", None, (9678, 9703),
     "B. Financiële schulden op lange termijn die binnen het jaar vervallen",
     (121527, 124648, 127888, 230230, 237055, 306625, 313950, 321540)),
    ("B.1", "B", (9680, 9705),
     "1. Financiële schulden op 1 januari",
     (118521, 121527, 124648, 127888, 230230, 237055, 306625, 313950)),
    ("B.2", "B", (9682, 9707),
     "2. Aflossingen",
     (-118521, -121527, -124648, -127888, -230230, -299555, -306625, -313950)),
    ("B.3", "B", (9684, 9709),
     "3. Overboekingen",
     (121527, 124648, 127888, 230230, 237055, 369125, 313950, 321540)),
    ("C", None, (9686, 9711),
     "C. Financiële schulden op korte termijn",
     (5000000, 5000000, 5000000, 1000000, 1000000, 0, 0, 0)),
    ("TOTAAL", None, (9688, 9713),
     "Totaal financiële schulden",
     (11988117, 11866590, 11741942, 12614054, 12383824, 12334270, 12027645, 11713694)),
]
# fmt: on

Cells = dict[tuple[str, int, str], tuple[str, Decimal]]


def _sections(text: str) -> dict[str, list[Section]]:
    out: dict[str, list[Section]] = {}
    for section in find_sections(lines_from_text(text)):
        out.setdefault(section.kind, []).append(section)
    return out


def _cells(rows: list[AmountRow]) -> Cells:
    cells = {(r.line_path, r.year, r.phase): (r.label, r.amount) for r in rows}
    assert len(cells) == len(rows), "(line_path, year, phase) must be unique"
    return cells


def _expected_t1(shift: int = 0) -> Cells:
    return {
        (path, year + shift, phase): (T1_LABELS[path.rsplit(".", 1)[1]], Decimal(amount))
        for path, _, amounts in T1_EXPECTED
        for (year, phase), amount in zip(T1_COLUMNS, amounts, strict=True)
    }


def _expected(table: list, columns: list[tuple[int, str]], shift: int = 0) -> Cells:
    return {
        (path, year + shift, phase): (label, Decimal(amount))
        for path, _, _, label, amounts in table
        for (year, phase), amount in zip(columns, amounts, strict=True)
    }


def _by_path(rows: list[AmountRow]) -> dict[str, dict[tuple[int, str], Decimal]]:
    out: dict[str, dict[tuple[int, str], Decimal]] = defaultdict(dict)
    for r in rows:
        out[r.line_path][(r.year, r.phase)] = r.amount
    return out


@pytest.fixture(scope="module")
def t1(sample_sections) -> list[AmountRow]:
    return parse_t1(sample_sections["T1"], 2024)


@pytest.fixture(scope="module")
def t2(sample_sections) -> list[AmountRow]:
    return parse_t2(sample_sections["T2"], 2024)


@pytest.fixture(scope="module")
def t4(sample_sections) -> list[AmountRow]:
    return parse_t4(sample_sections["T4"], 2024)


# ---------------------------------------------------------------------------------------------
# whole tables


def test_t1_every_cell(t1) -> None:
    assert len(t1) == 12 * 7
    assert _cells(t1) == _expected_t1()
    rows = {(r.line_path, r.year, r.phase): r for r in t1}
    for path, line_no, _ in T1_EXPECTED:
        domain, budget_kind, direction = path.split(".")
        for year, phase in T1_COLUMNS:
            r = rows[(path, year, phase)]
            assert (r.table_kind, r.line_no, r.page_no) == ("T1", line_no, sample_page(line_no))
            assert (r.beleidsdomein, r.section) == (T1_DOMAINS[domain], T1_DOMAINS[domain])
            assert (r.budget_kind, r.direction) == (budget_kind, direction)
            assert r.parent_path == f"{domain}.{budget_kind}"


def test_t1_year_2024_spans_jaarrekening_and_meerjarenplan(t1) -> None:
    row = _by_path(t1)["beleid_en_organisatie.investeringen.ontvangsten"]
    assert row[(2024, JR)] == Decimal("1053461.00")
    assert row[(2024, MJP)] == Decimal("1200291.00")
    assert (2025, JR) not in row and (2026, MJP) not in row


def test_t2_every_row_in_all_nine_columns(t2) -> None:
    assert len(t2) == 50 * 9
    assert _cells(t2) == _expected(T2_EXPECTED, T2_COLUMNS)
    rows = {(r.line_path, r.year, r.phase): r for r in t2}
    for path, parent, (line_main, line_later), _, _ in T2_EXPECTED:
        section, part = path.split(".")[:2]
        for year, phase in T2_COLUMNS:
            r = rows[(path, year, phase)]
            assert r.table_kind == "T2"
            assert r.parent_path == parent
            assert r.line_no == (line_later if year >= 2026 else line_main)
            assert r.section == section
            assert r.budget_kind == (None if section == "totaal" else section)
            assert r.direction == ("saldo" if part.startswith(("saldo", "budgettair")) else part)


def test_t2_header_years_are_not_amounts(t2) -> None:
    assert not any(r.amount in {Decimal(y) for y in range(2020, 2028)} for r in t2)
    assert not any(r.line_no in {9371, 9394, 9417, 9425, 9477, 9487, 9550, 9597} for r in t2)


def test_t2_duplicate_saldo_lines_are_one_row_over_two_blocks(t2) -> None:
    saldo = _by_path(t2)["exploitatie.saldo"]
    assert list(saldo) == T2_COLUMNS
    assert saldo[(2025, MJP)] == Decimal("349648.00")
    assert saldo[(2026, MJP)] == Decimal("621819.00")
    assert {r.line_no for r in t2 if r.line_path == "totaal.budgettair_resultaat"} == {9608, 9610}


def test_t4_every_row_and_totals(t4) -> None:
    assert len(t4) == 10 * 8
    assert _cells(t4) == _expected(T4_EXPECTED, T4_COLUMNS)
    totals = [int(a) for a in _by_path(t4)["TOTAAL"].values()]
    assert totals == [11988117, 11866590, 11741942, 12614054, 12383824, 12334270, 12027645, 11713694]
    rows = {(r.line_path, r.year, r.phase): r for r in t4}
    for path, parent, (line_main, line_later), _, _ in T4_EXPECTED:
        for year, phase in T4_COLUMNS:
            r = rows[(path, year, phase)]
            assert (r.table_kind, r.parent_path) == ("T4", parent)
            assert r.line_no == (line_later if year >= 2026 else line_main)


def test_t4_wrapped_label_b_takes_the_standalone_amount_line(t4) -> None:
    b = [r for r in t4 if r.line_path == "B"]
    assert {r.label for r in b} == {"B. Financiële schulden op lange termijn die binnen het jaar vervallen"}
    assert {r.line_no for r in b} == {9678, 9703}
    assert "C. Financiële schulden op korte termijn" in {r.label for r in t4}  # double space normalised


def test_participations(sample_sections) -> None:
    rows = parse_participations(sample_sections["participations"])
    assert [(p.company, p.amount, p.is_total, p.valuation_date, p.line_no) for p in rows] == [
        ("Thor Park NV", Decimal("13954814.00"), False, date(2024, 12, 31), 9285),
        ("T2 CV", Decimal("1120000.00"), False, date(2024, 12, 31), 9287),
        ("Totaal boekhoudkundige waarde", Decimal("15074814.00"), True, date(2024, 12, 31), 9289),
    ]


def test_participation_t2_cv_is_not_schema_t2(sample_sections) -> None:
    assert any(cl.text == "T2 CV € 1.120.000" for cl in sample_sections["participations"][0].lines)
    assert all(r.line_no > 9300 for r in parse_t2(sample_sections["T2"], 2024))


# ---------------------------------------------------------------------------------------------
# accounting identities recomputed from the parsed rows (INVARIANTS §10-14)


def _near(a: Decimal, b: Decimal, tolerance: int = 1) -> bool:
    return abs(a - b) <= tolerance


def _part_total(t2: dict, section: str, part: str, column: tuple[int, str]) -> Decimal:
    """Sum of the top-level rows (A., B., D.) of a T2 part."""
    prefix = f"{section}.{part}."
    return sum(
        (cells[column] for path, cells in t2.items() if path.startswith(prefix) and path.count(".") == 2),
        Decimal(0),
    )


def test_invariants_t2_saldo_lines(t2) -> None:
    p = _by_path(t2)
    for col in T2_COLUMNS:
        for section in ("exploitatie", "investeringen", "financiering"):
            computed = _part_total(p, section, "ontvangsten", col) - _part_total(p, section, "uitgaven", col)
            assert _near(p[f"{section}.saldo"][col], computed), (section, col)
        ei = p["totaal.saldo_exploitatie_en_investeringen"][col]
        assert _near(ei, p["exploitatie.saldo"][col] + p["investeringen.saldo"][col]), col
        assert _near(p["totaal.budgettair_resultaat"][col], ei + p["financiering.saldo"][col]), col
    assert p["totaal.budgettair_resultaat"][(2024, JR)] == Decimal(-326744)


def test_invariants_t2_parents_sum_their_outlined_children(t2) -> None:
    rows = [r for r in t2 if r.parent_path and r.parent_path.count(".") >= 2]
    children: dict[tuple[str, int, str], Decimal] = defaultdict(Decimal)
    for r in rows:
        if not r.label.startswith("-"):
            children[(r.parent_path, r.year, r.phase)] += r.amount
    parents = {(r.line_path, r.year, r.phase): r.amount for r in t2}
    assert len(children) == 11 * 9  # parents with lettered or numbered children, 9 columns each
    for key, total in children.items():
        assert _near(parents[key], total), key


def test_invariants_t1_saldo_and_t1_vs_t2(t1, t2) -> None:
    p1, p2 = _by_path(t1), _by_path(t2)
    for col in T1_COLUMNS:
        for domain in T1_DOMAINS:
            for kind in ("exploitatie", "investeringen", "financiering"):
                base = f"{domain}.{kind}"
                if f"{base}.saldo" in p1:
                    diff = p1[f"{base}.ontvangsten"][col] - p1[f"{base}.uitgaven"][col]
                    assert _near(p1[f"{base}.saldo"][col], diff), (base, col)
        if col == (2024, MJP):  # T1 and T2 use different MJP dossiers for 2024 (INVARIANTS §12)
            continue
        for kind in ("exploitatie", "investeringen", "financiering"):
            for direction in ("uitgaven", "ontvangsten"):
                t1_sum = sum(p1.get(f"{d}.{kind}.{direction}", {}).get(col, Decimal(0)) for d in T1_DOMAINS)
                assert _near(t1_sum, _part_total(p2, kind, direction, col)), (kind, direction, col)
            t1_saldo = sum(p1.get(f"{d}.{kind}.saldo", {}).get(col, Decimal(0)) for d in T1_DOMAINS)
            assert _near(t1_saldo, p2[f"{kind}.saldo"][col]), (kind, col)


def test_invariants_t4_roll_forward(t4, t2) -> None:
    p = _by_path(t4)
    for i, col in enumerate(T4_COLUMNS):
        assert _near(p["A"][col], p["A.1"][col] + p["A.2"][col] + p["A.4"][col]), col
        assert _near(p["B"][col], p["B.1"][col] + p["B.2"][col] + p["B.3"][col]), col
        assert _near(p["TOTAAL"][col], p["A"][col] + p["B"][col] + p["C"][col]), col
        assert p["A.4"][col] == -p["B.3"][col]
        if i:
            previous = T4_COLUMNS[i - 1]
            assert p["A.1"][col] == p["A"][previous]
            assert p["B.1"][col] == p["B"][previous]
        t2_col = col if col in T2_COLUMNS else (col[0], MJP)
        assert _by_path(t2)["financiering.uitgaven.A.1"][t2_col] == -p["B.2"][col]


def test_invariants_participations_total(sample_sections) -> None:
    rows = parse_participations(sample_sections["participations"])
    assert sum(r.amount for r in rows if not r.is_total) == next(r.amount for r in rows if r.is_total)


# ---------------------------------------------------------------------------------------------
# variants of the same report


def _parse_all(text: str, fiscal_year: int) -> tuple[list[AmountRow], list[AmountRow], list[AmountRow], list]:
    sections = _sections(text)
    return (
        parse_t1(sections["T1"], fiscal_year),
        parse_t2(sections["T2"], fiscal_year),
        parse_t4(sections["T4"], fiscal_year),
        parse_participations(sections["participations"]),
    )


def _assert_sample_values(text: str, fiscal_year: int = 2024, shift: int = 0) -> tuple:
    t1, t2, t4, participations = _parse_all(text, fiscal_year)
    assert _cells(t1) == _expected_t1(shift)
    assert _cells(t2) == _expected(T2_EXPECTED, T2_COLUMNS, shift)
    assert _cells(t4) == _expected(T4_EXPECTED, T4_COLUMNS, shift)
    assert [(p.company, int(p.amount), p.is_total) for p in participations] == [
        ("Thor Park NV", 13954814, False),
        ("T2 CV", 1120000, False),
        ("Totaal boekhoudkundige waarde", 15074814, True),
    ]
    return t1, t2, t4, participations


def test_variant_crlf(sample_text) -> None:
    t1, t2, t4, _ = _assert_sample_values(sample_text.replace("\n", "\r\n"))
    assert {r.line_no for r in t4 if r.line_path == "B"} == {9678, 9703}


def test_variant_form_feeds_between_pages(sample_text) -> None:
    # a line starting with one space is the first line of a PDF page in this text export
    text = re.sub(r"\n(?= \S)", "\n\f", sample_text)
    t1, t2, t4, participations = _assert_sample_values(text)
    rows = {(r.line_path, r.year, r.phase): r for r in t2}
    before = rows[("exploitatie.ontvangsten.A.3", 2020, JR)]
    after = rows[("exploitatie.ontvangsten.A.3.a", 2020, JR)]
    assert after.page_no == before.page_no + 1  # the page break repeats " II. Exploitatieontvangsten …"
    assert after.line_no == 4
    assert all(r.page_no > 1 for r in [*t1, *t2, *t4])
    assert all(p.page_no > 1 for p in participations)


def test_variant_blank_line_between_every_row(sample_text) -> None:
    t1, t2, t4, _ = _assert_sample_values(sample_text.replace("\n", "\n\n"))
    assert {r.line_no for r in t4 if r.line_path == "B"} == {2 * 9678 - 1, 2 * 9703 - 1}


def test_variant_stripped_lines_without_blanks(sample_text) -> None:
    text = "\n".join(line.strip() for line in sample_text.splitlines() if line.strip())
    _assert_sample_values(text)


def _shift_years(text: str) -> str:
    return re.sub(r"\b(?:19|20)\d\d\b", lambda m: str(int(m[0]) + 1), text)


def test_variant_other_entity_and_year(sample_text) -> None:
    text = sample_text.replace("AGB Genk (0872.093.742)", "OCMW Voorbeeld (0212.345.678)")
    text = text.replace("Genk", "Voorbeeld")
    start, end = text.index("Overzicht participaties"), text.index("3.6. FINANCI")
    text = text[:start] + _shift_years(text[start:end]) + text[end:]
    t1, t2, t4, participations = _assert_sample_values(text, fiscal_year=2025, shift=1)
    assert {p.valuation_date for p in participations} == {date(2025, 12, 31)}
    assert _by_path(t4)["C"][(2025, JR)] == Decimal("1000000.00")  # 2025 is now the fiscal year


def test_variant_fiscal_year_from_the_title_block(sample_sections) -> None:
    assert _cells(parse_t4(sample_sections["T4"], None)) == _expected(T4_EXPECTED, T4_COLUMNS)


def _insert_after(text: str, anchor: str, new_lines: str) -> str:
    """Insert ``new_lines`` after the one line of ``text`` that reads ``anchor``."""
    pattern = re.compile(rf"^{re.escape(anchor)} *$", re.M)
    assert len(pattern.findall(text)) == 1, anchor
    return pattern.sub(lambda m: f"{m[0]}\n{new_lines}", text)


def test_variant_zero_rows_printed(sample_text) -> None:
    fiscal = "2. Fiscale ontvangsten en boetes"
    text = _insert_after(
        sample_text,
        "Saldo -118.521 -121.527 -124.648 4.872.112 -230.230 -292.730 950.445",
        "Investeringen\nUitgaven 0 0 0 0 0 0 0\nOntvangsten 0 0 0 0 0 0 0\nSaldo 0 0 0 0 0 0 0",
    )
    text = _insert_after(
        text,
        "1. Ontvangsten uit de werking 2.702.740 2.869.668 3.652.495 4.099.453 4.337.594 4.337.594 5.470.055",
        f"{fiscal} 0 0 0 0 0 0 0",
    )
    text = _insert_after(text, "1. Ontvangsten uit de werking 6.154.153 5.861.977", f"{fiscal} 0 0")
    text = _insert_after(text, "2. Nieuwe leningen 0 0 0 5.000.000 0 1.250.000", "3. Aflossingen 0 0 0 0 0 0")
    text = _insert_after(text, "2. Nieuwe leningen 0 0", "3. Aflossingen 0 0")
    t1, t2, t4, _ = _parse_all(text, 2024)

    zero = Decimal("0.00")
    t1_zero = {
        (f"algemene_financiering.investeringen.{d}", y, ph): (T1_LABELS[d], zero)
        for d in ("uitgaven", "ontvangsten", "saldo")
        for y, ph in T1_COLUMNS
    }
    assert _cells(t1) == _expected_t1() | t1_zero
    t2_zero = {("exploitatie.ontvangsten.A.2", y, ph): (fiscal, zero) for y, ph in T2_COLUMNS}
    assert _cells(t2) == _expected(T2_EXPECTED, T2_COLUMNS) | t2_zero
    parents = {r.parent_path for r in t2 if r.line_path == "exploitatie.ontvangsten.A.2"}
    assert parents == {"exploitatie.ontvangsten.A"}
    t4_zero = {("A.3", y, ph): ("3. Aflossingen", zero) for y, ph in T4_COLUMNS}
    assert _cells(t4) == _expected(T4_EXPECTED, T4_COLUMNS) | t4_zero


PAGE_BREAK = """JAARREKENING ORIGINEEL 2024 : {title} 2024
AGB Genk (0872.093.742) 1 / 2
229
 {kind}: {title}
2024
Journaalvolgnummers: JR Budg. 23508 Alg. 2024036795
AGB Genk (0872.093.742) Algemeen directeur: Hilde De Wilde
Stadsplein 1, 3600 Genk Financieel directeur: Rudi Van Gurp
{header}"""


def test_page_break_inside_t4_wrapped_label(sample_text) -> None:
    page_break = PAGE_BREAK.format(
        kind="T4", title="Evolutie van de financiële schulden",
        header="Financiële schulden op 31 december 2020 2021 2022 2023 2024 2025",
    )  # fmt: skip
    text = sample_text.replace(
        "B. Financiële schulden op lange termijn die\nbinnen het jaar vervallen\n\n121.527",
        f"B. Financiële schulden op lange termijn die\n{page_break}\nbinnen het jaar vervallen\n\n121.527",
    )
    sections = _sections(text)
    assert len(sections["T4"]) == 2  # the repeated title starts a second section of the same table
    assert _cells(parse_t4(sections["T4"], 2024)) == _expected(T4_EXPECTED, T4_COLUMNS)


def test_page_break_inside_t1_domain(sample_text) -> None:
    page_break = PAGE_BREAK.format(
        kind="T1", title="Ontvangsten en uitgaven naar functionele aard",
        header="2020 2021 2022 2023 2024 2025\n"
        "Jaarrekening Jaarrekening Jaarrekening Jaarrekening Jaarrekening Meerjarenplan Meerjarenplan",
    )  # fmt: skip
    anchor = "Ontvangsten 2.740.298 3.091.175 3.736.739 4.166.668 4.467.215 5.294.805 5.587.755"
    sections = _sections(_insert_after(sample_text, anchor, page_break))
    assert len(sections["T1"]) == 2
    assert _cells(parse_t1(sections["T1"], 2024)) == _expected_t1()


def test_page_break_inside_t2_part(sample_text) -> None:
    anchor = "3. Werkingssubsidies 275.000 323.000 548.000 863.154 1.209.221 1.209.221 469.952"
    page_break = PAGE_BREAK.format(
        kind="T2", title="Ontvangsten en uitgaven naar economische aard",
        header="II. Exploitatieontvangsten 2020 2021 2022 2023 2024 2025\n"
        "Jaarrekening Jaarrekening Jaarrekening Jaarrekening Jaarrekening Meerjarenplan Meerjarenplan",
    )  # fmt: skip
    sections = _sections(_insert_after(sample_text, anchor, page_break))
    assert len(sections["T2"]) == 2
    assert _cells(parse_t2(sections["T2"], 2024)) == _expected(T2_EXPECTED, T2_COLUMNS)


def test_t2_part_label_and_year_list_on_separate_lines(sample_text) -> None:
    header = re.compile(r"^( ?[IV]+\. \S+) ((?:20\d\d ?)+)$", re.M)
    text, count = header.subn(r"\1\n\2", sample_text)
    assert count == 15  # every part header of T2, page-break repeats included
    assert _cells(parse_t2(_sections(text)["T2"], 2024)) == _expected(T2_EXPECTED, T2_COLUMNS)


# ---------------------------------------------------------------------------------------------
# column alignment on small tables


def _t1_snippet(years: str, phases: str, amounts: str) -> str:
    return (
        "T1: Ontvangsten en uitgaven naar functionele aard\n2030\n"
        "OCMW Voorbeeld (0212.345.678) Algemeen directeur: A. Naam\n"
        f"{years}\n{phases}\nCultuur en vrije tijd\nExploitatie\nUitgaven {amounts}\n"
    )


@pytest.mark.parametrize(
    ("years", "phases", "expected"),
    [
        (
            "2028 2029 2030 2031",
            "Jaarrekening Jaarrekening Jaarrekening Meerjarenplan Meerjarenplan",
            [(2028, JR), (2029, JR), (2030, JR), (2030, MJP), (2031, MJP)],
        ),
        (
            "2029 2030 2031",
            "Jaarrekening Jaarrekening Meerjarenplan",
            [(2029, JR), (2030, JR), (2031, MJP)],
        ),
        ("2031 2032", "Meerjarenplan Meerjarenplan", [(2031, MJP), (2032, MJP)]),
    ],
)
def test_columns_align_year_labels_with_phases(years: str, phases: str, expected: list) -> None:
    amounts = " ".join(f"{n}.000" for n in range(1, len(expected) + 1))
    rows = parse_t1(_sections(_t1_snippet(years, phases, amounts))["T1"], 2030)
    assert [(r.year, r.phase, int(r.amount)) for r in rows] == [
        (y, ph, 1000 * n) for n, (y, ph) in enumerate(expected, start=1)
    ]
    assert {r.line_path for r in rows} == {"cultuur_en_vrije_tijd.exploitatie.uitgaven"}


def test_columns_that_cannot_be_aligned_are_an_error() -> None:
    text = _t1_snippet("2030 2031", "Jaarrekening Meerjarenplan Meerjarenplan Meerjarenplan", "1 2 3 4")
    with pytest.raises(ValueError, match="cannot align"):
        parse_t1(_sections(text)["T1"], 2030)


def test_participations_with_date_on_the_title_line_and_wrapped_company() -> None:
    text = (
        "Overzicht participaties Waardering op 30/06/2031\nIntercommunale Voorbeeld\n"
        "Energie CV € 250.000\n12\nTotaal boekhoudkundige waarde € 250.000\nTekst daarna € 9\n"
    )
    rows = parse_participations(_sections(text)["participations"])
    assert [(p.company, int(p.amount), p.is_total, p.valuation_date) for p in rows] == [
        ("Intercommunale Voorbeeld Energie CV", 250000, False, date(2031, 6, 30)),
        ("Totaal boekhoudkundige waarde", 250000, True, date(2031, 6, 30)),
    ]


def test_whole_document_parses_fast(sample_lines) -> None:
    start = time.perf_counter()
    sections = _sections_of(sample_lines)
    parse_t1(sections["T1"], 2024), parse_t2(sections["T2"], 2024), parse_t4(sections["T4"], 2024)
    parse_participations(sections["participations"])
    assert time.perf_counter() - start < 1.0


def _sections_of(lines) -> dict[str, list[Section]]:
    out: dict[str, list[Section]] = {}
    for section in find_sections(lines):
        out.setdefault(section.kind, []).append(section)
    return out
