"""Identity ranked by evidence (identity block, KBO line, title page, running header, prose), gemeente + OCMW
reported together, plan volumes, producer profiles: on the four real PDFs and on synthetic text fixtures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest

from pipelines.extract.lines import CLine, content_lines
from pipelines.extract.run import Extraction
from pipelines.ingest.intake import IntakeResult, read_document
from pipelines.ingest.metadata import ReportIdentity, expected_table_kinds, identify
from pipelines.ingest.profiles import detect_profile, profile_scores
from pipelines.ingest.text import text_to_lines
from pipelines.load import load_document

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
MAX_BYTES = 200 * 1024 * 1024


def ident_of(text: str) -> ReportIdentity:
    return identify(content_lines(text_to_lines(text)))


def entities_of(ident: ReportIdentity) -> list[tuple]:
    return [(e.seq, e.role, e.entity_name, e.kbo_number, e.entity_type, e.evidence) for e in ident.entities]


# --------------------------------------------------------------------------- the four real PDFs


@pytest.fixture(scope="module")
def real() -> dict[str, IntakeResult]:
    names = {
        "limburg": "provincie-limburg-mjp-2026-herziening-8.pdf",
        "antwerpen": "provincie-antwerpen-mjp-2026-2031.pdf",
        "ov_documentatie": "provincie-oost-vlaanderen-mjp-2026-2031-documentatie.pdf",
        "ov_beleidsverklaring": "provincie-oost-vlaanderen-mjp-2026-2031-beleidsverklaring.pdf",
    }
    return {key: read_document(REAL / name, max_bytes=MAX_BYTES, pdf_workers=1) for key, name in names.items()}


def _summary(ident: ReportIdentity) -> tuple:
    return (
        ident.entity_name,
        ident.kbo_number,
        ident.entity_type,
        ident.report_type,
        ident.fiscal_year,
        ident.plan_version,
        ident.plan_first_year,
        ident.plan_last_year,
        ident.plan_volume,
        ident.entity_evidence,
        ident.layout_profile,
    )


def test_real_plans_are_identified(real) -> None:
    assert _summary(real["limburg"].identity) == (
        "Provincie Limburg",
        "0207725203",
        "provincie",
        "meerjarenplan",
        2026,
        "herziening 8",
        2026,
        2031,
        "volledig",
        "kbo_line",
        "journaalvolgnummers",
    )
    assert _summary(real["antwerpen"].identity) == (
        "Provincie Antwerpen",
        "0207725597",
        "provincie",
        "meerjarenplan",
        2026,
        "origineel",
        2026,
        2031,
        "volledig",
        "kbo_line",
        "journaalvolgnummers",
    )


def test_oost_vlaanderen_volumes_are_identified_without_kbo(real) -> None:
    doc = real["ov_documentatie"].identity
    assert _summary(doc) == (
        "Provincie Oost-Vlaanderen",
        None,  # its KBO number is not printed
        "provincie",
        "meerjarenplan",
        2026,
        "origineel",
        2026,  # from the MJP2026 ... MJP2031 column headers: the volume prints no "2026-2031"
        2031,
        "documentatie",
        "prose",  # "De omgevingsanalyse geeft een stand van zaken van de Provincie Oost-Vlaanderen."
        "word_export",
    )
    # was rejected with 3 markers: the Beleidsveld blocks, Totaal rows and subsidy lists count now
    assert doc.bbc_markers >= 100
    assert [(e.page_no, e.line_no) for e in doc.entities] == [(2, 3)]
    verklaring = real["ov_beleidsverklaring"].identity
    assert _summary(verklaring)[:10] == (
        "Provincie Oost-Vlaanderen",
        None,
        "provincie",
        "meerjarenplan",
        2026,
        "origineel",  # "de 12e aanpassing van het meerjarenplan 2020 - 2025" is another plan
        2026,
        2031,
        "beleidsverklaring",
        "prose",
    )
    # the beneficiaries "Provincie Antwerpen" / "Provincie Vlaams-Brabant" stand on table rows with amounts
    assert entities_of(doc) == [(1, "main", "Provincie Oost-Vlaanderen", None, "provincie", "prose")]


def test_profile_scores_of_the_real_pdfs(real) -> None:
    limburg = profile_scores(real["limburg"].content_lines())
    assert limburg["journaalvolgnummers"] == 23.0 and limburg["journaalvolgnummers"] > limburg["word_export"]
    documentatie = profile_scores(real["ov_documentatie"].content_lines())
    assert documentatie == {"journaalvolgnummers": 0.0, "word_export": 16.0, "package_b": 0.0}
    # a policy statement of prose prints hardly any layout evidence: no profile wins, it says so
    assert real["ov_beleidsverklaring"].identity.layout_profile == "unknown"


# --------------------------------------------------------------------------- the identity block

CITY_AND_OCMW = """MEERJARENPLAN 2026-2031
Stad en OCMW Voorbeeldstad
1
Naam bestuur
Stad Voorbeeldstad
Markt 1, 9999 Voorbeeldstad
KBO-nummer 0207.123.456
OCMW Voorbeeldstad
Markt 1, 9999 Voorbeeldstad
KBO-nummer 0212.345.678
Rapportgegevens
Meerjarenplan 2026-2031
Origineel
2
Strategische nota
BD01 WE MAKEN VAN VOORBEELDSTAD EEN VEILIGE STAD
Samen met de Provincie Limburg en de provincie Limburg en de Provincie Limburg werken we aan veiligheid.
De Provincie Limburg ondersteunt ons.
AP0101 We verbeteren de verkeersveiligheid
2026 2027 2028 2029 2030 2031
Uitgaven 120.000 125.000 130.000 135.000 140.000 145.000
Ontvangsten 10.000 10.000 10.000 10.000 10.000 10.000
BD.17 WE BESTUREN SAMEN
AP1701 We organiseren de dienstverlening
2026 2027 2028 2029 2030 2031
Uitgaven 1.000 1.000 1.000 1.000 1.000 1.000
3
"""


def test_city_and_ocmw_from_the_identity_block_the_province_in_prose_never_wins() -> None:
    ident = ident_of(CITY_AND_OCMW)
    assert (ident.entity_name, ident.kbo_number, ident.entity_type) == ("Stad Voorbeeldstad", "0207123456", "gemeente")
    assert entities_of(ident) == [
        (1, "main", "Stad Voorbeeldstad", "0207123456", "gemeente", "identity_block"),
        (2, "ocmw", "OCMW Voorbeeldstad", "0212345678", "OCMW", "identity_block"),
    ]
    # the text prints its page numbers alone on a line ("1" under the title, "2" under "Origineel", "3"
    # at the end): the identity block is on page 2
    assert [(e.page_no, e.line_no) for e in ident.entities] == [(2, 5), (2, 8)]
    assert (ident.report_type, ident.plan_version, ident.plan_first_year, ident.plan_last_year) == (
        "meerjarenplan",
        "origineel",
        2026,
        2031,
    )
    assert (ident.fiscal_year, ident.entity_evidence, ident.layout_profile) == (2026, "identity_block", "package_b")
    assert ident.bbc_markers >= 5


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (  # name on the label's line, "Ondernemingsnummer:"
            "Naam bestuur: Gemeente Zandhoven\nKerkstraat 5, 2240 Zandhoven\nOndernemingsnummer: BE 0207.500.123\n"
            "Rapportgegevens\n",
            [(1, "main", "Gemeente Zandhoven", "0207500123", "gemeente", "identity_block")],
        ),
        (  # "KBO:" without dots, a nine-digit old-style number; the OCMW printed first: the gemeente is main
            "Naam bestuur\nOCMW Beekdorp\nKBO: 0212345679\nGemeente Beekdorp\nKBO: 207.123.457\nRapportgegevens\n",
            [
                (1, "main", "Gemeente Beekdorp", "0207123457", "gemeente", "identity_block"),
                (2, "ocmw", "OCMW Beekdorp", "0212345679", "OCMW", "identity_block"),
            ],
        ),
        (  # "Stad en OCMW <place>" on one line, the two numbers on their own lines
            "Naam bestuur\nStad en OCMW Heist-op-den-Berg\nKerkstraat 1\n2220 Heist-op-den-Berg\n"
            "KBO-nummer 0207.111.222\nKBO-nummer 0212.333.444\nRapportgegevens\n",
            [
                (1, "main", "Stad Heist-op-den-Berg", "0207111222", "gemeente", "identity_block"),
                (2, "ocmw", "OCMW Heist-op-den-Berg", "0212333444", "OCMW", "identity_block"),
            ],
        ),
        (  # the block in two columns: names on one line, addresses on one line, numbers on one line
            "Naam bestuur Stad Voorbeeldstad OCMW Voorbeeldstad\n"
            "Adres Markt 1, 9999 Voorbeeldstad Markt 1, 9999 Voorbeeldstad\n"
            "KBO-nummer 0207.123.456 0212.345.678\nRapportgegevens\n",
            [
                (1, "main", "Stad Voorbeeldstad", "0207123456", "gemeente", "identity_block"),
                (2, "ocmw", "OCMW Voorbeeldstad", "0212345678", "OCMW", "identity_block"),
            ],
        ),
        (  # name and number on one line
            "Naam van het bestuur\nStad Voorbeeldstad - KBO-nummer 0207.123.456\n"
            "OCMW Voorbeeldstad - KBO-nr. 0212.345.678\nRapportgegevens\n",
            [
                (1, "main", "Stad Voorbeeldstad", "0207123456", "gemeente", "identity_block"),
                (2, "ocmw", "OCMW Voorbeeldstad", "0212345678", "OCMW", "identity_block"),
            ],
        ),
        (  # an AGB alone is the main entity; no address or number printed: KBO unknown
            "Naam bestuur\nAGB Sportoase Voorbeeldstad\nRapportgegevens\n",
            [(1, "main", "AGB Sportoase Voorbeeldstad", None, "AGB", "identity_block")],
        ),
    ],
)
def test_identity_block_variants(block: str, expected: list[tuple]) -> None:
    ident = ident_of(block + "Meerjarenplan 2026-2031\nBD01 Een doel\nAP0101 Een plan\nDe provincie Limburg.\n")
    assert entities_of(ident) == expected
    assert (ident.entity_name, ident.kbo_number) == expected[0][2:4]


# --------------------------------------------------------------------------- weaker evidence


def test_title_page_name_wins_over_prose() -> None:
    text = (
        "Gemeente Zonnegem\nMeerjarenplan 2026-2031\n\f"
        "De Provincie West-Vlaanderen en de Provincie West-Vlaanderen en de Provincie West-Vlaanderen helpen.\n"
        "Beleidsdoelstelling BD000001 Een veilige gemeente\n"
    )
    ident = ident_of(text)
    assert (ident.entity_name, ident.kbo_number, ident.entity_type, ident.entity_evidence) == (
        "Gemeente Zonnegem",
        None,
        "gemeente",
        "title_page",
    )
    assert [(e.page_no, e.line_no) for e in ident.entities] == [(1, 1)]


def test_running_header_name() -> None:
    lines = [
        CLine("Beleidsrapport", 1, 1, 0),
        CLine("Meerjarenplan 2026-2031", 1, 2, 1),
        CLine("Inleiding", 2, 1, 2),
        CLine("Tekst over de Provincie Limburg.", 2, 2, 3),
        CLine("STAD VOORBEELDSTAD", 3, 1, 4, furniture="running_header"),
        CLine("Beleidsdoelstelling BD000001 Een veilige stad", 3, 2, 5),
        CLine("STAD VOORBEELDSTAD", 4, 1, 6, furniture="running_header"),
        CLine("De stad Voorbeeldstad investeert.", 4, 2, 7),
    ]
    ident = identify(lines)
    # the header's capitals are written as the running text writes the name
    assert (ident.entity_name, ident.entity_type, ident.entity_evidence) == (
        "Stad Voorbeeldstad",
        "gemeente",
        "running_header",
    )
    assert [(e.page_no, e.line_no) for e in ident.entities] == [(3, 1)]


def test_running_header_with_the_plan_title_and_a_labelled_kbo_on_the_title_page() -> None:
    """A running header "<entity> - Meerjarenplan 2020-2025" names the entity without the plan's title; a
    company number printed alone under its label on the title page is the entity's."""
    lines = [
        CLine("DOCUMENTATIE", 1, 1, 0),
        CLine("Ondernemingsnummer 0712.634.155", 1, 2, 1),
        CLine("AGB Elzenbeek - Meerjarenplan 2020-2025", 2, 1, 2, furniture="running_header"),
        CLine("Beleidsveld: BV0030: Financiële aangelegenheden", 2, 2, 3),
        CLine("AGB Elzenbeek - Meerjarenplan 2020-2025", 3, 1, 4, furniture="running_header"),
        CLine("Exploitatie Uitgave 1.425.628 1.500.000 1.600.000 1.700.000 1.800.000 1.900.000", 3, 2, 5),
    ]
    ident = identify(lines)
    assert (ident.entity_name, ident.kbo_number, ident.entity_type) == ("AGB Elzenbeek", "0712634155", "AGB")
    assert [(e.page_no, e.line_no) for e in ident.entities] == [(2, 1)]
    # a KBO number of another entity in running text is not the document's
    other = [*lines[:1], CLine("Subsidie aan vzw X, ondernemingsnummer 0412.345.678.", 1, 2, 1), *lines[2:]]
    assert identify(other).kbo_number is None
    # a gemeente and its OCMW in the running header before the plan's title
    joint = [dataclasses.replace(cl, text="Stad en OCMW Gaverdam - Meerjarenplan 2026-2031") if cl.furniture else cl
             for cl in lines]  # fmt: skip
    assert [(e.role, e.entity_name) for e in identify(joint).entities] == [
        ("main", "Stad Gaverdam"),
        ("ocmw", "OCMW Gaverdam"),
    ]


