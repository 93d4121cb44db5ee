"""Read one report file: check it, recognise its format by content, read its lines, identify it.

Every way a file can be unusable ends in :class:`RejectedDocument` with a one-line reason; the
caller quarantines the file and records the rejection. No other exception is expected from
:func:`read_document` for a bad file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipelines.extract import furniture
from pipelines.extract.lines import CLine, Line, content_lines, normalize, text_cells
from pipelines.ingest.metadata import ReportIdentity, identify
from pipelines.ingest.text import decode_text, text_to_lines

MIN_BBC_MARKERS = 5  # lines that look like BBC content; a BBC report has hundreds


class RejectedDocument(Exception):
    """A file that cannot become a document. ``reason`` is a short code, ``str()`` the message."""

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        super().__init__(f"{path.name}: rejected ({reason}): {detail}")


@dataclass(frozen=True)
class SourceLine:
    page_no: int
    line_no: int
    text: str
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    rotation: int | None = None  # PDF: direction of the text on the displayed page (0, 90, 180, 270)
    furniture: str | None = None  # page furniture kind (see pipelines.extract.furniture), None for content
    # where cells start: PDF, words starting a text run and their position along the line (see pdf.PdfLine);
    # text, words after a tab or two spaces and their character column (lines.text_cells)
    word_x: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class PageInfo:
    page_no: int
    width: float | None
    height: float | None
    line_count: int


@dataclass(frozen=True)
class IntakeResult:
    document_id: str
    sha256: str
    source_path: Path
    file_format: str  # pdf | text
    size_bytes: int
    identity: ReportIdentity
    lines: list[SourceLine]
    pages: list[PageInfo]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def content_lines(self) -> list[CLine]:
        return _content_lines(self.lines)

    def text_quality(self) -> dict[str, float | int]:
        """How well the text was read: the share of pages with readable text, and the share of printed
        amounts (tokens shaped like ``1.234.567``) that stand on a line with a label. Furniture lines
        (page counters, running titles) count for neither."""
        readable: set[int] = set()
        amounts = labelled = 0
        for sl in self.lines:
            if sl.furniture or not sl.text.strip():
                continue
            words = _WORD.findall(sl.text)
            if words and sl.text.count("(cid:") * 2 < len(words):
                readable.add(sl.page_no)
            found = len(_AMOUNT_TOKEN.findall(sl.text))
            amounts += found
            if found and _LABEL.search(_AMOUNT_TOKEN.sub(" ", sl.text)):
                labelled += found
        return {
            "readable_page_share": round(len(readable) / self.page_count, 4) if self.page_count else 0.0,
            "labelled_amount_share": round(labelled / amounts, 4) if amounts else 1.0,
            "amount_tokens": amounts,
            "furniture_lines": sum(1 for sl in self.lines if sl.furniture),
        }


_WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
_LABEL = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
_AMOUNT_TOKEN = re.compile(r"(?<![\d.,])-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?![\d.,])")


def _content_lines(lines: list[SourceLine]) -> list[CLine]:
    """Content lines of a document, each carrying its line's furniture kind."""
    kinds = {(sl.page_no, sl.line_no): sl.furniture for sl in lines if sl.furniture}
    words = {(sl.page_no, sl.line_no): sl.word_x for sl in lines if sl.word_x}
    out = content_lines(Line(sl.page_no, sl.line_no, sl.text) for sl in lines)
    if kinds or words:
        out = [
            dataclasses.replace(
                cl, furniture=kinds.get((cl.page_no, cl.line_no)), word_x=words.get((cl.page_no, cl.line_no))
            )
            for cl in out
        ]
    return out


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def document_id_for(sha256: str) -> str:
    """The document id: the first 16 hex digits of the content's SHA-256 (same bytes, same id)."""
    return sha256[:16]


