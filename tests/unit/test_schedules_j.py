"""Unit tests for the J1-J5 jaarrekening schema parsers (pipelines/extract/schedules_j.py).

Whole-table expectations are written out literally from the sample (lines 8623-9152); variants are
built by transforming the sample text (CRLF, form feeds, blank lines, stripped lines, renamed
entity with shifted years, printed zero rows, page artefacts inside tables, wrapped labels).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

import pytest

from pipelines.extract.model import AmountRow
from pipelines.extract.schedules_j import parse_j1, parse_j2, parse_j3, parse_j4, parse_j5
from pipelines.extract.sections import Section, find_sections
from pipelines.ingest.text import text_to_lines
from tests.conftest import lines_from_text

FY = 2024
PARSERS: dict[str, Callable[[list[Section], int], list[AmountRow]]] = {
    "J1": parse_j1,
    "J2": parse_j2,
    "J3": parse_j3,
    "J4": parse_j4,
    "J5": parse_j5,
}

# (policy_code, budget_kind, direction, label, jaarrekening, meerjarenplan, line_no) in printed order
J1_EXPECTED = [
    ("BD000002", "exploitatie", "uitgaven", "Uitgave", 289707, 252000, 8645),
    ("BD000002", "exploitatie", "ontvangsten", "Ontvangst", 97156, 202000, 8647),
    ("BD000002", "exploitatie", "saldo", "Saldo", -192551, -50000, 8649),
    ("BD000002", "investeringen", "uitgaven", "Uitgave", 0, 20000, 8652),
    ("BD000002", "investeringen", "ontvangsten", "Ontvangst", 0, 20000, 8654),
    ("BD000003", "exploitatie", "ontvangsten", "Ontvangst", 16074, 15760, 8664),
    ("BD000003", "exploitatie", "saldo", "Saldo", 16074, 15760, 8666),
    ("BD000005", "exploitatie", "uitgaven", "Uitgave", 409064, 506193, 8680),
    ("BD000005", "exploitatie", "ontvangsten", "Ontvangst", 379161, 374750, 8682),
    ("BD000005", "exploitatie", "saldo", "Saldo", -29903, -131443, 8684),
    ("BD000005", "investeringen", "uitgaven", "Uitgave", 12425, 17539, 8687),
    ("BD000005", "investeringen", "ontvangsten", "Ontvangst", 12425, 17539, 8689),
    ("BD000006", "exploitatie", "ontvangsten", "Ontvangst", 120866, 114530, 8699),
    ("BD000006", "exploitatie", "saldo", "Saldo", 120866, 114530, 8701),
    ("BD000007", "exploitatie", "uitgaven", "Uitgave", 1787156, 1963085, 8711),
    ("BD000007", "exploitatie", "ontvangsten", "Ontvangst", 1872280, 2262280, 8713),
    ("BD000007", "exploitatie", "saldo", "Saldo", 85125, 299195, 8715),
    ("BD000007", "investeringen", "uitgaven", "Uitgave", 999472, 2259659, 8718),
    ("BD000007", "investeringen", "ontvangsten", "Ontvangst", 999472, 2239556, 8720),
    ("BD000007", "investeringen", "saldo", "Saldo", 0, -20103, 8722),
    ("BD000008", "exploitatie", "uitgaven", "Uitgave", 10210, 0, 8732),
    ("BD000008", "exploitatie", "saldo", "Saldo", -10210, 0, 8734),
    ("BD000009", "exploitatie", "uitgaven", "Uitgave", 12171, 18480, 8745),
    ("BD000009", "exploitatie", "ontvangsten", "Ontvangst", 366245, 450000, 8747),
    ("BD000009", "exploitatie", "saldo", "Saldo", 354074, 431520, 8749),
    ("BD000009", "investeringen", "uitgaven", "Uitgave", 0, 83297, 8752),
    ("BD000009", "investeringen", "ontvangsten", "Ontvangst", 0, 2000, 8754),
    ("BD000009", "investeringen", "saldo", "Saldo", 0, -81297, 8756),
    ("BD000010", "exploitatie", "uitgaven", "Uitgave", 30840, 20000, 8766),
    ("BD000010", "exploitatie", "saldo", "Saldo", -30840, -20000, 8768),
    ("BD000012", "exploitatie", "uitgaven", "Uitgave", 2592305, 2703362, 8782),
    ("BD000012", "exploitatie", "ontvangsten", "Ontvangst", 97240, 97135, 8784),
    ("BD000012", "exploitatie", "saldo", "Saldo", -2495065, -2606227, 8786),
    ("BD000012", "investeringen", "uitgaven", "Uitgave", 41564, 828841, 8789),
    ("BD000012", "investeringen", "ontvangsten", "Ontvangst", 41564, 828841, 8791),
    ("BD000013", "exploitatie", "uitgaven", "Uitgave", 524508, 546690, 8800),
    ("BD000013", "exploitatie", "ontvangsten", "Ontvangst", 2668209, 2929150, 8802),
    ("BD000013", "exploitatie", "saldo", "Saldo", 2143701, 2382460, 8804),
    ("BD000013", "investeringen", "uitgaven", "Uitgave", 57786, 12959972, 8807),
    ("BD000013", "investeringen", "ontvangsten", "Ontvangst", 0, 12902186, 8809),
    ("BD000013", "investeringen", "saldo", "Saldo", -57786, -57786, 8811),
    ("BD000013", "financiering", "uitgaven", "Uitgave", 230230, 292730, 8814),
    ("BD000013", "financiering", "ontvangsten", "Ontvangst", 0, 1250000, 8816),
    ("BD000013", "financiering", "saldo", "Saldo", -230230, 957270, 8818),
    ("TOTAAL", "exploitatie", "uitgaven", "Uitgave", 5655960, 6009810, 8827),
    ("TOTAAL", "exploitatie", "ontvangsten", "Ontvangst", 5617231, 6445605, 8829),
    ("TOTAAL", "exploitatie", "saldo", "Saldo", -38729, 435795, 8831),
    ("TOTAAL", "investeringen", "uitgaven", "Uitgave", 1111247, 16169307, 8834),
    ("TOTAAL", "investeringen", "ontvangsten", "Ontvangst", 1053461, 16010122, 8836),
    ("TOTAAL", "investeringen", "saldo", "Saldo", -57786, -159186, 8838),
    ("TOTAAL", "financiering", "uitgaven", "Uitgave", 230230, 292730, 8841),
    ("TOTAAL", "financiering", "ontvangsten", "Ontvangst", 0, 1250000, 8843),
    ("TOTAAL", "financiering", "saldo", "Saldo", -230230, 957270, 8845),
]

# block -> (line_path below the block, parent below the block, label, jaarrekening, meerjarenplan, line_no)
J2_EXPECTED = {
    "budgettair_resultaat": [
        ("I", None, "I. Exploitatiesaldo", -38729, 435795, 8909),
        ("I.a", "I", "a. Ontvangsten", 5617231, 6445605, 8911),
        ("I.b", "I", "b. Uitgaven", 5655960, 6009810, 8913),
        ("II", None, "II. Investeringssaldo", -57786, -159186, 8915),
        ("II.a", "II", "a. Ontvangsten", 1053461, 16010122, 8917),
        ("II.b", "II", "b. Uitgaven", 1111247, 16169307, 8919),
        ("III", None, "III. Saldo exploitatie en investeringen", -96515, 276609, 8921),
        ("IV", None, "IV. Financieringssaldo", -230230, 957270, 8923),
        ("IV.a", "IV", "a. Ontvangsten", 0, 1250000, 8925),
        ("IV.b", "IV", "b. Uitgaven", 230230, 292730, 8927),
        ("V", None, "V. Budgettair resultaat van het boekjaar", -326744, 1233879, 8929),
        ("VI", None, "VI. Gecumuleerd budgettair resultaat vorig boekjaar", -801541, -801541, 8931),
        ("VII", None, "VII. Gecumuleerd budgettair resultaat", -1128285, 432339, 8933),
        ("IX", None, "IX. Beschikbaar budgettair resultaat", -1128285, 432339, 8935),
    ],
    "autofinancieringsmarge": [
        ("I", None, "I. Exploitatiesaldo", -38729, 435795, 8939),
        ("II", None, "II. Netto periodieke aflossingen", 230230, 292730, 8941),
        ("II.a", "II", "a. Periodieke aflossingen conform de verbintenissen", 230230, 292730, 8943),
        ("II.b", "II", "b. Periodieke terugvordering leningen", 0, 0, 8945),
        ("III", None, "III. Autofinancieringsmarge", -268958, 143065, 8947),
    ],
    "gecorrigeerde_autofinancieringsmarge": [
        ("I", None, "I. Autofinancieringsmarge", -268958, 143065, 8951),
        ("II", None, "II. Correctie op de periodieke aflossingen", -778895, -716394, 8953),
        ("II.a", "II", "a. Periodieke aflossingen conform de verbintenissen", 230230, 292730, 8955),
        ("II.b", "II", "b. Gecorrigeerde aflossingen o.b.v. de financiële schulden", 1009124, 1009124, 8957),
        ("III", None, "III. Gecorrigeerde autofinancieringsmarge", -1047853, -573329, 8959),
    ],
    "geconsolideerd_financieel_evenwicht": [
        ("I.autonoom_gemeentebedrijf", "I", "- Autonoom gemeentebedrijf", -1128285, 432339, 8964),
        ("I.totaal", "I", "Totaal beschikbaar budgettair resultaat", -1128285, 432339, 8966),
        ("II.autonoom_gemeentebedrijf", "II", "- Autonoom gemeentebedrijf", -268958, 143065, 8969),
        ("II.totaal", "II", "Totale Autofinancieringsmarge", -268958, 143065, 8971),
        ("III.autonoom_gemeentebedrijf", "III", "- Autonoom gemeentebedrijf", -1047853, -573329, 8974),
        ("III.totaal", "III", "Totale gecorrigeerde autofinancieringsmarge", -1047853, -573329, 8976),
    ],
}

# (line_path, parent_path, label, (JR U, JR O, EK U, EK O, IK U, IK O), line_no)
J3_EXPECTED = [
    ("exploitatie", None, "Exploitatie", (5655960, 5617231, 6009810, 6445605, 6165607, 5724407), 9006),
    ("investeringen", None, "Investeringen", (1111247, 1053461, 16169307, 16010122, 2293286, 2235500), 9008),
    ("financiering", None, "Financiering", (230230, 0, 292730, 1250000, 292730, 0), 9010),
    (
        "financiering.leningen_en_leasings",
        "financiering",
        "Leningen en leasings",
        (230230, 0, 292730, 1250000, 292730, 0),
        9012,
    ),
]

# (line_path, parent_path, label, 2024, 2023, line_no)
J4_EXPECTED = [
    ("ACTIVA", None, "ACTIVA", 84378157, 85525426, 9040),
    ("ACTIVA.I", "ACTIVA", "I. Vlottende activa", 1996599, 2214674, 9041),
    ("ACTIVA.I.A", "ACTIVA.I", "A. Liquide middelen en geldbeleggingen", 209259, 782561, 9043),
    ("ACTIVA.I.B", "ACTIVA.I", "B. Vorderingen op korte termijn", 1661409, 1246375, 9044),
    ("ACTIVA.I.B.1", "ACTIVA.I.B", "1. Vorderingen uit ruiltransacties", 1526124, 1146838, 9046),
    ("ACTIVA.I.B.2", "ACTIVA.I.B", "2. Vorderingen uit niet-ruiltransacties", 135285, 99537, 9047),
    ("ACTIVA.I.C", "ACTIVA.I", "C. Voorraden en bestellingen in uitvoering", 38508, 27906, 9049),
    ("ACTIVA.I.D", "ACTIVA.I", "D. Overlopende rekeningen van het actief", 87423, 157832, 9050),
    ("ACTIVA.II", "ACTIVA", "II. Vaste activa", 82381557, 83310752, 9052),
    ("ACTIVA.II.B", "ACTIVA.II", "B. Financiële vaste activa", 15074814, 15074814, 9053),
    ("ACTIVA.II.B.4", "ACTIVA.II.B", "4. Andere financiële vaste activa", 15074814, 15074814, 9055),
    ("ACTIVA.II.C", "ACTIVA.II", "C. Materiële vaste activa", 67306743, 68235938, 9056),
    ("ACTIVA.II.C.1", "ACTIVA.II.C", "1. Gemeenschapsgoederen", 312613, 324637, 9058),
    ("ACTIVA.II.C.1.b", "ACTIVA.II.C.1", "b. Wegen en andere infrastructuur", 312613, 324637, 9059),
    ("ACTIVA.II.C.2", "ACTIVA.II.C", "2. Bedrijfsmatige materiële vaste activa", 65361204, 66278375, 9061),
    ("ACTIVA.II.C.2.a", "ACTIVA.II.C.2", "a. Terreinen en gebouwen", 52457662, 53161369, 9062),
    ("ACTIVA.II.C.2.b", "ACTIVA.II.C.2", "b. Installaties, machines en uitrusting", 1443145, 1418615, 9063),
    (
        "ACTIVA.II.C.2.c",
        "ACTIVA.II.C.2",
        "c. Meubilair, kantooruitrusting en rollend materieel",
        47187,
        60558,
        9064,
    ),
    ("ACTIVA.II.C.2.d", "ACTIVA.II.C.2", "d. Leasing en soortgelijke rechten", 11413210, 11637833, 9065),
    ("ACTIVA.II.C.3", "ACTIVA.II.C", "3. Andere materiële vaste activa", 1632926, 1632926, 9067),
    ("ACTIVA.II.C.3.a", "ACTIVA.II.C.3", "a. Terreinen en gebouwen", 1632926, 1632926, 9068),
    ("PASSIVA", None, "PASSIVA", 84378157, 85525426, 9072),
    ("PASSIVA.I", "PASSIVA", "I. Schulden", 14496960, 14490584, 9073),
    ("PASSIVA.I.A", "PASSIVA.I", "A. Schulden op korte termijn", 3350190, 3106760, 9075),
    ("PASSIVA.I.A.1", "PASSIVA.I.A", "1. Schulden uit ruiltransacties", 2555162, 2429872, 9076),
    ("PASSIVA.I.A.1.b", "PASSIVA.I.A.1", "b. Financiële schulden", 1000000, 1000000, 9078),
    (
        "PASSIVA.I.A.1.c",
        "PASSIVA.I.A.1",
        "c. Niet-financiële schulden uit ruiltransacties",
        1555162,
        1429872,
        9079,
    ),
    ("PASSIVA.I.A.2", "PASSIVA.I.A", "2. Schulden uit niet-ruiltransacties", 465229, 400604, 9081),
    ("PASSIVA.I.A.3", "PASSIVA.I.A", "3. Overlopende rekeningen van het passief", 92745, 46054, 9082),
    (
        "PASSIVA.I.A.4",
        "PASSIVA.I.A",
        "4. Schulden op lange termijn die binnen het jaar vervallen",
        237055,
        230230,
        9083,
    ),
    ("PASSIVA.I.B", "PASSIVA.I", "B. Schulden op lange termijn", 11146770, 11383824, 9085),
    ("PASSIVA.I.B.1", "PASSIVA.I.B", "1. Schulden uit ruiltransacties", 11146770, 11383824, 9086),
    ("PASSIVA.I.B.1.b", "PASSIVA.I.B.1", "b. Financiële schulden", 11146770, 11383824, 9088),
    ("PASSIVA.II", "PASSIVA", "II. Nettoactief", 69881197, 71034842, 9090),
    ("PASSIVA.II.A", "PASSIVA.II", "A. Kapitaalssubsidies en schenkingen", 36759965, 37317434, 9091),
    ("PASSIVA.II.B", "PASSIVA.II", "B. Gecumuleerd overschot of tekort", -2960802, -2364627, 9092),
    ("PASSIVA.II.D", "PASSIVA.II", "D. Overig nettoactief", 36082034, 36082034, 9093),
]

J5_EXPECTED = [
    ("I", None, "I. Kosten", 7784227, 7485410, 9117),
    ("I.A", "I", "A. Operationele kosten", 7343655, 7092211, 9119),
    ("I.A.1", "I.A", "1. Goederen en diensten", 5040450, 4908791, 9120),
    ("I.A.3", "I.A", "3. Afschrijvingen, waardeverminderingen en voorzieningen", 2061879, 2000919, 9121),
    ("I.A.8", "I.A", "8. Andere operationele kosten", 241325, 182501, 9122),
    ("I.B", "I", "B. Financiële kosten", 440572, 393199, 9124),
    ("II", None, "II. Opbrengsten", 7188051, 6640128, 9126),
    ("II.A", "II", "A. Operationele opbrengsten", 5577105, 5054916, 9127),
    ("II.A.1", "II.A", "1. Opbrengsten uit de werking", 4290903, 4069867, 9129),
    ("II.A.3", "II.A", "3. Werkingssubsidies", 1215801, 911154, 9130),
    ("II.A.3.a", "II.A.3", "a. Algemene werkingssubsidies", 1150000, 850000, 9132),
    ("II.A.3.b", "II.A.3", "b. Specifieke werkingssubsidies", 65801, 61154, 9133),
    ("II.A.5", "II.A", "5. Meerwaarden bij de realisatie van vaste activa", 0, 19835, 9135),
    ("II.A.6", "II.A", "6. Andere operationele opbrengsten", 70401, 54061, 9136),
    ("II.B", "II", "B. Financiële opbrengsten", 1610946, 1585212, 9138),
    ("III", None, "III. Overschot of tekort van het boekjaar", -596176, -845282, 9140),
    ("III.A", "III", "A. Operationeel overschot of tekort", -1766550, -2037294, 9141),
    ("III.B", "III", "B. Financieel overschot of tekort", 1170374, 1192013, 9142),
    ("IV", None, "IV. Verwerking van het overschot of tekort van het boekjaar", -596176, -845282, 9144),
    ("IV.C", "IV", "C. Over te dragen overschot of tekort van het boekjaar", -596176, -845282, 9145),
]


# ---------------------------------------------------------------------------------------------
# helpers: turn rows into the literal shapes above


def _euros(amount: Decimal) -> int:
    assert amount == amount.quantize(Decimal("0.01")) and amount == amount.to_integral_value()
    return int(amount)


def _by_path(rows: list[AmountRow]) -> dict[str, list[AmountRow]]:
    """Rows grouped per printed line, in printed order; every cell of a line shares its metadata."""
    grouped: dict[str, list[AmountRow]] = {}
    for row in rows:
        grouped.setdefault(row.line_path, []).append(row)
    for cells in grouped.values():
        first = cells[0]
        assert {(c.label, c.parent_path, c.section, c.page_no, c.line_no) for c in cells} == {
            (first.label, first.parent_path, first.section, first.page_no, first.line_no)
        }
        assert len({(c.year, c.phase, c.direction) for c in cells}) == len(cells)
    return grouped


def _j1_view(rows: list[AmountRow], year: int = FY) -> list[tuple]:
    out = []
    for path, cells in _by_path(rows).items():
        c = cells[0]
        assert [(x.year, x.phase) for x in cells] == [(year, "jaarrekening"), (year, "meerjarenplan")]
        assert path == f"{c.policy_code}.{c.budget_kind}.{c.direction}"
        assert c.parent_path == f"{c.policy_code}.{c.budget_kind}" and c.section == c.budget_kind
        amounts = [_euros(x.amount) for x in cells]
        out.append((c.policy_code, c.budget_kind, c.direction, c.label, *amounts, c.line_no))
    return out


def _j2_view(rows: list[AmountRow], year: int = FY) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for path, cells in _by_path(rows).items():
        c = cells[0]
        assert [(x.year, x.phase) for x in cells] == [(year, "jaarrekening"), (year, "meerjarenplan")]
        prefix = f"{c.section}."
        assert path.startswith(prefix) and (c.parent_path is None or c.parent_path.startswith(prefix))
        parent = c.parent_path.removeprefix(prefix) if c.parent_path else None
        amounts = [_euros(x.amount) for x in cells]
        row = (path.removeprefix(prefix), parent, c.label, *amounts, c.line_no)
        out.setdefault(c.section, []).append(row)
    return out


J3_COLUMNS = [
    ("jaarrekening", "uitgaven"),
    ("jaarrekening", "ontvangsten"),
    ("eindkrediet", "uitgaven"),
    ("eindkrediet", "ontvangsten"),
    ("initieel_krediet", "uitgaven"),
    ("initieel_krediet", "ontvangsten"),
]


def _j3_view(rows: list[AmountRow], year: int = FY) -> list[tuple]:
    out = []
    for path, cells in _by_path(rows).items():
        c = cells[0]
        assert [(x.phase, x.direction) for x in cells] == J3_COLUMNS
        assert {x.year for x in cells} == {year}
        assert {x.budget_kind for x in cells} == {path.split(".")[0]}
        out.append((path, c.parent_path, c.label, tuple(_euros(x.amount) for x in cells), c.line_no))
    return out


def _year_view(rows: list[AmountRow], years: tuple[int, int] = (FY, FY - 1)) -> list[tuple]:
    out = []
    for path, cells in _by_path(rows).items():
        c = cells[0]
        assert [(x.year, x.phase) for x in cells] == [(years[0], "jaarrekening"), (years[1], "jaarrekening")]
        out.append((path, c.parent_path, c.label, *(_euros(x.amount) for x in cells), c.line_no))
    return out


def _sections_of(text: str) -> dict[str, list[Section]]:
    out: dict[str, list[Section]] = {}
    for section in find_sections(lines_from_text(text)):
        out.setdefault(section.kind, []).append(section)
    return out


def _parse(sections: dict[str, list[Section]], kind: str, year: int = FY) -> list[AmountRow]:
    return PARSERS[kind](sections[kind], year)


def _views(sections: dict[str, list[Section]], year: int = FY) -> dict[str, object]:
    return {
        "J1": _j1_view(_parse(sections, "J1", year), year),
        "J2": _j2_view(_parse(sections, "J2", year), year),
        "J3": _j3_view(_parse(sections, "J3", year), year),
        "J4": _year_view(_parse(sections, "J4", year), (year, year - 1)),
        "J5": _year_view(_parse(sections, "J5", year), (year, year - 1)),
    }


EXPECTED_VIEWS = {
    "J1": J1_EXPECTED,
    "J2": J2_EXPECTED,
    "J3": J3_EXPECTED,
    "J4": J4_EXPECTED,
    "J5": J5_EXPECTED,
}


def _without_line_no(view: list[tuple]) -> list[tuple]:
    return [t[:-1] for t in view]


def _values_only(view: object) -> object:
    if isinstance(view, dict):  # J2: block -> rows
        return {k: _without_line_no(v) for k, v in view.items()}
    return _without_line_no(view)


def _assert_same_values(views: dict[str, object]) -> None:
    """Every table equals the sample's, line numbers aside."""
    for kind, expected in EXPECTED_VIEWS.items():
        assert _values_only(views[kind]) == _values_only(expected), kind


