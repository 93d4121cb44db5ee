"""Parse "Overdracht investeringskredieten / financieringskredieten N naar N+1" (credit transfers).

Columns: Entiteit | Type budget | Soort budget | Beleidsdoelstelling | Actieplan | Actie | Raming |
Budgetcode | Toelichting wijziging | Jaar | Transactie krediet | Bedrag wijziging. The PDF gives each
row **cell by cell**, every cell wrapped over several lines:

1. ``<entity> <I|F> <U|O> BD000002 - <BD title start>`` - the entity name (with spaces, never
   hard-coded) is what precedes the type/soort letters that stand before the first cell code;
   the BD title continues on the next lines;
2. ``AP0000xx - <title>``; 3. ``AC000xxx - <title>``; 4. ``MJP00xxxx - <raming text>`` (the text
   may contain cross references ``(cf`` / ``MJP004832 AGB).`` and the word "Overdracht");
5. the budget code ``2350000/01/0119/`` (account/beleidsdomein/beleidsveld/) and its description;
6. the change ``AMJP034892 -`` / ``Overdracht naar 2025``;
7. the amount line ``2025 <transactie krediet> <bedrag wijziging>``: the LAST number is the
   transferred amount (a missing transactie krediet reads as 0,00).

A cell starts at a line ``<CODE> - ...`` of a cell that comes later in this order than the current
one (a cross reference inside a text has no `` -`` and earlier cells cannot restart), so BD, AP,
AC and the raming may be absent; codes may carry a letter (``BDS000001``). Change code and amount
line are only looked for after the budget code. A row ends with its amount line (a wrapped amount
line is completed from the next pure-amount line).

Other traps: column headers repeated inconsistently at page breaks (full, partial, only
``Bedrag wijziging``, or none) and running page artefacts are skipped inside and between rows;
repeated titles (a new :class:`Section` of the same kind) continue the current table; NBSPs are
normalised (``jongeren\u00a0\u00a0 /`` -> ``jongeren/``).

Wrapped lines of a cell are joined with a space, except after ``/`` and after a non-space +
hyphen (``C-`` + ``mine``, ``PPS-`` + ``structuren``); the budget code description also drops the
space before ``/`` (NBSP padding). Descriptions (and a few raming texts) are also broken **inside
words** ("Aanschaffingswaarde/Bele" + "id en organisatie", "organisatie/Sportinfrastruc" +
"tuur/", "organisatie/Cultuurcentru" + "m/", "toegangscontrolesystee" + "m"), but equally often at a
space ("organisatie/Overige" + "algemene diensten/"). The renderer wraps at spaces and breaks inside
a word only when the word alone is wider than the column, so a mid-word break is only possible
after a printed line without any space that ends with a letter, followed by a line that starts
with a lower-case letter. For such a break (head = last letters before, tail = first letters
after) the parser joins without a space when
(a) head+tail is attested as a whole word somewhere in the table (words of 2+ letters of any cell
    of any row, case-folded, not counting the words touching such a break) - e.g. "Beleid",
    "Cultuurcentrum", "Sportinfrastructuur" occur unbroken in other rows or raming texts;
otherwise it keeps the space when
(b) the tail is itself an attested word ("en", "in", "diensten");
otherwise it joins when
(c) the tail is a single letter ("m", "n") or closes the description segment (a ``/`` follows
    directly, "tuur/", "m/"): a word wrap inside a multi-word name continues with more words, the
    remainder of a broken word ends it;
and keeps the space in every other case ("Overige" + "algemene diensten/", "stedelijk" +
"gebouwenpatrimonium."). Known limit: an unattested break whose remainder is followed by more
words ("Bele" + "id en", when "Beleid" occurs nowhere else) keeps a wrong space. A line ending in
" -" keeps its space ("activa -" + "Aanschaffingswaarde"; hence "en - schenkingen").

Totals: after the rows, a block ``ENTITEIT TYPE BUDGET SOORT`` / ``2025 TOTAAL`` / ``MJP 2025-2025``
/ ``<entity>`` / ``Investering`` / ``Uitgave`` / ``Ontvangst`` and the amounts one per line, column
by column (MJP 2025-2025 column, then TOTAAL); then ``TOTAAL Uitgave`` / ``Ontvangst`` /
``Resultaat`` with U, O, R per column. Column labels come from the header (``MJP yyyy-yyyy`` lines,
then ``TOTAAL``); when the amount count does not fit them the columns are labelled ``kolom N``.
Only amounts with cents are read, so page numbers, years and codes are never amounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.extract.artefacts import LOOSE_ENTITY_LINE, PAGE_COUNTER, PAGE_NUMBER, RUNNING_TITLE, any_of
from pipelines.extract.lines import CLine
from pipelines.extract.model import CreditTransfer, CreditTransferTotal
from pipelines.extract.numbers import parse_amount
from pipelines.extract.sections import Section

_TITLE = re.compile(
    r"Overdracht (?P<kind>investerings|financierings)kredieten (?P<from>\d{4}) naar (?P<to>\d{4})", re.I
)
_TYPE_SOORT = re.compile(r" (?P<type>[IF]) (?P<soort>[UO])(?= |$)")
_CENTS = re.compile(r"-?\d{1,3}(?:\.\d{3})*,\d{2}")
_AMOUNTS_ONLY = re.compile(rf"{_CENTS.pattern}(?: {_CENTS.pattern})*")


def _code_cell(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<code>{prefix}) ?-(?: ?(?P<text>.*))?")


# the cells of a row in printed order; the last two are only looked for after the budget code
_CELLS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bd", _code_cell(r"BD[A-Z]?\d{3,}")),
    ("ap", _code_cell(r"AP[A-Z]?\d{3,}")),
    ("ac", _code_cell(r"AC[A-Z]?\d{3,}")),
    ("raming", _code_cell(r"MJP[A-Z]?\d{3,}")),
    (
        "budget",
        re.compile(r"(?P<code>(?P<account>\d{4,8})/(?P<domain>\d{1,3})/(?P<field>\d{3,5})/) ?(?P<text>.*)"),
    ),
    ("change", _code_cell(r"[A-Z]{2,6}\d{3,}")),
    ("amount", re.compile(rf"(?P<code>\d{{4}}) (?P<text>{_AMOUNTS_ONLY.pattern})")),
)
_CELL_INDEX = {name: i for i, (name, _) in enumerate(_CELLS)}

# column-header fragments repeated at page breaks, and running page artefacts
_SKIP = re.compile(
    any_of(
        r"(?i:entiteit( type)?|type( budget)?|soort( budget)?|budget|krediet|bedrag wijziging"
        r"|transactie( krediet)?|beleidsdoel?stelling\b.*)",
        PAGE_COUNTER,
        PAGE_NUMBER,
        RUNNING_TITLE,
        LOOSE_ENTITY_LINE,  # wider than ENTITY_LINE: the table prints no KBO-shaped numbers
    )
)
_DIRECTIONS = {"uitgave": "U", "uitgaven": "U", "ontvangst": "O", "ontvangsten": "O", "resultaat": "R"}
_TOTAL_DIRECTION = re.compile(r"(?:TOTAAL )?(?P<dir>Uitgaven?|Ontvangst(?:en)?|Resultaat)", re.I)
_TOTAL_TYPE = re.compile(r"(?P<type>Investering|Financiering)(en)?", re.I)
_TOTAL_COLUMNS = re.compile(r"(?:\d{4} )*TOTAAL", re.I)
_MJP_COLUMN = re.compile(r"MJP \d{4}-\d{4}")
_WORD = re.compile(r"[^\W\d_]+")
_HYPHEN_END = re.compile(r"\S-$")  # "C-" + "mine": a word broken after its hyphen
_SUSPENDED_COMPOUND = re.compile(r"(?:en|of)\b", re.I)  # "mens-" + "en marktgericht": keep the space


@dataclass(slots=True)
class _Cell:
    code: str
    texts: list[str]  # the cell's text, one entry per printed line
    inline: bool  # texts[0] is printed after the code on the code's own line

    def break_heads(self) -> list[bool]:
        """Per text: may the printed line end inside a word (one token ending with a letter)?"""
        return [not (n == 0 and self.inline) and _is_break_head(t) for n, t in enumerate(self.texts)]


@dataclass(slots=True)
class _RawRow:
    entity: str
    budget_type: str
    direction: str
    from_year: int
    first: CLine
    cells: dict[str, _Cell] = field(default_factory=dict)
    last_cell: int = -1
    end: CLine | None = None

    def feed(self, text: str, cl: CLine) -> None:
        """Start the next cell when ``text`` opens one, else continue the current cell."""
        hit = _next_cell(text, self.last_cell)
        if hit is not None:
            index, m = hit
            self.last_cell = index
            self.cells[_CELLS[index][0]] = _Cell(m["code"], [m["text"]] if m["text"] else [], bool(m["text"]))
            if _CELLS[index][0] == "amount":
                self.end = cl
        elif self.last_cell >= 0:
            self.cells[_CELLS[self.last_cell][0]].texts.append(text)

    def amounts(self) -> list[Decimal]:
        cell = self.cells.get("amount")
        return [] if cell is None else [_decimal(t) for text in cell.texts for t in _CENTS.findall(text)]

    @property
    def complete(self) -> bool:
        return len(self.amounts()) >= 2


@dataclass(slots=True)
class _Totals:
    budget_type: str
    mjp_columns: list[str] = field(default_factory=list)
    has_total_column: bool = False
    directions: list[str] = field(default_factory=list)
    amounts: list[tuple[Decimal, CLine]] = field(default_factory=list)
    out: list[CreditTransferTotal] = field(default_factory=list)

    def feed(self, cl: CLine) -> None:
        text = cl.text
        if m := _TOTAL_DIRECTION.fullmatch(text):
            if self.amounts:
                self.flush()
            self.directions.append(_DIRECTIONS[m["dir"].lower()])
        elif _AMOUNTS_ONLY.fullmatch(text):
            self.amounts.extend((_decimal(t), cl) for t in _CENTS.findall(text))
        elif m := _TOTAL_TYPE.fullmatch(text):
            self.budget_type = m["type"][0].upper()
        elif _TOTAL_COLUMNS.fullmatch(text):
            self.has_total_column = True
        else:
            self.mjp_columns.extend(c for c in _MJP_COLUMN.findall(text) if c not in self.mjp_columns)

    def flush(self) -> None:
        """Assign the pending amounts column by column, each column listing all directions."""
        if self.directions and self.amounts:
            columns = self.mjp_columns + (["TOTAAL"] if self.has_total_column else [])
            per_column = len(self.directions)
            for n, (amount, cl) in enumerate(self.amounts):
                col = n // per_column
                label = columns[col] if len(columns) * per_column == len(self.amounts) else f"kolom {col + 1}"
                direction = self.directions[n % per_column]
                self.out.append(CreditTransferTotal(self.budget_type, direction, label, amount, cl.page_no, cl.line_no))
        self.directions, self.amounts = [], []


def parse_credit_transfers(
    sections: Sequence[Section],
) -> tuple[list[CreditTransfer], list[CreditTransferTotal]]:
    """Rows and printed totals of the investment and financing credit-transfer tables."""
    raw_rows: list[_RawRow] = []
    totals: list[CreditTransferTotal] = []
    for lines in _tables(sections):
        rows, table_totals = _parse_table(lines)
        raw_rows.extend(rows)
        totals.extend(table_totals)
    lexicon = _lexicon(raw_rows)
    return [_transfer(row, lexicon) for row in raw_rows if row.complete], totals


def _tables(sections: Sequence[Section]) -> Iterator[list[CLine]]:
    """Concatenate consecutive sections of one kind (a repeated title continues the table)."""
    lines: list[CLine] = []
    kind: str | None = None
    for section in sections:
        if section.kind != kind and lines:
            yield lines
            lines = []
        kind = section.kind
        lines.extend(section.lines)
    if lines:
        yield lines


def _parse_table(lines: Sequence[CLine]) -> tuple[list[_RawRow], list[CreditTransferTotal]]:
    title = next((m for cl in lines if (m := _TITLE.fullmatch(cl.text))), None)
    if title is None:
        return [], []
    from_year = int(title["from"])
    totals = _Totals(budget_type=title["kind"][0].upper())
    rows: list[_RawRow] = []
    row: _RawRow | None = None
    for cl in lines:
        if _TITLE.fullmatch(cl.text):
            continue
        start = _row_start(cl, from_year)
        if start is not None:
            row = start
            rows.append(row)
        elif row is not None and row.end is None:
            if not _SKIP.fullmatch(cl.text):
                row.feed(cl.text, cl)
        elif row is not None and not row.complete and _AMOUNTS_ONLY.fullmatch(cl.text):
            row.cells["amount"].texts.append(cl.text)  # amount line wrapped after its first amount
            row.end = cl
        else:
            totals.feed(cl)
    totals.flush()
    return rows, totals.out


def _row_start(cl: CLine, from_year: int) -> _RawRow | None:
    """``<entity> <I|F> <U|O> [<first cell>]``: the type/soort letters just before a cell code."""
    for m in _TYPE_SOORT.finditer(cl.text):
        rest = cl.text[m.end() :].strip()
        if rest and _next_cell(rest, -1) is None:
            continue
        row = _RawRow(cl.text[: m.start()].strip(), m["type"], m["soort"], from_year, cl)
        if rest:
            row.feed(rest, cl)
        return row
    return None


def _next_cell(text: str, last_cell: int) -> tuple[int, re.Match[str]] | None:
    budget = _CELL_INDEX["budget"]
    for index in range(last_cell + 1, len(_CELLS) if last_cell >= budget else budget + 1):
        if m := _CELLS[index][1].fullmatch(text):
            return index, m
    return None


def _transfer(row: _RawRow, lexicon: set[str]) -> CreditTransfer:
    cells = row.cells
    budget = cells.get("budget")
    budget_match = _CELLS[_CELL_INDEX["budget"]][1].fullmatch(budget.code) if budget else None
    amounts = row.amounts()
    end = row.end or row.first
    return CreditTransfer(
        entity_name=row.entity,
        budget_type=row.budget_type,
        direction=row.direction,
        bd_code=_code(cells, "bd"),
        bd_title=_text(cells, "bd", lexicon),
        ap_code=_code(cells, "ap"),
        ap_title=_text(cells, "ap", lexicon),
        ac_code=_code(cells, "ac"),
        ac_title=_text(cells, "ac", lexicon),
        raming_code=_code(cells, "raming"),
        raming_text=_text(cells, "raming", lexicon),
        budget_code=budget.code if budget else "",
        account_code=budget_match["account"] if budget_match else "",
        beleidsdomein_code=budget_match["domain"] if budget_match else "",
        beleidsveld_code=budget_match["field"] if budget_match else "",
        budget_code_description=re.sub(r" +/", "/", _join(budget, lexicon)) if budget else "",
        change_code=_code(cells, "change"),
        change_text=_text(cells, "change", lexicon),
        target_year=int(cells["amount"].code),
        transaction_credit=amounts[-2] if len(amounts) >= 2 else Decimal("0.00"),
        amount=amounts[-1],
        from_year=row.from_year,
        page_no=row.first.page_no,
        line_no=row.first.line_no,
        page_no_end=end.page_no,
        line_no_end=end.line_no,
    )


def _code(cells: dict[str, _Cell], name: str) -> str | None:
    cell = cells.get(name)
    return cell.code if cell else None


def _text(cells: dict[str, _Cell], name: str, lexicon: set[str]) -> str | None:
    cell = cells.get(name)
    return _join(cell, lexicon) if cell else None


def _join(cell: _Cell, lexicon: set[str]) -> str:
    """Join a cell's wrapped lines: no space after ``/``, after ``C-`` or inside a broken word."""
    heads = cell.break_heads()
    out = ""
    for n, part in enumerate(cell.texts):
        glued = n == 0 or out.endswith("/") or (bool(_HYPHEN_END.search(out)) and not _SUSPENDED_COMPOUND.match(part))
        if not glued and heads[n - 1]:
            glued = _mid_word(cell.texts[n - 1], part, lexicon)
        out += ("" if glued else " ") + part
    return out


