"""Credit transfers ("Overdracht investeringskredieten / financieringskredieten N naar N+1")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from pipelines.extract.model import CreditTransfer, CreditTransferTotal
from pipelines.extract.sections import Section, find_sections
from pipelines.extract.transfers import parse_credit_transfers
from tests.conftest import lines_from_text, sample_page

KINDS = ("credit_transfers_investments", "credit_transfers_financing")
Parsed = tuple[list[CreditTransfer], list[CreditTransferTotal]]

# line_no, line_no_end, type+soort, BD, AP, AC, raming, budget code, change code,
# transactie krediet, bedrag wijziging
TRANSFERS = [
    "10688 10732 IU BD000002 AP000005 AC000474 MJP004818 2350000/01/0119/ AMJP034892 80000.00 20000.00",
    "10734 10774 IU BD000005 AP000020 AC000106 MJP001062 2350000/01/0752/ AMJP034864 5000.00 5113.46",
    "10776 10813 IU BD000007 AP000025 AC000143 MJP001108 2350000/01/0701/ AMJP034866 40000.00 6090.42",
    "10825 10857 IU BD000007 AP000025 AC000154 MJP003718 2291000/01/0119/ AMJP034885 55000.00 114.31",
    "10859 10894 IU BD000007 AP000027 AC000162 MJP000111 2291000/01/0590/ AMJP034896 200000.00 507941.07",
    "10896 10932 IU BD000007 AP000029 AC000170 MJP000108 2291000/01/0742/ AMJP034894 3530000.00 108265.08",
    "10934 10972 IU BD000007 AP000029 AC000170 MJP000115 2291000/01/0742/ AMJP034899 0.00 98661.77",
    "10974 11007 IU BD000007 AP000029 AC000170 MJP000116 2291007/01/0742/ AMJP034900 0.00 202171.89",
    "11019 11054 IU BD000007 AP000029 AC000170 MJP003668 2292000/01/0742/ AMJP034882 0.00 15423.04",
    "11056 11091 IU BD000007 AP000029 AC000170 MJP004504 2350000/01/0742/ AMJP034888 0.00 27595.48",
    "11093 11127 IU BD000007 AP000029 AC000176 MJP000117 2292000/01/0742/ AMJP034901 0.00 5540.00",
    "11129 11166 IU BD000007 AP000029 AC000176 MJP002647 2350000/01/0742/ AMJP034875 200000.00 276883.96",
    "11168 11202 IU BD000007 AP000029 AC000178 MJP000109 2291007/01/0742/ AMJP034895 10000.00 11500.00",
    "11214 11248 IU BD000009 AP000045 AC000268 MJP000113 2531007/01/0119/ AMJP034897 0.00 3171.93",
    "11250 11283 IU BD000009 AP000045 AC000268 MJP000114 2291007/01/0220/ AMJP034898 0.00 80124.75",
    "11285 11316 IU BD000012 AP000061 AC000352 MJP000183 2451000/01/0701/ AMJP034908 2000.00 4875.74",
    "11318 11350 IU BD000012 AP000061 AC000352 MJP000184 2451000/01/0742/ AMJP034909 3000.00 6056.55",
    "11352 11385 IU BD000012 AP000061 AC000352 MJP000185 2451000/01/0752/ AMJP034910 2000.00 12905.70",
    "11397 11429 IU BD000012 AP000061 AC000352 MJP000186 2451000/01/0119/ AMJP034911 20000.00 22765.95",
    "11431 11465 IU BD000012 AP000061 AC000352 MJP003667 2350000/01/0119/ AMJP034881 0.00 3500.00",
    "11467 11501 IU BD000012 AP000061 AC000353 MJP002409 2452000/01/0119/ AMJP034870 5000.00 13064.00",
    "11503 11537 IU BD000012 AP000061 AC000353 MJP002412 2452000/01/0590/ AMJP034871 0.00 24876.04",
    "11539 11571 IU BD000012 AP000063 AC000360 MJP003635 2452000/01/0119/ AMJP034879 0.00 29525.50",
    "11578 11609 IU BD000012 AP000064 AC000364 MJP001037 2291000/01/0119/ AMJP034858 10000.00 166478.47",
    "11611 11642 IU BD000012 AP000064 AC000364 MJP001039 2291000/01/0220/ AMJP034859 10000.00 55000.00",
    "11644 11675 IU BD000012 AP000064 AC000364 MJP001040 2350000/01/0119/ AMJP034860 10000.00 113229.68",
    "11677 11709 IU BD000012 AP000064 AC000364 MJP001241 2350000/01/0590/ AMJP034868 5000.00 15000.00",
    "11711 11743 IU BD000012 AP000064 AC000364 MJP004774 2291000/01/0119/ AMJP034890 500000.00 320000.00",
    "11746 11779 IU BD000013 AP000070 AC000390 MJP003704 2841100/01/0119/ AMJP034883 0.00 12902186.00",
    "11781 11825 IO BD000002 AP000005 AC000474 MJP004832 1500000/01/0119/ AMJP034893 80000.00 20000.00",
    "11827 11871 IO BD000005 AP000020 AC000106 MJP001063 1500000/01/0752/ AMJP034865 5000.00 5113.46",
    "11873 11915 IO BD000007 AP000025 AC000143 MJP001109 1500000/01/0701/ AMJP034867 40000.00 6090.42",
    "11916 11953 IO BD000007 AP000025 AC000154 MJP003720 1500000/01/0119/ AMJP034886 38800.00 114.31",
    "11955 11992 IO BD000007 AP000027 AC000162 MJP000121 1500000/01/0590/ AMJP034904 200000.00 361110.47",
    "11994 12035 IO BD000007 AP000029 AC000170 MJP000118 1500000/01/0742/ AMJP034902 3381728.00 108265.08",
    "12037 12074 IO BD000007 AP000029 AC000170 MJP000126 1500000/01/0742/ AMJP034905 0.00 98661.77",
    "12075 12113 IO BD000007 AP000029 AC000170 MJP000127 1500000/01/0742/ AMJP034906 0.00 202171.89",
    "12115 12154 IO BD000007 AP000029 AC000170 MJP003087 1500000/01/0742/ AMJP034877 0.00 15423.04",
    "12156 12195 IO BD000007 AP000029 AC000170 MJP004501 1500000/01/0742/ AMJP034887 0.00 27595.48",
    "12197 12236 IO BD000007 AP000029 AC000176 MJP000128 1500000/01/0742/ AMJP034907 0.00 5540.00",
    "12237 12279 IO BD000007 AP000029 AC000176 MJP002649 1500000/01/0742/ AMJP034876 200000.00 256780.91",
    "12281 12321 IO BD000007 AP000029 AC000178 MJP000119 1500000/01/0742/ AMJP034903 10000.00 11500.00",
    "12323 12362 IO BD000009 AP000045 AC000268 MJP004570 1500000/01/0119/ AMJP034889 0.00 2000.00",
    "12364 12401 IO BD000012 AP000061 AC000352 MJP000187 1500000/01/0701/ AMJP034912 2000.00 4875.74",
    "12402 12439 IO BD000012 AP000061 AC000352 MJP000188 1500000/01/0742/ AMJP034913 3000.00 6056.55",
    "12441 12480 IO BD000012 AP000061 AC000352 MJP000189 1500000/01/0752/ AMJP034914 2000.00 12905.70",
    "12482 12519 IO BD000012 AP000061 AC000352 MJP000190 1500000/01/0119/ AMJP034915 20000.00 22765.95",
    "12521 12559 IO BD000012 AP000061 AC000352 MJP003358 1500000/01/0119/ AMJP034878 0.00 3500.00",
    "12571 12609 IO BD000012 AP000061 AC000353 MJP002413 1500000/01/0119/ AMJP034872 5000.00 13064.00",
    "12611 12650 IO BD000012 AP000061 AC000353 MJP002416 1500000/01/0590/ AMJP034873 0.00 24876.04",
    "12652 12690 IO BD000012 AP000063 AC000360 MJP003638 1500000/01/0119/ AMJP034880 0.00 29525.50",
    "12692 12728 IO BD000012 AP000064 AC000364 MJP001042 1500000/01/0119/ AMJP034861 10000.00 166478.47",
    "12740 12778 IO BD000012 AP000064 AC000364 MJP001043 1500000/01/0119/ AMJP034862 10000.00 113229.68",
    "12780 12815 IO BD000012 AP000064 AC000364 MJP001045 1500000/01/0220/ AMJP034863 10000.00 55000.00",
    "12817 12854 IO BD000012 AP000064 AC000364 MJP001242 1500000/01/0590/ AMJP034869 5000.00 15000.00",
    "12856 12894 IO BD000012 AP000064 AC000364 MJP004775 1500000/01/0119/ AMJP034891 500000.00 320000.00",
    "12896 12928 IO BD000013 AP000070 AC000390 MJP003705 2603000/01/0119/ AMJP034884 0.00 12902186.00",
    "12983 13019 FO BD000013 AP000067 AC000378 MJP002487 1733000/00/0040/ AMJP034874 0.00 1250000.00",
]

TOTALS = [
    ("I", "U", "MJP 2025-2025", "15058060.79", 12943),
    ("I", "O", "MJP 2025-2025", "14809830.46", 12945),
    ("I", "U", "TOTAAL", "15058060.79", 12947),
    ("I", "O", "TOTAAL", "14809830.46", 12949),
    ("I", "U", "MJP 2025-2025", "15058060.79", 12957),
    ("I", "O", "MJP 2025-2025", "14809830.46", 12959),
    ("I", "R", "MJP 2025-2025", "-248230.33", 12961),
    ("I", "U", "TOTAAL", "15058060.79", 12963),
    ("I", "O", "TOTAAL", "14809830.46", 12965),
    ("I", "R", "TOTAAL", "-248230.33", 12967),
    ("F", "U", "MJP 2025-2025", "0.00", 13035),
    ("F", "O", "MJP 2025-2025", "1250000.00", 13037),
    ("F", "U", "TOTAAL", "0.00", 13039),
    ("F", "O", "TOTAAL", "1250000.00", 13041),
    ("F", "U", "MJP 2025-2025", "0.00", 13049),
    ("F", "O", "MJP 2025-2025", "1250000.00", 13051),
    ("F", "R", "MJP 2025-2025", "1250000.00", 13053),
    ("F", "U", "TOTAAL", "0.00", 13055),
    ("F", "O", "TOTAAL", "1250000.00", 13057),
    ("F", "R", "TOTAAL", "1250000.00", 13059),
]

# INVARIANTS §17: rows and sum of "bedrag wijziging" per (type+soort, beleidsveld)
PER_BELEIDSVELD = {
    ("FO", "0040"): (1, "1250000.00"),
    ("IO", "0119"): (11, "13592863.91"),
    ("IO", "0220"): (1, "55000.00"),
    ("IO", "0590"): (3, "400986.51"),
    ("IO", "0701"): (2, "10966.16"),
    ("IO", "0742"): (9, "731994.72"),
    ("IO", "0752"): (2, "18019.16"),
    ("IU", "0119"): (11, "13594035.84"),
    ("IU", "0220"): (2, "135124.75"),
    ("IU", "0590"): (3, "547817.11"),
    ("IU", "0701"): (2, "10966.16"),
    ("IU", "0742"): (9, "752097.77"),
    ("IU", "0752"): (2, "18019.16"),
}
PER_ACCOUNT = {
    ("FO", "1733000"): (1, "1250000.00"),
    ("IO", "1500000"): (27, "1907644.46"),
    ("IO", "2603000"): (1, "12902186.00"),
    ("IU", "2291000"): (7, "1256460.70"),
    ("IU", "2291007"): (3, "293796.64"),
    ("IU", "2292000"): (2, "20963.04"),
    ("IU", "2350000"): (8, "467413.00"),
    ("IU", "2451000"): (4, "46603.94"),
    ("IU", "2452000"): (3, "67465.54"),
    ("IU", "2531007"): (1, "3171.93"),
    ("IU", "2841100"): (1, "12902186.00"),
}
# code -> name, from the description "<account name>/<beleidsdomein>/<beleidsveld>/"
BELEIDSDOMEINEN = {"00": "Algemene Financiering", "01": "Beleid en organisatie"}
BELEIDSVELDEN = {
    "0040": "Transacties in verband met de openbare schuld",
    "0119": "Overige algemene diensten",
    "0220": "Parkeren",
    "0590": "Overige economische zaken",
    "0701": "Cultuurcentrum",
    "0742": "Sportinfrastructuur",
    "0752": "Infrastructuur en faciliteiten ten behoeve van kinderen en jongeren",
}


def _parse(text: str) -> Parsed:
    sections = [s for s in find_sections(lines_from_text(text)) if s.kind in KINDS]
    return parse_credit_transfers(sections)


def _row_key(r: CreditTransfer) -> tuple[object, ...]:
    return (
        r.budget_type + r.direction,
        r.bd_code,
        r.ap_code,
        r.ac_code,
        r.raming_code,
        r.budget_code,
        r.change_code,
        r.transaction_credit,
        r.amount,
    )


def _full(r: CreditTransfer) -> tuple[object, ...]:
    return (
        *_row_key(r),
        r.entity_name,
        r.bd_title,
        r.ap_title,
        r.ac_title,
        r.raming_text,
        r.budget_code_description,
        r.change_text,
        r.from_year,
        r.target_year,
    )


def _table() -> list[list[str]]:
    return [row.split() for row in TRANSFERS]


def _expected_keys() -> list[tuple[object, ...]]:
    return [(*row[2:9], Decimal(row[9]), Decimal(row[10])) for row in _table()]


def _total_keys(totals: list[CreditTransferTotal]) -> list[tuple[object, ...]]:
    return [(t.budget_type, t.direction, t.column_label, t.amount) for t in totals]


def _expected_totals() -> list[tuple[object, ...]]:
    return [(bt, d, col, Decimal(a)) for bt, d, col, a, _ in TOTALS]


@pytest.fixture(scope="module")
def parsed(sample_sections: dict[str, list[Section]]) -> Parsed:
    return parse_credit_transfers(sample_sections[KINDS[0]] + sample_sections[KINDS[1]])


def test_every_row(parsed: Parsed) -> None:
    rows, _ = parsed
    assert [(r.line_no, r.line_no_end, *_row_key(r)) for r in rows] == [
        (int(row[0]), int(row[1]), *key) for row, key in zip(_table(), _expected_keys(), strict=True)
    ]
    for r in rows:
        assert (r.account_code, r.beleidsdomein_code, r.beleidsveld_code) == tuple(
            r.budget_code.split("/")[:3]
        )
        assert (r.entity_name, r.from_year, r.target_year) == ("AGB Genk", 2024, 2025)
        assert (r.change_text, r.page_no, r.page_no_end) == (
            "Overdracht naar 2025",
            sample_page(r.line_no),
            sample_page(r.line_no_end),
        )
    # after the sample's last printed page number (228) the pages count on: the investment transfers begin
    # on page 246 (" AGB Genk (Stadsplein  1, 3600 Genk)", line 10673), each page " Entiteit Type" ... holds
    # 4 or 5 rows, the financing transfer is on page 262
    assert sorted(Counter(r.page_no for r in rows).items()) == [
        (246, 3),
        (247, 5),
        (248, 5),
        (249, 5),
        (250, 5),
        (252, 5),
        (253, 4),
        (254, 4),
        (255, 4),
        (256, 4),
        (257, 4),
        (258, 4),
        (259, 5),
        (262, 1),
    ]


def test_counts_and_sums(parsed: Parsed) -> None:
    rows, _ = parsed
    investments = [r for r in rows if r.budget_type == "I"]
    assert [r.direction for r in investments] == ["U"] * 29 + ["O"] * 28
    assert sum(r.amount for r in investments if r.direction == "U") == Decimal("15058060.79")
    assert sum(r.amount for r in investments if r.direction == "O") == Decimal("14809830.46")
    assert len({r.budget_code for r in investments}) == 27
    financing = [r for r in rows if r.budget_type == "F"]
    assert [(r.direction, r.transaction_credit, r.amount) for r in financing] == [
        ("O", Decimal("0.00"), Decimal("1250000.00"))
    ]
    per_veld: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    per_account: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for r in rows:
        per_veld[(r.budget_type + r.direction, r.beleidsveld_code)].append(r.amount)
        per_account[(r.budget_type + r.direction, r.account_code)].append(r.amount)
    assert {k: (len(v), sum(v)) for k, v in per_veld.items()} == {
        k: (n, Decimal(s)) for k, (n, s) in PER_BELEIDSVELD.items()
    }
    assert {k: (len(v), sum(v)) for k, v in per_account.items()} == {
        k: (n, Decimal(s)) for k, (n, s) in PER_ACCOUNT.items()
    }


def test_budget_code_descriptions_rejoined(parsed: Parsed) -> None:
    rows, _ = parsed
    for r in rows:
        _, domain, field, empty = r.budget_code_description.rsplit("/", 3)
        assert (domain, field, empty) == (
            BELEIDSDOMEINEN[r.beleidsdomein_code],
            BELEIDSVELDEN[r.beleidsveld_code],
            "",
        )
        assert "\u00a0" not in r.budget_code_description and "  " not in r.budget_code_description
    descriptions = {r.budget_code: r.budget_code_description for r in rows}
    assert descriptions["2350000/01/0701/"] == (
        "Installaties, machines en uitrusting - bedrijfsmatige materiële vaste activa - "
        "Aanschaffingswaarde/Beleid en organisatie/Cultuurcentrum/"
    )
    assert descriptions["2291007/01/0742/"] == (
        "Gebouwen - bedrijfsmatige materiële vaste activa - Activa in aanbouw/Beleid en organisatie/"
        "Sportinfrastructuur/"
    )
    assert descriptions["2451000/01/0752/"] == (
        "Meubilair - bedrijfsmatige materiële vaste activa - Aanschaffingswaarde/Beleid en organisatie/"
        "Infrastructuur en faciliteiten ten behoeve van kinderen en jongeren/"
    )
    assert descriptions["1733000/00/0040/"] == (
        "Schulden aan kredietinstellingen aangegaan door het bestuur/Algemene Financiering/"
        "Transacties in verband met de openbare schuld/"
    )


def test_titles_and_raming_texts(parsed: Parsed) -> None:
    rows, _ = parsed
    by_raming = {r.raming_code: r for r in rows}
    first = by_raming["MJP004818"]
    assert first.bd_title == (
        "De talentontwikkeling en taalvaardigheid, in het bijzonder van het Nederlands, nemen toe."
    )
    assert first.ap_title == "We zetten samen met het onderwijs in op maximale schoolcarrières."
    assert first.ac_title == "T2-Campus: EducaThor versterkt scholen op vlak van technologie."
    assert first.raming_text == (
        "De aankoop van materialen voor workshops die meerjarig worden afgeschreven. Investeringen aan "
        "het up-to-date houden van de infrastructuur en games van TECHville op T2)campus. Vanaf jaar 3 "
        "zit de onderhoudskost niet inbegrepen. Vanaf jaar 5 wordt gerekend op de vernieuwing van 1 "
        "spel per jaar (cf MJP004832 AGB)."
    )
    assert by_raming["MJP001108"].raming_text == (
        "Aankoop en vervanging van uitrustingsmaterieel i.f.v. de exploitatie van het Cultuurcentrum "
        "(cf MJP001109 AGB)."
    )
    assert by_raming["MJP001108"].ap_title == (
        "C-mine functioneert als hybride artistieke site met een sterke inbedding in de omgeving."
    )
    # "Overdracht" inside a raming text is not the change cell
    assert by_raming["MJP003705"].raming_text == "Overdracht gronden aan Thorpark nv."
    assert by_raming["MJP003705"].change_code == "AMJP034884"
    # mid-word breaks in raming texts ("vervangingsinvesteringe" + "n", "toegangscontrolesystee" + "m")
    assert by_raming["MJP002647"].raming_text == (
        "Diverse aankopen, onderhouds- en vervangingsinvesteringen in uitrustingsmaterieel, machines en "
        "installaties, zowel indoor als outdoor (cf MJP002649 AGB)."
    )
    assert by_raming["MJP001040"].raming_text == (
        "Update toegangscontrolesysteem Energiegebouwen C-mine (cf MJP001043 AGB)."
    )
    assert by_raming["MJP003704"].ac_title == (
        "Verbindingen, PPS-structuren en deelnemingen onderzoeken en financieel-administratief opvolgen."
    )
    financing = by_raming["MJP002487"]
    assert (financing.bd_title, financing.ap_title, financing.ac_title, financing.raming_text) == (
        "Het financieel beleid van stad Genk is duurzaam, evenwichtig en transparant.",
        "Stad Genk trekt maximaal duurzame externe en nieuwe financieringsbronnen aan.",
        "Inzetten op evenwichtige mix KT en LT en op actief schuldbeheer binnen duurzaam "
        "financieringsbeleid.",
        "Opnameschema nieuwe leningen en thesauriebewijzen.",
    )


def test_totals(parsed: Parsed) -> None:
    _, totals = parsed
    assert [(*key, t.line_no) for key, t in zip(_total_keys(totals), totals, strict=True)] == [
        (*key, line) for key, (*_, line) in zip(_expected_totals(), TOTALS, strict=True)
    ]
    resultaat = [t.amount for t in totals if t.budget_type == "I" and t.direction == "R"]
    assert resultaat == [Decimal("14809830.46") - Decimal("15058060.79")] * 2


# ---- variants ----------------------------------------------------------------------------------


def _span(text: str) -> tuple[int, int]:
    start = text.index("Overdracht investeringskredieten")
    return start, text.index(" 3.9. BIJKOMENDE", start)


def test_crlf(sample_text: str, parsed: Parsed) -> None:
    rows, totals = _parse(sample_text.replace("\n", "\r\n"))
    assert [(r.line_no, *_full(r)) for r in rows] == [(r.line_no, *_full(r)) for r in parsed[0]]
    assert _total_keys(totals) == _expected_totals()


def test_extra_blank_lines(sample_text: str, parsed: Parsed) -> None:
    rows, totals = _parse(sample_text.replace("\n", "\n\n"))
    assert [_full(r) for r in rows] == [_full(r) for r in parsed[0]]
    assert _total_keys(totals) == _expected_totals()


def test_pdf_intake_stripped_lines(sample_text: str, parsed: Parsed) -> None:
    rows, totals = _parse("\n".join(line.strip() for line in sample_text.splitlines() if line.strip()))
    assert [_full(r) for r in rows] == [_full(r) for r in parsed[0]]
    assert _total_keys(totals) == _expected_totals()


def test_form_feeds_between_pages(sample_text: str, parsed: Parsed) -> None:
    text = sample_text.replace("\n Entiteit Type", "\n\f Entiteit Type").replace(
        "\n AGB Genk I", "\n\f AGB Genk I"
    )
    rows, totals = _parse(text)
    assert [_full(r) for r in rows] == [_full(r) for r in parsed[0]]
    first_pages = [(r.page_no, r.line_no) for r in rows[:4]]
    assert [p for p, _ in first_pages[:3]] == [first_pages[0][0]] * 3
    assert first_pages[3] == (first_pages[0][0] + 1, 12)  # header at line 1, row at old 10825 - 10814 + 1
    assert len({r.page_no for r in rows}) == 12
    assert _total_keys(totals) == _expected_totals()


def test_entity_renamed_and_years_shifted(sample_text: str, parsed: Parsed) -> None:
    text = sample_text.replace("AGB Genk (0872.093.742)", "OCMW Voorbeeld (0212.345.678)")
    text = text.replace("AGB Genk", "OCMW Voorbeeld").replace("Genk", "Voorbeeld")
    start, end = _span(text)
    shifted = re.sub(r"(?<![\d.,/])(20\d\d)(?![\d.,/])", lambda m: str(int(m[1]) + 1), text[start:end])
    rows, totals = _parse(text[:start] + shifted + text[end:])
    assert [_row_key(r) for r in rows] == _expected_keys()
    assert {(r.entity_name, r.from_year, r.target_year, r.change_text) for r in rows} == {
        ("OCMW Voorbeeld", 2025, 2026, "Overdracht naar 2026")
    }
    assert (
        rows[-1].bd_title
        == "Het financieel beleid van stad Voorbeeld is duurzaam, evenwichtig en transparant."
    )
    assert _total_keys(totals) == [
        (bt, d, col.replace("2025-2025", "2026-2026"), a) for bt, d, col, a in _expected_totals()
    ]


def test_zero_row_printed(sample_text: str, parsed: Parsed) -> None:
    start = sample_text.index("AGB Genk I U BD000002")
    end = sample_text.index("2025 80.000,00 20.000,00\n", start) + len("2025 80.000,00 20.000,00\n")
    zero_row = sample_text[start:end].replace("2025 80.000,00 20.000,00", "2025 0,00 0,00")
    rows, totals = _parse(sample_text[:end] + "\n" + zero_row + sample_text[end:])
    assert len(rows) == 59
    assert (rows[1].raming_code, rows[1].transaction_credit, rows[1].amount) == ("MJP004818", 0, 0)
    assert [_full(r) for r in rows[:1] + rows[2:]] == [_full(r) for r in parsed[0]]
    assert _total_keys(totals) == _expected_totals()


def test_page_headers_missing_or_inside_a_row(sample_text: str, parsed: Parsed) -> None:
    header = (
        "\nJAARREKENING ORIGINEEL 2024 : Overdracht investeringskredieten\n"
        "AGB Genk (0872.093.742) 230 / 240\n230\n"
        " Entiteit Type\nbudget\n\nSoort\nbudget\n\n"
        "Beleidsdoestelling Actieplan Actie Raming Budgetcode Toelichting wijziging Jaar Transactie\n"
        "krediet\n\n"
        "Bedrag wijziging\n\n"
    )
    start, end = _span(sample_text)
    body = sample_text[start:end]
    title, rest = body.split("\n", 1)
    no_headers = (
        title
        + "\n"
        + "\n".join(
            line
            for line in rest.split("\n")
            if line.strip() not in {"Entiteit Type", "budget", "Soort", "krediet", "Bedrag wijziging"}
            and not line.startswith("Beleidsdoestelling")
        )
    )
    inside = no_headers.replace("taalvaardigheid, in het\n", "taalvaardigheid, in het\n" + header, 1)
    inside = inside.replace("\naankoop van materialen\n", "\naankoop van materialen\n" + header, 1)
    rows, totals = _parse(sample_text[:start] + inside + sample_text[end:])
    assert [_full(r) for r in rows] == [_full(r) for r in parsed[0]]
    assert _total_keys(totals) == _expected_totals()


def _mini(body: str) -> Parsed:
    return _parse(
        "Overdracht investeringskredieten 2030 naar 2031\n" + body + "\n3.9. BIJKOMENDE DOCUMENTATIE\n"
    )


def test_mid_word_heuristic_rules() -> None:
    rows, _ = _mini(
        "\n".join(
            [
                "Voorbeeld AGB I U BDS000001 - Een doel.",
                "MJP000001 - Raming.",
                "2350000/01/0742/",
                "Installaties/Beleid en",  # (c) "tuur/" closes the segment: joined
                "organisatie/Sportinfrastruc",
                "tuur/",
                "AMJP000001 -",
                "Overdracht naar 2031",
                "2031 0,00 1.234,56",
                "Voorbeeld AGB I U MJP000002 - Raming.",
                "2350000/01/0119/",
                "Aanschaffingswaarde/Bele",  # (a) "beleid" attested in another row: joined
                "id en organisatie/Overige",  # default: space
                "algemene diensten/",
                "AMJP000002 -",
                "Overdracht naar 2031",
                "2031 5,00 6,00",
                "Voorbeeld AGB I O 2350000/01/0752/",
                "Installaties/Beleid en organisatie/Overige",  # (b) "diensten" is attested: space
                "diensten/",
                "AMJP000003 - Overdracht naar 2031",
                "2031 7,00",  # amount line wrapped after its first amount
                "8,00",
            ]
        )
    )
    assert [
        (r.entity_name, r.direction, r.bd_code, r.ap_code, r.raming_code, r.transaction_credit, r.amount)
        for r in rows
    ] == [
        ("Voorbeeld AGB", "U", "BDS000001", None, "MJP000001", Decimal("0.00"), Decimal("1234.56")),
        ("Voorbeeld AGB", "U", None, None, "MJP000002", Decimal("5.00"), Decimal("6.00")),
        ("Voorbeeld AGB", "O", None, None, None, Decimal("7.00"), Decimal("8.00")),
    ]
    assert [r.budget_code_description for r in rows] == [
        "Installaties/Beleid en organisatie/Sportinfrastructuur/",
        "Aanschaffingswaarde/Beleid en organisatie/Overige algemene diensten/",
        "Installaties/Beleid en organisatie/Overige diensten/",
    ]
    assert [(r.change_code, r.change_text, r.target_year, r.from_year) for r in rows] == [
        (f"AMJP00000{n}", "Overdracht naar 2031", 2031, 2030) for n in (1, 2, 3)
    ]
