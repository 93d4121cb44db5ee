"""A plan's documentation volume and policy statement (Oost-Vlaanderen, a policy portal's Word exports).

The PDFs are read with the project's PDF reader and content lines directly (not through intake's
acceptance). Every expected value is read off the printed pages (page / line in the comments).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal as D
from pathlib import Path

import pytest

from pipelines.extract import documentation, key_figures, run
from pipelines.extract.lines import CLine
from pipelines.extract.sections import Section, find_sections
from pipelines.ingest.intake import _content_lines, _read_pdf, _read_text, flag_furniture
from tests.conftest import lines_from_text

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
DOCUMENTATIE = "provincie-oost-vlaanderen-mjp-2026-2031-documentatie.pdf"
BELEIDSVERKLARING = "provincie-oost-vlaanderen-mjp-2026-2031-beleidsverklaring.pdf"
YEARS = list(range(2026, 2032))


def _lines(name: str) -> list[CLine]:
    lines, pages = _read_pdf(REAL / name, 1)
    return _content_lines(flag_furniture(lines, pages))


@pytest.fixture(scope="module")
def documentatie() -> run.Extraction:
    return run.extract_document(_lines(DOCUMENTATIE), 2026, "meerjarenplan", "documentatie")


@pytest.fixture(scope="module")
def beleidsverklaring() -> run.Extraction:
    return run.extract_document(_lines(BELEIDSVERKLARING), 2026, "meerjarenplan", "beleidsverklaring")


def test_sections_of_the_documentation_volume() -> None:
    kinds = [(s.kind, s.title.page_no) for s in find_sections(_lines(DOCUMENTATIE))]
    # the table of contents on p. 2 names the subsidy list; the list itself starts on p. 3
    assert ("subsidies", 3) in kinds and ("policy_structure", 17) in kinds and ("beleidsveld_overview", 21) in kinds


def test_subsidy_totals_as_printed(documentatie: run.Extraction) -> None:
    totals = {
        (t.level, t.subsidy_kind, t.beleidsveld_code or t.beleidsdomein, t.year): t.amount
        for t in documentatie.tables["subsidy_totals"]
    }
    assert totals[("beleidsveld", "werking", "0150", 2026)] == D("1931146.24")  # p. 4 l. 27
    assert totals[("beleidsveld", "werking", "0100", 2026)] == D("595738.00")  # p. 4 l. 9
    assert totals[("kind", "werking", None, 2026)] == D("30667884.44")  # p. 14 l. 8
    assert totals[("kind", "werking", None, 2031)] == D("28692393.74")
    assert totals[("kind", "investering", None, 2029)] == D("10091500.00")  # p. 16 l. 9
    # a beleidsdomein heading wrapped over three lines before its amounts (p. 4 l. 10-13)
    domain = "ECONOMIE, LANDBOUW EN PLATTELAND, EUROPESE EN INTERNATIONALE SAMENWERKING"
    assert totals[("beleidsdomein", "werking", domain, 2026)] == D("20423228.46")
    # ... and one wrapped after its amounts ("ONDERSTEUNING ANDERE <amounts>" + "BESTUREN", p. 13 l. 1-2)
    assert totals[("beleidsdomein", "werking", "ONDERSTEUNING ANDERE BESTUREN", 2026)] == D("2630096.77")


def test_subsidies_sum_to_every_printed_total(documentatie: run.Extraction) -> None:
    rows, totals = documentatie.tables["subsidies"], documentatie.tables["subsidy_totals"]
    by_field: dict[tuple, D] = defaultdict(D)
    by_domain: dict[tuple, D] = defaultdict(D)
    by_kind: dict[tuple, D] = defaultdict(D)
    for r in rows:
        by_field[(r.subsidy_kind, r.beleidsdomein, r.beleidsveld_code, r.year)] += r.amount
        by_domain[(r.subsidy_kind, r.beleidsdomein, r.year)] += r.amount
        by_kind[(r.subsidy_kind, r.year)] += r.amount
    levels = defaultdict(int)
    for t in totals:
        levels[t.level] += 1
        if t.level == "beleidsveld":
            assert by_field[(t.subsidy_kind, t.beleidsdomein, t.beleidsveld_code, t.year)] == t.amount, t
        elif t.level == "beleidsdomein":
            assert by_domain[(t.subsidy_kind, t.beleidsdomein, t.year)] == t.amount, t
        else:
            assert by_kind[(t.subsidy_kind, t.year)] == t.amount, t
    # 8 + 5 beleidsdomeinen, 2 kinds, each over 6 years
    assert levels["beleidsdomein"] == 13 * 6 and levels["kind"] == 2 * 6
    assert len({r.seq for r in rows}) * 6 == len(rows)


def test_subsidy_rows_with_wrapped_columns(documentatie: run.Extraction) -> None:
    rows = [r for r in documentatie.tables["subsidies"] if r.year == 2026]
    field_0150 = [r for r in rows if r.beleidsveld_code == "0150" and r.subsidy_kind == "werking"]
    assert len(field_0150) == 6  # p. 4 l. 15-26
    first = field_0150[0]
    assert (first.beneficiary, first.amount, first.nominatief, first.nominatief_flag) == (
        "PR 20-11-2019",
        D("11250.00"),
        False,
        "N",
    )
    # the description wraps on the next line (right column)
    assert first.description == (
        "ondersteuning van internationale samenwerkingsinitiatieven van internationale samenwerkingsverbanden"
    )
    assert (first.page_no, first.line_no, first.page_no_end, first.line_no_end) == (4, 15, 4, 16)
    # the beneficiary wraps (left column): "Scholengemeenschap Brakel-Geraardsbergen-" + "Herzele-Zottegem" (p. 11)
    brakel = next(r for r in rows if r.beneficiary and r.beneficiary.startswith("Scholengemeenschap Brakel"))
    assert brakel.beneficiary == "Scholengemeenschap Brakel-Geraardsbergen- Herzele-Zottegem"
    assert (brakel.description, brakel.amount, brakel.nominatief) == ("werkingssubsidie", D("2429.00"), True)
    # 0801 Buitengewoon basisonderwijs (no dash between code and title), p. 11 l. 4-7
    meetjesland = next(r for r in rows if r.beleidsveld_code == "0801" and r.amount == D("1599.65"))
    assert meetjesland.beleidsveld == "Buitengewoon basisonderwijs"
    assert meetjesland.beleidsdomein == "ONDERWIJS EN VORMING"
    assert meetjesland.beneficiary == "Scholengemeenschap Lager Onderwijs Meetjesland"
    # a wrapped beleidsveld title across a page break, the beneficiary wrapping after it (p. 13 l. 39 - p. 14 l. 2)
    pimd = next(r for r in rows if r.beleidsveld_code == "0791")
    assert pimd.beleidsveld == "Niet-confessionele levensbeschouwelijke gemeenschappen"
    assert pimd.beneficiary == "Provinciale Instelling voor Morele Dienstverlening Oost-Vlaanderen"
    # a flag "?" and a row without flag (p. 5 l. 27 and l. 21)
    flags = {r.nominatief_flag for r in rows}
    assert {"J", "N", "?", None} == flags
    # the two kinds
    assert {r.subsidy_kind for r in rows} == {"werking", "investering"}
    assert sum(1 for r in rows if r.subsidy_kind == "investering") == 22  # pp. 14-16


def test_beleidsveld_overview(documentatie: run.Extraction) -> None:
    rows = documentatie.tables["beleidsveld_budgets"]
    bv0030 = {
        (r.budget_kind, r.direction): r.amount for r in rows if r.beleidsveld_printed == "BV0030" and r.year == 2026
    }
    assert bv0030 == {
        ("exploitatie", "uitgaven"): D("1425628.00"),  # p. 22 l. 18-20
        ("exploitatie", "ontvangsten"): D("1750000.00"),
        ("exploitatie", "saldo"): D("324372.00"),
    }
    first = next(r for r in rows if r.beleidsveld_printed == "BV0030")
    assert (first.beleidsveld_code, first.beleidsveld, first.page_no, first.line_no) == (
        "0030",
        "Financiële aangelegenheden",
        22,
        18,
    )
    # BV0040 Financiering 2029 (p. 22 l. 31-33) and a block continued over a page break (BV0050, p. 22-23)
    bv0040 = {(r.direction): r.amount for r in rows if r.beleidsveld_code == "0040" and r.year == 2029}
    assert bv0040["ontvangsten"] == D("121031570.00") and bv0040["saldo"] == D("116997230.00")
    saldo_0050 = next(r for r in rows if r.beleidsveld_code == "0050" and r.direction == "saldo" and r.year == 2026)
    assert (saldo_0050.amount, saldo_0050.page_no, saldo_0050.budget_kind) == (D("-265336.00"), 23, "exploitatie")
    # saldo = ontvangst - uitgave wherever a saldo is printed (to the euro: the list rounds to euros)
    cells: dict[tuple, dict[str, D]] = defaultdict(dict)
    for r in rows:
        cells[(r.beleidsveld_code, r.budget_kind, r.year)][r.direction] = r.amount
    checked = 0
    for c in cells.values():
        if "saldo" in c:
            assert abs(c["saldo"] - (c.get("ontvangsten", D(0)) - c.get("uitgaven", D(0)))) <= 1
            checked += 1
    assert checked > 400
    assert len({r.beleidsveld_code for r in rows}) == 49


def test_budget_per_beleidsitem(documentatie: run.Extraction) -> None:
    rows = documentatie.tables["beleidsitem_budgets"]
    tables = {(r.table_title, r.column_no): (r.column_label, r.budget_kind, r.direction, r.is_row_total) for r in rows}
    # column labels from the header words above the columns (pp. 35, 39, 42)
    assert tables[("Exploitatie-uitgaven", 1)] == ("goederen en diensten", "exploitatie", "uitgaven", False)
    assert tables[("Exploitatie-uitgaven", 6)] == ("budget 2026", "exploitatie", "uitgaven", True)
    assert tables[("Exploitatie-ontvangsten", 2)] == ("fiscale ontv", "exploitatie", "ontvangsten", False)
    assert tables[("Investeringen & Financiering", 2)] == ("investeringen uitgaven", "investeringen", "uitgaven", False)
    cell = {(r.table_title, r.row_type, r.beleidsveld_code, r.beleidsitem_code, r.column_no): r for r in rows}
    polis = cell[("Exploitatie-uitgaven", "item", "0130", "01", 4)]  # p. 41 l. 5: subsidies of POLIS
    assert (polis.amount, polis.label, polis.year, polis.page_no, polis.line_no) == (
        D("161396.77"),
        "POLIS",
        2026,
        41,
        5,
    )
    grand = {
        r.column_no: r.amount for r in rows if r.row_type == "grand_total" and r.table_title == "Exploitatie-uitgaven"
    }
    assert grand[4] == D("30667884.44")  # p. 41 l. 34: = TOTAAL WERKINGSSUBSIDIES 2026 of the subsidy list
    assert grand[6] == D("313167169.01")
    # every row total = the sum of its columns; every domain total = the sum of its items (a cell rounded to
    # the euro, "672.756" p. 40 l. 36, within its rounding); the grand total = the sum of the domain totals
    by_row: dict[tuple, list] = defaultdict(list)
    for r in rows:
        by_row[(r.table_title, r.page_no, r.line_no)].append(r)
    for cells in by_row.values():
        total = next(r for r in cells if r.is_row_total) if any(r.is_row_total for r in cells) else None
        if total is not None:
            rounded = sum(0.5 for r in cells if not r.printed_cents)
            assert abs(sum(r.amount for r in cells if not r.is_row_total) - total.amount) <= D(str(rounded)), cells
    items: dict[tuple, D] = defaultdict(D)
    domains: dict[tuple, D] = defaultdict(D)
    for r in rows:
        if r.row_type == "item":
            items[(r.table_title, r.group_no, r.column_no)] += r.amount
        elif r.row_type == "domain_total":
            domains[(r.table_title, r.column_no)] += r.amount
    for r in rows:
        if r.row_type == "domain_total":
            assert abs(items[(r.table_title, r.group_no, r.column_no)] - r.amount) <= 2, r
        elif r.row_type == "grand_total":
            assert domains[(r.table_title, r.column_no)] == r.amount, r
    assert sum(1 for r in rows if r.row_type == "domain_total") == 10 * 6 + 10 * 6 + 10 * 4


def test_policy_structure(documentatie: run.Extraction) -> None:
    rows = documentatie.tables["policy_structure"]
    by_item = {(r.beleidsveld_code, r.beleidsitem_code): r for r in rows}
    own = by_item[("0010", "00")]  # p. 18 l. 2-4: the beleidsveld's title wraps
    assert (own.beleidsdomein_code, own.beleidsdomein) == ("0", "ALGEMENE FINANCIERING")
    assert own.beleidsveld == "Algemene overdrachten tussen de verschillende bestuurlijke niveaus"
    assert by_item[("0530", "01")].beleidsitem == "Huysmanhoeve"  # p. 18 l. 27
    assert by_item[("0119", "01")].beleidsitem == "Departement Algemene stafdiensten"  # p. 20 l. 5-6
    assert by_item[("0119", "01")].beleidsdomein == "INTERNE ONDERSTEUNING"
    assert by_item[("0150", "00")].beleidsdomein == (
        "ECONOMIE, LANDBOUW EN PLATTELAND, EUROPESE EN INTERNATIONALE SAMENWERKING"
    )
    assert len({r.beleidsdomein_code for r in rows}) == 10


def test_key_figures_of_the_policy_statement(beleidsverklaring: run.Extraction) -> None:
    rows = beleidsverklaring.tables["plan_key_figures"]
    figures = {(r.figure, r.year): r.amount for r in rows if r.figure}
    assert figures[("beschikbaar_budgettair_resultaat", 2026)] == D("24848155.00")  # p. 11 l. 23
    assert figures[("beschikbaar_budgettair_resultaat", 2031)] == D("255347.00")
    assert figures[("autofinancieringsmarge", 2026)] == D("11072221.00")  # p. 11 l. 24
    assert figures[("financial_debt_total", 2031)] == D("193913424.00")  # p. 12 l. 14
    bbr = next(r for r in rows if r.figure == "beschikbaar_budgettair_resultaat")
    assert (bbr.table_title, bbr.page_no, bbr.line_no) == ("Financieel evenwicht", 11, 23)
    # a label wrapped around its amounts: "Investeringen in" / "materiële vaste <amounts>" / "activa" (p. 12)
    labels = {(r.label, r.year): r.amount for r in rows}
    assert labels[("Investeringen in materiële vaste activa", 2029)] == D("129198853.00")
    assert labels[("Toegestane investeringssubsidies", 2026)] == D("9979200.00")
    # totals per priority policy over the plan period (p. 13)
    period = {r.label: (r.table_title, r.amount, r.period_start, r.period_end) for r in rows if r.year is None}
    assert period["Masterplan PAULO"] == ("Prioritair beleid", D("9081388.00"), 2026, 2031)
    eeklo = ("Niet-prioritair beleid", D("10000000.00"), 2026, 2031)
    assert period["Uitvoering masterplan Kiempunt campus Eeklo"] == eeklo
    cycle = "Realiseren van fietssnelwegen en ondersteunen lokale besturen bij het realiseren van bovenlokale"
    assert period[f"{cycle} functionele routes"][1] == D("86728852.00")  # label wrapped around the amount


def test_volume_coverage(documentatie: run.Extraction, beleidsverklaring: run.Extraction) -> None:
    cov = {c.table_kind: c for c in documentatie.coverage}
    for kind in ("policy", "M1", "M2", "M3", "T1", "T2"):
        assert (cov[kind].expected, cov[kind].found, cov[kind].note) == (False, False, "not in this volume")
    for kind in ("subsidies", "beleidsveld_overview"):
        assert (cov[kind].expected, cov[kind].found, cov[kind].unattributed_lines, cov[kind].note) == (
            True,
            True,
            0,
            None,
        )
    assert cov["subsidies"].row_count == 1326 + 324
    assert (cov["beleidsitem_budget"].found, cov["beleidsitem_budget"].unattributed_lines) == (True, 0)
    # the volume's other list is seen, not read (p. 44)
    assert (
        cov["tax_revenue"].note
        == "present but not parsed: Overzicht van de jaarlijkse opbrengst per soort van belasting"
    )
    key = {c.table_kind: c for c in beleidsverklaring.coverage}["key_figures"]
    assert (key.expected, key.found, key.row_count > 0) == (True, True, True)
    # the same volume as a whole plan: the schemas are expected and missing
    whole = run.extract_document(_lines(BELEIDSVERKLARING), 2026, "meerjarenplan")
    assert {c.table_kind for c in whole.coverage if c.expected and not c.found} == set(run.EXPECTED_IN_MEERJARENPLAN)


def test_pdf_lines_carry_where_their_cells_start() -> None:
    """word_x: (word index, x) of each word that starts a text run; a table row's cells start at their columns."""
    lines = {(cl.page_no, cl.line_no): cl for cl in _lines(DOCUMENTATIE)}
    header = lines[(4, 2)]  # "Begunstigde Omschrijving MJP2026 ... MJP2031 Nominatief"
    words = header.text.split()
    assert [words[i] for i, _ in header.word_x][:3] == ["Begunstigde", "Omschrijving", "MJP2026"]
    row = lines[(4, 5)]  # "PR 16-02-2011 | subsidies aan politieke partijen ... | 532.093,00 ... | N"
    assert [(row.text.split()[i], x) for i, x in row.word_x][:2] == [("PR", 72.35), ("subsidies", 235.05)]
    assert row.x0 == 72.35 and lines[(4, 7)].x0 == 235.05  # a wrapped description starts in its column
    assert lines_from_text("x 1")[0].word_x is None  # text input: no positions


