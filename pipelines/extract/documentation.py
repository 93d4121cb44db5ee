"""The documentation volume of a meerjarenplan: its prescribed lists.

* **Granted operating and investment subsidies** ("Overzicht van de toegestane werkings- en
  investeringssubsidies"): per kind (``A. Werkingssubsidies`` / ``B. Investeringssubsidies``), per
  beleidsdomein (a ``BELEIDSDOMEIN <TITLE>`` heading, possibly wrapped, carrying the domain's totals
  per year), per beleidsveld (``0150 - Internationale relaties``, ``0801 Buitengewoon
  basisonderwijs``) one row per subsidy: beneficiary, description, one amount per plan year (column
  header ``MJP2026 ... MJP2031``) and the flag of the ``Nominatief`` column (``J`` = the beneficiary
  is named in the plan, a nominative subsidy; ``N`` = granted under a regulation, e.g. ``PR
  16-02-2011`` = provincieraadsreglement of that date). Beneficiary and description are two columns
  whose cells wrap: a continuation line belongs to the column it starts in. The printed totals
  (``Totaal :`` per beleidsveld, the beleidsdomein heading rows, ``TOTAAL WERKINGSSUBSIDIES``) are
  kept as :class:`~pipelines.extract.model.SubsidyTotal` rows and checked as invariants in dbt.
* **Receipts and expenditure per beleidsveld** ("Jaarlijkse uitgaven en ontvangsten voor exploitatie,
  investeringen en financiering per beleidsveld"): ``Beleidsveld: BV0030: <title>`` blocks with a
  year header, budget kind lines (Exploitatie / Investering / Financiering) and rows Uitgave /
  Ontvangst / Saldo.
* **Composition of beleidsdomeinen and beleidsvelden** ("Overzicht van de beleidsdomeinen,
  beleidsvelden en -items"): ``<n> <DOMAIN>`` headings, ``beleidsveld <code> <title> <item>`` lines and
  ``<nn> <title>`` beleidsitems; titles wrap.

Columns come from the printed header words and, in a PDF, from where each word starts (a line's
``word_x``): no fixed column counts or offsets. In text input (no positions) a subsidy's first line is
not split: its whole label is the description and the beneficiary stays empty.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipelines.extract.artefacts import PAGE_NUMBER
from pipelines.extract.lines import CLine
from pipelines.extract.model import (
    BeleidsitemBudget,
    BeleidsveldBudget,
    PolicyStructureRow,
    SubsidyRow,
    SubsidyTotal,
)
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import Section

# --- vocabulary of the lists (the regulation's words, with the spellings producers use) --------------
_KIND_HEADING = re.compile(
    r"(?:[A-Z0-9][.)] ?)?(?:(?:Overzicht|Lijst) van de )?(?:toegestane )?"
    r"(?P<kind>werking|investering)s?(?:subsidies|toelagen)",
    re.I,
)
_HEADER_WORDS = re.compile(r"\b(?:Begunstigde|Omschrijving|Bedrag)\b", re.I)  # a one-year list's column header
_KIND_TOTAL = re.compile(r"TOTAAL (?P<kind>WERKING|INVESTERING)S?(?:SUBSIDIES|TOELAGEN)", re.I)
_DOMAIN_HEADING = re.compile(r"BELEIDSDOMEIN\b ?(?P<title>.*)")
_FIELD_HEADING = re.compile(r"(?P<code>\d{4}) ?(?:[-–:] ?)?(?P<title>[A-Za-zÀ-ÿ'‘(].*)")
_FIELD_TOTAL = re.compile(r"Totaal ?:?", re.I)
_YEAR_HEADER_WORD = re.compile(r"(?:MJP|BJ|Budget ?)?(?P<year>(?:19|20)\d{2})", re.I)
_FLAG = {"J": True, "N": False, "JA": True, "NEE": False}
_FLAG_TOKEN = re.compile(r"(?:J|N|JA|NEE|\?)", re.I)
_ARTEFACT = re.compile(rf"{PAGE_NUMBER}|(?:Pagina|Blz\.?) \d+(?: (?:van|/) \d+)?", re.I)
_COLUMN_TOLERANCE = 3.0  # points: words starting this close to a column's start are in that column


@dataclass(slots=True)
class _Open:
    """A subsidy row being read (its continuation lines may follow)."""

    beneficiary: list[str]
    description: list[str]
    amounts: list[Decimal]
    flag: str | None
    first: CLine
    last: CLine


@dataclass(slots=True)
class _SubsidyState:
    years: list[int] = field(default_factory=list)
    kind: str | None = None
    domain: str | None = None
    domain_lines: list[CLine] = field(default_factory=list)  # a wrapped domain heading before its amounts
    field_code: str | None = None
    field_title: str | None = None
    field_open: bool = False  # the beleidsveld heading may still wrap (no subsidy row yet)
    domain_open: bool = False  # the beleidsdomein heading may still wrap after its amounts
    row: _Open | None = None
    seq: int = 0
    rows: list[SubsidyRow] = field(default_factory=list)
    totals: list[SubsidyTotal] = field(default_factory=list)
    description_x: float | None = None  # where the description column starts (PDF)


def _years_of_header(text: str) -> list[int] | None:
    """``Begunstigde Omschrijving MJP2026 ... MJP2031 Nominatief`` -> [2026, ..., 2031]."""
    years = [int(m["year"]) for w in text.split() if (m := _YEAR_HEADER_WORD.fullmatch(w))]
    others = [w for w in text.split() if not _YEAR_HEADER_WORD.fullmatch(w)]
    if any(c.isdigit() for w in others for c in w):  # a row with amounts, not a header
        return None
    if len(years) == 1 and _HEADER_WORDS.search(text):  # "Begunstigde Omschrijving Bedrag 2026"
        return years
    if len(years) >= 2 and all(b == a + 1 for a, b in zip(years, years[1:], strict=False)):
        return years
    return None


def _split_flag(text: str) -> tuple[str, str | None]:
    head, _, last = text.rpartition(" ")
    if head and _FLAG_TOKEN.fullmatch(last):
        return head, last.upper()
    return text, None


def _cells(cl: CLine, label_words: int) -> list[tuple[float, list[str]]]:
    """The label part of a line split into cells at the words that start a text run: [(x, words)]."""
    words = cl.text.split()[:label_words]
    if not cl.word_x:
        return [(0.0, words)]
    starts = [(i, x) for i, x in cl.word_x if i < label_words]
    if not starts or starts[0][0] != 0:
        starts.insert(0, (0, starts[0][1] if starts else 0.0))
    cells = []
    for n, (i, x) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else label_words
        cells.append((x, words[i:end]))
    return cells


def _description_column(lines: Sequence[CLine], n_years: int) -> float | None:
    """Where the description column starts: the most common start of a subsidy row's second label cell."""
    starts: Counter[float] = Counter()
    for cl in lines:
        if not cl.word_x:
            continue
        text, _ = _split_flag(cl.text)
        label, amounts = split_trailing_amounts(text, max_count=n_years)
        if len(amounts) == n_years and label:
            cells = _cells(cl, len(label.split()))
            if len(cells) >= 2:
                starts[cells[1][0]] += 1
    return starts.most_common(1)[0][0] if starts else None


