"""Policy items and per-item plan budgets of other producers: every code form, headers in capitals, priority
from a star, a word or the section, domain headings, hierarchy from the code, descriptions, year tables.

The fixtures model what the issue describes (a city + OCMW plan of another accounting package with a strategic
note whose headings are in capitals and one year table per action plan; a policy portal's list of all
beleidsdoelstellingen under ``H1:`` domain headings). The expected values are the ones printed in the fixtures.
No fixture carries a policy section title of the Journaalvolgnummers family, so the items are found by
:func:`plan_policy.parse_unsectioned` (what ``extract_document`` does for such a plan).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from decimal import Decimal

import pytest

from pipelines.extract.model import PolicyResult, policy_code_key
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.plan_policy import TOTAL_KIND, parse_plan_policy, parse_unsectioned
from pipelines.extract.policy import parse_policy
from pipelines.extract.run import extract_document
from pipelines.extract.sections import find_sections
from tests.conftest import lines_from_text

YEARS = list(range(2026, 2032))

# A strategic note as another accounting package prints it: a title page, a table of contents, headings in
# capitals with the code after the level word, a description under each heading, one year table per action
# plan, the page number alone at the foot of each page (pages separated by form feeds).
CITY_PLAN = """\
MEERJARENPLAN 2026-2031
STAD VOORBEELDSTAD EN OCMW VOORBEELDSTAD
Inhoud
BELEIDSDOELSTELLING BD01 - WONEN EN LEVEN IN VOORBEELDSTAD ........ 3
BELEIDSDOELSTELLING BD02 - EEN VEILIGE STAD ........ 4
1
\fSTRATEGISCHE NOTA
Prioritaire beleidsdoelstellingen
BELEIDSDOELSTELLING BD01 - WONEN EN LEVEN IN
VOORBEELDSTAD
We willen dat iedereen in Voorbeeldstad betaalbaar en
kwaliteitsvol kan wonen, in een buurt waar het goed leven is.
ACTIEPLAN AP0101 Betaalbaar wonen
De stad en het OCMW breiden samen het aanbod
betaalbare huurwoningen uit.
            2026        2027        2028        2029        2030        2031
Uitgaven    1.250.000   1.300.000   1.350.000   1.400.000   1.450.000   1.500.000
Ontvangsten   250.000     255.000     260.000     265.000     270.000     275.000
Saldo      -1.000.000  -1.045.000  -1.090.000  -1.135.000  -1.180.000  -1.225.000
ACTIEPLAN AP0102 Leefbare wijken
Wijkwerking en buurtbudgetten.
            2026        2027        2028        2029        2030        2031