def test_prose_name_only_when_it_dominates() -> None:
    dominant = "De Provincie Oost-Vlaanderen kiest.\nDe Provincie Oost-Vlaanderen bouwt.\nDe stad Gent helpt.\n"
    ident = ident_of("BELEIDSVERKLARING\n" + dominant)
    assert (ident.entity_name, ident.entity_type, ident.entity_evidence) == (
        "Provincie Oost-Vlaanderen",
        "provincie",
        "prose",
    )
    # two names as often: no guess
    ambiguous = ident_of("De Provincie Limburg kiest.\nDe Provincie Antwerpen kiest.\nBeleidsverklaring\n")
    assert (ambiguous.entity_name, ambiguous.kbo_number, ambiguous.entity_evidence, ambiguous.entities) == (
        None,
        None,
        None,
        (),
    )
    # a name on a table row (a beneficiary with its amounts) is not prose
    table = ident_of("Provincie Antwerpen bijdrage 25.000,00 25.000,00\nProvincie Antwerpen bijdrage 1.000,00\n")
    assert table.entity_name is None


def test_nothing_identifies_the_entity() -> None:
    ident = ident_of(
        "Meerjarenplan 2026-2031\nBeleidsdoelstelling BD000001 Een veilige gemeente\nActieplan AP000001 Verkeer\n"
        "Staat van het financieel evenwicht\nAutofinancieringsmarge\nBudgettair resultaat\n"
        "Beschikbaar budgettair resultaat\n"
    )
    assert (ident.entity_name, ident.kbo_number, ident.entity_type, ident.entity_evidence, ident.entities) == (
        None,
        None,
        None,
        None,
        (),
    )
    assert ident.report_type == "meerjarenplan" and ident.bbc_markers == 5
    assert ident.plan_volume == "strategische_nota"  # a plan printing policy items and no M-schemas