def _replace_line(text: str, old: str, new: str) -> str:
    """Replace one whole printed line (matched after stripping) that occurs exactly once."""
    pattern = re.compile(rf"^[ \u00a0]*{re.escape(old)}[ \u00a0]*$", re.M)
    assert len(pattern.findall(text)) == 1, old
    return pattern.sub(lambda _: new, text)


# ---------------------------------------------------------------------------------------------
# the sample's whole tables


def test_j1_whole_table(sample_sections: dict[str, list[Section]]) -> None:
    rows = parse_j1(sample_sections["J1"], FY)
    assert _j1_view(rows) == J1_EXPECTED
    assert {r.table_kind for r in rows} == {"J1"} and len(rows) == 2 * len(J1_EXPECTED)
    codes = {r.policy_code for r in rows}
    assert codes == {f"BD0000{n:02d}" for n in (2, 3, 5, 6, 7, 8, 9, 10, 12, 13)} | {"TOTAAL"}
    # the two numberless headings before "Totaal" have no table here
    assert not codes & {"NIET_PRIORITAIR", "ZONDER_BD", "BD000001", "BD000004", "BD000011"}


def test_j2_whole_table(sample_sections: dict[str, list[Section]]) -> None:
    rows = parse_j2(sample_sections["J2"], FY)
    assert _j2_view(rows) == J2_EXPECTED
    cells = {(r.line_path, r.phase): r.amount for r in rows}
    assert cells["budgettair_resultaat.V", "jaarrekening"] == Decimal("-326744.00")
    assert cells["budgettair_resultaat.V", "meerjarenplan"] == Decimal("1233879.00")
    assert not any(p.endswith(".VIII") for p, _ in cells)
    assert {r.table_kind for r in rows} == {"J2"} and {r.year for r in rows} == {FY}