Uitgaven      310.000     320.000     330.000     340.000     350.000     360.000
2
\f            2026        2027        2028        2029        2030        2031
Ontvangsten    (12.500)         0     1.234-          0     5.000,50          0
Actie AC010201 Buurtbudgetten
Elke wijk krijgt een eigen budget.
Overige beleidsdoelstellingen
BELEIDSDOELSTELLING BD02 - EEN VEILIGE STAD
ACTIEPLAN AP0201
BRANDPREVENTIE EN
NOODPLANNING
De stad actualiseert haar noodplannen.
MJP2026 MJP2027 MJP2028 MJP2029 MJP2030 MJP2031 Totaal
Exploitatie uitgaven 100 200 300 400 500 600 2.100
Exploitatie ontvangsten 10 20 30 40 50 60 210
Investeringen - Uitgaven 1.000,25 0 0 0 0 0 1.000,25
3
\fFINANCIËLE NOTA
M1: Financieel doelstellingenplan
"""


@pytest.fixture(scope="module")
def city() -> PolicyResult:
    lines = lines_from_text(CITY_PLAN)
    sections, result = parse_unsectioned(lines, find_sections(lines))
    assert sections
    return result


def _items(res: PolicyResult):
    return {i.code: i for i in res.items}


def _series(res: PolicyResult, code: str, kind: str, direction: str) -> list[Decimal]:
    key = (code, kind, direction)
    rows = {b.year: b.amount for b in res.budgets if (b.policy_code, b.budget_kind, b.direction) == key}
    return [rows[y] for y in sorted(rows)]


def D(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", ".")).quantize(Decimal("0.01"))


def test_city_plan_items(city: PolicyResult) -> None:
    got = {i.code: (i.level, i.parent_code, i.is_priority) for i in city.items}
    assert got == {
        "BD01": ("BD", None, True),
        "AP0101": ("AP", "BD01", True),
        "AP0102": ("AP", "BD01", True),
        "AC010201": ("AC", "AP0102", True),
        "BD02": ("BD", None, False),  # under "Overige beleidsdoelstellingen"
        "AP0201": ("AP", "BD02", False),
    }
    # one item per code in order of first printing (the table of contents lists BD01 and BD02 first)
    assert [i.code for i in city.items] == ["BD01", "BD02", "AP0101", "AP0102", "AC010201", "AP0201"]
    assert {i.code_key for i in city.items} == {"BD1", "BD2", "AP101", "AP102", "AC10201", "AP201"}
    assert all(i.period_start is None and i.evaluation_status == "geen" for i in city.items)


def test_city_plan_titles_and_descriptions(city: PolicyResult) -> None:
    items = _items(city)
    bd = items["BD01"]
    # the heading, not the contents line, gives the row: its title wraps over two lines in capitals
    assert bd.title == "WONEN EN LEVEN IN VOORBEELDSTAD"
    assert bd.description == (
        "We willen dat iedereen in Voorbeeldstad betaalbaar en kwaliteitsvol kan wonen, in een buurt waar het goed "
        "leven is."
    )
    assert (bd.page_start, bd.line_start) == (2, 3)
    assert items["AP0101"].title == "Betaalbaar wonen"
    assert items["AP0101"].description == "De stad en het OCMW breiden samen het aanbod betaalbare huurwoningen uit."
    assert items["AP0102"].description == "Wijkwerking en buurtbudgetten."
    assert (items["AC010201"].title, items["AC010201"].description) == (
        "Buurtbudgetten",
        "Elke wijk krijgt een eigen budget.",
    )
    # the heading gives the row, not the contents line (which prints the same title)
    assert (items["BD02"].title, items["BD02"].description) == ("EEN VEILIGE STAD", None)
    assert (items["BD02"].page_start, items["BD02"].line_start) == (3, 6)
    # code alone on the header line, title in capitals on the next two lines
    assert items["AP0201"].title == "BRANDPREVENTIE EN NOODPLANNING"
    assert items["AP0201"].description == "De stad actualiseert haar noodplannen."


def test_city_plan_budgets(city: PolicyResult) -> None:
    assert _series(city, "AP0101", TOTAL_KIND, "uitgaven") == [
        D(x) for x in "1.250.000 1.300.000 1.350.000 1.400.000 1.450.000 1.500.000".split()
    ]
    assert _series(city, "AP0101", TOTAL_KIND, "ontvangsten") == [
        D(x) for x in "250.000 255.000 260.000 265.000 270.000 275.000".split()
    ]
    assert _series(city, "AP0101", TOTAL_KIND, "saldo") == [
        D(x) for x in "-1.000.000 -1.045.000 -1.090.000 -1.135.000 -1.180.000 -1.225.000".split()
    ]
    # the table goes on after the page break (page number, repeated year header)
    assert _series(city, "AP0102", TOTAL_KIND, "uitgaven") == [
        D(x) for x in "310.000 320.000 330.000 340.000 350.000 360.000".split()
    ]
    # (12.500), 1.234- and a decimal comma
    assert _series(city, "AP0102", TOTAL_KIND, "ontvangsten") == [
        D("-12.500"),
        D("0"),
        D("-1.234"),
        D("0"),
        D("5.000,50"),
        D("0"),
    ]
    # MJP2026 ... with a Totaal column (not stored), the budget kind as row prefix
    assert _series(city, "AP0201", "exploitatie", "uitgaven") == [D(x) for x in "100 200 300 400 500 600".split()]
    assert _series(city, "AP0201", "exploitatie", "ontvangsten") == [D(x) for x in "10 20 30 40 50 60".split()]
    assert _series(city, "AP0201", "investeringen", "uitgaven") == [D("1.000,25"), *[D("0")] * 5]
    assert Counter(b.policy_code for b in city.budgets) == {"AP0101": 18, "AP0102": 12, "AP0201": 18}
    assert {(b.policy_level, b.phase, b.column_role) for b in city.budgets} == {("AP", "meerjarenplan", "plan")}
    assert {b.year for b in city.budgets} == set(YEARS)
    row = next(b for b in city.budgets if (b.policy_code, b.direction, b.year) == ("AP0102", "ontvangsten", 2028))
    assert (row.page_no, row.line_no) == (3, 2)


def test_city_plan_through_extract_document() -> None:
    """``extract_document`` reads the items of a plan without policy section titles; a schema's lines are not."""
    lines = lines_from_text(CITY_PLAN + "Beleidsdoelstelling: BD09: Een schema-regel\nUitgaven 1 2 3 4 5 6\n")
    ex = extract_document(lines, 2026, "meerjarenplan")
    assert [i.code for i in ex.tables["policy_items"]] == ["BD01", "BD02", "AP0101", "AP0102", "AC010201", "AP0201"]
    assert len(ex.tables["policy_budgets"]) == 48
    cov = next(c for c in ex.coverage if c.table_kind == "policy")
    assert (cov.found, cov.row_count) == (True, 6)


