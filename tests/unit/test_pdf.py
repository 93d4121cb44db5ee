"""PDF intake: the sample rendered to PDF reads back line for line; rotated text (synthetic and the
real provincial plans) reads as proper lines; damaged files fail with a reason."""

from __future__ import annotations

import pickle
from itertools import pairwise
from pathlib import Path

import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psparser import LIT
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipelines.extract.lines import content_lines, normalize
from pipelines.ingest import pdf
from pipelines.ingest.pdf import (
    PdfLine,
    PdfReadError,
    PdfText,
    has_text_layer,
    pdf_page_count,
    read_pdf,
    read_pdf_lines,
)
from pipelines.synth.pdf import (
    LINES_PER_PAGE,
    MISSING_GLYPH,
    SUBSTITUTIONS,
    as_drawn,
    font_file,
    paginate,
    render_encrypted_pdf,
    render_scanned_pdf,
    render_text_to_pdf,
    truncate_pdf,
)

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "real"  # two published plans, bundled as test data
LIMBURG = REAL / "provincie-limburg-mjp-2026-herziening-8.pdf"
ANTWERPEN = REAL / "provincie-antwerpen-mjp-2026-2031.pdf"
A4_WIDTH, A4_HEIGHT = A4


# --- the sample, rendered and read back ---------------------------------------------------------------


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory, sample_text: str) -> Path:
    return render_text_to_pdf(sample_text, tmp_path_factory.mktemp("pdf") / "sample.pdf")


@pytest.fixture(scope="session")
def sample_pdf_lines(sample_pdf: Path) -> list[PdfLine]:
    return read_pdf_lines(sample_pdf)


def test_documented_substitutions_only(sample_text: str) -> None:
    assert SUBSTITUTIONS == {"\uf0b7": "\u2022"}
    drawn = as_drawn(sample_text)
    changed = {a for a, b in zip(sample_text, drawn, strict=True) if a != b and not a.isspace()}
    if font_file().name == "DejaVuSans.ttf":
        assert changed == {"\uf0b7"}  # 17 private-use bullets; everything else is drawn as is
    else:  # reportlab's Vera: characters it lacks are drawn as MISSING_GLYPH
        assert all(drawn[sample_text.index(c)] in (SUBSTITUTIONS.get(c), MISSING_GLYPH) for c in changed)


def test_sample_reads_back_line_for_line(sample_text: str, sample_pdf_lines: list[PdfLine]) -> None:
    expected = [norm for raw in as_drawn(sample_text).split("\n") if (norm := normalize(raw))]
    assert len(expected) == 9396
    assert [cl.text for cl in content_lines(sample_pdf_lines)] == expected
    assert all(line.text == normalize(line.text) and line.text for line in sample_pdf_lines)


def test_sample_pages_follow_the_text_pagination(
    sample_text: str, sample_pdf: Path, sample_pdf_lines
) -> None:
    pages = pdf_page_count(sample_pdf)
    assert pages > 200
    assert pages == len(paginate(as_drawn(sample_text))) == sample_pdf_lines[-1].page_no
    last_of_page = {a.text for a, b in pairwise(sample_pdf_lines) if b.page_no != a.page_no}
    assert "AGB Genk (0872.093.742) 2 / 155" in last_of_page  # a page footer ends its page
    assert "167" in last_of_page  # so does a bare PDF page number
    first_of_page = {line.text for line in sample_pdf_lines if line.line_no == 1}
    assert "Prioritair actieplan: AP000001" in first_of_page  # a line with one leading space starts one
    assert max(line.line_no for line in sample_pdf_lines) <= LINES_PER_PAGE


def test_sample_line_numbers_and_reading_order(sample_pdf_lines: list[PdfLine]) -> None:
    previous: PdfLine | None = None
    for line in sample_pdf_lines:
        if previous is None or line.page_no != previous.page_no:
            assert line.page_no == (previous.page_no + 1 if previous else 1)
            assert line.line_no == 1
        else:
            assert line.line_no == previous.line_no + 1
            assert line.top > previous.bottom - 1  # top to bottom
        previous = line


def test_sample_bounding_boxes(sample_pdf_lines: list[PdfLine]) -> None:
    for line in sample_pdf_lines:
        assert 0 <= line.x0 < line.x1 <= A4_WIDTH, line
        assert 0 <= line.top < line.bottom <= A4_HEIGHT, line
        assert 6 < line.bottom - line.top < 9, line  # 7 pt glyphs, one line high
    first = sample_pdf_lines[0]
    assert (first.text, first.page_no, first.line_no) == ("Beleidsevaluatie", 1, 1)
    assert first.x0 == pytest.approx(28 + 2.23, abs=0.05)  # left margin + the leading space's width
    assert first.top == pytest.approx(40 - 7 * 0.76, abs=0.5)  # baseline 40 pt down, DejaVu ascent