def test_subsidies_from_text_input_keep_the_amounts() -> None:
    """Text input has no word positions: the label is not split into beneficiary and description."""
    lines = lines_from_text(
        "Toegestane werkings- en investeringssubsidies\n"
        "A. Werkingssubsidies\n"
        "Begunstigde Omschrijving MJP2027 MJP2028\n"
        "BELEIDSDOMEIN CULTUUR 1.500,50 2.000,00\n"
        "0739 - Overig kunst- en cultuurbeleid\n"
        "Vereniging X werkingssubsidie 1.000,50 1.500,00 J\n"
        "voor de werking\n"
        "PR 01-01-2020 subsidies 500,00 500,00 N\n"
        "Totaal : 1.500,50 2.000,00\n"
        "TOTAAL WERKINGSSUBSIDIES 1.500,50 2.000,00\n"
    )
    section = Section("subsidies", tuple(lines))
    rows, totals = documentation.parse_subsidies([section])
    assert [(r.seq, r.year, r.amount, r.nominatief) for r in rows] == [
        (1, 2027, D("1000.50"), True),
        (1, 2028, D("1500.00"), True),
        (2, 2027, D("500.00"), False),
        (2, 2028, D("500.00"), False),
    ]
    assert rows[0].description == "Vereniging X werkingssubsidie voor de werking" and rows[0].beneficiary is None
    assert rows[0].beleidsveld_code == "0739" and rows[0].beleidsdomein == "CULTUUR"
    assert [(t.level, t.year, t.amount) for t in totals] == [
        ("beleidsdomein", 2027, D("1500.50")),
        ("beleidsdomein", 2028, D("2000.00")),
        ("beleidsveld", 2027, D("1500.50")),
        ("beleidsveld", 2028, D("2000.00")),
        ("kind", 2027, D("1500.50")),
        ("kind", 2028, D("2000.00")),
    ]


