"""PDF intake: the printed text lines of a PDF, in reading order, with their bounding boxes.

How lines are built. pdfminer (the engine under pdfplumber) interprets each page's content streams;
a minimal device records every character with its text-rendering matrix. Characters are grouped
into lines by writing direction and baseline (within a tolerance relative to the font size), a line's
characters are ordered along the writing direction, and words are joined by single spaces (an explicit
space character or a gap wider than a fraction of the font size separates words).

Rotated text. A character's direction is taken from its matrix: upright, rotated 90° (text running
up the page, as in landscape tables printed sideways on portrait pages), upside down, or rotated
270°. Lines of each direction are grouped along their own baseline, so a sideways table reads as
proper lines instead of pdfplumber's reversed one-word lines. The lines of a page are ordered in the
frame of the page's dominant direction: top to bottom, left to right as a reader holding the page
that way sees them. Pages turned by their ``/Rotate`` attribute are handled by pdfminer's page
transformation, so their text is upright in the rotated frame. Latin ligature characters (ﬁ, ﬂ, …)
are expanded so that labels match.

Speed. Only text matters, so a page's content stream is tokenised by a compiled regular expression
and only the text operators (q Q cm BT ET T* Tc Tw Tz TL Tf Tr Ts Td TD Tm Tj TJ ' " Do) are
executed by pdfminer's own handlers; path construction and painting, colours, clipping, marked
content and inline images are skipped without building any objects. No layout analysis, table,
rect or curve extraction is done. Pages are split over ``workers`` processes (each opens the file
itself; chunks are collected in page order).

Errors. :class:`PdfReadError` has a ``reason``: ``encrypted`` (a password is needed or the
encryption is unsupported), ``corrupt`` (not a PDF, truncated — no ``%%EOF`` near the end — or
pdfminer failed to parse it; the original error is chained), ``no_text_layer`` (no page has any
text: a scan without OCR).

Vertical writing modes (CJK fonts) are not supported; characters without a Unicode mapping come out
as pdfminer renders them, ``(cid:N)``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from pdfminer.pdfdevice import PDFTextDevice, PDFTextSeq
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT
from pdfminer.utils import Matrix, Point, apply_matrix_pt

from pipelines.extract.lines import Line

Reason = Literal["encrypted", "corrupt", "no_text_layer"]

PAGES_PER_TASK_MIN = 4
TASKS_PER_WORKER = 4
_TAIL_BYTES = 1024


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


class PdfReadError(Exception):
    """A PDF whose text cannot be read; ``reason`` is 'encrypted', 'corrupt' or 'no_text_layer'."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason: Reason = reason
        self.message = message

    def __reduce__(self) -> tuple[type[PdfReadError], tuple[Reason, str]]:
        return (PdfReadError, (self.reason, self.message))


def has_text_layer(lines: Sequence[Line]) -> bool:
    """True when at least one line carries text (a scan without OCR has none)."""
    return any(line.text.strip() for line in lines)


def pdf_page_count(path: Path) -> int:
    """Number of pages; raises :class:`PdfReadError` for encrypted or corrupt files."""
    _check_complete(path)
    with _Source(path) as source:
        return source.page_count()


def read_pdf_lines(path: Path, *, workers: int = 2) -> list[PdfLine]:
    """All text lines of the PDF at ``path``: page by page, top to bottom, left to right.

    ``page_no`` is the 1-based physical page, ``line_no`` 1-based within the page. Pages are read
    by up to ``workers`` processes; small documents are read in this process.
    """
    count = pdf_page_count(path)
    ranges = _page_ranges(count, workers)
    if len(ranges) == 1:
        with _Source(path) as source:
            pages = source.read(0, count)
    else:
        pages = _read_in_workers(path, ranges, workers)
    lines = [
        PdfLine(page_no, line_no, text, x0, top, x1, bottom)
        for page_no, page in enumerate(pages, start=1)
        for line_no, (text, x0, top, x1, bottom) in enumerate(page, start=1)
    ]
    if not has_text_layer(lines):
        raise PdfReadError("no_text_layer", f"{path}: no page has a text layer (a scan without OCR?)")
    return lines


