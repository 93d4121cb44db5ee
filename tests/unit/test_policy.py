"""Beleidsevaluatie parser: hierarchy, statuses, texts and budget tables of the sample, plus variants.

Expected values are read from the sample report (data/samples/jaarrekening-2024-agb-genk.txt) and
from SEED_MAP §0/§2 and INVARIANTS §9; physical line numbers refer to that file.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from pipelines.extract.model import PolicyBudget, PolicyItem, PolicyResult
from pipelines.extract.policy import parse_policy
from pipelines.extract.sections import Section, find_sections
from tests.conftest import lines_from_text, sample_page

FULL = (date(2020, 1, 1), date(2027, 12, 31))

# APs per BD in document order (SEED_MAP §2.3)
APS_PER_BD = {
    "BD000001": ["AP000001", "AP000002", "AP000003"],
    "BD000002": ["AP000077", "AP000004", "AP000076", "AP000005", "AP000007"],
    "BD000003": ["AP000008", "AP000009", "AP000010", "AP000011"],
    "BD000004": ["AP000014", "AP000012", "AP000015"],
    "BD000005": ["AP000016", "AP000017", "AP000018", "AP000019", "AP000020"],
    "BD000006": ["AP000021", "AP000022", "AP000023"],
    "BD000007": [
        "AP000024",
        "AP000025",
        "AP000026",
        "AP000027",
        "AP000028",
        "AP000029",
        "AP000030",
        "AP000031",
        "AP000073",
        "AP000032",
        "AP000033",
        "AP000034",
    ],
    "BD000008": [
        "AP000035",
        "AP000036",
        "AP000037",
        "AP000038",
        "AP000039",
        "AP000040",
        "AP000041",
        "AP000042",
    ],
    "BD000009": ["AP000043", "AP000044", "AP000045"],
    "BD000010": ["AP000046", "AP000047", "AP000048", "AP000049", "AP000051", "AP000052"],
    "BD000011": ["AP000053", "AP000054", "AP000075", "AP000055", "AP000056"],
    "BD000012": [
        "AP000057",
        "AP000058",
        "AP000059",
        "AP000060",
        "AP000061",
        "AP000062",
        "AP000063",
        "AP000064",
        "AP000065",
    ],
    "BD000013": ["AP000067", "AP000068", "AP000069", "AP000070", "AP000071"],
}
AC_PER_BD = {
    "BD000001": 13,
    "BD000002": 19,
    "BD000003": 21,
    "BD000004": 24,
    "BD000005": 26,
    "BD000006": 27,
    "BD000007": 94,
    "BD000008": 43,
    "BD000009": 12,
    "BD000010": 25,
    "BD000011": 29,
    "BD000012": 48,
    "BD000013": 17,
}
# tables per BD: (BD table, AP tables, AC tables) (SEED_MAP §2.3)
TABLES_PER_BD = {
    "BD000001": (0, 0, 0),
    "BD000002": (1, 2, 2),
    "BD000003": (1, 1, 1),
    "BD000004": (0, 0, 0),
    "BD000005": (1, 2, 5),
    "BD000006": (1, 1, 1),
    "BD000007": (1, 3, 15),
    "BD000008": (1, 1, 1),
    "BD000009": (1, 1, 1),
    "BD000010": (1, 1, 1),
    "BD000011": (0, 0, 0),
    "BD000012": (1, 6, 9),
    "BD000013": (1, 4, 8),
}
# table owners in document order (SEED_MAP §2.2)
TABLE_OWNERS = (
    "GENK_MEERJARENPLAN BD000002 AP000005 AC000474 AP000007 AC000477 BD000003 AP000008 AC000030 BD000005 "
    "AP000017 AC000085 AC000086 AC000087 AC000090 AP000020 AC000106 BD000006 AP000022 AC000114 BD000007 "
    "AP000025 AC000143 AC000148 AC000147 AC000412 AC000151 AC000150 AC000154 AC000489 AP000027 AC000160 "
    "AC000162 AP000029 AC000170 AC000177 AC000176 AC000178 AC000456 BD000008 AP000040 AC000246 BD000009 "
    "AP000045 AC000268 BD000010 AP000048 AC000458 BD000012 AP000058 AC000337 AC000339 AP000059 AC000348 "
    "AP000061 AC000352 AC000353 AP000063 AC000360 AP000064 AC000364 AC000365 AP000065 AC000375 BD000013 "
    "AP000067 AC000378 AC000380 AC000381 AP000068 AC000383 AP000069 AC000385 AP000070 AC000389 AC000390 "
    "AC000391"
).split()
PERIOD_EXCEPTIONS = {
    "AC000430": (date(2020, 1, 1), date(2020, 12, 31)),
    "AC000428": (date(2020, 1, 1), date(2020, 12, 31)),
    "AC000427": (date(2020, 1, 1), date(2020, 12, 31)),
    "AC000433": (date(2020, 1, 1), date(2020, 12, 31)),
    "AC000483": (date(2020, 1, 1), date(2021, 12, 31)),
    "AC000081": (date(2020, 1, 1), date(2022, 12, 31)),
    "AC000407": (date(2020, 1, 1), date(2022, 12, 31)),
    "AC000281": (date(2020, 1, 1), date(2023, 12, 31)),
    "AC000298": (date(2020, 1, 1), date(2023, 12, 31)),
    "AC000490": (date(2021, 1, 1), date(2027, 12, 31)),
    "AC000491": (date(2022, 1, 1), date(2027, 12, 31)),
}
CLOSED_WITHOUT_TOELICHTING = {
    "AC000081",
    "AC000407",
    "AC000430",
    "AC000428",
    "AC000427",
    "AC000483",
    "AC000433",
    "AC000281",
    "AC000298",
}

AC000122_TITLE = " ".join(
    [
        "Bevorderen van tewerkstelling van risicogroep-werkzoekenden en inactieven op beroepsactieve"
        " leeftijd, binnen de",
        "sociale en reguliere economie door het organiseren van opleidingstrajecten (voortrajecten en",
        "tewerkstellingstrajecten), vertrekkend vanuit een arbeidsmarktanalyse en maatschappelijke behoeften."
        " Deze werking",
        "sluit aan bij de reguliere werking van het Werkstation Genk die zowel via collectieve als"
        " individuele jobcoaching",
        "werkzoekenden in traject nemen. Via allerhande tewerkstellingsmaatregelen en instrumenten zoals"
        " individueel",
        "maatwerk, wijk-werken, tijdelijke werkervaring en gemeenschapsdiensten, stage contracten enz. kansen"
        " bieden op",
        "doorstroom naar duurzame tewerkstelling in een inclusieve economie.",
    ]
)
AC000127_TITLE = " ".join(
    [  # 12 printed lines (3286-3297), "Van" follows without blank line
        "Het ter beschikking stellen van een personeelslid vanuit de beherende gemeente als regisseur sociale"
        " economie en",
        "werk. De beleidsdoelstellingen m.b.t. de regierol worden jaarlijks vastgelegd in een aantal"
        " speerpunten, in",
        "samenspraak met de lokale besturen en bestaan minimaal uit:",
        "-Omgevingsanalyse: jaarlijkse monitoring van de tewerkstellingsplaatsen binnen de sociale economie"
        " binnen de het",
        "zorggebied.",
        "-Informatie-uitwisseling en kennisdeling rond sociale economie met partners uit sociale"
        " economieondernemingen",
        "binnen het zorggebied. Ondersteuning bij implementatie van nieuwe tewerkstellingsmaatregelen en"
        " decreten.",
        "-Faciliteren van overleg, samenwerking en netwerken. Organiseren van netwerkmomenten tussen"
        " reguliere en sociale",
        "onderneming om te komen tot een inclusieve economie.",
        "-Visievorming: behoefteanalyse, knelpunten en eventuele mogelijkheden op bijkomende tewerkstelling"
        " binnen de",
        "sociale economie omzetten in lokaal beleid. Op zoek naar nieuwe niches binnen de reguliere sector"
        " die",
        "opportuniteiten geven naar tewerkstelling binnen de sociale economie (bv circulair ondernemen).",
    ]
)

# code -> (level, parent, title, period, status, status_phrase, text starts with, text ends with,
#          (line_start, line_end))
ITEMS = {
    "BD000002": (
        "BD",
        None,
        "De talentontwikkeling en taalvaardigheid, in het bijzonder van het Nederlands, nemen toe.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "De ontwikkeling van een stadsbrede beleidsstrategie",
        "focussen op het bereiken van Genkenaren.",
        (507, 564),
    ),
    "AP000005": (
        "AP",
        "BD000002",
        "We zetten samen met het onderwijs in op maximale schoolcarrières.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "Dit ruime actieplan zet in op",
        "het verhogen van de sociale veiligheid",
        (769, 846),
    ),
    "AC000474": (
        "AC",
        "AP000005",
        "T2-campus: EducaThor versterkt de innovatiekracht en aantrekkingskracht van scholen op het vlak van"
        " technologie.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "EducaThor versterkt scholen op het vlak",
        "vragen van scholen te kunnen beantwoorden.",
        (897, 938),
    ),
    "AP000017": (  # its table is followed directly by a page footer
        "AP",
        "BD000005",
        "Meer Genkenaren bewegen bewust.",
        FULL,
        "behaald",
        "Resultaat is behaald.",
        "In 2024 hebben we opnieuw een",
        "werking te professionaliseren en te verduurzamen.",
        (2157, 2188),
    ),
    "AC000122": (
        "AC",
        "AP000023",
        AC000122_TITLE,
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        None,
        None,
        (3244, 3254),
    ),
    "AC000127": (
        "AC",
        "AP000023",
        AC000127_TITLE,
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        None,
        None,
        (3285, 3300),
    ),
    "BD000007": (
        "BD",
        None,
        "Stad Genk versterkt zijn stedelijke aantrekkingskracht, met speciale aandacht voor het"
        " stadscentrum.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "Alle planprocessen voor de stadsontwikkelingsprojecten zijn lopende.",
        "Alle planprocessen voor de stadsontwikkelingsprojecten zijn lopende.",
        (3335, 3360),
    ),
    "AC000151": (
        "AC",
        "AP000025",
        "De artistiek-creatieve community uitbouwen.",
        FULL,
        "behaald",
        "Resultaat is behaald.",
        "C-mine Connect, een netwerkevent voor de C-mine-partners",
        "van onder andere de creatieve community.",
        (3713, 3736),
    ),
    "AP000058": (
        "AP",
        "BD000012",
        "De performantie van de stedelijke organisatie wordt versterkt.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "In 2024 werkten we hard door",
        "van de doelstellingen van het bestuur.",
        (7064, 7097),
    ),
    "AC000391": (
        "AC",
        "AP000070",
        "Instrumenten van debiteurenbeleid en -beheer onderzoeken en bijsturen i.f.v. het bijdragen aan een"
        " sterkere armoedebestrijding.",
        FULL,
        "behaald",
        "Resultaat is behaald.",
        "Volgend op de voorbereiding in 2021-2022",
        "inkantelen van het parkeerbeleid sinds 1/7/2023.",
        (8491, 8517),
    ),
    "AC000081": (  # closed AC without toelichting
        "AC",
        "AP000016",
        "Genkenaren informeren over wat er in hun stad te doen is.",
        (date(2020, 1, 1), date(2022, 12, 31)),
        "geen",
        None,
        None,
        None,
        (2151, 2154),
    ),
    "BD000013": (
        "BD",
        None,
        "Het financieel beleid van stad Genk is duurzaam, evenwichtig en transparant.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "Op basis van de voortgang in",
        "transparantie in deze beleidsdoelstelling op koers.",
        (8039, 8072),
    ),
    "AC000452": (  # toelichting cut off mid-word at a page break (opening quote, no closing quote)
        "AC",
        "AP000019",
        "Het Emile Van Dorenmuseum bouwt een actuele en hedendaagse werking uit vanuit de"
        " landschapschilderstraditie.",
        FULL,
        "behaald",
        "Resultaat is behaald.",
        "Het Emile Van Dorenmuseum bracht in",
        "in Genk). De Facebook- en Instagrampag",
        (2474, 2533),
    ),
    "AP000044": (  # status alone on its line, text on the next line
        "AP",
        "BD000009",
        "Het aanbod van het collectief vervoer wordt geoptimaliseerd en het gebruik ervan stijgt.",
        FULL,
        "op_schema",
        "Voortgang loopt zoals gepland",
        "Het nieuwe vervoersnet van De Lijn",
        "Limburghal en Portavida en het centrum.",
        (5505, 5530),
    ),
    "AC000021": (
        "AC",
        "AP000005",
        "De ontwikkeling van campus Bret moet het volledige Genkse onderwijslandschap versterken.",
        FULL,
        "niet_opgestart",
        "Niet opgestart",
        "De ambities rond deze actie dienen",
        None,
        None,
    ),
}

# code -> rows (budget_kind, direction, jaarrekening, eindkrediet, initieel_krediet, line) as printed
TABLES = {
    "GENK MEERJARENPLAN": [  # SEED_MAP §2.4
        ("exploitatie", "uitgaven", 5655960, 6009810, 6165607, 24),
        ("exploitatie", "ontvangsten", 5617231, 6445605, 5724407, 26),
        ("exploitatie", "saldo", -38729, 435795, -441200, 28),
        ("investeringen", "uitgaven", 1111247, 16169307, 2293286, 31),
        ("investeringen", "ontvangsten", 1053461, 16010122, 2235500, 33),
        ("investeringen", "saldo", -57786, -159186, -57786, 35),
        ("financiering", "uitgaven", 230230, 292730, 292730, 38),
        ("financiering", "ontvangsten", 0, 1250000, 0, 40),
        ("financiering", "saldo", -230230, 957270, -292730, 42),
    ],
    "BD000002": [  # no Investeringen Saldo row, no Financiering rows (all zero)
        ("exploitatie", "uitgaven", 289707, 252000, 234500, 553),
        ("exploitatie", "ontvangsten", 97156, 202000, 95000, 555),
        ("exploitatie", "saldo", -192551, -50000, -139500, 557),
        ("investeringen", "uitgaven", 0, 20000, 0, 560),
        ("investeringen", "ontvangsten", 0, 20000, 0, 562),
    ],
    "AP000005": [
        ("exploitatie", "uitgaven", 279048, 237000, 214500, 835),
        ("exploitatie", "ontvangsten", 97156, 202000, 95000, 837),
        ("exploitatie", "saldo", -181892, -35000, -119500, 839),
        ("investeringen", "uitgaven", 0, 20000, 0, 842),
        ("investeringen", "ontvangsten", 0, 20000, 0, 844),
    ],
    "AC000474": [  # identical to AP000005's table, kept
        ("exploitatie", "uitgaven", 279048, 237000, 214500, 927),
        ("exploitatie", "ontvangsten", 97156, 202000, 95000, 929),
        ("exploitatie", "saldo", -181892, -35000, -119500, 931),
        ("investeringen", "uitgaven", 0, 20000, 0, 934),
        ("investeringen", "ontvangsten", 0, 20000, 0, 936),
    ],
    "AP000017": [
        ("exploitatie", "uitgaven", 373792, 452693, 402770, 2181),
        ("exploitatie", "ontvangsten", 328629, 309950, 277450, 2183),
        ("exploitatie", "saldo", -45163, -142743, -125320, 2185),
    ],
    "BD000007": [
        ("exploitatie", "uitgaven", 1787156, 1963085, 2175232, 3347),
        ("exploitatie", "ontvangsten", 1872280, 2262280, 2218330, 3349),
        ("exploitatie", "saldo", 85125, 299195, 43098, 3351),
        ("investeringen", "uitgaven", 999472, 2259659, 2117000, 3354),
        ("investeringen", "ontvangsten", 999472, 2239556, 2117000, 3356),
        ("investeringen", "saldo", 0, -20103, 0, 3358),
    ],
    "AC000151": [
        ("exploitatie", "uitgaven", 9992, 12931, 103931, 3729),
        ("exploitatie", "ontvangsten", 59221, 70000, 124000, 3731),
        ("exploitatie", "saldo", 49228, 57069, 20069, 3733),
    ],
    "AP000058": [
        ("exploitatie", "uitgaven", 30809, 102487, 100645, 7090),
        ("exploitatie", "ontvangsten", 34195, 36135, 4400, 7092),
        ("exploitatie", "saldo", 3387, -66352, -96245, 7094),
    ],
    "AC000391": [
        ("exploitatie", "uitgaven", 0, 8000, 8000, 8510),
        ("exploitatie", "ontvangsten", 837, 200, 200, 8512),
        ("exploitatie", "saldo", 837, -7800, -7800, 8514),
    ],
    "BD000013": [
        ("exploitatie", "uitgaven", 524508, 546690, 520105, 8054),
        ("exploitatie", "ontvangsten", 2668209, 2929150, 2423137, 8056),
        ("exploitatie", "saldo", 2143701, 2382460, 1903032, 8058),
        ("investeringen", "uitgaven", 57786, 12959972, 57786, 8061),
        ("investeringen", "ontvangsten", 0, 12902186, 0, 8063),
        ("investeringen", "saldo", -57786, -57786, -57786, 8065),
        ("financiering", "uitgaven", 230230, 292730, 292730, 8068),
        ("financiering", "ontvangsten", 0, 1250000, 0, 8070),
        ("financiering", "saldo", -230230, 957270, -292730, 8072),
    ],
}

METADATA = {
    "journaalvolgnummers": "JR Budg. 23508 Alg. 2024036795 / EK 22287 IK 15710",
    "dossier_initieel_krediet": "MJP_HERZIENING_8_BEGINKREDIET_2024 2023: Alg. 15710",
    "dossier_eindkrediet": "MJP_HERZIENING_10_BEGINKREDIET_2025 2024: Alg. 22287",
}
MARKERS = {
    "Geen niet-prioritaire acties": 71,
    "Geen niet-prioritaire actieplannen": 13,
    "Geen niet-prioritaire beleidsdoelstellingen": 1,
    "Geen niet-prioritaire Inhoudstabel:": 1,
}


# --- helpers --------------------------------------------------------------------------------
def _parse(text: str, fiscal_year: int = 2024) -> PolicyResult:
    return parse_policy(find_sections(lines_from_text(text)), fiscal_year)


def _items(result: PolicyResult) -> dict[str, PolicyItem]:
    return {i.code: i for i in result.items}


def _table(result: PolicyResult, code: str) -> list[tuple[str, str, int, int, int, int]]:
    """One tuple per printed row; asserts the three cells of a row share line and year."""
    rows: dict[tuple[str, str, int], dict[str, Decimal]] = {}
    for b in result.budgets:
        if b.policy_code == code:
            rows.setdefault((b.budget_kind, b.direction, b.line_no), {})[b.phase] = b.amount
    out = []
    for (kind, direction, line), cells in rows.items():
        assert set(cells) == {"jaarrekening", "eindkrediet", "initieel_krediet"}
        jr, ek, ik = (int(cells[p]) for p in ("jaarrekening", "eindkrediet", "initieel_krediet"))
        out.append((kind, direction, jr, ek, ik, line))
    return out


def _without_positions(result: PolicyResult) -> tuple[list[PolicyItem], list[PolicyBudget], list[str], dict]:
    items = [dataclasses.replace(i, page_start=0, line_start=0, page_end=0, line_end=0) for i in result.items]
    budgets = [dataclasses.replace(b, page_no=0, line_no=0) for b in result.budgets]
    return items, budgets, result.unknown_status_phrases, result.metadata


def _split_policy(text: str) -> tuple[str, str]:
    """The policy part of the sample (up to the J1 title) and the rest of the document."""
    m = re.search(r"^\s*J1: ?Doelstellingenrekening", text, re.M)
    assert m is not None
    return text[: m.start()], text[m.start() :]


def _insert_before(text: str, anchor: str, new_lines: list[str], occurrence: int = 0) -> str:
    """Insert lines before the ``occurrence``-th line whose stripped text equals ``anchor``."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.strip() == anchor]
    at = hits[occurrence]
    return "\n".join(lines[:at] + new_lines + lines[at:])


