"""PDF intake: the printed text lines of a PDF, in reading order, with their bounding boxes.

How lines are built. pdfplumber opens the document (parser, decryption, page tree); pdfminer (the
engine under pdfplumber) interprets each page's content streams;
a minimal device records each run of glyphs drawn by one text operator (split where the text jumps)
with its position and direction. Runs are grouped into lines by direction and baseline (within a
tolerance relative to the glyph height), ordered along the line, and joined with single spaces: a
space character, a gap wider than a quarter of the font size, or an overlap (two texts overprinted
at the same spot, such as two page counters) separates words. The same text drawn twice with a tiny
offset (fake bold) is kept once. Latin ligature characters (ﬁ, ﬂ, …) are expanded so labels match.

Rotated text. A run's direction comes from its text matrix: upright, rotated 90° (text running up
the page, as in landscape tables printed sideways on portrait pages), upside down, or rotated 270°.
Each direction is grouped along its own baseline, so a sideways table reads as proper lines instead
of pdfplumber's reversed one-word lines. A page's lines in its dominant direction come first, top to
bottom and left to right as a reader holding the page that way sees them; lines in other directions
(a stamp printed across a sideways table) follow. Pages turned by their ``/Rotate`` attribute are
handled by pdfminer's page transformation, so their text is upright in the displayed frame.

Why not pdfplumber's own text extraction. Measured on the bundled Limburg plan (153 pages, landscape
tables rotated inside portrait pages; ``make bench``, section 5): ``page.extract_text()`` returns every
sideways word reversed on a line of its own ("eicnivorP"); with its rotated-text options
(``line_dir_rotated="ltr", char_dir_rotated="btt"``) the words come right but still one per line,
so no table row is a line; both take about 45 s (3.4 pages/s) against about 3.4 s here (45 pages/s).
pdfplumber still opens the document and pdfminer (its engine) interprets the pages: no second PDF
library.

Speed. Only text matters. A page's content stream is tokenised by one compiled regular expression
that also swallows whole runs of operations that cannot move text (paths, painting, clipping,
colours, line styles, marked content) in single matches; inline images are skipped; only the text
operators (q Q cm BT ET Tc Tw Tz TL Tf Tr Ts Td TD Tm T* Tj TJ ' " Do) run, through pdfminer's own
handlers. No layout analysis and no table, rect or curve extraction. Pages are split over ``workers``
processes (each opens the file itself; results are collected in page order); documents of fewer
than ``2 * PAGES_PER_TASK_MIN`` pages, and calls from daemon processes, are read in-process.

Errors. :class:`PdfReadError` has a ``reason``: ``encrypted`` (a password is needed to open it,
or the encryption is unsupported; files restricted only by an owner password open normally),
``corrupt`` (not a PDF, truncated — no ``%%EOF`` near the end — or pdfminer failed to parse it;
the original error is chained), ``no_text_layer`` (no page has any text: a scan without OCR).

API. :func:`read_pdf` returns the page sizes and the lines (:class:`PdfLine`, a
:class:`~pipelines.extract.lines.Line` with a bounding box); :func:`read_pdf_lines` only the lines;
:func:`pdf_page_count` the number of pages; :func:`has_text_layer` tells whether lines carry text.

Not supported: vertical writing modes (CJK fonts; their text is skipped). Glyphs without a Unicode
mapping come out as pdfminer renders them, ``(cid:N)``.
"""

from __future__ import annotations

import math
import multiprocessing
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import pdfplumber
from pdfminer.pdfdevice import PDFTextDevice, PDFTextSeq
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, dict_value, resolve1, stream_value
from pdfminer.psparser import KWD, LIT
from pdfminer.utils import Matrix, Point, apply_matrix_pt

from pipelines.extract.lines import Line

Reason = Literal["encrypted", "corrupt", "no_text_layer"]