def test_j3_whole_table(sample_sections: dict[str, list[Section]]) -> None:
    rows = parse_j3(sample_sections["J3"], FY)
    assert _j3_view(rows) == J3_EXPECTED
    assert {r.section for r in rows} == {"autonoom_gemeentebedrijf"}
    assert {r.table_kind for r in rows} == {"J3"}


def test_j4_whole_table(sample_sections: dict[str, list[Section]]) -> None:
    rows = parse_j4(sample_sections["J4"], FY)
    assert _year_view(rows) == J4_EXPECTED
    totals = {(r.line_path, r.year): r.amount for r in rows if r.parent_path is None}
    for path in ("ACTIVA", "PASSIVA"):
        assert totals[path, 2024] == Decimal("84378157.00")
        assert totals[path, 2023] == Decimal("85525426.00")
    assert {r.section for r in rows if r.line_path.startswith("ACTIVA")} == {"ACTIVA"}
    assert {r.section for r in rows if r.line_path.startswith("PASSIVA")} == {"PASSIVA"}


def test_j5_whole_table(sample_sections: dict[str, list[Section]]) -> None:
    rows = parse_j5(sample_sections["J5"], FY)
    assert _year_view(rows) == J5_EXPECTED
    assert {r.section for r in rows} == {None} and {r.table_kind for r in rows} == {"J5"}