def _close_row(st: _SubsidyState) -> None:
    row, st.row = st.row, None
    if row is None:
        return
    st.seq += 1
    beneficiary = " ".join(row.beneficiary) or None
    description = " ".join(row.description) or None
    for year, amount in zip(st.years, row.amounts, strict=True):
        st.rows.append(
            SubsidyRow(
                seq=st.seq,
                subsidy_kind=st.kind or "werking",
                beleidsdomein=st.domain,
                beleidsveld_code=st.field_code,
                beleidsveld=st.field_title,
                beneficiary=beneficiary,
                description=description,
                year=year,
                amount=amount,
                nominatief=_FLAG.get(row.flag) if row.flag else None,
                nominatief_flag=row.flag,
                page_no=row.first.page_no,
                line_no=row.first.line_no,
                page_no_end=row.last.page_no,
                line_no_end=row.last.line_no,
            )
        )


def _total(st: _SubsidyState, level: str, label: str, amounts: list[Decimal], cl: CLine) -> None:
    for year, amount in zip(st.years, amounts, strict=True):
        st.totals.append(
            SubsidyTotal(
                level=level,
                subsidy_kind=st.kind or "werking",
                beleidsdomein=st.domain if level != "kind" else None,
                beleidsveld_code=st.field_code if level == "beleidsveld" else None,
                beleidsveld=st.field_title if level == "beleidsveld" else None,
                label=label,
                year=year,
                amount=amount,
                page_no=cl.page_no,
                line_no=cl.line_no,
            )
        )