# --------------------------------------------------------------------------- plan volumes

BD_LIST = """Overzicht van alle beleidsdoelstellingen
H1: Bestuur en organisatie
BD000001: Het provinciebestuur managen als een slagvaardige overheid *
BD000002: Een transparante en klantgerichte dienstverlening
H2: Mobiliteit
BD000003: Veilige en duurzame mobiliteit *
BD000004: Een fietsvriendelijke provincie
H3: Water
BD000005: Klimaatrobuust waterbeleid *
"""


def test_list_of_all_bds_is_a_plan_volume() -> None:
    ident = ident_of(BD_LIST)
    assert (ident.report_type, ident.plan_volume, ident.bbc_markers) == ("meerjarenplan", "beleidsdoelstellingen", 9)
    assert detect_profile(content_lines(text_to_lines(BD_LIST))).name == "word_export"


@pytest.mark.parametrize(
    ("text", "volume", "years"),
    [
        (
            "Strategische nota\nMeerjarenplan 2026-2031\nBD01 Veilig\nAP0101 Verkeer\n"
            "2026 2027 2028 2029 2030 2031\nUitgaven 1.000 1.000 1.000 1.000 1.000 1.000\n"
            "Ontvangsten 0 0 0 0 0 500\n",
            "strategische_nota",
            (2026, 2031),
        ),
        (
            "Financiële nota\nMeerjarenplan 2026-2031\nM1: Financieel doelstellingenplan\n"
            "M2: Staat van het financieel evenwicht\nM3: Overzicht van de kredieten\nBudgettair resultaat\n"
            "Autofinancieringsmarge\n",
            "financiele_nota",
            (2026, 2031),
        ),
        (
            "BELEIDSVERKLARING\nFinancieel evenwicht\n2026 2027 2028 2029 2030 2031\n"
            "Beschikbaar budgettair resultaat 24.848.155 2.063.755 726.195 1.706.070 1.638.511 255.347\n"
            "Autofinancieringsmarge 11.072.221 19.016.359 14.754.270 15.233.354 12.429.479 15.534.659\n"
            "Het meerjarenplan zet in op vier prioritaire beleidsdoelstellingen.\n"
            "Evolutie van het beschikbaar budgettair resultaat\n",
            "beleidsverklaring",
            (2026, 2031),
        ),
        (
            "DOCUMENTATIE\nA. Werkingssubsidies\n"
            "Begunstigde Omschrijving MJP2026 MJP2027 MJP2028 MJP2029 MJP2030 MJP2031\n"
            "Totaal : 595.738,00 529.226,00 462.715,00 396.203,00 329.691,00 63.645,00\n"
            "TOTAAL WERKINGSSUBSIDIES 30.667.884,44\n"
            "Beleidsveld: BV0030: Financiële aangelegenheden\nBeleidsveld: BV0040: Openbare schuld\n",
            "documentatie",
            (2026, 2031),
        ),
        (
            "Meerjarenplan 2026-2031\nStrategische nota\nBeleidsdoelstelling BD000001 Veilig\n"
            "M1: Financieel doelstellingenplan\nM2: Staat van het financieel evenwicht\nBudgettair resultaat\n",
            "volledig",
            (2026, 2031),
        ),
    ],
)
def test_plan_volumes_are_plans_of_their_years(text: str, volume: str, years: tuple[int, int]) -> None:
    ident = ident_of(text)
    assert (ident.report_type, ident.plan_volume, (ident.plan_first_year, ident.plan_last_year)) == (
        "meerjarenplan",
        volume,
        years,
    )
    assert ident.fiscal_year == years[0]
    assert ident.bbc_markers >= 5