def test_subsidies_from_a_text_export_with_aligned_columns(tmp_path: Path) -> None:
    """A text export aligns its columns with spaces: the cells are told apart by their character columns."""
    text = (
        "Toegestane werkings- en investeringssubsidies\n"
        "B. Investeringssubsidies\n"
        "Begunstigde            Omschrijving                 2027        2028   Nominatief\n"
        "BELEIDSDOMEIN ERFGOED                            2.000,00    3.000,00\n"
        "0720 - Monumentenzorg\n"
        "Kerkfabriek Sint-Jan   restauratie van de toren     1.500,00    2.500,00   J\n"
        "te Gent                en de kerkramen\n"
        "PR 01-01-2020          subsidies voor molens          500,00      500,00   N\n"
        "Totaal :                                         2.000,00    3.000,00\n"
        "TOTAAL INVESTERINGSSUBSIDIES                     2.000,00    3.000,00\n"
    )
    path = tmp_path / "lijst.txt"
    path.write_text(text, encoding="utf-8")
    source, _ = _read_text(path)
    rows, totals = documentation.parse_subsidies([Section("subsidies", tuple(_content_lines(source)))])
    first = [(r.subsidy_kind, r.beneficiary, r.description, r.year, r.amount) for r in rows if r.seq == 1]
    assert first == [
        ("investering", "Kerkfabriek Sint-Jan te Gent", "restauratie van de toren en de kerkramen", 2027, D("1500.00")),
        ("investering", "Kerkfabriek Sint-Jan te Gent", "restauratie van de toren en de kerkramen", 2028, D("2500.00")),
    ]
    assert {(r.beneficiary, r.description) for r in rows if r.seq == 2} == {("PR 01-01-2020", "subsidies voor molens")}
    assert sorted((t.level, t.year, t.amount) for t in totals if t.year == 2028) == [
        ("beleidsdomein", 2028, D("3000.00")),
        ("beleidsveld", 2028, D("3000.00")),
        ("kind", 2028, D("3000.00")),
    ]