@pytest.fixture(scope="module")
def result(sample_sections: dict[str, list[Section]]) -> PolicyResult:
    return parse_policy(sample_sections["policy"], 2024)


# --- the sample -----------------------------------------------------------------------------
def test_counts_and_priority(result: PolicyResult) -> None:
    assert Counter(i.level for i in result.items) == {"BD": 13, "AP": 71, "AC": 398}
    assert all(i.is_priority for i in result.items)
    assert len({i.code for i in result.items}) == 482
    assert [i.code for i in result.items if i.level == "BD"] == [f"BD{n:06d}" for n in range(1, 14)]
    assert result.unknown_status_phrases == []


def test_hierarchy(result: PolicyResult) -> None:
    items = _items(result)
    assert items["AP000073"].parent_code == "BD000007"
    assert items["AP000075"].parent_code == "BD000011"
    assert all(i.parent_code is None for i in result.items if i.level == "BD")
    aps: dict[str, list[str]] = {}
    for i in result.items:
        if i.level == "AP":
            aps.setdefault(i.parent_code, []).append(i.code)
    assert aps == APS_PER_BD
    acs = Counter(items[i.parent_code].parent_code for i in result.items if i.level == "AC")
    assert acs == AC_PER_BD
    assert items["AC000474"].parent_code == "AP000005"
    assert items["AC000395"].parent_code == "AP000001"