# --- document access and error mapping -------------------------------------------------------------

RawLine = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom


def _check_complete(path: Path) -> None:
    with path.open("rb") as fp:
        head = fp.read(_TAIL_BYTES)
        fp.seek(0, 2)
        size = fp.tell()
        fp.seek(max(0, size - _TAIL_BYTES))
        tail = fp.read()
    if b"%PDF-" not in head:
        raise PdfReadError("corrupt", f"{path}: not a PDF (no %PDF- header)")
    if b"%%EOF" not in tail:
        raise PdfReadError("corrupt", f"{path}: truncated PDF (no %%EOF marker at the end)")


class _Source:
    """An open PDF: reads the text lines of page ranges, walking the page tree forwards."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fp: BinaryIO = path.open("rb")
        try:
            with _translated_errors(path):
                self._document = PDFDocument(PDFParser(self._fp))
        except PdfReadError:
            self._fp.close()
            raise
        manager = PDFResourceManager(caching=True)
        self._device = _CharCollector(manager)
        self._interpreter = _TextInterpreter(manager, self._device)
        self._pages: Iterator[PDFPage] = iter(())
        self._next = 0

    def page_count(self) -> int:
        with _translated_errors(self.path):
            return sum(1 for _ in PDFPage.create_pages(self._document))

    def read(self, start: int, stop: int) -> list[list[RawLine]]:
        """Lines of pages ``start`` to ``stop`` (0-based, stop excluded), one list per page."""
        if start < self._next or self._next == 0:
            self._pages, self._next = PDFPage.create_pages(self._document), 0
        out: list[list[RawLine]] = []
        with _translated_errors(self.path):
            for page in self._pages:
                self._next += 1
                if self._next > start:
                    self._interpreter.process_page(page)
                    out.append(self._device.lines())
                if self._next >= stop:
                    break
        return out

    def close(self) -> None:
        self._fp.close()

    def __enter__(self) -> _Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _translated_errors(path: Path) -> Iterator[None]:
    """Re-raise pdfminer's failures as :class:`PdfReadError` (the original error chained)."""
    try:
        yield
    except PdfReadError:
        raise
    except PDFEncryptionError as error:
        raise PdfReadError("encrypted", f"{path}: encrypted PDF ({type(error).__name__})") from error
    except Exception as error:  # pdfminer raises many types on malformed input
        raise PdfReadError("corrupt", f"{path}: unreadable PDF ({type(error).__name__}: {error})") from error


# --- parallel reading ----------------------------------------------------------------------------------

_worker_source: _Source | None = None


def _page_ranges(count: int, workers: int) -> list[tuple[int, int]]:
    """Contiguous [start, stop) page ranges: one when reading in-process, else a few per worker."""
    if workers <= 1 or count < 2 * PAGES_PER_TASK_MIN:
        return [(0, count)]
    size = max(PAGES_PER_TASK_MIN, math.ceil(count / (workers * TASKS_PER_WORKER)))
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def _read_in_workers(path: Path, ranges: list[tuple[int, int]], workers: int) -> list[list[RawLine]]:
    tasks = [(str(path), start, stop) for start, stop in ranges]
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks))) as pool:
        return [page for chunk in pool.map(_worker_read, tasks) for page in chunk]