# --- the policy portal's list of all beleidsdoelstellingen ------------------------------------------------------
PORTAL_LIST = """\
Provincie Voorbeeldland
Overzicht van alle beleidsdoelstellingen
H1: Algemene financiering
BD000001: Een financieel gezond bestuur *
BD000002: Efficiënte en klantgerichte
    dienstverlening
AP000001: Een sluitende begroting *
H2: Zorg en opvoeding
BD000003: Kwaliteitsvolle zorg voor iedereen *
De provincie ondersteunt de zorgsector.
1
\fH7: Cultuur en vrije tijd
BD000004: Betaalbare en toegankelijke recreatiedomeinen *
2
"""


def test_portal_list_of_all_beleidsdoelstellingen() -> None:
    lines = lines_from_text(PORTAL_LIST)
    _, res = parse_unsectioned(lines, find_sections(lines))
    assert [(i.code, i.title, i.is_priority, i.beleidsdomein_code, i.beleidsdomein) for i in res.items] == [
        ("BD000001", "Een financieel gezond bestuur", True, "H1", "Algemene financiering"),
        ("BD000002", "Efficiënte en klantgerichte dienstverlening", False, "H1", "Algemene financiering"),
        ("AP000001", "Een sluitende begroting", True, "H1", "Algemene financiering"),
        ("BD000003", "Kwaliteitsvolle zorg voor iedereen", True, "H2", "Zorg en opvoeding"),
        ("BD000004", "Betaalbare en toegankelijke recreatiedomeinen", True, "H7", "Cultuur en vrije tijd"),
    ]
    assert res.items[3].description == "De provincie ondersteunt de zorgsector."
    # an actieplan listed under its BD hangs under it (in a list of one level only the code could place it)
    assert [(i.level, i.parent_code, i.page_start, i.line_start) for i in res.items] == [
        ("BD", None, 1, 4),
        ("BD", None, 1, 5),
        ("AP", "BD000002", 1, 7),
        ("BD", None, 1, 9),
        ("BD", None, 2, 2),
    ]
    assert res.budgets == []


# --- code forms -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "code", "key", "title"),
    [
        ("Beleidsdoelstelling: BD000001: Een doel", "BD000001", "BD1", "Een doel"),
        ("Beleidsdoelstelling: BDS000001: Een doel", "BDS000001", "BDS1", "Een doel"),
        ("BELEIDSDOELSTELLING BD01 - EEN DOEL", "BD01", "BD1", "EEN DOEL"),
        ("Beleidsdoelstelling BD.17: Veiligheid", "BD.17", "BD17", "Veiligheid"),
        ("BD.17 Veiligheid", "BD.17", "BD17", "Veiligheid"),
        ("BD 1 Veiligheid", "BD 1", "BD1", "Veiligheid"),
        ("BD 1 - Veiligheid", "BD 1", "BD1", "Veiligheid"),
        ("BD000001: Een financieel gezond bestuur *", "BD000001", "BD1", "Een financieel gezond bestuur"),
        ("BD01", "BD01", "BD1", "Wonen"),  # the title on the next line
        ("beleidsdoelstelling bd01 wonen", None, None, None),  # a code is printed in capitals
    ],
)
def test_bd_code_forms(header: str, code: str | None, key: str | None, title: str | None) -> None:
    lines = lines_from_text(f"{header}\nWonen\nDe stad zorgt ervoor.\n")
    _, res = parse_unsectioned(lines, [])
    if code is None:
        assert res.items == []
        return
    (item,) = res.items
    assert (item.level, item.code, item.code_key) == ("BD", code, key)
    assert item.title == title


