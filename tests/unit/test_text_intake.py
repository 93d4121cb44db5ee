"""Text input: form feeds, BOM, CRLF; and the report identity read from the content."""

from __future__ import annotations

from pipelines.extract.lines import content_lines
from pipelines.ingest.metadata import identify
from pipelines.ingest.text import decode_text, text_to_lines


def test_physical_line_numbers_without_form_feeds(sample_raw_lines) -> None:
    assert {ln.page_no for ln in sample_raw_lines} == {1}
    assert len(sample_raw_lines) == 13076  # 13075 newlines, the last line has no newline
    assert sample_raw_lines[8622].line_no == 8623
    assert sample_raw_lines[8622].text == " J1: Doelstellingenrekening"


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