def test_a_jaarrekening_has_no_plan_volume(sample_lines) -> None:
    ident = identify(sample_lines)
    assert (ident.plan_volume, ident.entity_evidence, ident.layout_profile) == (None, "kbo_line", "journaalvolgnummers")
    assert entities_of(ident) == [(1, "main", "AGB Genk", "0872093742", "AGB", "kbo_line")]


def test_expected_table_kinds() -> None:
    assert expected_table_kinds("jaarrekening", None) == ("policy", "J1", "J2", "J3", "J4", "J5", "T1", "T2", "T4")
    assert expected_table_kinds("meerjarenplan", "volledig") == ("policy", "M1", "M2", "M3", "T1", "T2")
    assert expected_table_kinds("meerjarenplan", None) == ("policy", "M1", "M2", "M3", "T1", "T2")
    assert expected_table_kinds("meerjarenplan", "strategische_nota") == ("policy",)
    assert expected_table_kinds("meerjarenplan", "financiele_nota") == ("M1", "M2", "M3", "T1", "T2")
    assert expected_table_kinds("meerjarenplan", "beleidsdoelstellingen") == ("policy",)
    assert expected_table_kinds("meerjarenplan", "beleidsverklaring") == ("key_figures",)
    assert expected_table_kinds("meerjarenplan", "documentatie") == ("subsidies", "beleidsveld_overview")
    assert expected_table_kinds(None, None) == ()