@pytest.mark.parametrize(
    ("bd", "ap", "ac"),
    [
        ("BD01", "AP0101", "AC010101"),
        ("BD.01", "AP.0101", "AC.010101"),
    ],
)
def test_hierarchy_from_the_code_where_no_heading_places_it(bd: str, ap: str, ac: str) -> None:
    """Lists of BDs, APs and ACs one after the other: the code nests the items (positional would be wrong)."""
    text = (
        "Overzicht beleidsdoelstellingen\n"
        f"{bd}: Wonen\n"
        "BD02: Zorg\n"
        "Overzicht actieplannen\n"
        f"{ap}: Betaalbaar wonen\n"
        "AP0201: Thuiszorg\n"
        "Overzicht acties\n"
        f"{ac}: Sociale huur\n"
        "AC020101: Thuishulp\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    parents = {i.code: i.parent_code for i in res.items}
    assert parents == {bd: None, "BD02": None, ap: bd, "AP0201": "BD02", ac: ap, "AC020101": "AP0201"}


def test_code_nesting_must_be_unambiguous() -> None:
    """Codes of equal length never nest (AP000001 is not under BD000001); a number that nests in two printed BDs
    gives no parent; the spaced form nests too (AP 101 under BD 1)."""
    text = (
        "Overzicht beleidsdoelstellingen\nBD01: Een\nBD.01: Twee\nBD000001: Drie\nBD 1: Vier\n"
        "Overzicht actieplannen\nAP0101: Vijf\nAP000001: Zes\nAP 101: Zeven\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert {i.code: i.parent_code for i in res.items} == {
        "BD01": None,
        "BD.01": None,
        "BD000001": None,
        "BD 1": None,
        "AP0101": None,  # BD01 or BD.01
        "AP000001": None,
        "AP 101": "BD 1",
    }


def test_priority_from_star_word_and_section() -> None:
    text = (
        "BELEIDSDOELSTELLING BD01 - WONEN (prioritair)\n"
        "ACTIEPLAN AP0101 Huren - niet-prioritair actieplan\n"
        "ACTIEPLAN AP0102 Kopen\n"  # inherits its BD's priority
        "BD02 * Zorg\n"
        "BD03 Cultuur *\n"
        "Niet-prioritaire beleidsdoelstellingen\n"
        "BD04 Sport\n"
        "Prioritaire beleidsdoelstellingen\n"
        "Beleidsdoelstelling BD05: Water\n"
        "Niet-prioritaire beleidsdoelstelling: BD06: Erfgoed\n"  # the header's word wins over the section
        "BD07 Mobiliteit\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(i.code, i.title, i.is_priority) for i in res.items] == [
        ("BD01", "WONEN", True),
        ("AP0101", "Huren", False),
        ("AP0102", "Kopen", True),
        ("BD02", "Zorg", True),
        ("BD03", "Cultuur", True),
        ("BD04", "Sport", False),
        ("BD05", "Water", True),
        ("BD06", "Erfgoed", False),
        ("BD07", "Mobiliteit", True),
    ]


def test_no_items_from_prose_rows_or_a_lone_code() -> None:
    """A code above an amount line is a table row's label, a code line ending in amounts is a row, and a lone
    actieplan code (a chart title in a policy statement) without any beleidsdoelstelling gives no item."""
    rows = "Motivering\n2026 2027\nAP000001\n-93.568,00 -95.469,00\nBD01 Wonen 1.000 2.000\n"
    assert parse_unsectioned(lines_from_text(rows), []) == ([], PolicyResult())
    chart = "Personeel\nAP000086 - Aantal VTE effectieve bezetting (administratie + onderwijs)\nBron: provincie\n"
    assert parse_unsectioned(lines_from_text(chart), []) == ([], PolicyResult())
    prose = "Het meerjarenplan zet in op BD01 en BD02.\nDe beleidsdoelstelling 1 is prioritair.\n"
    assert parse_unsectioned(lines_from_text(prose), []) == ([], PolicyResult())


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("2026 2027 2028", "Uitgaven 1.234 -1.234 0", ["1.234", "-1.234", "0"]),
        ("MJP2026 MJP2027 MJP2028", "Ontvangsten (1.234) 1.234- 1.234,56", ["-1.234", "-1.234", "1.234,56"]),
        ("2026 (€) 2027 (€) 2028 (€)", "Saldo (€ 1.234,56) 1.234,56- -€ 1,00", ["-1.234,56", "-1.234,56", "-1,00"]),
        ("2026 2027 2028 Totaal", "Uitgaven: 1 2 3 6", ["1", "2", "3"]),
    ],
)
def test_year_headers_and_number_formats(header: str, row: str, expected: list[str]) -> None:
    text = f"BELEIDSDOELSTELLING BD01 - WONEN\nACTIEPLAN AP0101 Huren\n{header}\n{row}\n"
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(b.policy_code, b.year, b.budget_kind) for b in res.budgets] == [
        ("AP0101", y, TOTAL_KIND) for y in (2026, 2027, 2028)
    ]
    assert [b.amount for b in res.budgets] == [D(x) for x in expected]


