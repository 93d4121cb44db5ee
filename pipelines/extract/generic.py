"""A schema no dedicated parser reads (T5, a jaarrekening's T3 with content, an unknown ``M4: ...``), read
generically: one cell per printed amount, with its row label and its column.

The regulation fixes which schemas a report prints, not how every producer lays them out; a schema that the
dedicated parsers do not know is still a table of labelled rows of amounts. Reading it this way keeps every
printed amount in the warehouse, traceable to its page and line, instead of "present but not parsed":

- a *row* is a content line (not page furniture) that ends in one or more amounts; its label is the text
  before them, or, for a line of amounts only, the label line printed just above it (a wrapped label);
- a *header* is a line without amounts with at least two year headings (``2026``, ``MJP2026``,
  ``2026 (€)``) and at most a few other words; a row's cells take its headings when the counts agree
  (``column_header`` and ``year``), else only their position (``column_no``);
- the schema's own title line and lines of prose (long text without amounts) are neither.

No accounting identity is assumed (the dedicated parsers and the invariants do that for the schemas they
know); the cells are what the page prints, sign as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.extract.model import SchemaCell
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import Section

_YEAR = re.compile(r"(?:MJP ?)?(?P<y>(?:19|20)\d\d)(?: ?\(€\))?")
_MAX_HEADER_WORDS = 4  # "Bedragen in euro 2026 2027 ..." is a header; a sentence naming two years is not
_MAX_LABEL_LINE = 120  # a longer line without amounts is prose, not a wrapped label


def parse_generic(sections: Sequence[Section], table_kind: str) -> list[SchemaCell]:
    """The cells of every section of one schema kind, in printed order."""
    cells: list[SchemaCell] = []
    row_no = 0
    for section in sections:
        title = section.title.text
        headings: list[str] = []
        pending_label: list[str] = []
        for cl in section.lines[1:]:
            if cl.furniture or not cl.text.strip():
                continue
            years = _year_headings(cl.text)
            if len(years) >= 2 and _non_year_words(cl.text) <= _MAX_HEADER_WORDS and _ends_in_years(cl.text):
                headings = years
                pending_label = []
                continue
            label, amounts = split_trailing_amounts(cl.text)
            if not amounts:
                if len(cl.text) <= _MAX_LABEL_LINE:
                    pending_label.append(cl.text.strip())
                else:
                    pending_label = []
                continue
            row_label = label or " ".join(pending_label)
            pending_label = []
            row_no += 1
            named = headings if len(headings) == len(amounts) else []
            for column_no, amount in enumerate(amounts, start=1):
                heading = named[column_no - 1] if named else None
                year = _YEAR.fullmatch(heading) if heading else None
                cells.append(
                    SchemaCell(
                        table_kind=table_kind,
                        title=title,
                        row_no=row_no,
                        label=row_label,
                        column_no=column_no,
                        column_header=heading,
                        year=int(year["y"]) if year else None,
                        amount=amount,
                        page_no=cl.page_no,
                        line_no=cl.line_no,
                    )
                )
    return cells


_WORD = re.compile(r"MJP ?\d{4}(?: ?\(€\))?|\d{4} ?\(€\)|\S+")


def _non_year_words(text: str) -> int:
    """Words of a header line that are no year heading ("Bedragen in euro 2026 2027": 3)."""
    return sum(1 for word in _WORD.findall(text) if not _YEAR.fullmatch(word))


def _ends_in_years(text: str) -> bool:
    """The line's last two words are year headings (a header row, not a row of amounts like "2026 2027")."""
    words = _WORD.findall(text)
    return len(words) >= 2 and all(_YEAR.fullmatch(w) for w in words[-2:])


def _year_headings(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if _YEAR.fullmatch(word)]