def _in_description_column(st: _SubsidyState, cl: CLine) -> bool:
    return st.description_x is not None and cl.x0 is not None and cl.x0 >= st.description_x - _COLUMN_TOLERANCE


def _subsidy_line(st: _SubsidyState, cl: CLine) -> None:
    text = cl.text
    n = len(st.years)
    if (m := _KIND_TOTAL.match(text)) and n:
        label, amounts = split_trailing_amounts(text, max_count=n)
        if len(amounts) == n:
            _close_row(st)
            st.kind = m["kind"].lower()
            _total(st, "kind", label, amounts, cl)
            st.domain = st.field_code = st.field_title = None
            return
    if (m := _KIND_HEADING.fullmatch(text)) and not split_trailing_amounts(text)[1]:
        _close_row(st)
        st.kind = m["kind"].lower()
        st.domain = st.field_code = st.field_title = None
        return
    if (years := _years_of_header(text)) is not None:
        _close_row(st)
        st.years = years
        return
    if not n:
        return
    body, flag = _split_flag(text)
    label, amounts = split_trailing_amounts(body, max_count=n)
    if len(amounts) != n:  # a line without the year amounts: a heading or a wrapped cell
        label, amounts, flag = text, [], None
    if st.domain_lines:  # a wrapped beleidsdomein heading: lines up to its amounts
        if amounts and not flag:
            _close_row(st)
            st.domain_lines.append(cl)
            st.domain = " ".join(
                ([_DOMAIN_HEADING.fullmatch(st.domain_lines[0].text)["title"]] if st.domain_lines else [])
                + [c.text for c in st.domain_lines[1:-1]]
                + ([label] if label else [])
            ).strip()
            st.field_code = st.field_title = None
            _total(st, "beleidsdomein", "BELEIDSDOMEIN " + st.domain, amounts, cl)
            st.domain_lines, st.domain_open = [], True
            return
        if not amounts:
            st.domain_lines.append(cl)
            return
        st.domain_lines = []
    if (m := _DOMAIN_HEADING.fullmatch(label)) and not flag:
        _close_row(st)
        if amounts:
            st.domain = m["title"].strip()
            st.field_code = st.field_title = None
            _total(st, "beleidsdomein", label, amounts, cl)
            st.domain_open = True
        else:
            st.domain_lines = [cl]
        return
    if st.domain_open and not amounts and label.upper() == label and not _FIELD_HEADING.fullmatch(label):
        # the heading's title wraps below its amounts ("BELEIDSDOMEIN ONDERSTEUNING ANDERE <amounts>" + "BESTUREN")
        old = st.domain
        st.domain = f"{old} {label}"
        st.totals = [
            replace(t, beleidsdomein=st.domain, label=f"{t.label} {label}")
            if t.level == "beleidsdomein" and t.beleidsdomein == old and t.subsidy_kind == (st.kind or "werking")
            else t
            for t in st.totals
        ]
        return
    st.domain_open = False
    if _FIELD_TOTAL.fullmatch(label) and amounts:
        _close_row(st)
        _total(st, "beleidsveld", label, amounts, cl)
        st.field_open = False
        return
    if amounts:  # a subsidy row
        _close_row(st)
        st.field_open = False
        cells = _cells(cl, len(label.split()))
        if st.description_x is None or not cl.word_x:
            beneficiary, description = [], label.split()
        else:
            beneficiary = [w for x, ws in cells if x < st.description_x - _COLUMN_TOLERANCE for w in ws]
            description = [w for x, ws in cells if x >= st.description_x - _COLUMN_TOLERANCE for w in ws]
        st.row = _Open(beneficiary, description, amounts, flag, cl, cl)
        return
    if (m := _FIELD_HEADING.fullmatch(label)) and not _in_description_column(st, cl):
        _close_row(st)
        st.field_code, st.field_title, st.field_open = m["code"], m["title"].strip(), True
        return
    if st.field_open and st.row is None:  # the beleidsveld title wraps
        st.field_title = f"{st.field_title} {label}".strip()
        return
    if st.row is not None:  # wrapped cells of the subsidy row: each part goes to the column it starts in
        if st.description_x is None or not cl.word_x:
            st.row.description.append(label)
        else:
            edge = st.description_x - _COLUMN_TOLERANCE
            left = [w for x, ws in _cells(cl, len(label.split())) if x < edge for w in ws]
            right = [w for x, ws in _cells(cl, len(label.split())) if x >= edge for w in ws]
            st.row.beneficiary.extend(left)
            st.row.description.extend(right)
        st.row.last = cl