def test_budget_kind_as_sub_heading_before_or_after_the_year_line() -> None:
    text = (
        "BD01 Wonen\nAP0101 Huren\n"
        "Investeringen\n2026 2027\nUitgaven 5 6\nOntvangsten 1 1\n"
        "Financiering\nUitgaven 7 8\n"
        "AP0102 Kopen\n2026 2027\nUitgaven - exploitatie 3 4\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(b.policy_code, b.budget_kind, b.direction, b.year, b.amount) for b in res.budgets] == [
        ("AP0101", "investeringen", "uitgaven", 2026, 5),
        ("AP0101", "investeringen", "uitgaven", 2027, 6),
        ("AP0101", "investeringen", "ontvangsten", 2026, 1),
        ("AP0101", "investeringen", "ontvangsten", 2027, 1),
        ("AP0101", "financiering", "uitgaven", 2026, 7),
        ("AP0101", "financiering", "uitgaven", 2027, 8),
        ("AP0102", "exploitatie", "uitgaven", 2026, 3),
        ("AP0102", "exploitatie", "uitgaven", 2027, 4),
    ]


def test_negative_notations_and_code_key() -> None:
    assert split_trailing_amounts("Uitgaven (1.234) 1.234- 1.234,56- (€ 2,50) -7") == (
        "Uitgaven",
        [D("-1.234"), D("-1.234"), D("-1.234,56"), D("-2,50"), D("-7")],
    )
    assert split_trailing_amounts("Van 2026-2031") == ("Van 2026-2031", [])
    assert [policy_code_key(c) for c in ("BD000001", "BD01", "BD.1", "BD 1", "AP.0101", "AC010101", "PROV: x")] == [
        "BD1",
        "BD1",
        "BD1",
        "BD1",
        "AP101",
        "AC10101",
        None,
    ]


def test_journaalvolgnummers_plan_keeps_its_reading() -> None:
    """The family of the bundled plans: the same headers still give the same items, now with a description."""
    res = parse_plan_policy(
        find_sections(
            lines_from_text(
                "SN: Strategische Nota\n"
                "Overzicht beleidsdoelstellingen\n"
                "BD000001: * Eerste doel\n"
                "Eerste doel, uitgebreid beschreven.\n"
                "*: Prioritaire beleidsdoelstelling\n"
                "Prioritaire beleidsdoelstelling: BD000001\n"
                "Van 01/01/2026 tot 31/12/2031\n"
                "Prioritair actieplan: AP000001: Een plan\n"
                "Een plan\n"
                "Van 01/01/2026 tot 31/12/2031\n"
            )
        )
    )
    assert [(i.code, i.title, i.description, i.is_priority, i.parent_code) for i in res.items] == [
        ("BD000001", "Eerste doel", "Eerste doel, uitgebreid beschreven.", True, None),
        ("AP000001", "Een plan", None, True, "BD000001"),  # the description only repeats the title
    ]


