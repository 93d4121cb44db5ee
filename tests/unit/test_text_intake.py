"""Text input: form feeds, BOM, CRLF; and the report identity read from the content."""

from __future__ import annotations

from pipelines.extract.lines import content_lines
from pipelines.ingest.metadata import identify
from pipelines.ingest.text import decode_text, text_to_lines
from tests.conftest import SAMPLE_PAGE_COUNTERS


def test_physical_line_numbers_without_form_feeds(sample_raw_lines) -> None:
    assert len(sample_raw_lines) == 13076  # 13075 newlines, the last line has no newline
    assert [ln.line_no for ln in sample_raw_lines] == list(range(1, 13077))
    assert sample_raw_lines[8622].line_no == 8623
    assert sample_raw_lines[8622].text == " J1: Doelstellingenrekening"


def test_printed_page_numbers_without_form_feeds(sample_raw_lines) -> None:
    """The sample prints some page numbers alone on a line (after "AGB Genk (0872.093.742) 2 / 155", the
    counter of the report part, comes "6", the page of the volume): lines carry those printed pages."""
    by_line = {ln.line_no: ln for ln in sample_raw_lines}
    for line, page in SAMPLE_PAGE_COUNTERS:
        assert (by_line[line].text.strip(), by_line[line].page_no) == (str(page), page)
    assert by_line[1].page_no == 6  # the text starts on the page whose counter "6" is line 108
    assert (by_line[107].text, by_line[107].page_no) == ("AGB Genk (0872.093.742) 2 / 155", 6)
    assert by_line[109].page_no == 44  # the next printed counter ("40 / 155", "44") ends that run of lines
    # three consecutive printed pages: 168, 169 and 170 hold exactly the lines between their counters
    assert {ln.page_no for ln in sample_raw_lines if 8856 <= ln.line_no <= 8863} == {168}
    assert [ln.text.strip() for ln in sample_raw_lines if ln.page_no == 169 and ln.text.strip()] == [
        "AGB Genk    Jaarrekening 2024",
        "2.2. DE STAAT VAN HET",
        "FINANCIEEL EVENWICHT",
        "SCHEMA J2",
        "AGB Genk 0872093742",
        "Stadsplein 1, 3600 Genk",
        "169",
    ]
    assert {ln.page_no for ln in sample_raw_lines if ln.line_no > 9652} == {229}
    assert sorted({ln.page_no for ln in sample_raw_lines}) == [p for _, p in SAMPLE_PAGE_COUNTERS] + [229]


def test_page_counters_at_the_end_of_lines() -> None:
    """ "n / N" counters at the end of the footer line, no form feeds: each page carries its number;
    dates, years and numbers in tables are not page counters."""
    pages = [
        ["Schema J1", "Op 01/12/2024 goedgekeurd", "Uitgaven 1.234 5.678", "", "Gemeente X (0207.451.227) 1 / 3"],
        ["", "Balans 2024", "2024", "12", "Gemeente X (0207.451.227) 2 / 3"],
        ["", "Saldo 3 / 4 van de leden", "Gemeente X (0207.451.227) 3 / 3"],
    ]
    text = "\n".join(line for page in pages for line in page)
    lines = text_to_lines(text)
    expected = [n for n, page in enumerate(pages, start=1) for _ in page]
    assert [ln.page_no for ln in lines] == expected
    assert [ln.line_no for ln in lines] == list(range(1, len(expected) + 1))


def test_page_numbers_alone_on_their_line() -> None:
    text = "\n".join(["Titel", "inhoud", "- 11 -", "", "meer", "tekst", "12", "", "laatste", "blad"])
    assert [ln.page_no for ln in text_to_lines(text)] == [11, 11, 11, 12, 12, 12, 12, 13, 13, 13]


def test_no_counters_one_page() -> None:
    text = "\n".join(["J1: Doelstellingenrekening", "2024", "5", "Saldo 12", "7"])
    assert {ln.page_no for ln in text_to_lines(text)} == {1}


def test_form_feeds_split_pages_and_restart_line_numbers() -> None:
    lines = text_to_lines("a\nb\n\fc\n\n\fd")
    assert [(ln.page_no, ln.line_no, ln.text) for ln in lines] == [
        (1, 1, "a"),
        (1, 2, "b"),
        (2, 1, "c"),
        (2, 2, ""),
        (3, 1, "d"),
    ]


def test_bom_and_crlf_are_accepted(sample_text: str) -> None:
    variant = ("\ufeff" + sample_text.replace("\n", "\r\n")).encode("utf-8")
    lines = text_to_lines(decode_text(variant))
    assert len(lines) == 13076
    assert lines[0].text == " Beleidsevaluatie"
    assert not any("\r" in ln.text for ln in lines)


def test_identity_of_the_sample(sample_lines) -> None:
    ident = identify(sample_lines)
    assert (ident.entity_name, ident.kbo_number, ident.entity_type) == ("AGB Genk", "0872093742", "AGB")
    assert (ident.report_type, ident.fiscal_year) == ("jaarrekening", 2024)
    assert ident.bbc_markers > 500


def test_identity_of_another_entity_and_year(sample_text: str) -> None:
    variant = (
        sample_text.replace("AGB Genk (0872.093.742)", "OCMW Tielt-Winge (0212.239.347)")
        .replace("AGB Genk 0872093742", "OCMW Tielt-Winge 0212239347")
        .replace("AGB Genk", "OCMW Tielt-Winge")
        .replace("2024", "2031")
    )
    ident = identify(content_lines(text_to_lines(variant)))
    assert (ident.entity_name, ident.kbo_number, ident.entity_type) == ("OCMW Tielt-Winge", "0212239347", "OCMW")
    assert (ident.report_type, ident.fiscal_year) == ("jaarrekening", 2031)


def test_identity_of_a_municipality() -> None:
    text = "\n".join(
        [
            "Beleidsevaluatie",
            "2025",
            "Journaalvolgnummers: JR Budg. 1 Alg. 2",
            "Gemeente Zonnebeke (0207.451.227)",
            "Prioritaire beleidsdoelstelling: BD000001",
            "J1: Doelstellingenrekening",
            "J2: Staat van het financieel evenwicht",
            "Budgettair resultaat Jaarrekening Meerjarenplan",
            "JAARREKENING ORIGINEEL 2025 : Balans 2025",
        ]
    )
    ident = identify(content_lines(text_to_lines(text)))
    assert (ident.entity_name, ident.kbo_number, ident.entity_type) == ("Gemeente Zonnebeke", "0207451227", "gemeente")
    assert (ident.report_type, ident.fiscal_year) == ("jaarrekening", 2025)