def test_statuses(result: PolicyResult) -> None:
    assert Counter(i.evaluation_status for i in result.items) == {
        "op_schema": 271,
        "behaald": 170,
        "achter_schema": 25,
        "niet_opgestart": 7,
        "geen": 9,
    }
    assert Counter((i.level, i.evaluation_status) for i in result.items) == {
        ("BD", "op_schema"): 11,
        ("BD", "behaald"): 2,
        ("AP", "op_schema"): 56,
        ("AP", "behaald"): 14,
        ("AP", "achter_schema"): 1,
        ("AC", "op_schema"): 204,
        ("AC", "behaald"): 154,
        ("AC", "achter_schema"): 24,
        ("AC", "niet_opgestart"): 7,
        ("AC", "geen"): 9,
    }
    geen = {i.code for i in result.items if i.evaluation_status == "geen"}
    assert geen == CLOSED_WITHOUT_TOELICHTING
    assert all(i.status_phrase is None and i.evaluation_text is None for i in result.items if i.code in geen)
    # 29 + 8 + 2 statuses are printed without any text
    no_text = Counter(
        i.evaluation_status for i in result.items if not i.evaluation_text and i.code not in geen
    )
    assert no_text == {"op_schema": 29, "behaald": 8, "achter_schema": 2}


def test_periods(result: PolicyResult) -> None:
    periods = {i.code: (i.period_start, i.period_end) for i in result.items}
    exceptions = {code: p for code, p in periods.items() if p != FULL}
    assert exceptions == PERIOD_EXCEPTIONS
    assert sum(p == FULL for p in periods.values()) == 471