def test_jaarrekening_description_and_spaced_code() -> None:
    lines = lines_from_text(
        "Beleidsevaluatie\n"
        "Prioritaire beleidsdoelstelling: BD 1 Wonen\n"
        "Van 01/01/2026 tot 31/12/2031\n"
        "De stad zorgt voor betaalbare woningen.\n"
        "Toelichting evaluatie: Resultaat is behaald: Klaar.\n"
    )
    (item,) = parse_policy([s for s in find_sections(lines) if s.kind == "policy"], 2026).items
    assert (item.code, item.code_key, item.title, item.description) == (
        "BD 1",
        "BD1",
        "Wonen",
        "De stad zorgt voor betaalbare woningen.",
    )
    assert (item.evaluation_status, item.evaluation_text) == ("behaald", "Klaar.")


def test_labelled_year_header_and_revision_roles() -> None:
    """A label before the years ("Bedragen in euro"), and a revision's "Vorig krediet / Wijziging / Nieuw krediet"."""
    text = (
        "BD01 Wonen\nAP0101 Huren\n"
        "Bedragen in euro 2026 2027\nUitgaven 5 6\n"
        "AP0102 Kopen\n2026\nVorig krediet Wijziging Nieuw krediet\nUitgaven 10 -1 9\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(b.policy_code, b.year, b.column_role, b.amount) for b in res.budgets] == [
        ("AP0101", 2026, "plan", 5),
        ("AP0101", 2027, "plan", 6),
        ("AP0102", 2026, "referentie", 10),
        ("AP0102", 2026, "wijziging", -1),
        ("AP0102", 2026, "nieuw", 9),
    ]
    assert [i.description for i in res.items] == [None, None, None]


def test_jaarrekening_code_with_title_after_a_dash_or_colon() -> None:
    lines = lines_from_text(
        "Beleidsevaluatie\n"
        "Prioritaire beleidsdoelstelling: BD01 - Wonen\n"
        "Van 01/01/2026 tot 31/12/2031\n"
        "Prioritair actieplan: AP.0101: Huren\n"
        "Van 01/01/2026 tot 31/12/2031\n"
    )
    items = parse_policy([s for s in find_sections(lines) if s.kind == "policy"], 2026).items
    assert [(i.code, i.code_key, i.title, i.parent_code) for i in items] == [
        ("BD01", "BD1", "Wonen", None),
        ("AP.0101", "AP101", "Huren", "BD01"),
    ]


def test_city_plan_as_pdf(city: PolicyResult, tmp_path) -> None:
    """The fixture rendered as a PDF: the furniture detector flags the BD headings (printed in the contents
    too) and the page numbers; the same items and budgets are read."""
    from pipelines.ingest.intake import read_document
    from pipelines.synth.pdf import render_text_to_pdf

    doc = read_document(render_text_to_pdf(CITY_PLAN, tmp_path / "city.pdf"), max_bytes=1 << 26)
    ex = extract_document(doc.content_lines(), doc.identity.fiscal_year, doc.identity.report_type)

    def strip(rows):
        drop = {"page_no", "line_no", "page_start", "line_start", "page_end", "line_end"}
        return [{k: v for k, v in dataclasses.asdict(r).items() if k not in drop} for r in rows]

    assert strip(ex.tables["policy_items"]) == strip(city.items)
    assert strip(ex.tables["policy_budgets"]) == strip(city.budgets)


def test_heading_repeated_as_running_header() -> None:
    """A heading flagged as furniture is the heading the first time (also after a flagged contents line) and a
    running header after that: the table continued under it stays with its actieplan."""
    text = (
        "BELEIDSDOELSTELLING BD01 - WONEN ........ 2\n"
        "\fBELEIDSDOELSTELLING BD01 - WONEN\n"
        "ACTIEPLAN AP0101 Huren\n"
        "2026 2027\n"
        "Uitgaven 1 2\n"
        "\fBELEIDSDOELSTELLING BD01 - WONEN\n"
        "Ontvangsten 3 4\n"
    )
    flagged = {(1, 1), (2, 1), (3, 1)}
    lines = [
        dataclasses.replace(cl, furniture="running_header") if (cl.page_no, cl.line_no) in flagged else cl
        for cl in lines_from_text(text)
    ]
    _, res = parse_unsectioned(lines, [])
    assert [(i.code, i.title, i.parent_code, i.page_start, i.line_start) for i in res.items] == [
        ("BD01", "WONEN", None, 2, 1),
        ("AP0101", "Huren", "BD01", 2, 2),
    ]
    assert [(b.policy_code, b.direction, b.year, b.amount) for b in res.budgets] == [
        ("AP0101", "uitgaven", 2026, 1),
        ("AP0101", "uitgaven", 2027, 2),
        ("AP0101", "ontvangsten", 2026, 3),
        ("AP0101", "ontvangsten", 2027, 4),
    ]


