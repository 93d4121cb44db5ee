"""Real published BBC PDFs (two provincial multi-year plans, bundled in tests/data/real): landscape tables
whose text is rotated inside portrait pages (Limburg), pages turned by their /Rotate attribute (Antwerpen),
stamp codes, running headers and page counters.

The printed rows below were read off the pages; each is also checked against pdfplumber's own reading of the
same page (its rotated-text options give one word per line there, but the words come in the same order), so
the expected texts do not come from the reader under test alone.
"""

from __future__ import annotations

import re
from collections import Counter

import pdfplumber
import pytest

from pipelines.ingest.intake import IntakeResult, read_document
from tests.conftest import REPO

REAL = REPO / "tests" / "data" / "real"
LIMBURG = REAL / "provincie-limburg-mjp-2026-herziening-8.pdf"
ANTWERPEN = REAL / "provincie-antwerpen-mjp-2026-2031.pdf"


@pytest.fixture(scope="module")
def limburg() -> IntakeResult:
    return read_document(LIMBURG, max_bytes=200 * 1024 * 1024)


@pytest.fixture(scope="module")
def antwerpen() -> IntakeResult:
    return read_document(ANTWERPEN, max_bytes=200 * 1024 * 1024)


@pytest.fixture(scope="module")
def docs(limburg: IntakeResult, antwerpen: IntakeResult) -> dict[str, IntakeResult]:
    return {LIMBURG.name: limburg, ANTWERPEN.name: antwerpen}


def test_limburg_is_identified(limburg: IntakeResult) -> None:
    ident = limburg.identity
    assert (ident.entity_name, ident.kbo_number, ident.entity_type) == ("Provincie Limburg", "0207725203", "provincie")
    assert (ident.report_type, ident.plan_version, ident.fiscal_year) == ("meerjarenplan", "herziening 8", 2026)
    assert (ident.plan_first_year, ident.plan_last_year) == (2026, 2031)
    assert (limburg.file_format, limburg.page_count) == ("pdf", 153)


def test_antwerpen_is_identified(antwerpen: IntakeResult) -> None:
    ident = antwerpen.identity
    identity = (ident.entity_name, ident.kbo_number, ident.entity_type)
    assert identity == ("Provincie Antwerpen", "0207725597", "provincie")
    assert (ident.report_type, ident.plan_version, ident.fiscal_year) == ("meerjarenplan", "origineel", 2026)
    assert (ident.plan_first_year, ident.plan_last_year) == (2026, 2031)
    assert (antwerpen.file_format, antwerpen.page_count) == ("pdf", 51)