PAGES_PER_TASK_MIN = 4
TASKS_PER_WORKER = 4
_MARKER_WINDOW = 1024
_TO_THE_END = 1 << 30  # a page range's stop meaning "the last page"


@dataclass(frozen=True, slots=True)
class PdfLine(Line):
    """A :class:`Line` with its bounding box in PDF points, origin at the page's top-left corner.

    ``x0``/``x1`` run left to right and ``top``/``bottom`` downwards, on the page as displayed
    (after ``/Rotate``), like pdfplumber's coordinates.
    """

    x0: float
    top: float
    x1: float
    bottom: float
    rotation: int = 0  # direction of the text on the displayed page: 0, 90 (running up), 180, 270 (running down)
    # (word index in ``text.split()``, position along the line) of each word that starts a new text run
    # after a gap: for upright text the word's x0. Tables read their columns from it (a wrapped cell's
    # first line carries two columns' words; where the second column starts is only in the positions).
    word_x: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True, slots=True)
class PdfPage:
    """A page's displayed size in points (after ``/Rotate``)."""

    page_no: int
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class PdfText:
    """What :func:`read_pdf` returns: every page's size and every text line."""

    pages: list[PdfPage]
    lines: list[PdfLine]


class PdfReadError(Exception):
    """A PDF whose text cannot be read.

    ``reason`` is 'encrypted', 'corrupt' or 'no_text_layer'; ``detail`` a one-line explanation;
    ``str(error)`` is ``"<path>: <detail>"``.
    """

    def __init__(self, reason: Reason, detail: str, path: Path | str | None = None) -> None:
        super().__init__(f"{path}: {detail}" if path is not None else detail)
        self.reason: Reason = reason
        self.detail = detail
        self.path = path

    def __reduce__(self) -> tuple[type[PdfReadError], tuple[Reason, str, Path | str | None]]:
        return (PdfReadError, (self.reason, self.detail, self.path))


def has_text_layer(lines: Sequence[Line]) -> bool:
    """True when at least one line carries text (a scan without OCR has none)."""
    return any(line.text.strip() for line in lines)


def pdf_page_count(path: Path) -> int:
    """Number of pages; raises :class:`PdfReadError` for encrypted or corrupt files."""
    _check_complete(path)
    with _Source(path) as source:
        return source.page_count()


def read_pdf(path: Path, *, workers: int = 2) -> PdfText:
    """Page sizes and all text lines of the PDF at ``path``: page by page, top to bottom, left to right.

    ``page_no`` is the 1-based physical page, ``line_no`` 1-based within the page. Pages are read
    by up to ``workers`` processes; small documents are read in this process.
    """
    _check_complete(path)
    in_process = workers <= 1 or multiprocessing.current_process().daemon  # daemons may not fork
    with _Source(path) as source:
        ranges = _page_ranges(source.declared_page_count(), 1 if in_process else workers)
        pages = source.read(*ranges[0]) if len(ranges) == 1 else _read_in_workers(path, ranges, workers)
    lines = [
        PdfLine(page_no, line_no, text, x0, top, x1, bottom, rotation, word_x)
        for page_no, (_, _, page_lines) in enumerate(pages, start=1)
        for line_no, (text, x0, top, x1, bottom, rotation, word_x) in enumerate(page_lines, start=1)
    ]
    if not has_text_layer(lines):
        raise PdfReadError("no_text_layer", "no page has a text layer (a scan without OCR?)", path)
    sizes = [PdfPage(page_no, width, height) for page_no, (width, height, _) in enumerate(pages, start=1)]
    return PdfText(sizes, lines)


def read_pdf_lines(path: Path, *, workers: int = 2) -> list[PdfLine]:
    """All text lines of the PDF at ``path`` (see :func:`read_pdf`)."""
    return read_pdf(path, workers=workers).lines


# --- document access and error mapping -------------------------------------------------------------

# text, x0, top, x1, bottom, rotation, word_x (see PdfLine)
RawLine = tuple[str, float, float, float, float, int, tuple[tuple[int, float], ...]]
RawPage = tuple[float, float, list[RawLine]]  # width, height, lines