@pytest.mark.parametrize("code", sorted(ITEMS))
def test_item_details(result: PolicyResult, code: str) -> None:
    level, parent, title, period, status, phrase, first, last, span = ITEMS[code]
    item = _items(result)[code]
    assert (item.level, item.parent_code, item.title) == (level, parent, title)
    assert (item.period_start, item.period_end) == period
    assert (item.evaluation_status, item.status_phrase) == (status, phrase)
    if first is None:
        assert item.evaluation_text is None
    else:
        assert item.evaluation_text is not None
        assert item.evaluation_text.startswith(first)
        if last is not None:
            assert item.evaluation_text.endswith(last)
    if span is not None:
        assert (item.page_start, item.line_start, item.page_end, item.line_end) == (
            sample_page(span[0]),
            span[0],
            sample_page(span[1]),
            span[1],
        )


def test_evaluation_text_cleanup(result: PolicyResult) -> None:
    items = _items(result)
    ac396 = items["AC000396"].evaluation_text or ""
    # CSV-style doubled quotes undoubled, outer quotes gone, wrap inside a word keeps its hyphen
    assert ac396.startswith("Voor het breed armoedenetwerk werd op 6 december in samenwerking met Saamo")
    assert (
        'boek "Armoede uitgelegd aan mensen met geld". In samenwerking met de armoede-organisaties' in ac396
    )
    assert ac396.endswith("door te experimenteren met vindplaatsen en methodieken.")
    # page-break footer lines after AC000395's text are not part of it
    assert (items["AC000395"].evaluation_text or "").endswith("Een stuurgroep volgt actief de voortgang op.")
    # a suspended compound wrapped after its hyphen keeps the space ("info- en vormingsavonden")
    assert "door info- en vormingsavonden à la carte" in (items["BD000003"].evaluation_text or "")
    # an unbalanced inner quote is kept as printed; outer quotes are removed
    assert (items["AP000010"].evaluation_text or "").startswith("Ieder dienstencentrum heeft")
    assert (items["AP000010"].evaluation_text or "").endswith("met oog op verduurzaming van het project.")
    texts = [i.evaluation_text for i in result.items if i.evaluation_text]
    assert len(texts) == 482 - 9 - 39
    assert not [t for t in texts if re.search(r"JAARREKENING|/ 155|Geen niet-prioritaire|Eindkredieten", t)]
    assert not [t for t in texts if t.startswith('"') or '""' in t]


