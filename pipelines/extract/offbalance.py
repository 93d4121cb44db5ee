"""Parse "Niet in de balans opgenomen rechten en verplichtingen" (off-balance rights and commitments).

Layout, per printed page (the title repeats on every page, so each page is usually its own
:class:`Section`; the parser also copes with pages merged into one section):

* the title and a column header ``DEBET CREDIT SALDO``;
* the number rows, in account order:
  - account rows ``<code> € debet € credit € saldo`` with a code of 2-5 digits (``00``, ``0110``,
    ``01300``); a label printed between code and amounts (other renderings) is kept as the label;
  - journal detail rows ``<journal no> <text> <3 amounts>`` (a number of 6+ digits, e.g.
    ``2022000015 Openingspost``) that detail the account printed above them;
  - the ``TOTAAL`` row (last page);
* then that page's account labels, one per line, **not in account order**.

Traps handled: the negative format ``-€ 801.540,67``; a code's nearest printed ancestor may skip a
level (``0110`` under ``01``; ``01300`` under ``01``) and may be printed on an earlier page; labels
that wrap (the continuation line starts with a lower-case letter) and two labels glued on one line
(``...naar privaat rechtCrediteuren wegens...``: split where a lower-case letter is followed by an
upper-case word); running page artefacts (footers ``... N / M``, ``JAARREKENING ORIGINEEL 2024 : ...``,
bare page numbers, entity lines with a KBO number, repeated titles and column headers) are skipped.
Zero rows may be printed or omitted; both parse (a printed zero row gives a row of zeros).

Page grouping: a page's number rows end where its labels start; a number row after labels starts
the next page. Lines after the last page's labels are cut off once that page has as many labels
as account rows (trailing prose before the next heading); wrapped continuations are still joined.

Label attachment rule (``OffBalanceRow.label``): the label list cannot be zipped to the codes
(order differs, wraps and glued labels), so a label is attached only when it is certain:
(1) the label printed on the number row itself (journal text, ``TOTAAL``, or an inline account
label); (2) a page whose label list has exactly as many labels as account rows and all of them
identical (then every account on that page carries it, whatever the order). Otherwise the label
stays ``''`` and the printed list is returned as :class:`OffBalanceLabel` rows (``seq`` in printed
order across pages, 1-based) for a later join on a reference chart of accounts.

``parent_code``: for an account, the longest proper prefix of its code that is itself a printed
account code anywhere in the table (``None`` for roots); for a journal row, the account it details
(also its ``account_code``); ``None`` for the total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.extract.artefacts import LOOSE_ENTITY_LINE, PAGE_COUNTER, PAGE_NUMBER, RUNNING_TITLE, any_of
from pipelines.extract.lines import CLine
from pipelines.extract.model import OffBalanceLabel, OffBalanceRow
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import Section, classify_title

_ACCOUNT = re.compile(r"(?P<code>\d{2,5})(?: (?P<label>\D.*))?")
_JOURNAL = re.compile(r"(?P<no>\d{6,})(?: (?P<label>.*))?")
_TOTAL = re.compile(r"totaal", re.I)
_COLUMN_HEADER = re.compile(r"debet credit saldo", re.I)
_ARTEFACTS = re.compile(
    any_of(
        PAGE_COUNTER,
        PAGE_NUMBER,
        RUNNING_TITLE,
        LOOSE_ENTITY_LINE,  # wider than ENTITY_LINE: the table prints no KBO-shaped numbers
    )
)
# a lower-case letter directly followed by a capitalised word: two labels glued together
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z][a-zà-ÿ])")


@dataclass(slots=True)
class _NumberRow:
    line: CLine
    head: str  # what precedes the three amounts: code, journal no + text, or TOTAAL
    amounts: list[Decimal]


@dataclass(slots=True)
class _Label:
    text: str
    line: CLine


@dataclass(slots=True)
class _Page:
    numbers: list[_NumberRow] = field(default_factory=list)
    label_lines: list[CLine] = field(default_factory=list)

    @property
    def account_count(self) -> int:
        return sum(1 for n in self.numbers if _ACCOUNT.fullmatch(n.head))


def parse_off_balance(sections: Sequence[Section]) -> tuple[list[OffBalanceRow], list[OffBalanceLabel]]:
    """Rows (accounts, journal details, total) and the separately printed label list."""
    pages = _pages([cl for section in sections for cl in section.lines])
    codes = {m["code"] for page in pages for n in page.numbers if (m := _ACCOUNT.fullmatch(n.head))}
    rows: list[OffBalanceRow] = []
    labels: list[OffBalanceLabel] = []
    current_account: str | None = None
    for page_index, page in enumerate(pages):
        cap = page.account_count if page_index == len(pages) - 1 else None
        page_labels = _assemble_labels(page.label_lines, cap)
        for lab in page_labels:
            labels.append(OffBalanceLabel(len(labels) + 1, lab.text, lab.line.page_no, lab.line.line_no))
        shared_label = _certain_page_label(page_labels, page.account_count)
        for number in page.numbers:
            row = _row(number, codes, current_account, shared_label)
            if row.row_type == "account":
                current_account = row.account_code
            rows.append(row)
    return rows, labels


def _pages(lines: Sequence[CLine]) -> list[_Page]:
    """Group number rows and the label lines that follow them into printed pages."""
    pages: list[_Page] = []
    for cl in lines:
        number = _number_row(cl)
        if number is not None:
            if not pages or pages[-1].label_lines:
                pages.append(_Page())
            pages[-1].numbers.append(number)
        elif pages and not _is_noise(cl.text):
            pages[-1].label_lines.append(cl)
    return pages


def _is_noise(text: str) -> bool:
    """Titles, column headers and running page artefacts (never labels)."""
    if classify_title(text) is not None or _COLUMN_HEADER.fullmatch(text):
        return True
    return bool(_ARTEFACTS.fullmatch(text))


def _number_row(cl: CLine) -> _NumberRow | None:
    """``<code|journal no + text|TOTAAL> <debet> <credit> <saldo>``, else ``None``."""
    head, amounts = split_trailing_amounts(cl.text, max_count=3)
    if len(amounts) == 3 and (_ACCOUNT.fullmatch(head) or _JOURNAL.fullmatch(head) or _TOTAL.fullmatch(head)):
        return _NumberRow(cl, head, amounts)
    return None


def _row(number: _NumberRow, codes: set[str], current_account: str | None, shared_label: str) -> OffBalanceRow:
    debit, credit, saldo = number.amounts
    values = {"debit": debit, "credit": credit, "saldo": saldo}
    where = {"page_no": number.line.page_no, "line_no": number.line.line_no}
    if m := _ACCOUNT.fullmatch(number.head):
        code = m["code"]
        return OffBalanceRow(
            row_type="account",
            account_code=code,
            parent_code=_parent(code, codes),
            journal_no=None,
            label=m["label"] or shared_label,
            **values,
            **where,
        )
    if m := _JOURNAL.fullmatch(number.head):
        return OffBalanceRow(
            row_type="journal",
            account_code=current_account,
            parent_code=current_account,
            journal_no=m["no"],
            label=m["label"] or "",
            **values,
            **where,
        )
    return OffBalanceRow(
        row_type="total",
        account_code=None,
        parent_code=None,
        journal_no=None,
        label=number.head,
        **values,
        **where,
    )


def _parent(code: str, codes: set[str]) -> str | None:
    for length in range(len(code) - 1, 1, -1):
        if code[:length] in codes:
            return code[:length]
    return None


def _assemble_labels(lines: Sequence[CLine], cap: int | None) -> list[_Label]:
    """Split glued labels, join wrapped ones; stop at a new label beyond ``cap`` (trailing prose)."""
    labels: list[_Label] = []
    for cl in lines:
        for n, piece in enumerate(_GLUED.split(cl.text)):
            if n == 0 and labels and piece[:1].islower():
                labels[-1].text = f"{labels[-1].text} {piece}"
            elif cap is not None and len(labels) >= cap:
                return labels
            else:
                labels.append(_Label(piece, cl))
    return labels


def _certain_page_label(labels: Sequence[_Label], account_count: int) -> str:
    texts = {lab.text for lab in labels}
    if account_count and len(labels) == account_count and len(texts) == 1:
        return texts.pop()
    return ""