def test_every_row_points_at_its_printed_line(sample_raw_lines, sample_sections) -> None:
    printed = {(ln.page_no, ln.line_no): " ".join(ln.text.split()) for ln in sample_raw_lines}
    for kind in PARSERS:
        for row in _parse(sample_sections, kind):
            assert printed[row.page_no, row.line_no].startswith(row.label), (kind, row)


def test_j4_j5_parent_equals_sum_of_children(sample_sections: dict[str, list[Section]]) -> None:
    """INVARIANTS.md §1 (and the J5 rollups of §2): every printed parent = sum of its children ±1."""
    for kind, expected_parents in (("J4", 16), ("J5", 7)):
        rows = _parse(sample_sections, kind)
        value = {(r.line_path, r.year): r.amount for r in rows}
        children: dict[tuple[str, int], list[Decimal]] = defaultdict(list)
        for r in rows:
            if r.parent_path is not None:
                children[r.parent_path, r.year].append(r.amount)
        assert len(children) == 2 * expected_parents
        for (parent, year), amounts in children.items():
            assert abs(value[parent, year] - sum(amounts)) <= 1, (kind, parent, year)
    j4 = {(r.line_path, r.year): r.amount for r in _parse(sample_sections, "J4")}
    assert j4["ACTIVA", 2024] == j4["PASSIVA", 2024] and j4["ACTIVA", 2023] == j4["PASSIVA", 2023]


