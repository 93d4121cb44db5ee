"""Page furniture is found by repetition and position, in any page orientation, without knowing its strings.

A synthetic report of five pages: a running title and an entity line at the top, a page counter and a stamp
code at the bottom, a signature-stamp sentence printed up the left margin, and content between them, with
pages 3 and 4 holding a landscape table drawn sideways on the portrait page (like the Limburg plan).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipelines.extract import furniture
from pipelines.ingest.intake import IntakeResult, read_document

PAGES = 5
WIDTH, HEIGHT = A4
STAMP = "Dit document werd elektronisch ondertekend door Jan Peeters op 2026-05-21 met code 4711"
ROWS = [
    ("Uitgave", "1.234.567", "2.345.678"),
    ("Ontvangst", "7.654.321", "-8.765"),
    ("Saldo", "6.419.754", "-2.354.443"),
]
TITLE = "MEERJARENPLAN HERZIENING 3 2027 : Schema M2(W): Staat van het evenwicht 2027-2032"


def _page(canvas: Canvas, n: int) -> None:
    canvas.setFont("Helvetica", 9)
    canvas.drawString(50, HEIGHT - 40, TITLE)
    canvas.drawString(50, HEIGHT - 52, "Gemeente Oostveld (0123.456.789) Algemeen directeur: A. Janssens")
    canvas.drawString(50, 40, f"Gemeente Oostveld (0123.456.789) {n} / {PAGES}")
    canvas.drawString(50, 25, f"2027_GR_{n:05d} {n}/{PAGES}")
    canvas.saveState()  # the stamp sentence, up the left margin
    canvas.translate(20, 150)
    canvas.rotate(90)
    canvas.drawString(0, 0, STAMP)
    canvas.restoreState()
    canvas.setFont("Helvetica", 10)
    if n in (3, 4):  # a landscape table drawn sideways
        canvas.saveState()
        canvas.translate(120, 100)
        canvas.rotate(90)
        canvas.drawString(0, 0, f"Tabel {n}: Budgettair resultaat 2027 2028")
        for r, (label, a, b) in enumerate(ROWS, start=1):
            canvas.drawString(0, -16 * r, label)
            canvas.drawRightString(300, -16 * r, a)
            canvas.drawRightString(420, -16 * r, b)
        canvas.restoreState()
    else:
        y = HEIGHT - 120
        # content near the top of short pages: a row repeated as such (amounts are never furniture), and
        # lines whose text differs from page to page
        texts = (f"Beleidsdoelstelling: BD00000{n}", "Uitgaven 1.000 2.000", f"Ontvangsten {n}.000", f"Tekst {n}.")
        for text in texts:
            canvas.drawString(60, y, text)
            y -= 16
    canvas.showPage()


def _report(path: Path) -> IntakeResult:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(1, PAGES + 1):
        _page(canvas, n)
    canvas.save()
    return read_document(path, max_bytes=1 << 30)


def test_furniture_of_every_page_in_any_orientation(tmp_path: Path) -> None:
    doc = _report(tmp_path / "report.pdf")
    flagged = {(line.page_no, line.text): line.furniture for line in doc.lines if line.furniture}
    for n in range(1, PAGES + 1):
        assert flagged[(n, STAMP)] == "stamp"
        assert flagged[(n, f"Gemeente Oostveld (0123.456.789) {n} / {PAGES}")] == "page_counter"
        assert flagged[(n, f"2027_GR_{n:05d} {n}/{PAGES}")] == "page_counter"
        assert flagged[(n, "Gemeente Oostveld (0123.456.789) Algemeen directeur: A. Janssens")] == "running_header"
    # the running title is upright on every page: a header, on the sideways pages too
    assert [flagged[(n, TITLE)] for n in range(1, PAGES + 1)] == ["running_header"] * PAGES
    assert Counter(line.page_no for line in doc.lines if line.furniture) == {n: 5 for n in range(1, PAGES + 1)}
    # content is never furniture: table rows (sideways or upright), headings, prose
    content = [line.text for line in doc.lines if not line.furniture]
    assert "Uitgave 1.234.567 2.345.678" in content and "Saldo 6.419.754 -2.354.443" in content
    assert "Beleidsdoelstelling: BD000001" in content and content.count("Uitgaven 1.000 2.000") == 3


def test_text_without_pages_has_no_furniture() -> None:
    """A text export without page breaks is one page: nothing repeats across pages, nothing is flagged."""
    placed = [furniture.Placed(1, n, f"regel {n}", 0.0 if n < 3 else 0.5) for n in range(1, 20)]
    assert furniture.classify(placed) == {}


def test_shape_masks_digits_and_dashes() -> None:
    assert furniture.shape("Meerjarenplan 2026–2031  boekjaar 2026") == "Meerjarenplan ####-#### boekjaar ####"