def _is_break_head(line: str) -> bool:
    """A line that may end inside a word: one token (no space) ending with a letter."""
    return bool(line) and " " not in line and line[-1].isalpha()


def _mid_word(prev: str, nxt: str, lexicon: set[str]) -> bool:
    """Decide a possible mid-word break after ``prev`` (a break head); see the module docstring."""
    tail_match = _WORD.match(nxt)
    if tail_match is None or not nxt[0].islower():
        return False
    head, tail = _WORD.findall(prev)[-1].lower(), tail_match.group().lower()
    if head + tail in lexicon:
        return True
    if tail in lexicon:
        return False
    return len(tail) == 1 or nxt[tail_match.end() : tail_match.end() + 1] == "/"


def _lexicon(rows: Sequence[_RawRow]) -> set[str]:
    """Whole words of all cells, leaving out the words on either side of a possible mid-word break."""
    words: set[str] = set()
    for row in rows:
        for cell in row.cells.values():
            heads = cell.break_heads()
            for n, text in enumerate(cell.texts):
                found = [w.lower() for w in _WORD.findall(text)]
                if n > 0 and heads[n - 1]:
                    found = found[1:]
                if heads[n]:
                    found = found[:-1]
                words.update(w for w in found if len(w) > 1)  # single letters come from "m.b.t."
    return words


def _decimal(token: str) -> Decimal:
    value = parse_amount(token)
    if value is None:  # pragma: no cover - tokens come from _CENTS matches
        raise ValueError(token)
    return value
