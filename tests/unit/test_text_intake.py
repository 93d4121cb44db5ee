"""Text input: form feeds, BOM, CRLF; and the report identity read from the content."""

from __future__ import annotations

from pipelines.extract.lines import content_lines
from pipelines.ingest.metadata import identify
from pipelines.ingest.text import decode_text, page_numbering, text_to_lines
from tests.conftest import SAMPLE_PAGE_COUNTERS, SAMPLE_PAGE_FIRST_LINES, sample_page


def test_physical_line_numbers_without_form_feeds(sample_raw_lines) -> None:
    assert len(sample_raw_lines) == 13076  # 13075 newlines, the last line has no newline
    assert [ln.line_no for ln in sample_raw_lines] == list(range(1, 13077))
    assert sample_raw_lines[8622].line_no == 8623
    assert sample_raw_lines[8622].text == " J1: Doelstellingenrekening"


def test_printed_page_numbers_without_form_feeds(sample_raw_lines) -> None:
    """The sample prints some page numbers alone on a line (after "AGB Genk (0872.093.742) 2 / 155", the
    counter of the report part, comes "6", the page of the volume) and marks the first line of most other
    pages with one leading space: every page of the policy part carries its own printed number."""
    by_line = {ln.line_no: ln for ln in sample_raw_lines}
    for line, page in SAMPLE_PAGE_COUNTERS:
        assert (by_line[line].text.strip(), by_line[line].page_no) == (str(page), page)
    # the footer "2 / 155" is on page 6: the report part's first page is 5, where the text begins
    assert (by_line[1].text, by_line[1].page_no) == (" Beleidsevaluatie", 5)
    assert (by_line[71].page_no, by_line[72].text, by_line[72].page_no) == (5, " Prioritair actieplan: AP000001", 6)
    assert (by_line[107].text, by_line[107].page_no) == ("AGB Genk (0872.093.742) 2 / 155", 6)
    # page 7 begins right after the counter "6"; page 8 at the next marked line
    assert (by_line[109].page_no, by_line[112].text, by_line[112].page_no) == (7, "Prioritaire actie: AC000396", 7)
    assert (by_line[173].page_no, by_line[174].text, by_line[174].page_no) == (7, " Prioritaire actie: AC000485", 8)
    # one leading space after a blank line is an indented paragraph, not a page start (page 35: 1598-1652)
    assert by_line[1639].text.startswith(" Het loket") and {by_line[n].page_no for n in range(1598, 1653)} == {35}
    # 37 marked pages between the counters 6 and 44: pages 7 to 43, then 44 ends with "40 / 155" and "44"
    assert [by_line[n].page_no for n in (2126, 2127, 2192, 2193, 2194)] == [43, 44, 44, 44, 45]
    # every footer "n / 155" of the report part stands on page n + 4 (the part begins on page 5)
    footers = [(ln.text.split()[-3], ln.page_no) for ln in sample_raw_lines if ln.text.endswith(" / 155")]
    assert footers == [("2", 6), ("40", 44), ("46", 50), ("122", 126), ("135", 139), ("152", 156)]
    assert sorted({ln.page_no for ln in sample_raw_lines if ln.line_no <= 8524}) == list(range(5, 157))
    # the schedules: 5 marks for the 10 pages after 156 do not agree with the numbers: their lines carry
    # 167, the number printed at the end of their run (J1, on pages up to 167)
    assert {ln.page_no for ln in sample_raw_lines if 8525 <= ln.line_no <= 8855} == {167}
    assert by_line[8623].text == " J1: Doelstellingenrekening" and by_line[8623].page_no == 167
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
    # after the last printed number (228) the marked pages count on: T4 begins page 229, 3.6 is page 231
    assert (by_line[9653].page_no, by_line[9656].text, by_line[9656].page_no) == (
        229,
        "T4: Evolutie van de financiële schulden",
        229,
    )
    assert (by_line[9725].text.strip(), by_line[9725].page_no) == ("3.6. FINANCIËLE RISICO’S", 231)
    assert by_line[13076].page_no == 264
    assert [(p, n) for p, n in SAMPLE_PAGE_FIRST_LINES] == sorted(
        {ln.page_no: ln.line_no for ln in reversed(sample_raw_lines)}.items()
    )
    assert all(ln.page_no == sample_page(ln.line_no) for ln in sample_raw_lines)


def test_page_starts_marked_by_one_leading_space() -> None:
    """Between two printed numbers, pages marked by a first line with one leading space are numbered one
    by one when their count agrees with the numbers; a footer and the page number under it end one page;
    pages before the first number count back, pages after the last one count on."""
    lines = [
        ("Titel", 2),
        ("tekst", 2),
        (" Inleiding", 3),  # marked: page 3 begins
        ("Gemeente X (0207.451.227) 1 / 9", 3),
        ("", 3),
        ("3", 3),  # the page number of the volume under the footer of the report part: one page end
        ("", 4),
        ("inhoud", 4),  # page 4 begins after the page number
        (" Actie 2", 5),
        ("tekst", 5),
        (" Actie 3", 6),
        ("", 6),
        (" ingesprongen alinea", 6),  # one leading space after a blank line: an indented paragraph
        ("Gemeente X (0207.451.227) 4 / 9", 6),
        ("6", 6),
        (" Actie 4", 7),  # the marked line right after the page number begins the same page
        ("tekst", 7),
        ("7", 7),
        ("tekst", 8),
        (" Actie 5", 9),
        ("tekst", 9),
        ("", 9),
    ]
    text = "\n".join(t for t, _ in lines) + "\n"
    assert [ln.page_no for ln in text_to_lines(text)] == [page for _, page in lines]


def test_page_marks_that_disagree_with_the_printed_numbers() -> None:
    """Two marks between the printed 2 and 6 (three pages): which page is which is not certain, the run
    carries 6; before the first number 2, two marks would need pages 0 and 1: those lines carry 2."""
    texts = ["a", " b", " c", "", "2", "d", "e", " f", "g", " h", "6", "i", "j", "k", "7", "l"]
    assert [ln.page_no for ln in text_to_lines("\n".join(texts))] == [2] * 5 + [6] * 6 + [7] * 4 + [8]
    # certain: the printed numbers, and page 7 between 6 and 7 (no break needed, none shown)
    assert page_numbering(texts)[1] == [False] * 4 + [True] + [False] * 5 + [True] * 5 + [False]


def test_certain_page_numbers_of_the_sample(sample_text: str) -> None:
    pages, certain = page_numbering(sample_text.split("\n"))
    # from the counter "6" to "156" (pages 6 to 156), then the pages 167-170 and 227-228 whose printed
    # numbers follow each other; the first page (5, counted back), 157-166, 171-226 and 229- are not
    certain_lines = [*range(108, 8525), *range(8855, 8892), *range(9644, 9653)]
    assert [n for n, ok in enumerate(certain, start=1) if ok] == certain_lines and len(certain_lines) == 8463
    assert {pages[n - 1] for n in certain_lines} == {*range(6, 157), 167, 168, 169, 170, 227, 228}


def test_printed_numbers_with_only_blank_lines_between_are_two_pages() -> None:
    text = "\n".join(["inhoud", "7", "", "", "", "8", "", "inhoud", "9"])
    assert [ln.page_no for ln in text_to_lines(text)] == [7, 7, 8, 8, 8, 8, 9, 9, 9]


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