# --------------------------------------------------------------------------- the load


def _load(tmp_path: Path, text: str) -> duckdb.DuckDBPyConnection:
    src = tmp_path / "report.txt"
    src.write_text(text, encoding="utf-8")
    intake = read_document(src, max_bytes=MAX_BYTES)
    warehouse = tmp_path / "wh.duckdb"
    load_document(warehouse, intake, Extraction())
    return duckdb.connect(str(warehouse), read_only=True)


def test_load_writes_both_entities_and_the_document_columns(tmp_path: Path) -> None:
    con = _load(tmp_path, CITY_AND_OCMW)
    try:
        assert con.execute(
            "SELECT seq, role, entity_name, kbo_number, entity_type, evidence, page_no, line_no"
            " FROM raw.document_entities ORDER BY seq"
        ).fetchall() == [
            (1, "main", "Stad Voorbeeldstad", "0207123456", "gemeente", "identity_block", 2, 5),  # printed page 2
            (2, "ocmw", "OCMW Voorbeeldstad", "0212345678", "OCMW", "identity_block", 2, 8),
        ]
        assert con.execute(
            "SELECT entity_name, kbo_number, plan_volume, entity_evidence, layout_profile FROM raw.documents"
        ).fetchall() == [("Stad Voorbeeldstad", "0207123456", "strategische_nota", "identity_block", "package_b")]
        assert con.execute("SELECT count(*) FROM raw.coverage WHERE table_kind = 'identity'").fetchone() == (0,)
    finally:
        con.close()