def _check_complete(path: Path) -> None:
    with path.open("rb") as fp:
        head = fp.read(_MARKER_WINDOW)
        fp.seek(0, 2)
        size = fp.tell()
        fp.seek(max(0, size - _MARKER_WINDOW))
        tail = fp.read()
    if b"%PDF-" not in head:
        raise PdfReadError("corrupt", "not a PDF (no %PDF- header)", path)
    if b"%%EOF" not in tail:
        raise PdfReadError("corrupt", "truncated PDF (no %%EOF marker at the end)", path)


class _Source:
    """An open PDF: reads the text lines of page ranges, walking the page tree forwards."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fp: BinaryIO = path.open("rb")
        try:
            with _translated_errors(path):
                # pdfplumber opens the document (parser, decryption, page tree); the text is then read
                # by the lean device below instead of pdfplumber's full layout objects
                self._pdf = pdfplumber.open(self._fp, laparams=None)
                self._document: PDFDocument = self._pdf.doc
        except PdfReadError:
            self._fp.close()
            raise
        manager = PDFResourceManager(caching=True)
        self._device = _RunCollector(manager)
        self._interpreter = _TextInterpreter(manager, self._device)
        self._pages: Iterator[PDFPage] = iter(())
        self._next = 0

    def page_count(self) -> int:
        with _translated_errors(self.path):
            return sum(1 for _ in PDFPage.create_pages(self._document))

    def declared_page_count(self) -> int:
        """The page tree's ``/Count`` (cheap; only used to split the work), else the counted pages."""
        with _translated_errors(self.path):
            count = resolve1(dict_value(self._document.catalog.get("Pages")).get("Count"))
        return count if isinstance(count, int) and count >= 0 else self.page_count()

    def read(self, start: int, stop: int) -> list[RawPage]:
        """Pages ``start`` to ``stop`` (0-based, stop excluded): size and lines of each."""
        out: list[RawPage] = []
        if stop <= start:
            return out
        if start < self._next or self._next == 0:
            self._pages, self._next = PDFPage.create_pages(self._document), 0
        with _translated_errors(self.path):
            for page in self._pages:
                self._next += 1
                if self._next > start:
                    self._interpreter.process_page(page)
                    out.append((self._device.width, self._device.height, self._device.lines()))
                if self._next >= stop:
                    break
        return out

    def close(self) -> None:
        self._pdf.close()
        self._fp.close()

    def __enter__(self) -> _Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ENCRYPTION_ERRORS = (PDFEncryptionError, PDFPasswordIncorrect)


@contextmanager
def _translated_errors(path: Path) -> Iterator[None]:
    """Re-raise pdfminer's failures as :class:`PdfReadError` (the original error chained)."""
    try:
        yield
    except PdfReadError:
        raise
    except Exception as error:  # pdfminer raises many types on malformed input; pdfplumber wraps them
        cause = error.__cause__ or error.__context__ or error
        if isinstance(error, PDFEncryptionError) or isinstance(cause, _ENCRYPTION_ERRORS):
            raise PdfReadError("encrypted", f"encrypted PDF ({type(cause).__name__})", path) from error
        raise PdfReadError("corrupt", f"unreadable PDF ({type(error).__name__}: {error})", path) from error


# --- parallel reading ----------------------------------------------------------------------------------

_worker_source: _Source | None = None


def _page_ranges(count: int, workers: int) -> list[tuple[int, int]]:
    """Contiguous [start, stop) page ranges: one when reading in-process, else a few per worker.

    The last range is open-ended, so pages beyond a wrong ``/Count`` are still read.
    """
    if workers <= 1 or count < 2 * PAGES_PER_TASK_MIN:
        return [(0, _TO_THE_END)]
    size = max(PAGES_PER_TASK_MIN, math.ceil(count / (workers * TASKS_PER_WORKER)))
    starts = range(0, count, size)
    return [(start, start + size if start + size < count else _TO_THE_END) for start in starts]