def test_budget_tables(result: PolicyResult) -> None:
    owners = list(dict.fromkeys(b.policy_code for b in result.budgets))
    assert owners == [o.replace("_", " ") for o in TABLE_OWNERS]
    levels = Counter(
        level for level, _code in dict.fromkeys((b.policy_level, b.policy_code) for b in result.budgets)
    )
    assert levels == {"PLAN": 1, "BD": 10, "AP": 22, "AC": 44}
    assert {"BD000001", "BD000004", "BD000011"}.isdisjoint(owners)
    assert {b.year for b in result.budgets} == {2024}
    assert all(b.amount == b.amount.quantize(Decimal("0.01")) for b in result.budgets)
    items = _items(result)
    for bd, (n_bd, n_ap, n_ac) in TABLES_PER_BD.items():
        aps = [c for c in owners if c.startswith("AP") and items[c].parent_code == bd]
        acs = [c for c in owners if c.startswith("AC") and items[items[c].parent_code].parent_code == bd]
        assert (int(bd in owners), len(aps), len(acs)) == (n_bd, n_ap, n_ac), bd


@pytest.mark.parametrize("code", sorted(TABLES))
def test_table_values(result: PolicyResult, code: str) -> None:
    assert _table(result, code) == TABLES[code]
    level = {b.policy_level for b in result.budgets if b.policy_code == code}
    assert level == {"PLAN" if code == "GENK MEERJARENPLAN" else code[:2]}


