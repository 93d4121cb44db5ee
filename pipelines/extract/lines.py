"""The unit every parser works on: one printed text line with its provenance.

Parsers never rely on blank lines or leading spaces: a PDF's text layer has neither, a text export
has both. They receive :func:`content_lines` (blank lines dropped, whitespace normalised) and keep
``page_no``/``line_no`` of each line so that every extracted amount points back to its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u3000]+")


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line. ``text`` is as extracted; ``norm`` has its whitespace collapsed and stripped."""

    page_no: int
    line_no: int
    text: str

    @property
    def norm(self) -> str:
        return normalize(self.text)


def normalize(text: str) -> str:
    """Collapse runs of whitespace (including NBSP and other Unicode spaces) and strip."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class CLine:
    """A non-blank content line: normalised text plus its source position."""

    text: str
    page_no: int
    line_no: int
    index: int  # position in the document's content-line sequence
    furniture: str | None = None  # page furniture kind (running header, page counter, ...): never content
    # PDF input: (word index in ``text.split()``, position along the line) of words that start a text run
    # (for upright text their x0); ``None`` for text input. Column tables split a line's cells with it.
    word_x: tuple[tuple[int, float], ...] | None = None

    @property
    def x0(self) -> float | None:
        """Where the line starts along its direction (PDF input), ``None`` for text input."""
        return self.word_x[0][1] if self.word_x else None


_WORD = re.compile(r"[^\s\u00a0\u2000-\u200b\u202f\u3000]+")


def text_cells(text: str) -> tuple[tuple[int, float], ...]:
    """Text input: (word index, character column) of the first word and of each word after a tab or two or
    more spaces, the cells of a table whose columns are aligned with spaces; the text-input counterpart of a
    PDF line's ``word_x`` (columns with tabs expanded to multiples of 8)."""
    out: list[tuple[int, float]] = []
    for n, m in enumerate(_WORD.finditer(text)):
        before = text[max(m.start() - 2, 0) : m.start()]
        if n == 0 or "\t" in before or (len(before) == 2 and before.isspace()):
            out.append((n, float(len(text[: m.start()].expandtabs(8)))))
    return tuple(out)


def content_lines(lines: Iterable[Line]) -> list[CLine]:
    """Drop blank lines, normalise whitespace, number the rest consecutively."""
    out: list[CLine] = []
    for line in lines:
        norm = normalize(line.text)
        if norm:
            out.append(CLine(norm, line.page_no, line.line_no, len(out)))
    return out


def texts(lines: Sequence[CLine]) -> list[str]:
    return [cl.text for cl in lines]