def _read_in_workers(path: Path, ranges: list[tuple[int, int]], workers: int) -> list[RawPage]:
    tasks = [(str(path), start, stop) for start, stop in ranges]
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks))) as pool:
        return [page for chunk in pool.map(_worker_read, tasks) for page in chunk]


def _worker_read(task: tuple[str, int, int]) -> list[RawPage]:
    """In a worker process: keep the document open across the tasks of one read."""
    global _worker_source
    path, start, stop = task
    if _worker_source is None or str(_worker_source.path) != path:
        if _worker_source is not None:
            _worker_source.close()
        _worker_source = _Source(Path(path))
    return _worker_source.read(start, stop)


# --- content-stream interpretation: text operators only ------------------------------------------------

_REGULAR = rb"[^\s()<>\[\]{}/%]"
_BLANK = rb"(?:\s|%[^\r\n]*)"  # whitespace or a comment
_NUMBER = rb"[+-]?+(?:\d++\.?+\d*+|\.\d++)(?!" + _REGULAR + rb")"
# a sequence of complete operations that cannot move text (path construction and painting, clipping,
# colour, line style, graphics-state dictionaries, marked content), skipped in one match: operands
# are numbers, names and arrays of numbers, the operator one of these keywords
_NO_TEXT_OPERAND = rb"(?:" + _NUMBER + rb"|/" + _REGULAR + rb"*+|\[[^\[\]()<>]*+\])"
_NO_TEXT_OPERATOR = (
    rb"(?:re|m|l|c|v|y|h|S|s|f\*?+|F|B\*?+|b\*?+|n|W\*?+|w|J|j|M|d|ri|i|gs|g|G|rg|RG|k|K"
    rb"|cs|CS|scn|sc|SCN|SC|sh|BMC|EMC|MP)(?!" + _REGULAR + rb")"
)
_NO_TEXT_RUN = rb"(?:(?:" + _NO_TEXT_OPERAND + _BLANK + rb"*+)*+" + _NO_TEXT_OPERATOR + _BLANK + rb"*+)++"
_TOKEN = re.compile(
    rb"|".join(
        (
            _BLANK + rb"++",  # no group: skipped
            _NO_TEXT_RUN,  # no group: skipped
            rb"((?:" + _NUMBER + rb"\s*+)++)(" + _REGULAR + rb"++)?+",  # 1 numbers, 2 the keyword after them
            rb"(" + _REGULAR + rb"++)",  # 3 keyword (operator, true, false, null)
            rb"/(" + _REGULAR + rb"*+)",  # 4 name
            rb"(\()",  # 5 literal string (scanned by _literal_string)
            rb"(<<)|(>>)",  # 6, 7 dictionary
            rb"<([0-9A-Fa-f\s]*+)>",  # 8 hex string
            rb"(\[)|(\])",  # 9, 10 array
            rb"[\s\S]",  # stray delimiter: ignored
        )
    )
)
_NUMBERS, _NUMBERS_KEYWORD, _KEYWORD, _NAME, _STRING = 1, 2, 3, 4, 5
_DICT_OPEN, _DICT_CLOSE, _HEX, _ARRAY_OPEN, _ARRAY_CLOSE = 6, 7, 8, 9, 10
_CONSTANTS: dict[bytes, object] = {b"true": True, b"false": False, b"null": None}
_STRING_SPECIAL = re.compile(rb"[()\\]")
_STRING_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.S)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_SPACE = re.compile(rb"\s+")
_INLINE_IMAGE_END = re.compile(rb"\sID\s.*?\sEI(?!" + _REGULAR + rb")", re.S)