# (file, page, rotation of the line's text on the displayed page, the printed row)
PRINTED_ROWS = [
    # Limburg: landscape tables printed sideways on portrait pages (text matrix rotated by 90 degrees)
    (LIMBURG, 30, 90, "Referentie Wijziging Nieuw Referentie Wijziging Nieuw Referentie Wijziging Nieuw Referentie"),
    (
        LIMBURG,
        30,
        90,
        "Uitgave 155.767.687 2.813.618 158.581.305 149.029.476 33.850 149.063.326 150.242.381 4.500 150.246.881 "
        "168.049.900",
    ),
    (
        LIMBURG,
        31,
        90,
        "Uitgave 354.552.638 5.728.537 360.281.175 317.447.366 2.805.516 320.252.882 287.514.653 1.933.135 "
        "289.447.788 301.810.858",
    ),
    (
        LIMBURG,
        31,
        90,
        "Ontvangst 356.748.966 -1.098.691 355.650.275 303.760.133 58.896 303.819.029 281.333.652 -1.259.946 "
        "280.073.706 300.198.802",
    ),
    (
        LIMBURG,
        31,
        90,
        "Uitgave 1.509.035 109.677.593 106.728.914 1.540.047 108.268.961 106.784.273 1.571.685 108.355.958",
    ),
    (LIMBURG, 32, 90, "I. Exploitatiesaldo 12.608.793 -1.723.449 10.885.344 16.188.598 -2.416.620 13.771.978"),
    (LIMBURG, 32, 90, "b. Uitgaven 243.344.325 3.959.945 247.304.270 247.398.191 2.975.516 250.373.707"),
    (LIMBURG, 39, 90, "Vorig krediet Wijziging Nieuw krediet Vorig krediet Wijziging Nieuw krediet"),
    (LIMBURG, 39, 90, "Exploitatie 243.344.325 3.959.945 247.304.270 255.953.118 2.236.497 258.189.615"),
    (
        LIMBURG,
        58,
        90,
        "A. Financiële schulden op 1 januari 200.549.084 -47.695.542 152.853.541 191.422.584 -48.000.000 143.422.584",
    ),
    # Limburg: upright portrait pages
    (LIMBURG, 1, 0, "Aanpassing van het meerjarenplan 2026-2031 - vaststelling - Besluit"),
    (LIMBURG, 62, 0, "Uitgaven 8.553.000 8.371.000 8.263.000 6.663.000 6.687.123 6.163.000"),
    (LIMBURG, 62, 0, "Actie: AC000001: SALKturbo en Roadmap Horizon 2050 als economische versterker"),
    # Antwerpen: pages turned by /Rotate 90 (read upright in the displayed frame)
    (ANTWERPEN, 25, 0, "Uitgave 274.336.275 280.417.016 286.441.175 278.164.082 278.903.329 292.793.216"),
    (ANTWERPEN, 26, 0, "I. Exploitatiesaldo 32.161.531 32.118.964 31.773.045 31.458.529 30.344.969 30.709.134"),
    (
        ANTWERPEN,
        26,
        0,
        "IX. Beschikbaar budgettair resultaat 54.694.452 46.556.838 38.048.987 30.588.387 25.437.886 13.590.120",
    ),
    (ANTWERPEN, 26, 0, "III. Autofinancieringsmarge 22.946.531 22.903.964 25.033.045 26.018.529 27.344.969 26.209.134"),
    (
        ANTWERPEN,
        27,
        0,
        "III. Gecorrigeerde autofinancieringsmarge 29.832.731 30.527.364 30.918.645 29.943.329 28.064.969 27.469.134",
    ),
    (ANTWERPEN, 30, 0, "Exploitatie 204.700.675 236.862.206"),
    (
        ANTWERPEN,
        32,
        0,
        "b. Vastbenoemd niet-onderwijzend personeel 20.912.978 20.925.585 21.347.495 21.777.830 22.216.780 22.664.509",
    ),
    # Antwerpen: upright pages without /Rotate
    (ANTWERPEN, 6, 0, "BDS000002: GBDS We voeren een actiegericht, ambitieus klimaatbeleid uit *"),
    (
        ANTWERPEN,
        36,
        0,
        "DIEL DDH (DDH) Dienst Detailhandel MJP001411 66400000 DDH Investeringssubsidie Kerkenbeleid KerkPlus "
        "1.000.000 1.000.000 1.000.000 1.000.000 1.000.000 1.000.000",
    ),
]


def test_rows_cover_rotated_and_upright_pages_of_both_files() -> None:
    kinds = Counter((path.name, rotation) for path, _, rotation, _ in PRINTED_ROWS)
    assert len(PRINTED_ROWS) >= 15
    assert kinds[(LIMBURG.name, 90)] >= 5 and kinds[(LIMBURG.name, 0)] >= 2
    with pdfplumber.open(ANTWERPEN) as pdf:
        rotated_pages = {n for n, page in enumerate(pdf.pages, start=1) if page.rotation}
    assert rotated_pages == set(range(22, 36))  # the 14 pages turned by /Rotate
    antwerpen_pages = {page for path, page, _, _ in PRINTED_ROWS if path == ANTWERPEN}
    assert len(antwerpen_pages & rotated_pages) >= 4 and antwerpen_pages - rotated_pages


@pytest.mark.parametrize(("path", "page", "rotation", "row"), PRINTED_ROWS, ids=lambda v: getattr(v, "name", None))
def test_printed_row_is_one_line(docs: dict[str, IntakeResult], path, page: int, rotation: int, row: str) -> None:
    lines = [sl for sl in docs[path.name].lines if sl.page_no == page]
    matches = [sl for sl in lines if sl.text == row]
    assert matches, f"{path.name} p{page}: {row!r} not among {[sl.text for sl in lines]}"
    assert matches[0].rotation == rotation
    assert matches[0].furniture is None  # content, never furniture


@pytest.mark.parametrize(("path", "page", "rotation", "row"), PRINTED_ROWS, ids=lambda v: getattr(v, "name", None))
def test_printed_row_agrees_with_pdfplumber(path, page: int, rotation: int, row: str) -> None:
    """pdfplumber, told how rotated text runs, yields the row's words in the same order (one per line); where
    columns are overprinted (Antwerpen p36: a service name running into the next column) its line holds the
    same characters, interleaved ("Dienst DetaMilJhPa0n0d1e4l11"), while our line keeps the words apart."""
    with pdfplumber.open(path) as pdf:
        text = pdf.pages[page - 1].extract_text(line_dir_rotated="ltr", char_dir_rotated="btt")
    words, wanted = text.split(), row.split()
    in_order = any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))
    same_glyphs = sorted(row.replace(" ", "")) in [sorted(line.replace(" ", "")) for line in text.splitlines()]
    assert in_order or same_glyphs