def parse_subsidies(sections: Sequence[Section]) -> tuple[list[SubsidyRow], list[SubsidyTotal]]:
    """Rows and printed totals of the list of granted operating and investment subsidies."""
    # a section's title may itself be a kind's list ("Toegestane investeringssubsidies"): read it too
    lines = [cl for s in sections for cl in s.lines if not cl.furniture and not _ARTEFACT.fullmatch(cl.text)]
    st = _SubsidyState()
    for cl in lines:
        if (years := _years_of_header(cl.text)) is not None:
            st.description_x = _description_column(lines, len(years))
            break
    for cl in lines:
        _subsidy_line(st, cl)
    _close_row(st)
    return st.rows, st.totals


# --- receipts and expenditure per beleidsveld ------------------------------------------------------------

_BV_HEADING = re.compile(
    r"Beleidsveld ?:? ?(?P<printed>[A-Z]{0,3}(?P<digits>\d{3,4}))(?: ?[:-] ?| )(?P<title>[^\d\s].*)", re.I
)
_BV_KINDS = {
    "exploitatie": "exploitatie",
    "investering": "investeringen",
    "investeringen": "investeringen",
    "financiering": "financiering",
}
_BV_DIRECTIONS = {
    "uitgave": "uitgaven",
    "uitgaven": "uitgaven",
    "ontvangst": "ontvangsten",
    "ontvangsten": "ontvangsten",
    "saldo": "saldo",
}
_YEAR_LINE = re.compile(r"(?:(?:MJP|BJ)?(?:19|20)\d{2} ?){2,}", re.I)


def parse_beleidsveld_overview(sections: Sequence[Section]) -> list[BeleidsveldBudget]:
    """One row per beleidsveld x budget kind x direction x year of the per-beleidsveld overview."""
    rows: list[BeleidsveldBudget] = []
    printed = code = title = kind = None
    years: list[int] = []
    for s in sections:
        for cl in s.lines[1:]:
            if cl.furniture or _ARTEFACT.fullmatch(cl.text):
                continue
            if m := _BV_HEADING.fullmatch(cl.text):
                printed, title, kind = m["printed"], m["title"].strip(), None
                code = m["digits"].zfill(4)
                continue
            if _YEAR_LINE.fullmatch(cl.text):
                years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", cl.text)]
                continue
            word = cl.text.lower()
            if word in _BV_KINDS:
                kind = _BV_KINDS[word]
                continue
            label, amounts = split_trailing_amounts(cl.text, max_count=len(years) or None)
            direction = _BV_DIRECTIONS.get(label.lower())
            if direction and printed and kind and years and len(amounts) == len(years):
                for year, amount in zip(years, amounts, strict=True):
                    rows.append(
                        BeleidsveldBudget(
                            beleidsveld_printed=printed,
                            beleidsveld_code=code,
                            beleidsveld=title or "",
                            budget_kind=kind,
                            direction=direction,
                            year=year,
                            amount=amount,
                            page_no=cl.page_no,
                            line_no=cl.line_no,
                        )
                    )
    return rows


# --- composition of beleidsdomeinen, beleidsvelden and beleidsitems ----------------------------------------

_PS_DOMAIN = re.compile(r"(?P<code>\d{1,2}) (?P<title>[A-ZÀ-Ý][A-ZÀ-Ý0-9 ,.&'/-]+)")
_PS_FIELD = re.compile(r"beleidsveld (?P<code>\d{4}) (?P<title>.+?)(?: (?P<item>\d{2}))?", re.I)
_PS_ITEM = re.compile(r"(?P<code>\d{2}) (?P<title>\S.*)")
_PS_HEADER = re.compile(r"Beleidsdomein\b.*\bbeleidsitem", re.I)


