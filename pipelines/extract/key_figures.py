"""The key figures a plan's policy statement (beleidsverklaring) prints, outside the schemas.

A policy statement is mostly prose; its financial chapter ("de financiële kerncijfers") prints small
year tables: a year header (``2026 2027 ... 2031``) followed by rows ``<label> <one amount per
year>`` — "Financieel evenwicht" with the beschikbaar budgettair resultaat and the
autofinancieringsmarge, the financial debt at 31/12, investments, personnel, taxes — and tables of
period totals ("Prioritair beleid | Totaal uitgavebudget 2026-2031", a label and one amount, the
amount on its own line when the label wraps around it).

Every such row becomes a :class:`~pipelines.extract.model.KeyFigureRow`; rows whose label is a
regulated headline figure carry its name in ``figure`` (the vocabulary below, matched on the whole
label), so that ``mart_plan_key_figures`` can take them for a plan volume that prints no M2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.extract.artefacts import PAGE_NUMBER
from pipelines.extract.lines import CLine
from pipelines.extract.model import KeyFigureRow
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import Section

# label (full match, case-insensitive) -> figure name; the M2 names of mart_plan_key_figures
FIGURES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:IX\. ?)?Beschikbaar budgettair resultaat", re.I), "beschikbaar_budgettair_resultaat"),
    (re.compile(r"(?:III\. ?)?Gecorrigeerde autofinancieringsmarge", re.I), "gecorrigeerde_autofinancieringsmarge"),
    (re.compile(r"(?:III\. ?)?Autofinancieringsmarge(?: \(AFM\))?", re.I), "autofinancieringsmarge"),
    (re.compile(r"(?:V\. ?)?Budgettair resultaat van het boekjaar", re.I), "budgettair_resultaat"),
    (re.compile(r"(?:I\. ?)?Exploitatiesaldo", re.I), "exploitatiesaldo"),
    (re.compile(r"Totaal (?:geraamde )?(?:financi[eë]le )?schuld(?:en)? op 31/?12", re.I), "financial_debt_total"),
)
_YEAR_HEADER = re.compile(r"(?P<label>.*?) ?(?P<years>(?:(?:19|20)\d{2} ?){2,})")
_PERIOD_HEADER = re.compile(
    r"(?P<label>.+?) (?P<what>Totaal [a-z]+(?:budget)?) (?P<y0>(?:19|20)\d{2}) ?- ?(?P<y1>(?:19|20)\d{2})"
)
_ARTEFACT = re.compile(PAGE_NUMBER)
_MAX_TITLE_WORDS = 8
_CODED_LABEL = re.compile(r"\d+\w* ?[-–:] ")  # a row of its own: "740504 - Ontvangen bijdragen ..."


def figure_of(label: str) -> str | None:
    for pattern, name in FIGURES:
        if pattern.fullmatch(label.strip(" :")):
            return name
    return None


def parse_key_figures(sections: Sequence[Section]) -> list[KeyFigureRow]:
    rows: list[KeyFigureRow] = []
    for s in sections:
        rows.extend(_parse_lines([cl for cl in s.lines if not cl.furniture and not _ARTEFACT.fullmatch(cl.text)]))
    return rows


def _is_title(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and text[0].isupper() and not text.endswith((".", ",", ";"))


def _continues(text: str) -> bool:
    """A label's last part printed below the amounts of a centred, wrapped cell ("activa", "-schenkingen")."""
    if not text or text[0].isupper() or text.endswith(":") or _CODED_LABEL.match(text):
        return False
    return not split_trailing_amounts(text)[1]


def _parse_lines(lines: Sequence[CLine]) -> list[KeyFigureRow]:
    """Rows of the year tables and period tables in ``lines``.

    A label that wraps is printed centred beside its amounts: the line before the amounts (when it is
    not a row of its own), the amount line's own words and a line after it that does not start with a
    capital are joined.
    """
    rows: list[KeyFigureRow] = []
    years: list[int] = []
    period: tuple[int, int] | None = None
    candidate: str | None = None  # the last heading-like line: the next table's title
    earlier: str | None = None  # the candidate before it (when the candidate turns out to be a label part)
    table_title: str | None = None
    free: str | None = None  # the previous line, when it is neither a row, a header nor consumed
    skip = -1
    for i, cl in enumerate(lines):
        if i == skip:
            continue
        text = cl.text
        m = _YEAR_HEADER.fullmatch(text)
        found = [int(y) for y in m["years"].split()] if m else []
        if len(found) >= 2 and all(b == a + 1 for a, b in zip(found, found[1:], strict=False)):
            years, period = found, None
            table_title = m["label"] or candidate or table_title
            free = None
            continue
        if m := _PERIOD_HEADER.fullmatch(text):
            period, years, free = (int(m["y0"]), int(m["y1"])), [], None
            table_title = m["label"]
            continue
        label, amounts = split_trailing_amounts(text, max_count=len(years) or 1)
        width = len(years) if years else 1 if period else 0
        if width and len(amounts) == width:
            after = lines[i + 1].text if i + 1 < len(lines) and _continues(lines[i + 1].text) else None
            parts = [label]
            if (after or not label) and free:
                parts.insert(0, free)
                if candidate == free:
                    candidate = earlier
            if after:
                parts.append(after)
                skip = i + 1
            full = " ".join(p for p in parts if p)
            if full:
                if years:
                    for year, amount in zip(years, amounts, strict=True):
                        rows.append(
                            KeyFigureRow(table_title, figure_of(full), full, year, amount, cl.page_no, cl.line_no)
                        )
                else:
                    assert period is not None
                    rows.append(
                        KeyFigureRow(
                            table_title, None, full, None, amounts[0], cl.page_no, cl.line_no, period[0], period[1]
                        )
                    )
            free = None
            continue
        if amounts:  # some other table: its rows are not ours
            years, period, free = [], None, None
            continue
        if period and text.endswith(":"):  # "waarvan de belangrijkste investeringen zijn:" - detail rows follow
            table_title = f"{table_title} / {text.rstrip(':')}"
            free = None
            continue
        if _is_title(text):
            candidate, earlier = text, candidate
        free = text
    return rows