# operators executed by pdfminer's handlers; any other operator does not affect where text is drawn
_TEXT_OPERATORS = {
    b"q": "do_q", b"Q": "do_Q", b"cm": "do_cm", b"BT": "do_BT", b"ET": "do_ET",
    b"Tc": "do_Tc", b"Tw": "do_Tw", b"Tz": "do_Tz", b"TL": "do_TL", b"Tf": "do_Tf", b"Tr": "do_Tr",
    b"Ts": "do_Ts", b"Td": "do_Td", b"TD": "do_TD", b"Tm": "do_Tm", b"T*": "do_T_a",
    b"Tj": "do_Tj", b"TJ": "do_TJ", b"'": "do__q", b'"': "do__w", b"Do": "do_Do",
}  # fmt: skip
_HANDLERS: dict[bytes, tuple[Callable[..., None], int]] = {
    operator: (getattr(PDFPageInterpreter, name), getattr(PDFPageInterpreter, name).__code__.co_argcount - 1)
    for operator, name in _TEXT_OPERATORS.items()
}


def _literal_string(data: bytes, pos: int) -> tuple[bytes, int]:
    """The literal string opening just before ``pos`` (balanced parentheses, escapes) and its end."""
    depth, i = 1, pos
    while (m := _STRING_SPECIAL.search(data, i)) is not None:
        i = m.end()
        char = m.group()
        if char == b"\\":
            i += 1
        elif char == b"(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return _unescape(data[pos : m.start()]), i
    return _unescape(data[pos:]), len(data)


def _unescape(raw: bytes) -> bytes:
    return _STRING_ESCAPE.sub(_escape_value, raw) if b"\\" in raw else raw


def _escape_value(m: re.Match[bytes]) -> bytes:
    if m.group(1):
        return bytes((int(m.group(1), 8) & 0xFF,))
    if m.group(2):
        return b""  # line continuation
    return _ESCAPED.get(m.group(3), m.group(3))


def _name(raw: bytes) -> object:
    if b"#" in raw:
        raw = _NAME_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), raw)
    try:
        return LIT(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)  # type: ignore[arg-type] - pdfminer keeps undecodable names as bytes


def _hex_string(digits: bytes) -> bytes:
    digits = _SPACE.sub(b"", digits)
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _operations(data: bytes) -> Iterator[tuple[bytes, list[object]]]:
    """(operator, operands) pairs of a content stream; inline images are skipped."""
    operands: list[object] = []
    target = operands
    outer: list[list[object]] = []
    pos, end, match = 0, len(data), _TOKEN.match
    while pos < end:
        m = match(data, pos)
        assert m is not None  # the last alternative matches any byte
        pos, kind = m.end(), m.lastindex
        if kind is None:
            continue
        value: object
        if kind <= _KEYWORD:
            if kind <= _NUMBERS_KEYWORD:
                target.extend(_number(token) for token in m.group(_NUMBERS).split())
                if kind == _NUMBERS:
                    continue
            word = m.group(kind)
            if word in _CONSTANTS:
                value = _CONSTANTS[word]
            elif outer:
                value = KWD(word)
            elif word == b"BI":
                image = _INLINE_IMAGE_END.search(data, pos)
                pos = image.end() if image else end
                operands.clear()
                continue
            else:
                yield word, operands
                operands = target = []
                continue
        elif kind == _NAME:
            value = _name(m.group(_NAME))
        elif kind == _STRING:
            value, pos = _literal_string(data, pos)
        elif kind == _HEX:
            value = _hex_string(m.group(_HEX))
        elif kind in (_ARRAY_OPEN, _DICT_OPEN):
            outer.append(target)
            target = []
            continue
        else:  # _ARRAY_CLOSE, _DICT_CLOSE
            if not outer:
                continue
            value = target if kind == _ARRAY_CLOSE else dict(zip(target[::2], target[1::2], strict=False))
            target = outer.pop()
        target.append(value)


def _number(token: bytes) -> int | float:
    return float(token) if b"." in token else int(token)


