"""Read one report file: check it, recognise its format by content, read its lines, identify it.

Every way a file can be unusable ends in :class:`RejectedDocument` with a one-line reason; the
caller quarantines the file and records the rejection. No other exception is expected from
:func:`read_document` for a bad file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipelines.extract.lines import CLine, Line, content_lines
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
        return content_lines(Line(sl.page_no, sl.line_no, sl.text) for sl in self.lines)


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
    cl = content_lines(Line(sl.page_no, sl.line_no, sl.text) for sl in lines)
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
    lines = [SourceLine(ln.page_no, ln.line_no, ln.text) for ln in text_to_lines(text)]
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
    lines = [SourceLine(pl.page_no, pl.line_no, pl.text, pl.x0, pl.top, pl.x1, pl.bottom) for pl in doc.lines]
    counts: dict[int, int] = {}
    for ln in lines:
        counts[ln.page_no] = counts.get(ln.page_no, 0) + 1
    pages = [PageInfo(p.page_no, p.width, p.height, counts.get(p.page_no, 0)) for p in doc.pages]
    if not lines:
        raise RejectedDocument(path, "no_text_layer", "the PDF has no text layer (scanned?)")
    return lines, pages