def test_load_of_an_unidentified_entity_says_so(tmp_path: Path) -> None:
    con = _load(
        tmp_path,
        "Meerjarenplan 2026-2031\nBeleidsdoelstelling BD000001 Een veilige gemeente\nActieplan AP000001 Verkeer\n"
        "Staat van het financieel evenwicht\nAutofinancieringsmarge\nBudgettair resultaat\n"
        "Beschikbaar budgettair resultaat\n",
    )
    try:
        assert con.execute("SELECT entity_name, kbo_number, entity_evidence FROM raw.documents").fetchall() == [
            (None, None, None)
        ]
        assert con.execute("SELECT count(*) FROM raw.document_entities").fetchone() == (0,)
        assert con.execute("SELECT table_kind, expected, found, note FROM raw.coverage").fetchall() == [
            ("identity", True, False, "entity not identified")
        ]
    finally:
        con.close()


def test_entities_are_frozen_rows() -> None:
    ident = ident_of(CITY_AND_OCMW)
    assert dataclasses.is_dataclass(ident.entities[0]) and isinstance(ident.entities, tuple)


def test_report_data_of_the_identity_block_come_first() -> None:
    text = (
        "Naam bestuur\nGemeente Zandhoven\nKBO-nummer 0207.500.123\n"
        "Rapportgegevens\nMeerjarenplan 2026-2031\nAanpassing 2\n"
        "De jaarrekening 2024 sloot af met een overschot.\nDe jaarrekening 2024 werd vastgesteld.\n"
        "De jaarrekening 2025 volgt. Het meerjarenplan 2020-2025 liep af.\n"
        "BD01 Een doel\nAP0101 Een plan\nStrategische nota\nBudgettair resultaat\n"
    )
    ident = ident_of(text)
    assert (ident.report_type, ident.plan_version, ident.plan_first_year, ident.plan_last_year) == (
        "meerjarenplan",
        "aanpassing 2",
        2026,
        2031,
    )