class _TextInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, fed by a fast tokenizer and running the text operators only."""

    def execute(self, streams: Sequence[object]) -> None:
        # same guard as pdfminer: skip inline streams and streams already on the call stack
        valid: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is not None and stream.objid not in self.parent_stream_ids:
                valid.append(stream)
                self.stream_ids.add(stream.objid)
        data = b"\n".join(stream.get_data() or b"" for stream in valid)
        for operator, operands in _operations(data):
            handler = _HANDLERS.get(operator)
            if handler is None:
                continue
            method, arity = handler
            if len(operands) >= arity:
                method(self, *operands[len(operands) - arity :])


# --- text runs to lines ---------------------------------------------------------------------------------

# A run: consecutive glyphs of one text-showing operator, drawn without a jump. Fields: direction
# (0 upright, 1 rotated 90° counter-clockwise, 2 upside down, 3 rotated 90° clockwise), position across
# lines (larger = earlier line) and along the line, length along the line, glyph height, extent across
# (low, high), text.
_Run = tuple[int, float, float, float, float, float, float, str]
_Glyph = tuple[str, float, bool]  # text, width per unit of font size, is blank

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
LINE_TOLERANCE = 0.3  # × glyph height: baselines closer than this are one line
WORD_GAP = 0.25  # × font size: a wider gap between glyphs separates words
DUPLICATE_OFFSET = 0.1  # × glyph height: the same run drawn again this close is a duplicate (fake bold)


def _frame(direction: int, x: float, y: float) -> tuple[float, float]:
    """(across, along) of device point (x, y) in the frame of ``direction``."""
    if direction == 0:
        return y, x
    if direction == 1:
        return -x, y
    if direction == 2:
        return -y, -x
    return x, -y


def _device_box(direction: int, along: tuple[float, float], across: tuple[float, float]) -> tuple[float, ...]:
    """Device (x0, y0, x1, y1) of a rectangle given in the frame of ``direction``."""
    (al0, al1), (ac0, ac1) = along, across
    if direction == 0:
        return al0, ac0, al1, ac1
    if direction == 1:
        return -ac1, al0, -ac0, al1
    if direction == 2:
        return -al1, -ac1, -al0, -ac0
    return ac0, -al1, ac1, -al0


class _RunCollector(PDFTextDevice):
    """Records the text runs of a page; :meth:`lines` turns them into lines."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager)
        self._runs: list[_Run] = []
        self.width = self.height = 0.0
        self._glyphs: dict[PDFFont, dict[int, _Glyph]] = {}

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        x0, y0, x1, y1 = page.mediabox
        left, bottom = apply_matrix_pt(ctm, (x0, y0))
        right, top = apply_matrix_pt(ctm, (x1, y1))
        self.width, self.height = abs(right - left), abs(top - bottom)
        self._runs = []

    def render_string_horizontal(
        self,
        seq: PDFTextSeq,
        matrix: Matrix,
        pos: Point,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        dxscale: float,
        ncs: object,
        graphicstate: object,
    ) -> Point:
        """Advance like pdfminer's implementation, recording runs instead of single characters."""
        x, y = pos
        glyphs = self._glyphs.setdefault(font, {})
        scale = fontsize * scaling
        jump = WORD_GAP * fontsize
        texts: list[str] = []
        start = end = x
        ink = False  # the run has a non-space glyph; start/end span those glyphs only
        spaced = False
        for obj in seq:
            if isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if spaced:
                        x += charspace
                    text, width, blank = glyphs.get(cid) or _glyph(font, cid, glyphs)
                    if not (ink or blank) or not texts:
                        start = x
                    texts.append(text)
                    x += width * scale
                    if not (ink and blank):
                        end = x
                    ink = ink or not blank
                    if cid == 32 and wordspace:
                        x += wordspace
                    spaced = True
            elif isinstance(obj, int | float):
                move = -obj * dxscale
                if texts and abs(move) > jump:
                    self._add_run(matrix, start, end, y, "".join(texts), font, fontsize, rise)
                    texts, ink = [], False
                x += move
                spaced = True
        if texts:
            self._add_run(matrix, start, end, y, "".join(texts), font, fontsize, rise)
        return x, y

    def _add_run(
        self,
        matrix: Matrix,
        start: float,
        end: float,
        y: float,
        text: str,
        font: PDFFont,
        size: float,
        rise: float,
    ) -> None:
        a, b, c, d, e, f = matrix
        if abs(a) >= abs(b):
            direction, stretch, lift = (0, a, d) if a > 0 else (2, -a, -d)
        else:
            direction, stretch, lift = (1, b, -c) if b > 0 else (3, -b, c)
        across, along = _frame(direction, a * start + c * y + e, b * start + d * y + f)
        low = (font.get_descent() * size + rise) * lift
        height = abs(size * lift)
        self._runs.append(
            (
                direction,
                across,
                along,
                (end - start) * stretch,
                height,
                across + low,
                across + low + height,
                text,
            )
        )

    def lines(self) -> list[RawLine]:
        """The page's lines in reading order (see the module docstring)."""
        runs = sorted(self._runs, key=lambda run: (run[0], -run[1]))
        groups: list[list[_Run]] = []
        for run in runs:
            if groups:
                first = groups[-1][0]
                if run[0] == first[0] and first[1] - run[1] <= LINE_TOLERANCE * max(first[4], run[4]):
                    groups[-1].append(run)
                    continue
            groups.append([run])
        dominant = _dominant_direction(runs)
        built: list[tuple[tuple[bool, int, float, float], RawLine]] = []
        for group in groups:
            group.sort(key=lambda run: run[2])
            first = group[0]
            built.append(((first[0] != dominant, first[0], -first[1], first[2]), self._line(group)))
        built.sort(key=lambda item: item[0])
        return [line for _, line in built if line[0]]

    def _line(self, group: list[_Run]) -> RawLine:
        """A line from its runs, ordered along the line."""
        words: list[str] = []
        starts: list[tuple[int, float]] = []  # (offset in the joined text, along) of runs that start a word
        length = 0
        end = -math.inf
        previous: _Run | None = None
        spaced = False
        for run in group:
            text = run[7]
            if text.isspace():
                spaced = True
                continue
            if previous is not None and text == previous[7] and run[2] - previous[2] < DUPLICATE_OFFSET * run[4]:
                continue  # the same text drawn twice, slightly offset (fake bold)
            if words and (spaced or abs(run[2] - end) > WORD_GAP * run[4]):
                words.append(" ")
                length += 1
            if not words or words[-1][-1].isspace() or text[0].isspace():
                starts.append((length, run[2]))
            words.append(text)
            length += len(text)
            end, previous, spaced = run[2] + run[3], run, False
        joined = "".join(words)
        text = " ".join(joined.translate(_LIGATURES).split())
        word_x = tuple((len(joined[:offset].split()), round(along, 2)) for offset, along in starts)
        inked = [run for run in group if not run[7].isspace()] or group
        along = (inked[0][2], max(run[2] + run[3] for run in inked))
        across = (min(run[5] for run in inked), max(run[6] for run in inked))
        x0, y0, x1, y1 = _device_box(group[0][0], along, across)
        rotation = 90 * group[0][0]
        return (
            text,
            round(x0, 2),
            round(self.height - y1, 2),
            round(x1, 2),
            round(self.height - y0, 2),
            rotation,
            word_x,
        )


def _glyph(font: PDFFont, cid: int, glyphs: dict[int, _Glyph]) -> _Glyph:
    """Text, width (text space, per unit of font size) and blankness of a glyph, cached per font."""
    try:
        text = font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        text = f"(cid:{cid})"
    glyphs[cid] = glyph = (text, font.char_width(cid), text.isspace())
    return glyph


def _dominant_direction(runs: list[_Run]) -> int:
    counts = [0, 0, 0, 0]
    for run in runs:
        counts[run[0]] += len(run[7])
    return counts.index(max(counts))