def test_j1_blocks_sum_to_totaal(sample_sections: dict[str, list[Section]]) -> None:
    """INVARIANTS.md §7: the BD blocks add up to the Totaal block within rounding."""
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    totals = {}
    for r in parse_j1(sample_sections["J1"], FY):
        key = (r.line_path.split(".", 1)[1], r.phase)
        if r.policy_code == "TOTAAL":
            totals[key] = r.amount
        else:
            sums[key] += r.amount
    assert len(totals) == 18
    assert all(abs(totals[k] - sums[k]) <= 1 for k in totals)


def test_parsers_are_fast(sample_sections: dict[str, list[Section]]) -> None:
    for kind in PARSERS:
        start = time.perf_counter()
        _parse(sample_sections, kind)
        assert time.perf_counter() - start < 0.5, kind


# ---------------------------------------------------------------------------------------------
# variants of the whole document


def _form_feeds(text: str) -> str:
    """A form feed at every page start (the lines that begin with one leading space)."""
    return re.sub(r"\n(?= \S)", "\n\f", text)


def _stripped(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


@pytest.mark.parametrize(
    "transform",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\n\n"),
        _stripped,
    ],
    ids=["crlf", "blank_line_between_rows", "stripped_no_blank_lines"],
)
def test_layout_variants_keep_every_table(sample_text: str, transform) -> None:
    _assert_same_values(_views(_sections_of(transform(sample_text))))