def test_one_and_two_workers_agree(sample_pdf: Path, sample_pdf_lines: list[PdfLine]) -> None:
    single = read_pdf(sample_pdf, workers=1)
    assert single.lines == sample_pdf_lines
    a4 = (round(A4_WIDTH, 2), round(A4_HEIGHT, 2))
    sizes = [(page.page_no, round(page.width, 2), round(page.height, 2)) for page in single.pages]
    assert sizes == [(page_no, *a4) for page_no in range(1, sample_pdf_lines[-1].page_no + 1)]


def test_page_ranges_cover_every_page_once() -> None:
    end = pdf._TO_THE_END
    assert pdf._page_ranges(255, 1) == [(0, end)]
    assert pdf._page_ranges(5, 2) == [(0, end)]
    ranges = pdf._page_ranges(255, 2)
    assert len(ranges) == 8 and ranges[0][0] == 0 and ranges[-1][1] == end
    assert all(a[1] == b[0] for a, b in pairwise(ranges))


# --- synthetic layouts ----------------------------------------------------------------------------------


def _canvas(path: Path) -> Canvas:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    return canvas


def test_positioned_words_gaps_duplicates_and_jitter(tmp_path: Path) -> None:
    path = tmp_path / "layout.pdf"
    canvas = _canvas(path)
    canvas.drawString(50, 700, "Uitgaven")  # table cells positioned without space characters
    canvas.drawString(200, 700.4, "1.000")  # baseline jitter within tolerance
    canvas.drawString(300, 700, "-2.500")
    width = canvas.stringWidth("Ontvang", "Helvetica", 10)
    canvas.drawString(50, 680, "Ontvang")
    canvas.drawString(50 + width + 0.5, 680, "sten")  # a gap narrower than a space: same word
    canvas.drawString(50, 660, "Totaal")
    canvas.drawString(50.3, 660, "Totaal")  # fake bold: drawn twice, slightly offset
    canvas.drawString(400, 660, "3")
    canvas.showPage()
    canvas.save()
    assert [line.text for line in read_pdf_lines(path)] == [
        "Uitgaven 1.000 -2.500",
        "Ontvangsten",
        "Totaal 3",
    ]


def _sideways_table(canvas: Canvas) -> None:
    """A landscape table drawn rotated 90° counter-clockwise on a portrait page, plus an upright stamp."""
    canvas.saveState()
    canvas.translate(60, 60)
    canvas.rotate(90)
    rows = [("", "2026", "2027"), ("Uitgaven", "1.234.567", "-7.654"), ("Ontvangsten", "0", "12.000")]
    for r, (label, *amounts) in enumerate(rows):
        canvas.drawString(0, -14 * r, label)
        for c, amount in enumerate(amounts, start=1):
            canvas.drawRightString(200 + 120 * c, -14 * r, amount)
    canvas.restoreState()
    canvas.drawString(300, 20, "stempel 1/1")


def test_text_rotated_inside_a_portrait_page(tmp_path: Path) -> None:
    path = tmp_path / "sideways.pdf"
    canvas = _canvas(path)
    _sideways_table(canvas)
    canvas.showPage()
    canvas.save()
    lines = read_pdf_lines(path)
    assert [line.text for line in lines] == [
        "2026 2027",
        "Uitgaven 1.234.567 -7.654",
        "Ontvangsten 0 12.000",
        "stempel 1/1",  # the upright stamp follows the page's dominant (sideways) lines
    ]
    row = lines[1]
    assert row.bottom - row.top > 5 * (row.x1 - row.x0)  # a sideways line is tall and narrow
    assert 0 <= row.x0 < row.x1 <= A4_WIDTH and 0 <= row.top < row.bottom <= A4_HEIGHT


