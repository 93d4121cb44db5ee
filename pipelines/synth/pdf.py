"""Render BBC text reports as PDFs (synthetic corpus, benchmark, tests), plus damaged variants for tests.

Layout of :func:`render_text_to_pdf`: A4 portrait, one text line per PDF line, 7 pt DejaVu Sans on a 9 pt
leading, blank lines kept as vertical space, leading spaces drawn as spaces. A line wider than the text
column is drawn in a proportionally smaller size so that it never wraps. A new page starts

- after a page-footer line ``… N / M`` or a bare page-number line (``167``), the text's own page ends;
- before a line that starts with exactly one space: the text export marks a page's first line that way;
- at a form feed, and whenever a page is full.

Font: DejaVu Sans from the system (Debian ``fonts-dejavu-core``, Fedora, Arch, macOS, or whatever
``fc-match`` finds), else reportlab's bundled Vera. Substitutions, the only differences between the text
and what a PDF reader gets back (:func:`as_drawn` applies exactly these):

- U+F0B7, a private-use code point (the Symbol-font bullet of Word exports) that no Unicode font maps,
  is drawn as U+2022 BULLET;
- any other non-space character the font lacks is drawn as ``?`` (none in the sample with DejaVu Sans;
  with Vera, U+25AA ``▪``);
- whitespace characters (NBSP, tab, …) are drawn as plain spaces.

Other layout families render with another :class:`PdfStyle` (``style=``): :data:`SERIF_LETTER_LANDSCAPE`
draws 8 pt DejaVu Serif on US Letter landscape (family B, :mod:`pipelines.synth.family_b`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

SUBSTITUTIONS = {"\uf0b7": "\u2022"}
MISSING_GLYPH = "?"

FONT_SIZE = 7.0
LEADING = 9.0
MARGIN_X = 28.0
MARGIN_TOP = 40.0
MARGIN_BOTTOM = 36.0
PAGE_WIDTH, PAGE_HEIGHT = A4
LINES_PER_PAGE = int((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) // LEADING)

_FONT_NAME = "BBCTestSans"
_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/dejavu-serif-fonts",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/Library/Fonts",
)
_DEJAVU_FILES = tuple(Path(d) / "DejaVuSans.ttf" for d in _FONT_DIRS if "serif" not in d)
_VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


@dataclass(frozen=True)
class PdfStyle:
    """Font, size and page of a rendering: one per layout family of the synthetic corpus."""

    font_name: str  # name registered with reportlab
    font_family: str  # as fc-match knows it ("DejaVu Sans")
    font_files: tuple[Path, ...]  # candidates, the first that exists wins (else fc-match, else Vera)
    font_size: float
    leading: float
    page_size: tuple[float, float]
    margin_x: float
    margin_top: float
    margin_bottom: float

    @property
    def lines_per_page(self) -> int:
        return int((self.page_size[1] - self.margin_top - self.margin_bottom) // self.leading)


DEFAULT_STYLE = PdfStyle(
    _FONT_NAME, "DejaVu Sans", _DEJAVU_FILES, FONT_SIZE, LEADING, A4, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM
)
SERIF_LETTER_LANDSCAPE = PdfStyle(
    "BBCTestSerif",
    "DejaVu Serif",
    tuple(Path(d) / "DejaVuSerif.ttf" for d in _FONT_DIRS),
    8.0,
    10.5,
    landscape(LETTER),
    40.0,
    36.0,
    30.0,
)

_FOOTER = re.compile(r".* \d+ / \d+$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_PAGE_START = re.compile(r"^ \S")


def font_file(style: PdfStyle = DEFAULT_STYLE) -> Path:
    """The TTF file used for rendering: the style's font (DejaVu Sans by default) when installed, else
    reportlab's Vera."""
    for candidate in style.font_files:
        if candidate.is_file():
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(
            [fc_match, "-f", "%{file}", style.font_family], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found.endswith(".ttf") and style.font_family.replace(" ", "") in found:
            return Path(found)
    return _VERA


@cache
def _font(style: PdfStyle = DEFAULT_STYLE) -> TTFont:
    font = TTFont(style.font_name, str(font_file(style)))
    pdfmetrics.registerFont(font)
    return font


def _drawn_char(char: str, glyphs: dict[int, int]) -> str:
    if char in SUBSTITUTIONS:
        return SUBSTITUTIONS[char]
    if char.isspace():
        return " "
    return char if ord(char) in glyphs else MISSING_GLYPH


def as_drawn(text: str, style: PdfStyle = DEFAULT_STYLE) -> str:
    """``text`` with the documented substitutions applied (line breaks and form feeds kept)."""
    glyphs = _font(style).face.charToGlyph
    table = {ord(c): _drawn_char(c, glyphs) for c in set(text) if c not in "\n\r\f"}
    return text.translate(table)


def paginate(text: str, lines_per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    """Split a text report into PDF pages of physical lines (see the module docstring for the rules)."""
    pages: list[list[str]] = []
    for chunk in text.replace("\r\n", "\n").replace("\r", "\n").split("\f"):
        lines = chunk.split("\n")
        if lines[-1] == "":
            lines.pop()
        page: list[str] = []
        for line in lines:
            if page and (_PAGE_START.match(line) or len(page) >= lines_per_page):
                pages.append(page)
                page = []
            page.append(line)
            if _FOOTER.match(line.rstrip()) or _PAGE_NUMBER.match(line):
                pages.append(page)
                page = []
        if page:
            pages.append(page)
    return pages


def render_text_to_pdf(text: str, out: Path, *, password: str | None = None, style: PdfStyle = DEFAULT_STYLE) -> Path:
    """Render a text report to a multi-page PDF (A4 DejaVu Sans unless ``style`` says otherwise); with
    ``password``, encrypted (RC4, user password)."""
    _font(style)
    name, size, leading = style.font_name, style.font_size, style.leading
    page_width, page_height = style.page_size
    column = page_width - 2 * style.margin_x
    canvas = Canvas(str(out), pagesize=style.page_size, invariant=1, pageCompression=1, encrypt=password)
    for page in paginate(as_drawn(text, style), style.lines_per_page):
        lines = canvas.beginText(style.margin_x, page_height - style.margin_top)
        lines.setFont(name, size, leading)
        for line in page:
            line = line.rstrip()
            width = pdfmetrics.stringWidth(line, name, size)
            if width > column:
                lines.setFont(name, size * column / width, leading)
                lines.textLine(line)
                lines.setFont(name, size, leading)
            else:
                lines.textLine(line)
        canvas.drawText(lines)
        canvas.showPage()
    canvas.save()
    return out


def render_encrypted_pdf(text: str, out: Path, password: str) -> Path:
    """An encrypted rendering of ``text`` (reportlab encrypts while writing, not an existing file)."""
    return render_text_to_pdf(text, out, password=password)


def truncate_pdf(src: Path, dst: Path, fraction: float) -> Path:
    """Copy the first ``fraction`` of ``src``'s bytes to ``dst``, as an interrupted download would."""
    if not 0 < fraction < 1:
        raise ValueError(f"fraction must be strictly between 0 and 1, got {fraction}")
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def render_scanned_pdf(out: Path, *, pages: int = 2) -> Path:
    """A PDF whose pages are images of text only: no text layer, as a scan without OCR."""
    image = Image.new("L", (1240, 1754), color=255)
    draw = ImageDraw.Draw(image)
    for row in range(40):
        draw.text((120, 120 + 36 * row), f"Uitgaven {row}.000 {row * 7}.500", fill=0)
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    for _ in range(pages):
        canvas.drawImage(ImageReader(image), 0, 0, width=PAGE_WIDTH, height=PAGE_HEIGHT)
        canvas.showPage()
    canvas.save()
    return out