def test_crlf_keeps_line_numbers(sample_text: str) -> None:
    assert _views(_sections_of(sample_text.replace("\n", "\r\n"))) == EXPECTED_VIEWS


def test_form_feeds_change_pages_not_values(sample_text: str) -> None:
    text = _form_feeds(sample_text)
    sections = _sections_of(text)
    printed = {(ln.page_no, ln.line_no): " ".join(ln.text.split()) for ln in text_to_lines(text)}
    for kind in PARSERS:
        rows = _parse(sections, kind)
        assert rows and min(r.page_no for r in rows) > 100, kind
        assert all(printed[r.page_no, r.line_no].startswith(r.label) for r in rows), kind
    j4 = {r.line_path: r.page_no for r in _parse(sections, "J4")}
    assert j4["PASSIVA"] == j4["ACTIVA"] + 1  # the balance sheet's page break at " 2024 2023"
    _assert_same_values(_views(sections))


def _renamed_and_shifted(text: str) -> str:
    start = text.index(" J1: Doelstellingenrekening")
    end = text.index("analyse en toelichting")
    part = re.sub(r"(?<![\d.,])(20[0-3]\d)(?![\d.,])", lambda m: str(int(m[1]) + 1), text[start:end])
    text = text[:start] + part + text[end:]
    text = text.replace("AGB Genk (0872.093.742)", "OCMW Voorbeeld (0212.345.678)")
    return text.replace("0872093742", "0212345678").replace("Genk", "Voorbeeld")


def test_renamed_entity_and_shifted_years(sample_text: str) -> None:
    text = _renamed_and_shifted(sample_text)
    assert "Genk" not in text and "J4: Balans" in text and "\n2025 2024\n" in text
    assert _views(_sections_of(text), 2025) == EXPECTED_VIEWS


# ---------------------------------------------------------------------------------------------
# printed zero rows, page artefacts and wrapped labels inside the tables