def test_page_turned_by_its_rotate_attribute(tmp_path: Path) -> None:
    path = tmp_path / "rotate.pdf"
    canvas = _canvas(path)
    canvas.setPageRotation(90)  # displayed landscape; content drawn so that it reads upright
    canvas.rotate(90)
    canvas.drawString(40, -60, "M2: Staat van het financieel evenwicht")
    canvas.drawString(40, -80, "I. Exploitatiesaldo 32.161.531 32.118.964")
    canvas.showPage()
    canvas.save()
    lines = read_pdf_lines(path)
    assert [line.text for line in lines] == [
        "M2: Staat van het financieel evenwicht",
        "I. Exploitatiesaldo 32.161.531 32.118.964",
    ]
    assert lines[1].x0 == pytest.approx(40, abs=0.01) and lines[1].top < lines[1].bottom
    assert lines[1].x1 - lines[1].x0 > lines[1].bottom - lines[1].top  # upright in the displayed frame


def test_content_stream_tokens() -> None:
    stream = (
        b"q 1 0 0 1 50 700 cm BT /F#201 12 Tf 10 0 0 10 50 700 Tm (a (nested) \\) 10 20 m \\053\\\n)Tj "
        b"[(a)-250<4142 4>]TJ ET 0.5 g 10 10 100 100 re f /GS0 gs [3 2] 0 d % comment (\n"
        b'BI /W 1 /H 1 ID \x00(\xff EI Q 1 2 (y) " /OC /oc1 BDC EMC'
    )
    assert [(op, args) for op, args in pdf._operations(stream)] == [
        (b"q", []),
        (b"cm", [1, 0, 0, 1, 50, 700]),
        (b"BT", []),
        (b"Tf", [LIT("F 1"), 12]),
        (b"Tm", [10, 0, 0, 10, 50, 700]),
        (b"Tj", [b"a (nested) ) 10 20 m +"]),
        (b"TJ", [[b"a", -250, b"AB@"]]),
        (b"ET", []),
        (b"Q", []),
        (b'"', [1, 2, b"y"]),
        (b"BDC", [LIT("OC"), LIT("oc1")]),
    ]


def _page_lines(interpreter: type[PDFPageInterpreter], path: Path, pages: set[int]) -> dict[int, list]:
    with path.open("rb") as fp:
        manager = PDFResourceManager(caching=True)
        device = pdf._RunCollector(manager)
        run = interpreter(manager, device)
        out = {}
        for page_no, page in enumerate(PDFPage.create_pages(PDFDocument(PDFParser(fp))), start=1):
            if page_no in pages:
                run.process_page(page)
                out[page_no] = device.lines()
        return out


def test_fast_interpreter_matches_pdfminers_own_on_the_sample(sample_pdf: Path) -> None:
    pages = {1, 60, 150, 255}
    assert _page_lines(pdf._TextInterpreter, sample_pdf, pages) == _page_lines(
        PDFPageInterpreter, sample_pdf, pages
    )


# --- the real provincial plans --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def limburg() -> list[PdfLine]:
    return read_pdf_lines(LIMBURG)


@pytest.fixture(scope="module")
def antwerpen() -> PdfText:
    return read_pdf(ANTWERPEN)


def _after(lines: list[PdfLine], label: str, prefix: str, *, page_marker: str) -> PdfLine:
    """The first line starting with ``prefix`` after the line ``label`` on pages showing ``page_marker``."""
    pages = {line.page_no for line in lines if page_marker in line.text}
    start = next(i for i, line in enumerate(lines) if line.page_no in pages and line.text == label)
    return next(line for line in lines[start + 1 :] if line.text.startswith(prefix))


def test_real_page_counts() -> None:
    assert pdf_page_count(LIMBURG) == 153
    assert pdf_page_count(ANTWERPEN) == 51


def test_limburg_sideways_m1w_algemeen_totaal(limburg: list[PdfLine]) -> None:
    uitgave = _after(limburg, "Algemeen Totaal", "Uitgave", page_marker="Schema M1(W)")
    ontvangst = _after(limburg, "Algemeen Totaal", "Ontvangst", page_marker="Schema M1(W)")
    assert uitgave.text.startswith("Uitgave 354.552.638 5.728.537 360.281.175 ")
    assert ontvangst.text.startswith("Ontvangst 356.748.966 -1.098.691 355.650.275 ")
    assert uitgave.page_no == ontvangst.page_no and ontvangst.line_no == uitgave.line_no + 1
    assert uitgave.bottom - uitgave.top > 5 * (uitgave.x1 - uitgave.x0)  # printed sideways


def test_limburg_sideways_m1w_bd000003_2031(limburg: list[PdfLine]) -> None:
    start = next(
        i for i, line in enumerate(limburg) if line.text.endswith("BD000003:Provinciebestuur managen")
    )
    page = [line for line in limburg[start:] if line.page_no == limburg[start].page_no]
    assert any("Schema M1(W)" in line.text for line in page)
    first_block, second_block = [line.text for line in page if line.text.startswith("Uitgave ")][:2]
    assert second_block.endswith(" 106.784.273 1.571.685 108.355.958")  # 2031: Referentie, Wijziging, Nieuw