def parse_policy_structure(sections: Sequence[Section]) -> list[PolicyStructureRow]:
    """One row per beleidsitem (the beleidsveld's own item ``00`` included) with its beleidsveld and domain.

    A domain heading is ``<n> <TITLE IN CAPITALS>`` in the first column; a beleidsitem ``<nn> <title>`` stands
    in the item column (where the beleidsveld lines print their item code); any other line continues the
    title of the entry above it.
    """
    lines = [
        cl
        for s in sections
        for cl in s.lines[1:]
        if not cl.furniture and not _ARTEFACT.fullmatch(cl.text) and not _PS_HEADER.fullmatch(cl.text)
    ]
    item_xs = Counter(
        x for cl in lines if _PS_FIELD.fullmatch(cl.text) and cl.word_x for i, x in cl.word_x[-1:] if i > 0
    )
    item_x = item_xs.most_common(1)[0][0] if item_xs else None
    entries: list[tuple[str, str, list[str], CLine, str | None]] = []  # level, code, title parts, line, item
    for cl in lines:
        in_item_column = item_x is not None and cl.x0 is not None and cl.x0 >= item_x - _COLUMN_TOLERANCE
        if m := _PS_FIELD.fullmatch(cl.text):
            entries.append(("field", m["code"], [m["title"]], cl, m["item"]))
        elif (m := _PS_DOMAIN.fullmatch(cl.text)) and not in_item_column and (item_x or m["code"][0] != "0"):
            entries.append(("domain", m["code"], [m["title"]], cl, None))
        elif (m := _PS_ITEM.fullmatch(cl.text)) and (in_item_column or item_x is None):
            entries.append(("item", m["code"], [m["title"]], cl, None))
        elif entries:  # a wrapped title
            entries[-1][2].append(cl.text)
    rows: list[PolicyStructureRow] = []
    domain: tuple[str, str] | None = None
    fld: tuple[str, str] | None = None
    for level, code, parts, cl, item in entries:
        title = " ".join(parts)
        if level == "domain":
            domain, fld = (code, title), None
        elif level == "field":
            fld = (code, title)
            if item:
                rows.append(_structure_row(domain, fld, item, title, cl))
        elif fld is not None:
            rows.append(_structure_row(domain, fld, code, title, cl))
    return rows


def _structure_row(
    domain: tuple[str, str] | None, fld: tuple[str, str], item_code: str, item_title: str, cl: CLine
) -> PolicyStructureRow:
    return PolicyStructureRow(
        beleidsdomein_code=domain[0] if domain else None,
        beleidsdomein=domain[1] if domain else None,
        beleidsveld_code=fld[0],
        beleidsveld=fld[1],
        beleidsitem_code=item_code,
        beleidsitem=item_title,
        page_no=cl.page_no,
        line_no=cl.line_no,
    )


# --- budget of the year per beleidsitem ("Samenvatting budget 2026 per beleidsitem") ------------------------

_BI_TABLE = re.compile(
    r"(?:exploitatie|investeringen?|financiering)"  # a sub-table: two words, a lone word continues a row label
    r"(?: ?- ?(?:ontvangsten|uitgaven)| ?(?:&|en) ?(?:financiering|investeringen|exploitatie))",
    re.I,
)
_BI_ITEM = re.compile(r"(?P<field>\d{4}) ?/ ?(?P<item>\d{2}) (?P<title>.*)")
_BI_DOMAIN_TOTAL = re.compile(r"Totaal\b.*", re.I)
_BI_GRAND_TOTAL = re.compile(r"Totalen\b.*|Algemeen totaal\b.*", re.I)
_BI_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_UPPER_HEADER = re.compile(r"[^a-zà-ÿ]*[A-ZÀ-Ý]{2,}[^a-zà-ÿ]*")


def _kind_direction(text: str) -> tuple[str | None, str | None]:
    low = text.lower()
    kinds = [
        k
        for k, word in (
            ("exploitatie", "exploitatie"),
            ("investeringen", "investering"),
            ("financiering", "financiering"),
        )
        if word in low
    ]
    directions = [d for d, word in (("ontvangsten", "ontv"), ("uitgaven", "uitgave")) if word in low]
    return (kinds[0] if len(kinds) == 1 else None), (directions[0] if len(directions) == 1 else None)


def _is_column_header(cl: CLine) -> bool:
    """A header line of the list's columns: words in capitals, no amounts but a year."""
    if not _UPPER_HEADER.fullmatch(cl.text):
        return False
    return not any("," in w or "." in w for w in cl.text.split())


def _column_labels(header: Sequence[CLine], n: int, label_edge: float) -> list[str] | None:
    """The labels of ``n`` amount columns from the header lines (PDF: by the words' positions).

    The line with ``n`` cells right of the row-label column names the columns; a line above it with fewer
    cells is a group header (each column takes the nearest group: "INVESTERINGEN" over "ONTVANGSTEN
    UITGAVEN"), a line below it continues the header words (a cell joins the nearest column: "ONTV").
    """
    lines = []
    for cl in header:
        if cl.word_x:
            lines.append([(x, " ".join(ws)) for x, ws in _cells(cl, len(cl.text.split())) if x > label_edge])
    at = next((k for k, cells in enumerate(lines) if len(cells) == n), None)
    if at is None:
        return None
    main = lines[at]
    parts: list[list[str]] = [[text] for _, text in main]
    for k, cells in enumerate(lines):
        if k == at or not cells:
            continue
        if k < at:  # a group header over several columns
            for i, (x, _) in enumerate(main):
                parts[i].insert(0, min(cells, key=lambda c: abs(c[0] - x))[1])
        else:
            for x, text in cells:
                parts[min(range(n), key=lambda i: abs(main[i][0] - x))].append(text)
    return [" ".join(p).lower() for p in parts]