def test_printed_zero_rows(sample_text: str) -> None:
    text = _replace_line(sample_text, "Uitgave 10.210 0", "Uitgave 10.210 0\nOntvangst 0 0")
    text = _replace_line(text, "Ontvangst 0 20.000", "Ontvangst 0 20.000\nSaldo 0 0")
    text = _replace_line(
        text,
        "VII. Gecumuleerd budgettair resultaat -1.128.285 432.339",
        "VII. Gecumuleerd budgettair resultaat -1.128.285 432.339\nVIII. Bestemde gelden 0 0",
    )
    text = _replace_line(
        text,
        "Leningen en leasings 230.230 0 292.730 1.250.000 292.730 0",
        "Leningen en leasings 230.230 0 292.730 1.250.000 292.730 0\nAndere 0 0 0 0 0 0",
    )
    text = _replace_line(
        text,
        "II. Vaste activa 82.381.557 83.310.752",
        "II. Vaste activa 82.381.557 83.310.752\nA. Vorderingen op lange termijn 0 0",
    )
    text = _replace_line(
        text,
        "D. Overig nettoactief 36.082.034 36.082.034",
        "C. Herwaarderingsreserves 0 0\nD. Overig nettoactief 36.082.034 36.082.034",
    )
    text = _replace_line(
        text,
        "1. Goederen en diensten 5.040.450 4.908.791",
        "1. Goederen en diensten 5.040.450 4.908.791\n2. Bezoldigingen, sociale lasten en pensioenen 0 0",
    )
    views = _views(_sections_of(text))

    def extra(kind: str) -> list[tuple]:
        view = views[kind]
        rows = [t for rows in view.values() for t in rows] if kind == "J2" else view
        expected = EXPECTED_VIEWS[kind]
        flat = [t for rows in expected.values() for t in rows] if kind == "J2" else expected
        known = set(_without_line_no(flat))
        assert known <= set(_without_line_no(rows)), kind  # everything else unchanged
        return [t[:-1] for t in rows if t[:-1] not in known]

    assert extra("J1") == [
        ("BD000002", "investeringen", "saldo", "Saldo", 0, 0),
        ("BD000008", "exploitatie", "ontvangsten", "Ontvangst", 0, 0),
    ]
    assert extra("J2") == [("VIII", None, "VIII. Bestemde gelden", 0, 0)]
    assert extra("J3") == [("financiering.andere", "financiering", "Andere", (0, 0, 0, 0, 0, 0))]
    assert extra("J4") == [
        ("ACTIVA.II.A", "ACTIVA.II", "A. Vorderingen op lange termijn", 0, 0),
        ("PASSIVA.II.C", "PASSIVA.II", "C. Herwaarderingsreserves", 0, 0),
    ]
    assert extra("J5") == [("I.A.2", "I.A", "2. Bezoldigingen, sociale lasten en pensioenen", 0, 0)]


PAGE_BREAK = (
    "JAARREKENING ORIGINEEL 2024 : {title} 2024\n"
    "AGB Genk (0872.093.742) 1 / 2\n"
    "171\n"
    "\f"
    "AGB Genk 0872093742    Jaarrekening 2024\n"
    " {kind}: {title}\n"
    "2024\n"
    "Journaalvolgnummers: JR Budg. 23508 Alg. 2024036795 / JR-1 Budg. 16936 Alg. 2023210025\n"
    "AGB Genk (0872.093.742)\n"
    "Algemeen directeur: Hilde De Wilde\n"
    "Financieel directeur: Rudi Van Gurp\n"
    "{header}\n"
)


@pytest.mark.parametrize(
    ("kind", "title", "header", "after"),
    [
        ("J1", "Doelstellingenrekening", "Jaarrekening Meerjarenplan", "Uitgave 57.786 12.959.972"),
        (
            "J2",
            "Staat van het financieel evenwicht",
            "Budgettair resultaat Jaarrekening Meerjarenplan",
            "II. Investeringssaldo -57.786 -159.186",
        ),
        (
            "J2",
            "Staat van het financieel evenwicht",
            "Jaarrekening Meerjarenplan",
            "I. Beschikbaar budgettair resultaat",
        ),
        (
            "J3",
            "Realisatie van de kredieten",
            "Jaarrekening Eindkredieten Initiële kredieten\n"
            "Uitgaven Ontvangsten Uitgaven Ontvangsten Uitgaven Ontvangsten",
            "Investeringen 1.111.247 1.053.461 16.169.307 16.010.122 2.293.286 2.235.500",
        ),
        ("J4", "Balans", "2024 2023", "b. Installaties, machines en uitrusting 1.443.145 1.418.615"),
        ("J4", "Balans", "2024 2023", "PASSIVA 84.378.157 85.525.426"),
        (
            "J5",
            "Staat van opbrengsten en kosten",
            "2024 2023",
            "a. Algemene werkingssubsidies 1.150.000 850.000",
        ),
    ],
)
def test_page_break_inside_table(sample_text: str, kind: str, title: str, header: str, after: str) -> None:
    block = PAGE_BREAK.format(kind=kind, title=title, header=header)
    text = _replace_line(sample_text, after, f"{after}\n{block}")
    _assert_same_values(_views(_sections_of(text)))