REVERSED = re.compile(r"eicnivorP|nevagtiU|gnilletsleod|tsgnagtnO|eitatiolpxE|eitnerefeR", re.I)


def test_no_reversed_words(docs: dict[str, IntakeResult]) -> None:
    for doc in docs.values():
        assert [sl.text for sl in doc.lines if REVERSED.search(sl.text)] == []
    # the trap is real: pdfplumber's plain extract_text() reverses the sideways words of Limburg page 31
    with pdfplumber.open(LIMBURG) as pdf:
        assert REVERSED.search(pdf.pages[30].extract_text())


def _furniture(doc: IntakeResult, page: int) -> list[tuple[str, str]]:
    return [(sl.furniture, sl.text) for sl in doc.lines if sl.page_no == page and sl.furniture]


def test_furniture_of_a_sideways_schema_page(limburg: IntakeResult) -> None:
    assert _furniture(limburg, 30) == [
        ("running_header", "Journaalvolgnummers: 40465 / Ref 30475"),
        ("running_header", "PROVINCIE LIMBURG (0207.725.203) Provinciegriffier wnd: Bruno Bamps"),
        ("running_header", "Universiteitslaan 1, 3500 Hasselt Financieel beheerder: Bérengère Adriaens"),
        (
            "running_footer",
            "MEERJARENPLAN HERZIENING 8 2026 : Schema M1(W): Aangepast financieel doelstellingenplan 2026-2031",
        ),
        ("page_counter", "PROVINCIE LIMBURG (0207.725.203) 27 / 148 1 / 2"),
        ("page_counter", "2026_PR_00110 30/153"),
    ]
    # the schema title and the row labels stay content
    content = [sl.text for sl in limburg.lines if sl.page_no == 30 and not sl.furniture]
    assert content[0] == "Schema M1(W): Aangepast financieel doelstellingenplan"


def test_furniture_counted_per_page(limburg: IntakeResult, antwerpen: IntakeResult) -> None:
    per_page = Counter(sl.page_no for sl in limburg.lines if sl.furniture)
    assert [per_page[p] for p in (1, 5, 30, 31, 39, 62, 120, 152)] == [1, 2, 6, 3, 7, 4, 3, 1]
    # the stamp code with the physical page counter is flagged on every page of the Limburg file
    stamps = {sl.page_no for sl in limburg.lines if sl.furniture and re.fullmatch(r"2026_PR_00110 .*\d+/153", sl.text)}
    assert stamps == set(range(1, 154))
    per_page = Counter(sl.page_no for sl in antwerpen.lines if sl.furniture)
    assert [per_page[p] for p in (1, 6, 22, 26, 30, 36, 47)] == [0, 6, 6, 6, 5, 1, 1]
    assert sum(per_page.values()) == 104


def test_text_quality(limburg: IntakeResult, antwerpen: IntakeResult) -> None:
    quality = limburg.text_quality()
    assert quality["readable_page_share"] == 1.0
    assert quality["labelled_amount_share"] > 0.95
    assert quality["furniture_lines"] == 479
    assert antwerpen.text_quality()["labelled_amount_share"] > 0.99


def test_intake_asset_metadata_reports_quality(tmp_path) -> None:
    """The Dagster intake asset of a real PDF records its identity and the quality figures."""
    import dagster as dg

    from pipelines.cli import _process_one
    from pipelines.defs.ingest import document_intake
    from pipelines.ingest.intake import file_sha256
    from pipelines.settings import Settings

    settings = Settings.from_env(warehouse=tmp_path / "w.duckdb", data_dir=tmp_path / "data")
    instance = dg.DagsterInstance.ephemeral()
    outcome = _process_one(ANTWERPEN, file_sha256(ANTWERPEN), settings, instance)
    assert outcome.status == "loaded"
    event = instance.get_latest_materialization_event(document_intake.key)
    metadata = {k: v.value for k, v in event.asset_materialization.metadata.items()}
    assert metadata["entity"] == "Provincie Antwerpen" and metadata["plan_version"] == "origineel"
    assert metadata["plan_years"] == "2026-2031" and metadata["pages"] == 51
    assert metadata["readable_page_share"] == 1.0
    assert metadata["labelled_amount_share"] > 0.99 and metadata["furniture_lines"] == 104