def test_saldo_as_printed(result: PolicyResult) -> None:
    cells: dict[tuple[str, str, str], dict[str, Decimal]] = {}
    for b in result.budgets:
        cells.setdefault((b.policy_code, b.budget_kind, b.phase), {})[b.direction] = b.amount
    zero = Decimal(0)
    off = {
        key: v["saldo"] - (v.get("ontvangsten", zero) - v.get("uitgaven", zero))
        for key, v in cells.items()
        if "saldo" in v and v["saldo"] != v.get("ontvangsten", zero) - v.get("uitgaven", zero)
    }
    assert off == {  # INVARIANTS §9: 7 printed Saldo cells differ by 1 from O - U
        ("GENK MEERJARENPLAN", "investeringen", "eindkrediet"): -1,
        ("AP000020", "exploitatie", "jaarrekening"): 1,
        ("AC000106", "exploitatie", "jaarrekening"): 1,
        ("BD000007", "exploitatie", "jaarrekening"): 1,
        ("AC000151", "exploitatie", "jaarrekening"): -1,
        ("AP000029", "exploitatie", "jaarrekening"): -1,
        ("AP000058", "exploitatie", "jaarrekening"): 1,
    }


def test_metadata(result: PolicyResult) -> None:
    assert {k: v for k, v in result.metadata.items() if k != "niet_prioritaire_markers"} == METADATA
    assert json.loads(result.metadata["niet_prioritaire_markers"]) == MARKERS


def test_accepts_all_sections_and_is_fast(sample_lines) -> None:
    sections = find_sections(sample_lines)
    start = time.perf_counter()
    parsed = parse_policy(sections, 2024)
    assert time.perf_counter() - start < 1.0
    # 269 printed rows of 3 amounts each in the policy part of the sample
    assert len(parsed.items) == 482 and len(parsed.budgets) == 3 * 269


# --- variants -------------------------------------------------------------------------------
def test_crlf_is_identical(sample_text: str, result: PolicyResult) -> None:
    assert _parse(sample_text.replace("\n", "\r\n")) == result


def test_form_feeds_between_pages(sample_text: str, result: PolicyResult) -> None:
    policy, rest = _split_policy(sample_text)
    # a line with exactly one leading space starts a page in the sample
    paged = re.sub(r"^(?= \S)", "\f", policy, flags=re.M) + rest
    lines = lines_from_text(paged)
    parsed = parse_policy(find_sections(lines), 2024)
    assert _without_positions(parsed) == _without_positions(result)
    items = _items(parsed)
    assert items["AP000005"].line_start == 1 and items["AP000005"].page_start > 1
    assert items["AC000391"].page_start > items["AP000005"].page_start
    by_pos = {(cl.page_no, cl.line_no): cl.text for cl in lines}
    for b in parsed.budgets:
        assert by_pos[(b.page_no, b.line_no)].lower().startswith(b.direction[:4])


def test_blank_line_between_every_row(sample_text: str, result: PolicyResult) -> None:
    parsed = _parse("\n\n".join(sample_text.split("\n")))
    assert _without_positions(parsed) == _without_positions(result)
    assert [b.line_no for b in parsed.budgets] == [2 * b.line_no - 1 for b in result.budgets]
    assert [i.line_start for i in parsed.items] == [2 * i.line_start - 1 for i in result.items]


def test_pdf_like_text_without_spaces_or_blank_lines(sample_text: str, result: PolicyResult) -> None:
    text = "\n".join(line.strip() for line in sample_text.split("\n") if line.strip())
    parsed = _parse(text)
    assert _without_positions(parsed) == _without_positions(result)