def test_dotted_and_bare_numbering() -> None:
    """Numbered items (BD 1 / AP 1.2 / AC 1.2.1, or the level word with a bare number) nest by their numbers;
    a bare number is stored with its level (two levels may both print "1"); prose never starts an item."""
    text = (
        "Beleidsdoelstelling 1: Wonen\n"
        "Actieplan 1.1 - Huren\n"
        "ACTIE 1.1.1: SOCIALE HUUR\n"
        "Overzicht actieplannen\n"
        "AP 2.1: Thuiszorg\n"
        "AP2.2: Kinderopvang\n"
        "Overzicht beleidsdoelstellingen\n"
        "BD 2: Zorg\n"
        "Zorg voor iedereen, zoals\n"
        "beleidsdoelstelling 3 - en dit is proza\n"
        "Prioritaire beleidsdoelstelling 4: Cultuur\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(i.level, i.code, i.code_key, i.title, i.parent_code, i.is_priority) for i in res.items] == [
        ("BD", "BD 1", "BD1", "Wonen", None, False),
        ("AP", "AP 1.1", "AP1.1", "Huren", "BD 1", False),
        ("AC", "AC 1.1.1", "AC1.1.1", "SOCIALE HUUR", "AP 1.1", False),
        ("AP", "AP 2.1", "AP2.1", "Thuiszorg", "BD 2", False),
        ("AP", "AP2.2", "AP2.2", "Kinderopvang", "BD 2", False),
        ("BD", "BD 2", "BD2", "Zorg", None, False),
        ("BD", "BD 4", "BD4", "Cultuur", None, True),
    ]
    assert res.items[5].description == "Zorg voor iedereen, zoals beleidsdoelstelling 3 - en dit is proza"


MARKED_PLAN = """\
Naam bestuur
Gemeente Voorbeeld
KBO-nummer 0207.000.001
Inhoud
Strategische nota ........ 2
Schema M1 - Financieel doelstellingenplan ........ 3
1
\fStrategische nota
BELEIDSDOELSTELLING BD 1
ZORG VOOR IEDEREEN
Prioritaire beleidsdoelstelling
Een zorgzame gemeente.
ACTIEPLAN AP0101
THUISZORG UITBOUWEN
Prioritair actieplan
De thuiszorg wordt uitgebreid.
2026 2027
Uitgaven 100 200
Ontvangsten 0 0
Saldo (100) 200-
ACTIEPLAN AP0102
KINDEROPVANG
Meer plaatsen.
BELEIDSDOELSTELLING BD 2
WONEN
Betaalbaar wonen.
2
\fSchema M1 - Financieel doelstellingenplan
MJP2026 MJP2027
Beleidsdoelstelling BD 1 - Zorg voor iedereen
Uitgaven 150 250
Ontvangsten 0 0
3
"""


def test_priority_marker_lines_and_the_schema_part() -> None:
    """A marker line under the heading marks a priority item (the marker is no description); where a layout
    marks its priority items, an unmarked one is not priority (not inherited); M1's BD blocks after the schema
    title are no items and their rows no item budgets."""
    lines = lines_from_text(MARKED_PLAN)
    ex = extract_document(lines, 2026, "meerjarenplan")
    items = ex.tables["policy_items"]
    assert [(i.code, i.title, i.is_priority, i.parent_code, i.description) for i in items] == [
        ("BD 1", "ZORG VOOR IEDEREEN", True, None, "Een zorgzame gemeente."),
        ("AP0101", "THUISZORG UITBOUWEN", True, "BD 1", "De thuiszorg wordt uitgebreid."),
        ("AP0102", "KINDEROPVANG", False, "BD 1", "Meer plaatsen."),
        ("BD 2", "WONEN", False, None, "Betaalbaar wonen."),
    ]
    assert [(b.policy_code, b.direction, b.year, b.amount) for b in ex.tables["policy_budgets"]] == [
        ("AP0101", "uitgaven", 2026, 100),
        ("AP0101", "uitgaven", 2027, 200),
        ("AP0101", "ontvangsten", 2026, 0),
        ("AP0101", "ontvangsten", 2027, 0),
        ("AP0101", "saldo", 2026, -100),
        ("AP0101", "saldo", 2027, -200),
    ]
    # the same when the furniture detector flags the schema title (printed at the top of its pages)
    flagged = [
        dataclasses.replace(cl, furniture="running_header") if cl.text.startswith("Schema") else cl for cl in lines
    ]
    _, res = parse_unsectioned(flagged, find_sections(flagged))
    assert ([i.code for i in res.items], len(res.budgets)) == (["BD 1", "AP0101", "AP0102", "BD 2"], 6)


