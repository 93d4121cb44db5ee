"""Pre-extracted text reports: UTF-8 with or without BOM, LF or CRLF, optional form feeds."""

from __future__ import annotations

from pipelines.extract.lines import Line


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM optional); raises ``UnicodeDecodeError`` for other encodings."""
    return data.decode("utf-8-sig")


def text_to_lines(text: str) -> list[Line]:
    """Split into pages on form feeds when present; otherwise one page with physical line numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f") if "\f" in text else [text]
    lines: list[Line] = []
    for page_no, page in enumerate(pages, start=1):
        physical = page.split("\n")
        if physical and physical[-1] == "":
            physical.pop()
        for line_no, raw in enumerate(physical, start=1):
            lines.append(Line(page_no, line_no, raw))
    return lines