def sniff_format(head: bytes) -> str | None:
    """'pdf' or 'text' from the first bytes; ``None`` for anything else."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if b"\x00" in head:
        return None
    try:
        sample = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is fine
        if exc.start < len(head) - 4:
            return None
        sample = head[: exc.start].decode("utf-8-sig")
    printable = sum(ch.isprintable() or ch in "\n\r\t\f" for ch in sample)
    return "text" if sample and printable / len(sample) > 0.95 else None


def read_document(path: Path, *, max_bytes: int, pdf_workers: int = 2) -> IntakeResult:
    path = Path(path)
    if not path.is_file():
        raise RejectedDocument(path, "missing", "file not found")
    size = path.stat().st_size
    if size == 0:
        raise RejectedDocument(path, "empty", "the file is empty")
    if size > max_bytes:
        raise RejectedDocument(path, "too_large", f"{size} bytes exceeds the limit of {max_bytes} bytes")
    with path.open("rb") as fh:
        head = fh.read(4096)
    fmt = sniff_format(head)
    if fmt is None:
        raise RejectedDocument(path, "unsupported_format", "neither a PDF nor UTF-8 text")
    sha = file_sha256(path)
    if fmt == "pdf":
        lines, pages = _read_pdf(path, pdf_workers)
    else:
        lines, pages = _read_text(path)
    lines = flag_furniture(lines, pages)
    cl = _content_lines(lines)
    if not cl:
        raise RejectedDocument(path, "no_text", "the file contains no text")
    ident = identify(cl)
    if ident.bbc_markers < MIN_BBC_MARKERS or ident.report_type is None:
        raise RejectedDocument(
            path, "not_bbc", f"not a BBC report (found {ident.bbc_markers} BBC markers, need {MIN_BBC_MARKERS})"
        )
    return IntakeResult(document_id_for(sha), sha, path.resolve(), fmt, size, ident, lines, pages)


def _read_text(path: Path) -> tuple[list[SourceLine], list[PageInfo]]:
    try:
        text = decode_text(path.read_bytes())
    except UnicodeDecodeError as exc:
        raise RejectedDocument(path, "unsupported_format", f"not valid UTF-8 text ({exc.reason})") from None
    lines = [SourceLine(ln.page_no, ln.line_no, ln.text, word_x=text_cells(ln.text)) for ln in text_to_lines(text)]
    counts: dict[int, int] = {}
    for ln in lines:
        counts[ln.page_no] = counts.get(ln.page_no, 0) + 1
    pages = [PageInfo(p, None, None, n) for p, n in sorted(counts.items())] or [PageInfo(1, None, None, 0)]
    return lines, pages


def _read_pdf(path: Path, workers: int) -> tuple[list[SourceLine], list[PageInfo]]:
    from pipelines.ingest.pdf import PdfReadError, read_pdf

    try:
        doc = read_pdf(path, workers=workers)
    except PdfReadError as exc:
        raise RejectedDocument(path, exc.reason, str(exc.detail)) from None
    lines = [
        SourceLine(pl.page_no, pl.line_no, pl.text, pl.x0, pl.top, pl.x1, pl.bottom, pl.rotation, word_x=pl.word_x)
        for pl in doc.lines
    ]
    counts: dict[int, int] = {}
    for ln in lines:
        counts[ln.page_no] = counts.get(ln.page_no, 0) + 1
    pages = [PageInfo(p.page_no, p.width, p.height, counts.get(p.page_no, 0)) for p in doc.pages]
    if not lines:
        raise RejectedDocument(path, "no_text_layer", "the PDF has no text layer (scanned?)")
    return lines, pages


def flag_furniture(lines: list[SourceLine], pages: list[PageInfo]) -> list[SourceLine]:
    """The lines with their furniture kind set (see :mod:`pipelines.extract.furniture`)."""
    sizes = {p.page_no: (p.width or 0.0, p.height or 0.0) for p in pages}
    counts = {p.page_no: p.line_count for p in pages}
    dominant: dict[int, int] = {}
    if any(sl.rotation is not None for sl in lines):
        chars: dict[int, Counter[int]] = {}
        for sl in lines:
            chars.setdefault(sl.page_no, Counter())[sl.rotation or 0] += len(sl.text)
        dominant = {page: c.most_common(1)[0][0] for page, c in chars.items()}
    ranks: dict[tuple[int, int], int] = {}
    page_sizes: Counter[int] = Counter()
    for sl in lines:
        if normalize(sl.text):
            page_sizes[sl.page_no] += 1
            ranks[(sl.page_no, sl.line_no)] = page_sizes[sl.page_no]
    placed = []
    for sl in lines:
        if not normalize(sl.text):
            continue
        rank = ranks[(sl.page_no, sl.line_no)]
        if sl.rotation is None or sl.x0 is None:
            position = furniture.rank_positions(counts, sl.page_no, sl.line_no)
            rotated = False
        else:
            width, height = sizes.get(sl.page_no, (0.0, 0.0))
            position = furniture.reading_position(
                sl.rotation, sl.x0, sl.top or 0.0, sl.x1 or 0.0, sl.bottom or 0.0, width, height
            )
            rotated = sl.rotation != dominant.get(sl.page_no, 0)
        placed.append(
            furniture.Placed(
                sl.page_no,
                sl.line_no,
                normalize(sl.text),
                position,
                rotated,
                rank_top=rank,
                rank_bottom=page_sizes[sl.page_no] - rank + 1,
            )
        )
    kinds = furniture.classify(placed)
    if not kinds:
        return lines
    return [dataclasses.replace(sl, furniture=kinds.get((sl.page_no, sl.line_no))) for sl in lines]