def test_limburg_m3w_exploitatie(limburg: list[PdfLine]) -> None:
    row = _after(limburg, "Kredieten Provincie", "Exploitatie", page_marker="Schema M3(W)")
    assert row.text == "Exploitatie 243.344.325 3.959.945 247.304.270 255.953.118 2.236.497 258.189.615"


def test_limburg_has_no_reversed_words(limburg: list[PdfLine]) -> None:
    texts = [line.text for line in limburg]
    assert not any("nevagtiU" in t or "netsgnavtnO" in t or "eitnerefeR" in t for t in texts)
    assert sum(t.startswith("Referentie Wijziging Nieuw") for t in texts) > 20


def test_antwerpen_pages_turned_by_rotate(antwerpen: PdfText) -> None:
    texts = [line.text for line in antwerpen.lines]
    assert "I. Exploitatiesaldo 32.161.531 32.118.964 31.773.045 31.458.529 30.344.969 30.709.134" in texts
    beschikbaar = "IX. Beschikbaar budgettair resultaat"
    assert f"{beschikbaar} 54.694.452 46.556.838 38.048.987 30.588.387 25.437.886 13.590.120" in texts
    assert any(t.startswith("III. Autofinancieringsmarge 22.946.531 ") for t in texts)
    assert any(t.startswith("III. Gecorrigeerde autofinancieringsmarge 29.832.731 ") for t in texts)
    row = next(line for line in antwerpen.lines if line.text.startswith("I. Exploitatiesaldo 32.161.531"))
    assert row.x1 > A4_WIDTH  # coordinates of the displayed landscape page
    assert row.x1 - row.x0 > row.bottom - row.top


def test_antwerpen_page_sizes_as_displayed(antwerpen: PdfText) -> None:
    landscape = [page.page_no for page in antwerpen.pages if page.width > page.height]
    assert landscape == [1, *range(22, 42)]  # 14 turned by /Rotate 90 (22-35), the others drawn landscape


def test_fast_interpreter_matches_pdfminers_own_on_real_pages() -> None:
    for path, pages in ((LIMBURG, {1, 6, 21, 31, 61}), (ANTWERPEN, {1, 26, 36})):
        assert _page_lines(pdf._TextInterpreter, path, pages) == _page_lines(PDFPageInterpreter, path, pages)


# --- damaged files ---------------------------------------------------------------------------------------


def _reason(path: Path) -> str:
    with pytest.raises(PdfReadError) as caught:
        read_pdf_lines(path)
    assert str(path) in str(caught.value)
    return caught.value.reason


def test_truncated_pdf_is_corrupt(sample_pdf: Path, tmp_path: Path) -> None:
    for fraction in (0.1, 0.5, 0.999):
        assert _reason(truncate_pdf(sample_pdf, tmp_path / f"cut{fraction}.pdf", fraction)) == "corrupt"


def test_not_a_pdf_and_garbage_inside_are_corrupt(tmp_path: Path) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("Notulen van de vergadering\n", encoding="utf-8")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer <<>>\n%%EOF\n")
    assert _reason(text) == "corrupt"
    assert _reason(garbage) == "corrupt"
    with pytest.raises(PdfReadError) as caught:
        pdf_page_count(garbage)
    assert caught.value.__cause__ is not None  # pdfminer's own error is chained


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = render_encrypted_pdf("Jaarrekening 2024\nUitgaven 1.000\n", tmp_path / "locked.pdf", "geheim")
    assert _reason(path) == "encrypted"


def test_scan_without_text_layer(tmp_path: Path) -> None:
    assert _reason(render_scanned_pdf(tmp_path / "scan.pdf")) == "no_text_layer"
    assert not has_text_layer([])
    assert has_text_layer([PdfLine(1, 1, "x", 0, 0, 1, 1)])


def test_error_reason_detail_and_the_trip_from_a_worker(tmp_path: Path) -> None:
    with pytest.raises(PdfReadError) as caught:
        read_pdf(render_scanned_pdf(tmp_path / "scan.pdf"))
    error = pickle.loads(pickle.dumps(caught.value))
    assert error.reason == "no_text_layer"
    assert error.detail == "no page has a text layer (a scan without OCR?)"
    assert str(error) == f"{tmp_path / 'scan.pdf'}: {error.detail}"
