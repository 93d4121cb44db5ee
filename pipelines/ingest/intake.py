"""Read one report file: check it, recognise its format by content, read its lines, identify it.

Every way a file can be unusable ends in :class:`RejectedDocument` with a reason code (stored in
``raw.documents.reason``) and one plain sentence; the caller records the rejection (and quarantines
an inbox file). No other exception is expected from :func:`read_document` for a bad file.

Reason codes (:data:`REASONS`): ``missing``, ``empty``, ``too_large``, ``unsupported_format``,
``encrypted``, ``corrupt``, ``no_text_layer`` (a PDF scanned without OCR), ``no_text`` (a text file of
blank lines), ``not_bbc`` (no or hardly any BBC content) and ``unrecognised_kind`` (plenty of BBC
content, but no report type: the message says what was found).

Whether a document is a BBC report is decided on what the regulation prescribes, in three kinds of
evidence: schema titles and key-figure rows (``J1: ...``, ``Autofinancieringsmarge``), policy items
(``BD000001``, ``AP0101``, ``Beleidsdoelstelling``) and the identity of the entity (a name with its
KBO number). A document with a report type (jaarrekening, meerjarenplan) is accepted with at least
:data:`MIN_BBC_MARKERS` such lines, or with fewer when its entity and KBO number are printed (a plan
volume with one list in it).
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

# reason code -> what it means, in words for the people who drop files in the inbox
REASONS: dict[str, str] = {
    "missing": "the file does not exist (any more)",
    "empty": "the file is empty",
    "too_large": "the file is larger than the limit (BBC_MAX_FILE_BYTES)",
    "unsupported_format": "the file is neither a PDF nor a text file",
    "encrypted": "the PDF is protected by a password",
    "corrupt": "the PDF is damaged or incomplete",
    "no_text_layer": "the PDF has no text layer (a scan without text recognition)",
    "no_text": "the file contains no text",
    "not_bbc": "not a BBC report",
    "unrecognised_kind": "a BBC report of a kind that is not recognised",
}


class RejectedDocument(Exception):
    """A file that cannot become a document. ``reason`` is a code of :data:`REASONS`, ``detail`` one
    sentence, ``str()`` the message: ``"<file>: rejected (<reason>): <detail>"``."""

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        super().__init__(f"{path.name}: rejected ({reason}): {detail}")

    def __reduce__(self):  # picklable across the process pool
        return (RejectedDocument, (self.path, self.reason, self.detail))


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
        """The pages the report has: a PDF's pages; for a text, the highest page number its lines carry
        (the printed numbering, see :mod:`pipelines.ingest.text`; pages the text lost still count)."""
        return max((p.page_no for p in self.pages), default=0)

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
            "readable_page_share": round(len(readable) / len(self.pages), 4) if self.pages else 0.0,
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
        raise RejectedDocument(path, "missing", "the file does not exist (any more)")
    size = path.stat().st_size
    if size == 0:
        raise RejectedDocument(path, "empty", "the file is empty (0 bytes)")
    if size > max_bytes:
        raise RejectedDocument(
            path,
            "too_large",
            f"the file is {size:,} bytes, more than the limit of {max_bytes:,} bytes (BBC_MAX_FILE_BYTES)",
        )
    with path.open("rb") as fh:
        head = fh.read(4096)
    fmt = sniff_format(head)
    if fmt is None:
        raise RejectedDocument(path, "unsupported_format", "the file is neither a PDF nor a UTF-8 text file")
    sha = file_sha256(path)
    if fmt == "pdf":
        lines, pages = _read_pdf(path, pdf_workers)
    else:
        lines, pages = _read_text(path)
    lines = flag_furniture(lines, pages)
    cl = _content_lines(lines)
    if not cl:
        raise RejectedDocument(path, "no_text", "the file contains no text, only blank lines")
    ident = identify(cl)
    rejection = judge(ident, bbc_evidence(cl, ident))
    if rejection:
        raise RejectedDocument(path, *rejection)
    return IntakeResult(document_id_for(sha), sha, path.resolve(), fmt, size, ident, lines, pages)


# the three kinds of BBC evidence; each content line counts once, for the first kind it shows
_SCHEMA_EVIDENCE = re.compile(
    r"^(?:Schema )?[JTM]\d{1,2}(?:\(W\)|W)?\s*:|^Schema [JTM]\d{1,2}\b|\bJournaalvolgnummers:"
    r"|Doelstellingenrekening|Staat van het financieel evenwicht|Realisatie van de kredieten"
    r"|Financieel doelstellingenplan|Staat van opbrengsten en kosten|Evolutie van de financi[eë]le schulden"
    r"|Autofinancieringsmarge|Budgettair resultaat|Beleidsevaluatie|\bMJP ?20\d\d\b",
    re.I,
)
_POLICY_EVIDENCE = re.compile(
    r"\b(?:BDS?|AP|AC)(?:\d{2,6}|[ .]\d{1,3})\b|\bBV\d{3,4}\b|\bbeleidsdoelstelling|\bactieplan|\bprioritaire actie"
    r"|\bbeleidsdomein|\bbeleidsveld",
    re.I,
)
_KBO = re.compile(r"(?<![\d.])[01]\d{3}[. ]?\d{3}[. ]?\d{3}(?![\d.])")
_IDENTITY_EVIDENCE = re.compile(r"\bNaam bestuur\b|\bRapportgegevens\b|\bondernemingsnummer\b|\bKBO\b", re.I)


@dataclass(frozen=True)
class Evidence:
    """What a document shows of a BBC report: lines per kind of evidence, and examples."""

    schema: int
    policy: int
    identity: int
    examples: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.schema + self.policy + self.identity

    def describe(self) -> str:
        parts = [
            f"{n} {word}"
            for n, word in (
                (self.schema, "schema or key-figure lines"),
                (self.policy, "policy lines"),
                (self.identity, "identity lines"),
            )
            if n
        ]
        found = ", ".join(parts) or "nothing"
        return found + (f" (such as {', '.join(repr(e) for e in self.examples)})" if self.examples else "")


def bbc_evidence(lines: list[CLine], ident: ReportIdentity) -> Evidence:
    counts = Counter()
    examples: dict[str, str] = {}
    for cl in lines:
        text = cl.text.strip()
        for kind, pattern in (("schema", _SCHEMA_EVIDENCE), ("policy", _POLICY_EVIDENCE)):
            if pattern.search(text):
                counts[kind] += 1
                examples.setdefault(kind, text[:60])
                break
        else:
            if _IDENTITY_EVIDENCE.search(text) or (ident.kbo_number and _KBO.search(text)):
                counts["identity"] += 1
                examples.setdefault("identity", text[:60])
    return Evidence(counts["schema"], counts["policy"], counts["identity"], tuple(examples.values()))


def judge(ident: ReportIdentity, evidence: Evidence) -> tuple[str, str] | None:
    """``None`` when the document is a BBC report of a known kind, else (reason code, sentence)."""
    markers = max(evidence.total, ident.bbc_markers)
    identified = bool(ident.kbo_number)
    if ident.report_type and (markers >= MIN_BBC_MARKERS or (markers and identified)):
        return None
    if markers >= MIN_BBC_MARKERS or (markers and identified and evidence.schema + evidence.policy):
        who = f" of {ident.entity_name} ({ident.kbo_number})" if identified else ""
        return (
            "unrecognised_kind",
            f"a BBC report{who} of a kind that is not recognised: it has {evidence.describe()},"
            " but no title or running header says whether it is a jaarrekening or a meerjarenplan",
        )
    if not markers:
        return "not_bbc", "not a BBC report: it has no schema, policy or identity markers"
    said = f"it mentions a {ident.report_type} but " if ident.report_type else ""
    return (
        "not_bbc",
        f"not a BBC report: {said}it has only {evidence.describe()}; a BBC report prints schemas,"
        " policy items and the entity with its KBO number",
    )


def _read_text(path: Path) -> tuple[list[SourceLine], list[PageInfo]]:
    try:
        text = decode_text(path.read_bytes())
    except UnicodeDecodeError as exc:
        raise RejectedDocument(
            path, "unsupported_format", f"the file is neither a PDF nor valid UTF-8 text ({exc.reason})"
        ) from None
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
        sentence = REASONS.get(exc.reason, exc.reason)
        detail = sentence if exc.reason == "no_text_layer" else f"{sentence}: {exc.detail}"
        raise RejectedDocument(path, exc.reason, detail) from None
    lines = [
        SourceLine(pl.page_no, pl.line_no, pl.text, pl.x0, pl.top, pl.x1, pl.bottom, pl.rotation, word_x=pl.word_x)
        for pl in doc.lines
    ]
    counts: dict[int, int] = {}
    for ln in lines:
        counts[ln.page_no] = counts.get(ln.page_no, 0) + 1
    pages = [PageInfo(p.page_no, p.width, p.height, counts.get(p.page_no, 0)) for p in doc.pages]
    if not lines:
        raise RejectedDocument(path, "no_text_layer", REASONS["no_text_layer"])
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
    # without geometry a line's position is its place among its page's lines (blank ones included): its
    # line number on a form-feed page, not its physical line number when the pages come from counters
    in_page: dict[tuple[int, int], int] = {}
    seen: Counter[int] = Counter()
    for sl in lines:
        seen[sl.page_no] += 1
        in_page[(sl.page_no, sl.line_no)] = seen[sl.page_no]
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
            position = furniture.rank_positions(counts, sl.page_no, in_page[(sl.page_no, sl.line_no)])
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