def _rename_and_shift(text: str) -> str:
    text = text.replace("AGB Genk (0872.093.742)", "OCMW Voorbeeld (0212.345.678)")
    text = text.replace("Genk", "Voorbeeld").replace("GENK", "VOORBEELD")
    return re.sub(r"\b(202[0-7])\b", lambda m: str(int(m[1]) + 1), text)


def test_entity_renamed_and_years_shifted(sample_text: str, result: PolicyResult) -> None:
    policy, rest = _split_policy(sample_text)
    parsed = _parse(_rename_and_shift(policy) + rest, fiscal_year=2025)

    def shift(d: date | None) -> date | None:
        return d.replace(year=d.year + 1) if d else None

    def moved(s: str | None) -> str | None:
        return _rename_and_shift(s) if s is not None else None

    expected_items = [
        dataclasses.replace(
            i,
            title=moved(i.title),
            period_start=shift(i.period_start),
            period_end=shift(i.period_end),
            evaluation_text=moved(i.evaluation_text),
        )
        for i in result.items
    ]
    expected_budgets = [
        dataclasses.replace(b, policy_code=moved(b.policy_code), year=b.year + 1) for b in result.budgets
    ]
    assert parsed.items == expected_items
    assert parsed.budgets == expected_budgets
    assert parsed.metadata == {k: moved(v) for k, v in result.metadata.items()}
    items = _items(parsed)
    assert (items["BD000002"].period_start, items["BD000002"].period_end) == (
        date(2021, 1, 1),
        date(2028, 12, 31),
    )
    assert items["BD000001"].title == "De (kans)armoede daalt in Voorbeeld."
    assert _table(parsed, "VOORBEELD MEERJARENPLAN") == TABLES["GENK MEERJARENPLAN"]
    assert {b.year for b in parsed.budgets} == {2025}
    assert parsed.metadata["dossier_eindkrediet"] == "MJP_HERZIENING_10_BEGINKREDIET_2025 2025: Alg. 22287"


def test_zero_rows_printed(sample_text: str, result: PolicyResult) -> None:
    text = _insert_before(sample_text, "Prioritair actieplan: AP000077", ["Uitgaven 0 0 0", "Saldo 0 0 0"])
    # BD000002's table ends "Ontvangsten 0 20.000 0" / "Financiering": add the omitted Investeringen Saldo
    text = _insert_before(text, "Financiering", ["", "Saldo 0 0 0", ""], occurrence=1)
    parsed = _parse(text)
    rows = [r[:5] for r in _table(parsed, "BD000002")]
    assert rows == [r[:5] for r in TABLES["BD000002"]] + [
        ("investeringen", "saldo", 0, 0, 0),
        ("financiering", "uitgaven", 0, 0, 0),
        ("financiering", "saldo", 0, 0, 0),
    ]
    others = [b for b in _without_positions(parsed)[1] if b.policy_code != "BD000002"]
    assert others == [b for b in _without_positions(result)[1] if b.policy_code != "BD000002"]
    assert _without_positions(parsed)[0] == _without_positions(result)[0]


def test_page_break_inside_a_table(sample_text: str, result: PolicyResult) -> None:
    page_break = [
        "JAARREKENING ORIGINEEL 2024 : Beleidsevaluatie 2024",
        "AGB Genk (0872.093.742) 150 / 155",
        "154",
        " 2024",
        "Jaarrekening Eindkredieten Initiële kredieten",
    ]
    # BD000013's table: break between the Investeringen and Financiering rows
    lines = sample_text.split("\n")
    at = lines.index("Saldo -57.786 -57.786 -57.786") + 1
    parsed = _parse("\n".join(lines[:at] + page_break + lines[at:]))
    rows = _table(parsed, "BD000013")
    assert [r[:5] for r in rows] == [r[:5] for r in TABLES["BD000013"]]
    assert [r[5] for r in rows][-3:] == [8068 + 5, 8070 + 5, 8072 + 5]
    assert _without_positions(parsed) == _without_positions(result)


def test_row_label_and_amounts_on_separate_lines(sample_text: str, result: PolicyResult) -> None:
    text = sample_text.replace("\nUitgaven 9.992 12.931 103.931\n", "\nUitgaven\n9.992 12.931 103.931\n")
    parsed = _parse(text)
    assert [r[:5] for r in _table(parsed, "AC000151")] == [r[:5] for r in TABLES["AC000151"]]
    assert _table(parsed, "AC000151")[0][5] == 3730  # the line that carries the amounts
    assert _without_positions(parsed) == _without_positions(result)


