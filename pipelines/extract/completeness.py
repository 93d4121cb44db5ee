"""How much of a document the parsers read: the completeness figures of a document.

* **amounts**: of the amounts printed in the document at the end of a line, as a table row prints them
  (tokens shaped like an amount: ``1.234.567``, ``1.234,56``, ``0,00``, ``(1.234)``, ``1.234-``; furniture
  lines and year lists excluded), the share that stand on a line some parsed row was read from. A bare ``0``
  or ``12`` is not counted (it cannot be told from a page number, a count or a footnote), nor is a number
  inside prose.
* **policy codes**: of the distinct policy codes printed (``BD000001``, ``BDS000001``, ``BD01``, ``BD.17``,
  ``AP0101``, ``AP000123``, ``AC000123``; ``BD 1`` / ``AP 1`` after the words beleidsdoelstelling /
  actieplan), the share that became a policy item.

A report of a known layout reads close to 1 on both; a report of an unknown layout shows a low figure
instead of a silent success. The figures go to the document's metadata (``raw.document_metadata``, keys
:data:`KEYS`) and from there to ``dim_document``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pipelines.extract.lines import CLine

_AMOUNT_TOKEN = re.compile(
    r"(?<![\w.,/])"
    r"(?:\(\s*)?-?(?:€\s*)?"
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})"
    r"(?:\s*\)|-)?"
    r"(?![\w.,/%])"
)
_CODE = re.compile(r"(?<![\w.])(?:BDS?\d{2,6}|BD\.\d{1,3}|AP\d{2,6}|AC\d{2,6})(?![\w])")
_SPACED_CODE = re.compile(r"\b(?:beleidsdoelstelling|actieplan|actie)\s+(?P<code>(?:BD|AP|AC) \d{1,3})\b", re.I)
_YEAR_LIST = re.compile(r"(?:\b(?:MJP)?(?:19|20)\d\d\b(?: \(€\))?\s*){2,}$")
_FILLER = re.compile(r"\(?-?\d+\)?-?|-|€|-€")

KEYS = (
    "completeness_amounts",
    "completeness_policy_codes",
    "amounts_printed",
    "amounts_attributed",
    "policy_codes_printed",
    "policy_codes_read",
)


@dataclass(frozen=True)
class Completeness:
    amounts_printed: int
    amounts_attributed: int
    policy_codes_printed: int
    policy_codes_read: int

    @property
    def amount_share(self) -> Decimal | None:
        return _share(self.amounts_attributed, self.amounts_printed)

    @property
    def policy_code_share(self) -> Decimal | None:
        return _share(self.policy_codes_read, self.policy_codes_printed)

    def metadata(self) -> dict[str, str]:
        """The figures as document metadata (shares with four decimals; empty when nothing was printed)."""
        return {
            "completeness_amounts": "" if self.amount_share is None else str(self.amount_share),
            "completeness_policy_codes": "" if self.policy_code_share is None else str(self.policy_code_share),
            "amounts_printed": str(self.amounts_printed),
            "amounts_attributed": str(self.amounts_attributed),
            "policy_codes_printed": str(self.policy_codes_printed),
            "policy_codes_read": str(self.policy_codes_read),
        }


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def amount_tokens(text: str) -> int:
    """Number of amount-shaped tokens at the end of a line (where a table row prints its amounts); a bare
    integer (``0``, a year) or a euro sign may stand among them without being counted. Amounts inside prose
    ("1.336 bezoekers ontvingen") are not amounts of a table."""
    n = 0
    for token in reversed(text.split()):
        if _AMOUNT_TOKEN.fullmatch(token):
            n += 1
        elif not _FILLER.fullmatch(token):
            break
    return n


def printed_codes(lines: Iterable[CLine]) -> set[str]:
    codes: set[str] = set()
    for cl in lines:
        if cl.furniture:
            continue
        codes.update(_CODE.findall(cl.text))
        codes.update(m["code"] for m in _SPACED_CODE.finditer(cl.text))
    return codes


def _row_positions(
    tables: dict[str, list],
) -> tuple[set[tuple[int, int]], list[tuple[tuple[int, int], tuple[int, int]]]]:
    single: set[tuple[int, int]] = set()
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for rows in tables.values():
        for row in rows:
            page, line = getattr(row, "page_no", None), getattr(row, "line_no", None)
            if page is None or line is None:
                continue
            single.add((page, line))
            end_page, end_line = getattr(row, "page_no_end", None), getattr(row, "line_no_end", None)
            if end_page is not None and end_line is not None:
                spans.append(((page, line), (end_page, end_line)))
    return single, spans


def measure(lines: Sequence[CLine], tables: dict[str, list]) -> Completeness:
    """The completeness of one document: its content lines and the parsed rows of every raw table."""
    used, spans = _row_positions(tables)
    positions = sorted((cl.page_no, cl.line_no) for cl in lines)
    for start, end in spans:  # a multi-line row covers its whole span
        used.update(positions[bisect_left(positions, start) : bisect_right(positions, end)])
    printed = attributed = 0
    for cl in lines:
        if cl.furniture or _YEAR_LIST.search(cl.text):
            continue
        n = amount_tokens(cl.text)
        printed += n
        if n and (cl.page_no, cl.line_no) in used:
            attributed += n
    codes = printed_codes(lines)
    items = {getattr(item, "code", None) for item in tables.get("policy_items", [])}
    return Completeness(printed, attributed, len(codes), len(codes & items))