def test_one_list_per_kind_with_one_year() -> None:
    """Another layout: a titled list per kind, one budget year ("Bedrag 2026"), a total per beleidsveld."""
    lines = lines_from_text(
        "Overzicht van de toegestane investeringssubsidies\n"
        "Begunstigde Omschrijving Bedrag 2026\n"
        "0740 Sportbeleid\n"
        "Gemeente X investeringssubsidie sporthal 250.000,00\n"
        "Totaal : 250.000,00\n"
    )
    assert [s.kind for s in find_sections(lines)] == ["subsidies"]
    rows, totals = documentation.parse_subsidies(find_sections(lines))
    assert [(r.subsidy_kind, r.beleidsveld_code, r.year, r.amount) for r in rows] == [
        ("investering", "0740", 2026, D("250000.00"))
    ]
    assert [(t.level, t.beleidsveld_code, t.amount) for t in totals] == [("beleidsveld", "0740", D("250000.00"))]


def test_key_figures_of_a_policy_statement_without_a_key_figure_heading() -> None:
    lines = lines_from_text(
        "Beleidsverklaring\n"
        "Ons financieel beleid\n"
        "2026 2027 2028\n"
        "Beschikbaar budgettair resultaat 1.000 2.000 3.000\n"
        "Autofinancieringsmarge (AFM) 400 -500 600\n"
    )
    result = run.extract_document(lines, 2026, "meerjarenplan", "beleidsverklaring")
    figures = {(r.figure, r.year): r.amount for r in result.tables["plan_key_figures"]}
    assert figures == {
        ("beschikbaar_budgettair_resultaat", 2026): D("1000.00"),
        ("beschikbaar_budgettair_resultaat", 2027): D("2000.00"),
        ("beschikbaar_budgettair_resultaat", 2028): D("3000.00"),
        ("autofinancieringsmarge", 2026): D("400.00"),
        ("autofinancieringsmarge", 2027): D("-500.00"),
        ("autofinancieringsmarge", 2028): D("600.00"),
    }
    # in a whole plan (no volume) the prose is not searched for key figures
    assert run.extract_document(lines, 2026, "meerjarenplan").tables.get("plan_key_figures", []) == []


