"""How much of a document the parsers read: the completeness figure per document (issue 14 point 8).

Two shares, computed after extraction from the document's content lines and the extracted rows:

``amount_share``
    The share of printed amounts that some extracted table row was read from. The amounts counted
    (the denominator) are, on every content line that is not page furniture and not a header or
    identifier line (year header rows, page numbers, journal numbers: :func:`run._is_header_or_id`):

    the line's trailing run of amounts, i.e. the cells of a table row (``Uitgave 1.425.628 0
    -3.979``), also before a one-letter flag column (``... 30.000,00 J``). Small plain integers
    count when the run has two or more tokens; a single token counts only when amount-shaped
    (thousands separator or decimal comma: ``595.738,00``, ``0,00``), so "... in 2026" or "3 leden"
    do not. A token with a leading zero (``00``, ``01300``: an account code before the cells) is no
    amount, and in a run with decimal commas only the tokens with cents are amounts. Amounts inside
    prose ("bedraagt € 5.655.960 en ...") are narrative, not table cells, and are not counted.

    A printed amount is *attributed* when a row of any extracted table covers its line and carries
    that value (any ``Decimal`` field of the row, compared by absolute value so that a parser that
    stores a sign convention still counts). A row covers the line it points at (``page_no`` /
    ``line_no``) and, for rows spanning several lines (``page_no_end`` / ``line_no_end``), every line
    of the span: a wrapped row attributes the amounts on any of its lines, but each row value
    attributes one printed token only (a line of six amounts with one row read from it scores 1/6).
    Rows without an amount (policy items) attribute nothing.

``policy_share``
    The share of policy codes printed in the document that became policy items. A printed code is a
    beleidsdoelstelling / actieplan / actie code in any of the forms the regulation's producers use
    (``BD000001``, ``BDS000001``, ``BD01``, ``BD.17``, ``BD 1``, ``AP0101``, ``AP.0101``,
    ``AP000123``, ``AC000123``) on a non-furniture content line; codes are compared by their
    letters and the value of their digits (``BD01`` = ``BD 1`` = ``BD000001``), each distinct code
    once.

Both shares are ``None`` when there is nothing to count (no printed amount, no printed code). A
report in a layout no parser knows prints amounts and codes that no row carries: its shares are low.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extract.lines import CLine
from pipelines.extract.numbers import _tokenize, parse_amount

# an amount-shaped token: thousands separators or a decimal comma (plain integers are ambiguous)
_SHAPED = re.compile(r"(?<![\w.,/])(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})(?![\w/%]|[.,]\d)")
# a trailing one-letter flag column after the amounts ("... 30.000,00 J", "N", "?")
_FLAG = re.compile(r"[A-Za-z?*]")
_LEADING_ZERO = re.compile(r"(?<![\d.,])0\d")
# policy codes in every printed form; the space form only for short numbers (never a year: "AP 2026")
_CODE = re.compile(r"(?<![A-Za-z0-9])(BDS|BD|AP|AC)(?:\.?(\d{1,6})| (\d{1,3}))(?![,.]?\d|[A-Za-z])")


@dataclass(frozen=True)
class Completeness:
    amount_tokens: int
    amounts_attributed: int
    policy_codes: int
    policy_codes_read: int

    @property
    def amount_share(self) -> Decimal | None:
        return _share(self.amounts_attributed, self.amount_tokens)

    @property
    def policy_share(self) -> Decimal | None:
        return _share(self.policy_codes_read, self.policy_codes)

    def metadata(self) -> dict[str, str]:
        """The figures as ``raw.document_metadata`` entries."""
        return {
            "completeness_amount_share": _text(self.amount_share),
            "completeness_amount_tokens": str(self.amount_tokens),
            "completeness_amounts_attributed": str(self.amounts_attributed),
            "completeness_policy_share": _text(self.policy_share),
            "completeness_policy_codes": str(self.policy_codes),
            "completeness_policy_codes_read": str(self.policy_codes_read),
        }


def _share(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001")) if whole else None


def _text(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def printed_amounts(cl: CLine) -> list[Decimal]:
    """The printed amounts of one content line (see the module docstring), absolute values."""
    from pipelines.extract.run import _is_header_or_id  # run imports this module

    if cl.furniture or _is_header_or_id(cl.text):
        return []
    tokens = _tokenize(cl.text)
    if len(tokens) > 1 and _FLAG.fullmatch(tokens[-1]):
        tokens.pop()
    run: list[tuple[str, Decimal]] = []
    while tokens:
        value = parse_amount(tokens[-1])
        if value is None:
            break
        run.append((tokens.pop(), value))
    run.reverse()
    # a code or account number printed before the cells ("01300 € 0,00 ...") is no amount
    run = [(t, v) for t, v in run if not _LEADING_ZERO.search(t)]
    if any("," in t for t, _ in run):  # a decimal-comma table prints every amount with its cents
        run = [(t, v) for t, v in run if "," in t]
    if len(run) == 1 and not _SHAPED.search(run[0][0]):
        run = []
    return [abs(v) for _, v in run]


def policy_code_key(code: str) -> tuple[str, int] | None:
    """``("BD", 17)`` for ``BD.17``, ``BD17``, ``BD 17``, ``BD000017``; ``None`` for no code."""
    m = _CODE.search(code)
    if not m:
        return None
    return m.group(1), int(m.group(2) or m.group(3))


def printed_policy_codes(lines: Iterable[CLine]) -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for cl in lines:
        if cl.furniture:
            continue
        for m in _CODE.finditer(cl.text):
            found.add((m.group(1), int(m.group(2) or m.group(3))))
    return found


def measure_completeness(lines: Sequence[CLine], tables: Mapping[str, Sequence[object]]) -> Completeness:
    """The completeness of one document's extraction (``tables``: raw table name -> rows)."""
    position = {(cl.page_no, cl.line_no): n for n, cl in enumerate(lines)}
    pools: list[Counter[Decimal]] = []
    covering: dict[int, list[int]] = {}
    for rows in tables.values():
        for row in rows:
            values = _row_amounts(row)
            if not values:
                continue
            span = _row_span(row, position)
            if span is None:
                continue
            pools.append(Counter(values))
            for n in range(span[0], span[1] + 1):
                covering.setdefault(n, []).append(len(pools) - 1)
    tokens = attributed = 0
    for n, cl in enumerate(lines):
        for value in printed_amounts(cl):
            tokens += 1
            for pool in covering.get(n, ()):
                if pools[pool][value] > 0:
                    pools[pool][value] -= 1
                    attributed += 1
                    break
    printed = printed_policy_codes(lines)
    read = {key for item in tables.get("policy_items", ()) if (key := policy_code_key(getattr(item, "code", "")))}
    return Completeness(tokens, attributed, len(printed), len(printed & read))


def _row_amounts(row: object) -> list[Decimal]:
    if not dataclasses.is_dataclass(row):
        return []
    return [abs(v) for f in dataclasses.fields(row) if isinstance(v := getattr(row, f.name), Decimal)]


def _row_span(row: object, position: Mapping[tuple[int, int], int]) -> tuple[int, int] | None:
    start = position.get((getattr(row, "page_no", None), getattr(row, "line_no", None)))
    if start is None:
        return None
    end = position.get((getattr(row, "page_no_end", None), getattr(row, "line_no_end", None)), start)
    return start, max(start, end)