def _emit(rows: list[BeleidsitemBudget], open_row: list | None, table: str | None, year: int | None) -> None:
    """Append the cells of the row being read (its label complete); returns the new open row (None)."""
    if open_row is None:
        return None
    info, cells = open_row
    for n, (amount, cents, label) in enumerate(cells, start=1):
        column_kind, column_direction = _kind_direction(label)  # a column's own words win over the heading's
        table_kind, table_direction = _kind_direction(table or "")
        kind, direction = column_kind or table_kind, column_direction or table_direction
        rows.append(
            BeleidsitemBudget(
                table_title=table or "",
                budget_kind=kind,
                direction=direction,
                column_no=n,
                column_label=label,
                is_row_total=label.startswith(("budget", "totaal")),
                row_type=info["row_type"],
                group_no=info["group_no"],
                beleidsveld_code=info["field"],
                beleidsitem_code=info["item"],
                label=" ".join(info["label"]),
                year=year,
                amount=amount,
                printed_cents=cents,
                page_no=info["cl"].page_no,
                line_no=info["cl"].line_no,
            )
        )
    return None


def parse_beleidsitem_budget(sections: Sequence[Section]) -> list[BeleidsitemBudget]:
    """Every cell of the per-beleidsitem budget of the year, with its printed totals (rows ``Totaal <domain>``
    and ``Totalen budget <year>``), per sub-table (exploitatie-ontvangsten, -uitgaven, investeringen &
    financiering)."""
    rows: list[BeleidsitemBudget] = []
    for s in sections:
        m = _BI_YEAR.search(s.title.text)
        year = int(m.group(1)) if m else None
        table: str | None = None
        header: list[CLine] = []
        labels: list[str] | None = None
        group = 0
        open_row: list | None = None

        for cl in s.lines[1:]:
            if _BI_TABLE.fullmatch(cl.text):
                open_row = _emit(rows, open_row, table, year)
                table, header, labels, group = cl.text, [], None, 0
                continue
            if _is_column_header(cl):
                open_row = _emit(rows, open_row, table, year)
                if labels is not None and header and header[-1].index != cl.index - 1:
                    header = []  # a new page's header
                header.append(cl)
                continue
            if cl.furniture or _ARTEFACT.fullmatch(cl.text):
                continue
            tokens = cl.text.split()
            label, amounts = split_trailing_amounts(cl.text, max_count=len(labels) if labels else None)
            if amounts and header and labels is None:
                edge = max((x for i, x in (cl.word_x or ()) if i < len(label.split())), default=0.0)
                labels = _column_labels(header, len(amounts), edge) or [
                    f"kolom {i}" for i in range(1, len(amounts) + 1)
                ]
            if amounts and labels is not None and len(amounts) == len(labels) and label:
                open_row = _emit(rows, open_row, table, year)
                cents = ["," in t for t in tokens[-len(amounts) :]]
                if m := _BI_ITEM.fullmatch(label):
                    info = {
                        "row_type": "item",
                        "group_no": group + 1,
                        "field": m["field"],
                        "item": m["item"],
                        "label": [m["title"]],
                    }
                elif _BI_GRAND_TOTAL.fullmatch(label):
                    info = {"row_type": "grand_total", "group_no": None, "field": None, "item": None, "label": [label]}
                elif _BI_DOMAIN_TOTAL.fullmatch(label):
                    group += 1
                    info = {
                        "row_type": "domain_total",
                        "group_no": group,
                        "field": None,
                        "item": None,
                        "label": [label],
                    }
                else:
                    continue
                info["cl"] = cl
                open_row = [info, list(zip(amounts, cents, labels, strict=True))]
                continue
            if open_row is not None and not amounts:  # a wrapped row label
                open_row[0]["label"].append(cl.text)
        open_row = _emit(rows, open_row, table, year)
    return rows