def test_beleidsveld_overview_of_another_layout() -> None:
    """Code without "BV" and without a second colon, plural row words, year columns "MJP2026"."""
    lines = lines_from_text(
        "Jaarlijkse uitgaven en ontvangsten voor exploitatie, investeringen en financiering per beleidsveld\n"
        "Beleidsveld 0119 - Overige algemene diensten\n"
        "MJP2026 MJP2027\n"
        "Investeringen\n"
        "Uitgaven 1.000 2.000\n"
        "Ontvangsten 0 500\n"
        "Saldo -1.000 -1.500\n"
    )
    rows = documentation.parse_beleidsveld_overview(find_sections(lines))
    assert [(r.beleidsveld_printed, r.beleidsveld_code, r.budget_kind, r.direction, r.year, r.amount) for r in rows][
        -2:
    ] == [
        ("0119", "0119", "investeringen", "saldo", 2026, D("-1000.00")),
        ("0119", "0119", "investeringen", "saldo", 2027, D("-1500.00")),
    ]
    assert len(rows) == 6 and rows[0].beleidsveld == "Overige algemene diensten"


def test_key_figure_vocabulary() -> None:
    assert key_figures.figure_of("IX. Beschikbaar budgettair resultaat") == "beschikbaar_budgettair_resultaat"
    assert key_figures.figure_of("Autofinancieringsmarge") == "autofinancieringsmarge"
    assert key_figures.figure_of("Gecorrigeerde autofinancieringsmarge") == "gecorrigeerde_autofinancieringsmarge"
    assert key_figures.figure_of("Totaal geraamde schuld op 31/12") == "financial_debt_total"
    assert key_figures.figure_of("Budgettair resultaat vorig boekjaar") is None