NON_PRIORITY_BLOCK = [
    "Niet-prioritaire beleidsdoelstelling: BD000099",
    "Een bijkomende doelstelling die over",
    "twee regels loopt.",
    "Van 01/01/2021 tot 31/12/2025",
    'Toelichting evaluatie: Resultaat is behaald. : "Alles is gerealiseerd."',
    "2024",
    "Jaarrekening Eindkredieten Initiële kredieten",
    "Exploitatie",
    "Uitgaven 1.500 2.000 2.500",
    "Saldo -1.500 -2.000 -2.500",
    "Investeringen",
    "Financiering",
    "Niet-prioritair actieplan: AP000099",
    "Een bijkomend actieplan.",
    "Van 01/01/2021 tot 31/12/2025",
    "Toelichting evaluatie: Voortgang loopt zoals gepland",
    "Niet-prioritaire actie: AC000999",
    "Een bijkomende actie.",
    "Van 01/01/2022 tot 31/12/2023",
    "2024",
    "Jaarrekening Eindkredieten Initiële kredieten",
    "Exploitatie",
    "Investeringen",
    "Uitgaven 1.500 2.000 0",
    "Ontvangsten 0 -38.729 0",
    "Financiering",
]


def test_non_priority_block(sample_text: str, result: PolicyResult) -> None:
    text = _insert_before(sample_text, "Geen niet-prioritaire beleidsdoelstellingen", NON_PRIORITY_BLOCK)
    parsed = _parse(text)
    assert parsed.items[:-3] == result.items  # AC000394's text still stops at its marker
    bd, ap, ac = parsed.items[-3:]
    assert (bd.level, bd.code, bd.is_priority, bd.parent_code) == ("BD", "BD000099", False, None)
    assert bd.title == "Een bijkomende doelstelling die over twee regels loopt."
    assert (bd.period_start, bd.period_end) == (date(2021, 1, 1), date(2025, 12, 31))
    assert (bd.evaluation_status, bd.status_phrase, bd.evaluation_text) == (
        "behaald",
        "Resultaat is behaald.",
        "Alles is gerealiseerd.",
    )
    assert (ap.level, ap.code, ap.is_priority, ap.parent_code) == ("AP", "AP000099", False, "BD000099")
    assert (ap.evaluation_status, ap.evaluation_text) == ("op_schema", None)
    assert (ac.level, ac.code, ac.is_priority, ac.parent_code) == ("AC", "AC000999", False, "AP000099")
    assert (ac.title, ac.evaluation_status, ac.period_end) == (
        "Een bijkomende actie.",
        "geen",
        date(2023, 12, 31),
    )
    assert [r[:5] for r in _table(parsed, "BD000099")] == [
        ("exploitatie", "uitgaven", 1500, 2000, 2500),
        ("exploitatie", "saldo", -1500, -2000, -2500),
    ]
    assert [r[:5] for r in _table(parsed, "AC000999")] == [
        ("investeringen", "uitgaven", 1500, 2000, 0),
        ("investeringen", "ontvangsten", 0, -38729, 0),
    ]
    assert _table(parsed, "AP000099") == []
    assert len(parsed.budgets) == len(result.budgets) + 12
    assert parsed.metadata == result.metadata


def test_unknown_status_phrase(sample_text: str, result: PolicyResult) -> None:
    old = "Toelichting evaluatie: Voortgang loopt zoals gepland: Alle planprocessen"
    assert sample_text.count(old) == 1
    new = "Toelichting evaluatie: Uitgesteld wegens budget: Alle planprocessen"
    parsed = _parse(sample_text.replace(old, new))
    item = _items(parsed)["BD000007"]
    assert (item.evaluation_status, item.status_phrase) == ("onbekend", "Uitgesteld wegens budget")
    assert item.evaluation_text == "Alle planprocessen voor de stadsontwikkelingsprojecten zijn lopende."
    assert parsed.unknown_status_phrases == ["Uitgesteld wegens budget"]
    assert Counter(i.evaluation_status for i in parsed.items)["op_schema"] == 270
    assert parsed.budgets == result.budgets


def test_status_separator_variants() -> None:
    text = "\n".join(
        [
            "Beleidsevaluatie",
            "Prioritaire beleidsdoelstelling: BD000001",
            "Titel een",
            "Van 01/01/2020 tot 31/12/2027",
            "Toelichting evaluatie:",
            "Voortgang loopt niet zoals",
            'gepland. : "Vertraagd door ""overmacht""."',
            "Prioritair actieplan: AP000001",
            "Titel twee Van 01/01/2020 tot 31/12/2027",
            "Toelichting evaluatie: Niet opgestart.",
            "Prioritaire actie: AC000001",
            "Titel drie",
            "Van 01/01/2020 tot 31/12/2027",
            "Toelichting evaluatie: Iets nieuws",
            "met tekst.",
        ]
    )
    parsed = _parse(text)
    bd, ap, ac = parsed.items
    assert (bd.evaluation_status, bd.status_phrase, bd.evaluation_text) == (
        "achter_schema",
        "Voortgang loopt niet zoals gepland.",
        'Vertraagd door "overmacht".',
    )
    assert (ap.title, ap.period_end, ap.evaluation_status, ap.evaluation_text) == (
        "Titel twee",
        date(2027, 12, 31),
        "niet_opgestart",
        None,
    )
    assert (ac.evaluation_status, ac.status_phrase, ac.evaluation_text) == (
        "onbekend",
        "Iets nieuws",
        "met tekst.",
    )
    assert parsed.unknown_status_phrases == ["Iets nieuws"]
    assert parsed.budgets == [] and parsed.metadata == {}
