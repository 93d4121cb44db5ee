"""Plan policy parser (strategic note + ODAA) on the two real plans, plus small variants.

Expected values are read off the printed pages (page numbers are the PDF's pages):
Limburg = provincie-limburg-mjp-2026-herziening-8.pdf (revision: SNW pages 7-22, ODAA pages 61-97),
Antwerpen = provincie-antwerpen-mjp-2026-2031.pdf (original plan: SN pages 6-21, no ODAA).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extract.model import PolicyBudget, PolicyResult
from pipelines.extract.plan_policy import TOTAL_KIND, parse_plan_policy
from pipelines.extract.policy import parse_policy
from pipelines.extract.run import extract_document
from pipelines.extract.sections import find_sections
from tests.conftest import lines_from_text

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
LIMBURG = REAL / "provincie-limburg-mjp-2026-herziening-8.pdf"
ANTWERPEN = REAL / "provincie-antwerpen-mjp-2026-2031.pdf"
needs_real = pytest.mark.skipif(not (LIMBURG.is_file() and ANTWERPEN.is_file()), reason=f"real PDFs not in {REAL}")

PLAN_2026_2031 = (date(2026, 1, 1), date(2031, 12, 31))
YEARS = tuple(range(2026, 2032))


def D(text: str) -> Decimal:
    return Decimal(text.replace(".", "")).quantize(Decimal("0.01"))


def _read(path: Path):
    from pipelines.ingest.intake import read_document

    return read_document(path, max_bytes=200 * 2**20)


@pytest.fixture(scope="module")
def limburg_doc():
    return _read(LIMBURG)


@pytest.fixture(scope="module")
def antwerpen_doc():
    return _read(ANTWERPEN)


@pytest.fixture(scope="module")
def limburg(limburg_doc) -> PolicyResult:
    return parse_plan_policy(find_sections(limburg_doc.content_lines()), 2026)


@pytest.fixture(scope="module")
def antwerpen(antwerpen_doc) -> PolicyResult:
    return parse_plan_policy(find_sections(antwerpen_doc.content_lines()), 2026)


def _items(res: PolicyResult):
    return {i.code: i for i in res.items}


def _series(res: PolicyResult, code: str, kind: str, direction: str, role: str = "plan") -> list[Decimal]:
    rows = {
        b.year: b.amount
        for b in res.budgets
        if (b.policy_code, b.budget_kind, b.direction, b.column_role) == (code, kind, direction, role)
    }
    return [rows[y] for y in sorted(rows)] if rows else []


def _budget(res: PolicyResult, code: str, kind: str, direction: str, year: int, role: str = "plan") -> PolicyBudget:
    (row,) = [
        b
        for b in res.budgets
        if (b.policy_code, b.budget_kind, b.direction, b.year, b.column_role) == (code, kind, direction, year, role)
    ]
    return row


# --- sections -------------------------------------------------------------------------------
@needs_real
def test_strategic_note_sections_are_found(limburg_doc, antwerpen_doc) -> None:
    for doc, title, page in (
        (limburg_doc, "SNW: Strategische Nota: wijzigingsvariant", 7),
        (antwerpen_doc, "SN: Strategische Nota", 6),
    ):
        notes = [s for s in find_sections(doc.content_lines()) if s.kind == "plan_strategic_note"]
        assert [(s.title.text, s.title.page_no) for s in notes] == [(title, page)]


def test_strategic_note_title_is_no_prose() -> None:
    lines = lines_from_text("Strategische nota\n1. Strategische nota\n• SN strategische nota wijziging 4 - 19\n")
    assert find_sections(lines) == []
    footer = "MEERJARENPLAN ORIGINEEL BEGINKREDIET 2026 : Strategische Nota 2026-2031"
    assert find_sections(lines_from_text(footer + "\n")) == []


# --- Limburg (revision) ---------------------------------------------------------------------
@needs_real
def test_limburg_counts_and_uniqueness(limburg: PolicyResult) -> None:
    assert Counter(i.level for i in limburg.items) == {"BD": 3, "AP": 28, "AC": 76}
    codes = [i.code for i in limburg.items]
    assert len(codes) == len(set(codes))
    assert all(i.evaluation_status == "geen" and i.status_phrase is None for i in limburg.items)
    assert all(i.evaluation_text is None for i in limburg.items)
    assert all((i.period_start, i.period_end) == PLAN_2026_2031 for i in limburg.items)


@needs_real
def test_limburg_hierarchy(limburg: PolicyResult) -> None:
    items = _items(limburg)
    assert all(items[i.parent_code].level == "AP" for i in limburg.items if i.level == "AC")
    assert all(items[i.parent_code].level == "BD" for i in limburg.items if i.level == "AP")
    assert all(i.parent_code is None for i in limburg.items if i.level == "BD")
    aps = {bd: [i.code for i in limburg.items if i.parent_code == bd] for bd in ("BD000001", "BD000002", "BD000003")}
    # printed order (p. 8-21): AP000027 and AP000028 follow AP000006 under BD000001
    assert aps["BD000001"] == [
        *(f"AP{n:06d}" for n in range(1, 7)),
        "AP000027",
        "AP000028",
    ]
    assert aps["BD000002"] == [f"AP{n:06d}" for n in range(7, 17)]
    assert aps["BD000003"] == [f"AP{n:06d}" for n in range(17, 27)]
    # p. 62-63: AC000072 and AC000073 are printed under AP000001 after AC000003
    assert [i.code for i in limburg.items if i.parent_code == "AP000001"] == [
        "AC000001",
        "AC000002",
        "AC000003",
        "AC000072",
        "AC000073",
    ]
    assert items["AC000071"].parent_code == "AP000026"


@needs_real
def test_limburg_titles_and_priority(limburg: PolicyResult) -> None:
    items = _items(limburg)
    bd = items["BD000001"]
    assert bd.title == "Het bevorderen van toekomstbestendige economische groei door gericht te investeren"
    assert bd.is_priority  # "*" in the SNW overview, "Prioritaire beleidsdoelstelling" p. 8
    assert (bd.page_start, bd.line_start) == (8, 2)  # first printing with title and period
    ap = items["AP000001"]
    assert ap.title == "Versterken van de economische positie in Vlaanderen en Europa"
    assert (ap.level, ap.is_priority, ap.parent_code) == ("AP", True, "BD000001")
    assert (ap.period_start, ap.period_end) == PLAN_2026_2031
    # wrapped titles (header line + continuation; the description that follows repeats it)
    assert (
        items["AP000020"].title
        == "Financieel ondersteunen van de erkende geloofsgemeenschappen en instelling morele dienstverlening"
    )
    assert items["AC000001"].title == "SALKturbo en Roadmap Horizon 2050 als economische versterker en versneller."
    assert items["AC000005"].title == "Een onderscheidende fietsbeleving verder valoriseren als duurzame schakel"
    assert items["AC000071"].title == "Het behandelen van omgevingsvergunningsdossiers en faciliteren werking POVC."
    assert (
        items["AC000044"].title
        == "Het organiseren van een efficiënt en toekomstgericht thesaurie-, beleggings- en schuldbeheer"
    )
    ac = items["AC000001"]
    assert (ac.parent_code, ac.is_priority) == ("AP000001", True)  # inherits its AP's priority
    assert (ac.page_start, ac.line_start, ac.page_end, ac.line_end) == (62, 13, 62, 26)
    assert all(i.is_priority for i in limburg.items)


@needs_real
def test_limburg_odaa_budgets(limburg: PolicyResult) -> None:
    # p. 62, AP000001
    assert _series(limburg, "AP000001", "exploitatie", "uitgaven") == [
        D(x) for x in "8.553.000 8.371.000 8.263.000 6.663.000 6.687.123 6.163.000".split()
    ]
    assert _series(limburg, "AP000001", "exploitatie", "ontvangsten") == [
        D(x) for x in "353.225 360.290 367.495 374.845 382.342 389.990".split()
    ]
    assert _series(limburg, "AP000001", "investeringen", "saldo") == [
        D(x) for x in "-306.180 -500.000 -250.000 -250.000 -150.000 -100.000".split()
    ]
    assert _series(limburg, "AP000001", "financiering", "uitgaven") == []  # "Financiering" without rows
    row = _budget(limburg, "AP000001", "exploitatie", "uitgaven", 2030)
    assert (row.policy_level, row.phase, row.amount, row.page_no, row.line_no) == (
        "AP",
        "meerjarenplan",
        D("6.687.123"),
        62,
        5,
    )
    # p. 62, AC000001
    assert _series(limburg, "AC000001", "investeringen", "saldo") == [D("473.820"), *[D("0")] * 5]
    # p. 62, AC000002 prints no Ontvangsten rows
    assert _series(limburg, "AC000002", "exploitatie", "ontvangsten") == []
    assert _series(limburg, "AC000002", "investeringen", "uitgaven") == [
        D(x) for x in "750.000 500.000 250.000 250.000 150.000 100.000".split()
    ]
    # p. 85, AP000017 financiering
    assert _series(limburg, "AP000017", "financiering", "ontvangsten") == [
        D(x) for x in "78.713.724 30.628.095 472.032 285.096 194.920 90.873".split()
    ]
    # p. 61, the whole plan (exploitatie uitgaven 2026 = M3(W) nieuw krediet)
    plan = "PROV: provincie Limburg"
    assert _budget(limburg, plan, "exploitatie", "uitgaven", 2026).amount == D("247.304.270")
    assert _budget(limburg, plan, "exploitatie", "uitgaven", 2026).policy_level == "PLAN"
    assert _series(limburg, plan, "financiering", "saldo") == [
        D(x) for x in "71.884.361 22.311.830 -8.828.668 13.738.287 -9.236.038 -8.676.227".split()
    ]
    # 492 printed ODAA rows x 6 years; saldo as printed
    odaa = [b for b in limburg.budgets if b.budget_kind != TOTAL_KIND]
    assert len(odaa) == 492 * 6
    assert {b.column_role for b in odaa} == {"plan"}
    assert {b.phase for b in limburg.budgets} == {"meerjarenplan"}


@needs_real
def test_limburg_strategic_note_budgets_have_revision_columns(limburg: PolicyResult) -> None:
    # p. 8, AP000001: 2026 Uitgaven 11.045.540 0 11.045.540, Ontvangsten 2.633.153 -93.568 2.539.585
    got = {
        (b.direction, b.column_role): b.amount
        for b in limburg.budgets
        if b.policy_code == "AP000001" and b.budget_kind == TOTAL_KIND and b.year == 2026
    }
    assert got == {
        ("uitgaven", "referentie"): D("11.045.540"),
        ("uitgaven", "wijziging"): D("0"),
        ("uitgaven", "nieuw"): D("11.045.540"),
        ("ontvangsten", "referentie"): D("2.633.153"),
        ("ontvangsten", "wijziging"): D("-93.568"),
        ("ontvangsten", "nieuw"): D("2.539.585"),
    }
    # second year block of the same table (p. 8 line 14): 2031 Ontvangsten 493.297 -103.307 389.990
    row = _budget(limburg, "AP000001", TOTAL_KIND, "ontvangsten", 2031, "wijziging")
    assert (row.amount, row.page_no, row.line_no) == (D("-103.307"), 8, 14)
    snw = [b for b in limburg.budgets if b.budget_kind == TOTAL_KIND]
    assert len(snw) == 112 * 9  # 28 APs x 2 year blocks x 2 rows, 9 amounts each
    assert {b.policy_level for b in snw} == {"AP"}


@needs_real
def test_limburg_strategic_note_total_is_the_odaa_sum(limburg: PolicyResult) -> None:
    """Two printed tables agree: SNW Nieuw = ODAA exploitatie + investeringen + financiering, and
    Referentie + Wijziging = Nieuw (to the euro: AP000004 2026 prints 122.809.801 for 122.809.800)."""
    odaa: Counter = Counter()
    snw: dict = {}
    for b in limburg.budgets:
        if b.budget_kind == TOTAL_KIND:
            snw[(b.policy_code, b.direction, b.year, b.column_role)] = b.amount
        elif b.direction != "saldo":
            odaa[(b.policy_code, b.direction, b.year)] += b.amount
    for (code, direction, year, role), amount in snw.items():
        if role == "nieuw":
            assert abs(amount - odaa[(code, direction, year)]) <= 1, (code, direction, year)
            ref, chg = snw[(code, direction, year, "referentie")], snw[(code, direction, year, "wijziging")]
            assert abs(ref + chg - amount) <= 1, (code, direction, year)


@needs_real
def test_limburg_dossier_metadata(limburg: PolicyResult) -> None:
    assert limburg.metadata == {"dossier_referentie": "MJP_HERZIENING_OVERDRACHT_2026 2026: Alg. 30475"}


# --- Antwerpen (original plan) --------------------------------------------------------------
@needs_real
def test_antwerpen_counts_and_hierarchy(antwerpen: PolicyResult) -> None:
    assert Counter(i.level for i in antwerpen.items) == {"BD": 24, "AP": 61}
    codes = [i.code for i in antwerpen.items]
    assert len(codes) == len(set(codes))
    assert [i.code for i in antwerpen.items if i.level == "BD"] == [f"BDS{n:06d}" for n in range(1, 25)]
    items = _items(antwerpen)
    assert all(items[i.parent_code].level == "BD" for i in antwerpen.items if i.level == "AP")
    assert [i.code for i in antwerpen.items if i.parent_code == "BDS000005"] == [f"AP{n:06d}" for n in range(5, 12)]
    assert [i.code for i in antwerpen.items if i.parent_code == "BDS000024"] == [f"AP{n:06d}" for n in range(50, 62)]
    assert all(i.is_priority for i in antwerpen.items)
    assert all((i.period_start, i.period_end) == (date(2026, 1, 1), date(2033, 12, 31)) for i in antwerpen.items)


@needs_real
def test_antwerpen_titles(antwerpen: PolicyResult) -> None:
    items = _items(antwerpen)
    # p. 6: "BDS000001: GBDS Samen met lokale besturen versterken we bestuurskracht en stimuleren we"
    # / "innovatievermogen *" / description "GBDS Samen met de lokale besturen versterken we hun ..."
    bd = items["BDS000001"]
    assert bd.title == "GBDS Samen met lokale besturen versterken we bestuurskracht en stimuleren we innovatievermogen"
    assert (bd.level, bd.is_priority, bd.parent_code) == ("BD", True, None)
    assert (bd.page_start, bd.line_start) == (6, 9)
    assert items["BDS000002"].title == "GBDS We voeren een actiegericht, ambitieus klimaatbeleid uit"
    assert items["BDS000024"].title == "01 BDS Vrije Tijd"
    # p. 9: the actieplan prints its code and one text, which is its title
    ap = items["AP000001"]
    assert ap.title == "GAP Samen met lokale besturen versterken we bestuurskracht en stimuleren we innovatievermogen."
    assert ap.parent_code == "BDS000001"
    assert items["AP000052"].title == "01.03 AP Provinciaal Vormingscentrum Malle"
    # p. 17: "... in hun mobiliteitsplanning en -" / "management."
    assert items["AP000046"].title == (
        "AP Mobiliteitsplanning: we ondersteunen de lokale besturen, vervoerregio's en bedrijven in hun "
        "mobiliteitsplanning en -management."
    )


@needs_real
def test_antwerpen_budgets(antwerpen: PolicyResult) -> None:
    # p. 9, AP000005: Uitgaven 129.000 50.000 50.000 50.000 50.000 50.000, Ontvangsten 0 x 6
    assert _series(antwerpen, "AP000005", TOTAL_KIND, "uitgaven") == [D("129.000"), *[D("50.000")] * 5]
    assert _series(antwerpen, "AP000005", TOTAL_KIND, "ontvangsten") == [D("0")] * 6
    # p. 20, AP000061
    assert _series(antwerpen, "AP000061", TOTAL_KIND, "uitgaven") == [
        D(x) for x in "16.642.250 16.791.920 17.093.160 17.436.240 17.783.790 18.138.260".split()
    ]
    # p. 11, AP000018
    row = _budget(antwerpen, "AP000018", TOTAL_KIND, "ontvangsten", 2027)
    assert (row.amount, row.page_no, row.line_no, row.column_role) == (D("129.577"), 11, 37, "plan")
    assert _series(antwerpen, "AP000001", TOTAL_KIND, "uitgaven") == []  # no table printed
    assert len(antwerpen.budgets) == 50 * 2 * 6  # 50 printed tables, Uitgaven + Ontvangsten
    assert {(b.policy_level, b.phase, b.column_role) for b in antwerpen.budgets} == {("AP", "meerjarenplan", "plan")}
    assert {b.year for b in antwerpen.budgets} == set(YEARS)


# --- wiring -----------------------------------------------------------------------------------
@needs_real
def test_extract_document_uses_the_plan_parser(antwerpen_doc) -> None:
    ident = antwerpen_doc.identity
    ex = extract_document(antwerpen_doc.content_lines(), ident.fiscal_year, ident.report_type)
    assert "policy" not in ex.errors
    assert len(ex.tables["policy_items"]) == 85
    assert len(ex.tables["policy_budgets"]) == 600


def test_jaarrekening_policy_section_keeps_its_parser() -> None:
    """A document with a beleidsevaluatie never reaches the plan parser, and the plan parser
    ignores a beleidsevaluatie section."""
    text = (
        "Beleidsevaluatie 2024\n"
        "Prioritaire beleidsdoelstelling: BD000001 Doel\n"
        "Van 01/01/2020 tot 31/12/2025\n"
        "ODAA: Overzicht doelstellingen, actieplannen en acties\n"
        "Beleidsdoelstelling: BD000009: Ander doel\n"
        "Van 01/01/2026 tot 31/12/2031\n"
    )
    lines = lines_from_text(text)
    ex = extract_document(lines, 2024, "jaarrekening")
    assert [i.code for i in ex.tables["policy_items"]] == [
        i.code for i in parse_policy([s for s in find_sections(lines) if s.kind == "policy"], 2024).items
    ]
    assert [i.code for i in ex.tables["policy_items"]] == ["BD000001"]
    assert [i.code for i in parse_plan_policy(find_sections(lines)).items] == ["BD000009"]


# --- variants ---------------------------------------------------------------------------------
def _parse(text: str) -> PolicyResult:
    return parse_plan_policy(find_sections(lines_from_text(text)), 2026)


def test_revision_block_ending_mid_year() -> None:
    """Columns come from the header lines: a year block may end after Referentie of its last year."""
    res = _parse(
        "SNW: Strategische Nota: wijzigingsvariant\n"
        "Prioritaire beleidsdoelstelling: BD000001: Doel\n"
        "Van 01/01/2026 tot 31/12/2028\n"
        "Prioritair actieplan: AP000001: Plan\n"
        "Plan\n"
        "Van 01/01/2026 tot 31/12/2028\n"
        "2026 2027\n"
        "Referentie Wijziging Nieuw Referentie\n"
        "Uitgaven 10 1 11 20\n"
        "2027 2028\n"
        "Wijziging Nieuw Referentie Wijziging Nieuw\n"
        "Uitgaven 2 22 30 -3 27\n"
    )
    got = {(b.year, b.column_role): b.amount for b in res.budgets}
    assert got == {
        (2026, "referentie"): 10,
        (2026, "wijziging"): 1,
        (2026, "nieuw"): 11,
        (2027, "referentie"): 20,
        (2027, "wijziging"): 2,
        (2027, "nieuw"): 22,
        (2028, "referentie"): 30,
        (2028, "wijziging"): -3,
        (2028, "nieuw"): 27,
    }
    assert {b.budget_kind for b in res.budgets} == {TOTAL_KIND}


def test_overview_priority_markers_and_merge() -> None:
    """Star before or after the title; no star = not priority; the detail block adds the period,
    an unprioritised ODAA item inherits its parent's priority; footer-shaped lines are no rows."""
    res = _parse(
        "SN: Strategische Nota\n"
        "Overzicht beleidsdoelstellingen\n"
        "BD000001: * Eerste doel\n"
        "Eerste doel, uitgebreid beschreven.\n"
        "BD000002: Tweede doel dat over twee\n"
        "regels loopt\n"
        "Tweede doel dat over twee regels loopt, met uitleg.\n"
        "*: Prioritaire beleidsdoelstelling\n"
        "Prioritaire beleidsdoelstelling: BD000001\n"
        "Van 01/01/2026 tot 31/12/2031\n"
        "Niet-prioritaire beleidsdoelstelling: BD000002\n"
        "Van 01/01/2026 tot 31/12/2031\n"
        "ODAA: Overzicht doelstellingen, actieplannen en acties\n"
        "Beleidsdoelstelling: BD000002: Tweede doel dat over twee\n"
        "regels loopt\n"
        "Tweede doel dat over twee regels loopt, met uitleg.\n"
        "Van 01/01/2026 tot 31/12/2031\n"
        "Actieplan: AP000009: Een actieplan\n"
        "Van 01/01/2026 tot 31/12/2031\n"
        "2026 2027\n"
        "Exploitatie\n"
        "Uitgaven 1.000 2.000\n"
        "PROVINCIE X (0207.725.203) 58 / 148 1 / 37\n"
        "Actie: AC000001: Een actie\n"
        "Van 01/01/2026 tot 31/12/2027\n"
    )
    items = _items(res)
    assert [(c, i.level, i.is_priority, i.parent_code) for c, i in items.items()] == [
        ("BD000001", "BD", True, None),
        ("BD000002", "BD", False, None),
        ("AP000009", "AP", False, "BD000002"),
        ("AC000001", "AC", False, "AP000009"),
    ]
    assert items["BD000001"].title == "Eerste doel"
    assert items["BD000002"].title == "Tweede doel dat over twee regels loopt"
    # BD000002's first complete printing is the ODAA one (title + period)
    assert items["BD000002"].page_start == 1 and items["BD000002"].line_start == 14
    assert items["BD000001"].period_end == date(2031, 12, 31)
    assert items["AC000001"].period_end == date(2027, 12, 31)
    assert [(b.policy_code, b.budget_kind, b.year, b.amount) for b in res.budgets] == [
        ("AP000009", "exploitatie", 2026, 1000),
        ("AP000009", "exploitatie", 2027, 2000),
    ]