def _worker_read(task: tuple[str, int, int]) -> list[list[RawLine]]:
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
_TOKEN = re.compile(
    rb"(?:\s|%[^\r\n]*)+"  # whitespace and comments: no group
    rb"|([+-]?(?:\d+\.?\d*|\.\d+))(?!" + _REGULAR + rb")"  # 1 number
    rb"|/(" + _REGULAR + rb"*)"  # 2 name
    rb"|(\()"  # 3 literal string (scanned by _literal_string)
    rb"|(<<)|(>>)"  # 4, 5 dictionary
    rb"|<([0-9A-Fa-f\s]*)>"  # 6 hex string
    rb"|(\[)|(\])"  # 7, 8 array
    rb"|(" + _REGULAR + rb"+)"  # 9 keyword (operator, true, false, null)
    rb"|[\s\S]"  # stray delimiter: ignored
)
_NUMBER, _NAME, _STRING, _DICT_OPEN, _DICT_CLOSE, _HEX, _ARRAY_OPEN, _ARRAY_CLOSE, _KEYWORD = range(1, 10)
_CONSTANTS: dict[bytes, object] = {b"true": True, b"false": False, b"null": None}
_STRING_SPECIAL = re.compile(rb"[()\\]")
_STRING_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.S)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_SPACE = re.compile(rb"\s+")
_INLINE_IMAGE_END = re.compile(rb"\sID\s.*?\sEI(?!" + _REGULAR + rb")", re.S)

# operators executed by pdfminer's handlers; everything else (paths, colours, clipping, marked
# content, shading, inline images) does not affect where text is drawn and is skipped
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
        if kind == _NUMBER:
            token = m.group(1)
            value = float(token) if b"." in token else int(token)
        elif kind == _NAME:
            value = _name(m.group(2))
        elif kind == _STRING:
            value, pos = _literal_string(data, pos)
        elif kind == _HEX:
            value = _hex_string(m.group(6))
        elif kind in (_ARRAY_OPEN, _DICT_OPEN):
            outer.append(target)
            target = []
            continue
        elif kind in (_ARRAY_CLOSE, _DICT_CLOSE):
            if not outer:
                continue
            value = target if kind == _ARRAY_CLOSE else dict(zip(target[::2], target[1::2], strict=False))
            target = outer.pop()
        else:
            word = m.group(9)
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
        target.append(value)


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
WORD_GAP = 0.2  # × font size: a wider gap between glyphs separates words
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


class _CharCollector(PDFTextDevice):
    """Records the text runs of a page; :meth:`lines` turns them into lines."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager)
        self._runs: list[_Run] = []
        self._height = 0.0
        self._glyphs: dict[PDFFont, dict[int, _Glyph]] = {}

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        x0, y0, x1, y1 = page.mediabox
        _, bottom = apply_matrix_pt(ctm, (x0, y0))
        _, top = apply_matrix_pt(ctm, (x1, y1))
        self._height = abs(top - bottom)
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
        built: list[tuple[tuple[float, float], RawLine]] = []
        for group in groups:
            group.sort(key=lambda run: run[2])
            built.append((_reading_key(group[0], dominant), self._line(group)))
        built.sort(key=lambda item: item[0])
        return [line for _, line in built if line[0]]

    def _line(self, group: list[_Run]) -> RawLine:
        """A line from its runs, ordered along the line."""
        words: list[str] = []
        end = -math.inf
        previous: _Run | None = None
        spaced = False
        for run in group:
            text = run[7]
            if text.isspace():
                spaced = True
                continue
            if (
                previous is not None
                and text == previous[7]
                and run[2] - previous[2] < DUPLICATE_OFFSET * run[4]
            ):
                continue
            if words and (spaced or run[2] - end > WORD_GAP * run[4]):
                words.append(" ")
            words.append(text)
            end, previous, spaced = run[2] + run[3], run, False
        text = " ".join("".join(words).translate(_LIGATURES).split())
        along = (group[0][2], max(run[2] + run[3] for run in group))
        across = (min(run[5] for run in group), max(run[6] for run in group))
        x0, y0, x1, y1 = _device_box(group[0][0], along, across)
        return (text, round(x0, 2), round(self._height - y1, 2), round(x1, 2), round(self._height - y0, 2))


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


def _reading_key(first: _Run, dominant: int) -> tuple[float, float]:
    """Sort key of a line in the page's dominant frame, from its first run: top first, then left."""
    x, y, _, _ = _device_box(first[0], (first[2], first[2]), (first[1], first[1]))
    across, along = _frame(dominant, x, y)
    return -across, along