def test_wrapped_labels(sample_text: str) -> None:
    text = _replace_line(
        sample_text,
        "4. Schulden op lange termijn die binnen het jaar vervallen 237.055 230.230",
        "4. Schulden op lange termijn die\nbinnen het jaar vervallen 237.055 230.230",
    )
    text = _replace_line(
        text,
        "IV. Verwerking van het overschot of tekort van het boekjaar -596.176 -845.282",
        "IV. Verwerking van het overschot of tekort\nvan het boekjaar\n-596.176 -845.282",
    )
    text = _replace_line(
        text,
        "VI. Gecumuleerd budgettair resultaat vorig boekjaar -801.541 -801.541",
        "VI. Gecumuleerd budgettair resultaat\nvorig boekjaar -801.541 -801.541",
    )
    views = _views(_sections_of(text))
    _assert_same_values(views)
    # the amounts' line is the provenance of a wrapped row
    j5 = {t[0]: t[-1] for t in views["J5"]}
    assert j5["IV"] - j5["III.B"] == 4 and j5["IV.C"] == j5["IV"] + 1


def test_j2_block_title_above_bare_column_header(sample_text: str) -> None:
    text = _replace_line(
        sample_text,
        "Autofinancieringsmarge Jaarrekening Meerjarenplan",
        "Autofinancieringsmarge\nJaarrekening Meerjarenplan",
    )
    text = _replace_line(
        text,
        "Geconsolideerd financieel evenwicht Jaarrekening Meerjarenplan",
        "Geconsolideerd financieel evenwicht\nJaarrekening Meerjarenplan",
    )
    _assert_same_values(_views(_sections_of(text)))


# ---------------------------------------------------------------------------------------------
# small synthetic tables


def test_j1_non_priority_blocks_and_headings() -> None:
    text = "\n".join(
        [
            "J1: Doelstellingenrekening",
            "2031",
            "Prioritaire beleidsdoelstelling: BDS000001",
            "Een doelstelling met een jaartal 2030",
            "Jaarrekening Meerjarenplan",
            "Exploitatie",
            "Uitgaven 1.000 2.000",
            "Investeringen",
            "Financiering",
            "Niet prioritaire beleidsdoelstellingen",
            "Jaarrekening Meerjarenplan",
            "Exploitatie",
            "Ontvangst 5 6",
            "Niet-prioritaire beleidsdoelstelling: BD000099",
            "Titel van een niet-prioritaire doelstelling",
            "Jaarrekening Meerjarenplan",
            "Exploitatie",
            "Investering",
            "Saldo -7 0",
            "Verrichtingen zonder beleidsdoelstelling",
            "Jaarrekening Meerjarenplan",
            "Exploitatie",
            "Investering",
            "Financiering",
            "Uitgave 0 0",
            "Totaal",
            "Jaarrekening Meerjarenplan",
            "Exploitatie",
            "Uitgave 1.000 2.000",
            "Andere gebruikte dossiers op dit rapport:",
            "MJP_HERZIENING_11_2025 2025: Alg. 23718",
        ]
    )
    rows = parse_j1(find_sections(lines_from_text(text)), 2031)
    assert [(r.line_path, r.phase, _euros(r.amount), r.year) for r in rows] == [
        ("BDS000001.exploitatie.uitgaven", "jaarrekening", 1000, 2031),
        ("BDS000001.exploitatie.uitgaven", "meerjarenplan", 2000, 2031),
        ("NIET_PRIORITAIR.exploitatie.ontvangsten", "jaarrekening", 5, 2031),
        ("NIET_PRIORITAIR.exploitatie.ontvangsten", "meerjarenplan", 6, 2031),
        ("BD000099.investeringen.saldo", "jaarrekening", -7, 2031),
        ("BD000099.investeringen.saldo", "meerjarenplan", 0, 2031),
        ("ZONDER_BD.financiering.uitgaven", "jaarrekening", 0, 2031),
        ("ZONDER_BD.financiering.uitgaven", "meerjarenplan", 0, 2031),
        ("TOTAAL.exploitatie.uitgaven", "jaarrekening", 1000, 2031),
        ("TOTAAL.exploitatie.uitgaven", "meerjarenplan", 2000, 2031),
    ]
    assert rows[0].label == "Uitgaven" and rows[0].direction == "uitgaven"


def test_j3_several_entities_keep_paths_unique() -> None:
    text = "\n".join(
        [
            "J3: Realisatie van de kredieten",
            "Jaarrekening Eindkredieten Initiële kredieten",
            "Uitgaven Ontvangsten Uitgaven Ontvangsten Uitgaven Ontvangsten",
            "- Gemeente",
            "Exploitatie 1 2 3 4 5 6",
            "Financiering 7 8 9 10 11 12",
            "Leningen en leasings 7 8 9 10 11 12",
            "- OCMW",
            "Exploitatie 10 20 30 40 50 60",
        ]
    )
    rows = parse_j3(find_sections(lines_from_text(text)), 2025)
    paths = {(r.section, r.line_path, r.parent_path) for r in rows}
    assert paths == {
        ("gemeente", "gemeente.exploitatie", None),
        ("gemeente", "gemeente.financiering", None),
        ("gemeente", "gemeente.financiering.leningen_en_leasings", "gemeente.financiering"),
        ("ocmw", "ocmw.exploitatie", None),
    }
    assert [_euros(r.amount) for r in rows if r.line_path == "ocmw.exploitatie"] == [10, 20, 30, 40, 50, 60]