# --- descriptions and code keys ---------------------------------------------------------------
@needs_real
def test_descriptions_of_the_real_plans(limburg: PolicyResult, antwerpen: PolicyResult) -> None:
    """The text under an item's title is its description (p. 6 and p. 7 / 61); a text that only repeats the
    title is none (Antwerpen BDS000002, Limburg AP000001)."""
    a, li = _items(antwerpen), _items(limburg)
    assert a["BDS000001"].description == (
        "GBDS Samen met de lokale besturen versterken we hun bestuurskracht en stimuleren we hun "
        "innovatievermogen. We gaan in op hun noden en ambities daar waar ze overeenstemmen met de beleidsvisies "
        "en doelstellingen van de provincie."
    )
    assert a["BDS000002"].description is None
    assert a["AP000001"].description is None  # the actieplan's one text is its title
    assert li["BD000001"].description == (
        "Het bevorderen van toekomstbestendige economische groei door gericht te investeren in strategische "
        "sectoren, innovatie en talentontwikkeling."
    )
    assert li["AP000001"].description is None
    assert sum(1 for i in antwerpen.items if i.description) == 21
    assert sum(1 for i in limburg.items if i.description) == 32
    assert (a["BDS000024"].code_key, li["AC000044"].code_key) == ("BDS24", "AC44")
    assert all(i.beleidsdomein is None for i in [*antwerpen.items, *limburg.items])