def test_a_gemeente_printed_with_its_ocmw_in_the_journaalvolgnummers_family() -> None:
    header = "Gemeente Zonnebeke (0207.451.227)\n"
    ocmw = "OCMW Zonnebeke (0212.111.333)\n"
    text = "Beleidsevaluatie\n2025\nJournaalvolgnummers: JR Budg. 1\n" + header * 5 + ocmw * 3
    text += "J1: Doelstellingenrekening\nJ2: Staat van het financieel evenwicht\nJAARREKENING ORIGINEEL 2025 : Balans\n"
    ident = ident_of(text)
    assert entities_of(ident) == [
        (1, "main", "Gemeente Zonnebeke", "0207451227", "gemeente", "kbo_line"),
        (2, "ocmw", "OCMW Zonnebeke", "0212111333", "OCMW", "kbo_line"),
    ]
    # an OCMW named once (a partner, a participation) is not a second entity of the report
    once = ident_of(text.replace(ocmw * 3, ocmw))
    assert entities_of(once) == [(1, "main", "Gemeente Zonnebeke", "0207451227", "gemeente", "kbo_line")]


def test_title_page_of_a_city_with_its_ocmw() -> None:
    text = "MEERJARENPLAN 2026-2031\nStad en OCMW Voorbeeldstad\n\fDe Provincie Limburg helpt.\nBD01 Een doel\n"
    ident = ident_of(text)
    assert entities_of(ident) == [
        (1, "main", "Stad Voorbeeldstad", None, "gemeente", "title_page"),
        (2, "ocmw", "OCMW Voorbeeldstad", None, "OCMW", "title_page"),
    ]


def test_identity_block_with_the_address_after_the_number() -> None:
    block = (
        "Naam bestuur\nStad Voorbeeldstad\nKBO-nummer 0207.123.456\nGrote Markt 1\n9999 Voorbeeldstad\n"
        "Tel. 011 234 567\nOCMW Voorbeeldstad 0212345678\nGrote Markt 1\nTelefoon 011 234 568\nRapportgegevens\n"
        "Jaarrekening 2025\n"
    )
    ident = ident_of(block + "J1: Doelstellingenrekening\nJ2: Staat van het financieel evenwicht\n")
    assert entities_of(ident) == [
        (1, "main", "Stad Voorbeeldstad", "0207123456", "gemeente", "identity_block"),
        (2, "ocmw", "OCMW Voorbeeldstad", "0212345678", "OCMW", "identity_block"),
    ]
    assert (ident.report_type, ident.fiscal_year, ident.plan_volume) == ("jaarrekening", 2025, None)


@pytest.mark.parametrize(
    "line",
    [
        "Beleidsveld: BV0030: Financiële aangelegenheden",
        "BD000001: Klimaatrobuust waterbeleid *",
        "H1: Bestuur en organisatie",
        "Totaal : 1.931.146,24 773.103,81 1.253.420,99 2.137.087,92 2.840.472,54 2.137.086,92",
        "A. Werkingssubsidies",
        "Overzicht van de toegestane werkings- en investeringssubsidies",
        "Financieel evenwicht",
        "Beschikbaar budgettair resultaat 24.848.155 2.063.755 726.195 1.706.070 1.638.511 255.347",
        "Naam bestuur",
        "Rapportgegevens",
        "BD01 WE MAKEN VAN VOORBEELDSTAD EEN VEILIGE STAD",
        "BD.17 WE BESTUREN SAMEN",
        "AP0101 We verbeteren de verkeersveiligheid",
        "Uitgaven 120.000 125.000 130.000 135.000 140.000 145.000",
        "Beleidsverklaring",
    ],
)
def test_markers_of_volumes_and_other_producers(line: str) -> None:
    assert ident_of(line).bbc_markers == 1


def test_prose_is_no_marker() -> None:
    prose = "Het bestuur investeert in 2026 fors in fietspaden.\nBDO is een accountantskantoor.\nAP 1 is een weg."
    assert ident_of(prose).bbc_markers == 0