def test_transposed_year_table() -> None:
    """Years as rows, directions (with or without a kind) as columns; the total row is read past, not stored."""
    text = (
        "BD01 Wonen\nACTIEPLAN AP0101 Huren\nDe stad verhuurt.\n"
        "Jaar Uitgaven Ontvangsten\n2026 1.250.000 250.000\nMJP2027 1.300.000 (5.000)\nTotaal 2.550.000 245.000\n"
        "ACTIEPLAN AP0102 Kopen\n"
        "Exploitatie uitgaven Investeringen uitgaven\n2026 10 20\n2027 30 40,50\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [i.description for i in res.items] == [None, "De stad verhuurt.", None]
    assert [(b.policy_code, b.budget_kind, b.direction, b.year, b.amount) for b in res.budgets] == [
        ("AP0101", TOTAL_KIND, "uitgaven", 2026, D("1.250.000")),
        ("AP0101", TOTAL_KIND, "ontvangsten", 2026, D("250.000")),
        ("AP0101", TOTAL_KIND, "uitgaven", 2027, D("1.300.000")),
        ("AP0101", TOTAL_KIND, "ontvangsten", 2027, D("-5.000")),
        ("AP0102", "exploitatie", "uitgaven", 2026, D("10")),
        ("AP0102", "investeringen", "uitgaven", 2026, D("20")),
        ("AP0102", "exploitatie", "uitgaven", 2027, D("30")),
        ("AP0102", "investeringen", "uitgaven", 2027, D("40,50")),
    ]


@pytest.mark.parametrize(
    "legend", ["*: Prioritaire beleidsdoelstelling", "* = prioritair", "(*) prioritaire beleidsdoelstelling"]
)
def test_star_legend_closes_the_list(legend: str) -> None:
    text = (
        f"Overzicht van alle beleidsdoelstellingen\nH1: Bestuur\nBD000001: Een doel *\nBD000002: Ander doel\n{legend}\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(i.code, i.title, i.is_priority, i.description) for i in res.items] == [
        ("BD000001", "Een doel", True, None),
        ("BD000002", "Ander doel", False, None),
    ]


def test_priority_field_under_the_heading() -> None:
    text = (
        "Beleidsdoelstelling BD01 - Wonen\nPrioriteit: ja\nDe stad zorgt voor woningen.\n"
        "Actieplan AP0101 - Huren\nPrioriteit: nee\n"
        "Actieplan AP0102 - Kopen\nPrioritair: Ja\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(i.code, i.is_priority, i.description) for i in res.items] == [
        ("BD01", True, "De stad zorgt voor woningen."),
        ("AP0101", False, None),
        ("AP0102", True, None),
    ]


def test_total_rows_under_budget_kinds() -> None:
    """'Totaal uitgaven' after the kinds' rows is the total over the kinds, not one more row of the last kind."""
    text = (
        "BD01 Wonen\nAP0101 Huren\n2026 2027\n"
        "Exploitatie\nUitgaven 1 2\nInvesteringen\nUitgaven 3 4\nTotaal uitgaven 4 6\nTotale ontvangsten 0 0\n"
    )
    _, res = parse_unsectioned(lines_from_text(text), [])
    assert [(b.budget_kind, b.direction, b.year, b.amount) for b in res.budgets] == [
        ("exploitatie", "uitgaven", 2026, 1),
        ("exploitatie", "uitgaven", 2027, 2),
        ("investeringen", "uitgaven", 2026, 3),
        ("investeringen", "uitgaven", 2027, 4),
        (TOTAL_KIND, "uitgaven", 2026, 4),
        (TOTAL_KIND, "uitgaven", 2027, 6),
        (TOTAL_KIND, "ontvangsten", 2026, 0),
        (TOTAL_KIND, "ontvangsten", 2027, 0),
    ]
