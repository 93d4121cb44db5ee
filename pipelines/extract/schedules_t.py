"""Parse the toelichting schemas T1, T2, T4 and the participations table.

Layouts (whole euros, sign as printed; zero rows are usually omitted but may be printed):

* **Column headers** - a year list ("2020 2021 2022 2023 2024 2025"), alone on a line (T1) or at the
  end of a label (T2 "I. Exploitatie-uitgaven 2020 …", T4 "Financiële schulden op 31 december 2020
  …"), optionally followed by a phase line ("Jaarrekening ×5 Meerjarenplan ×2"). The phase line may
  have more entries than there are years: the year whose jaarrekening column is followed by a
  meerjarenplan column spans both. Without a phase line (T4) a column is ``jaarrekening`` up to
  the fiscal year and ``meerjarenplan`` after it. A later, shorter block ("… 2026 2027" /
  "Meerjarenplan Meerjarenplan") repeats the same rows for more years: same ``line_path``.
* **Plan layouts** (meerjarenplan, "Schema T1(W)") - a revision prints a role line under the years
  ("Referentie Wijziging Nieuw …", years in blocks that may end inside a year, see
  :func:`schedules_m.year_roles`); an original plan (title block "2026-2031") prints the years only.
  Their columns are ``meerjarenplan`` with ``column_role`` set (``plan`` for an original plan); a
  jaarrekening keeps ``column_role=None``. A plan prints a part total ("I. Totaal exploitatie-uitgaven"
  -> ``exploitatie.uitgaven``), its saldo lines under their own header ("BUDGETTAIR RESULTAAT VAN HET
  BOEKJAAR 2026 2027"), and may wrap a label after its amounts ("… materiële <amounts>" + "vaste
  activa"): the part is appended to the row's label.
* **T1 naar functionele aard** - beleidsdomein lines ("Algemene Financiering"), budget-kind lines
  (Exploitatie / Investeringen / Financiering) and rows "Uitgaven|Ontvangsten|Saldo <amounts>".
  ``line_path = <slug(domein)>.<budget_kind>.<direction>``, parent ``<slug(domein)>.<budget_kind>``.
* **T2 naar economische aard** - per section (exploitatie, investeringen, financiering) part
  headers "I. <Section>uitgaven <years>" / "II. <Section>ontvangsten <years>" (the trailing
  numbers are years, not amounts) over outline rows A. > 1. > a. > "- sub-line"; saldo lines
  "III. Exploitatiesaldo", "III. Investeringssaldo", "Saldo exploitatie en investeringen",
  "III. Financieringssaldo", "Budgettair resultaat van het boekjaar". Paths:
  ``<section>.<part>.<outline>`` ("exploitatie.uitgaven.A.1.a", "-" sub-lines by slug under
  their parent), ``<section>.<part>`` for a printed part total, ``<section>.saldo``,
  ``totaal.saldo_exploitatie_en_investeringen``, ``totaal.budgettair_resultaat``.
* **T4 evolutie van de financiële schulden** - outline rows A. > 1. (``A``, ``A.1``, ``B.3`` …)
  and "Totaal financiële schulden" (``TOTAAL``). A plan prints the same schema as "T3: Evolutie van de
  financiële schulden" / "Schema T3(W): …" under "Geraamde financiële schulden <years>" (plan columns as
  above) with other rows: A. op 1 januari, B. nieuwe leningen en leasings, C. aflossingen, D. op 31
  december (A+B-C), each over 2. leasingschulden / 3. schulden aan kredietinstellingen; same outline
  paths (``A``, ``A.2``, ``D.3`` …), a label wrapped after its amounts ("… soortgelijke <amounts>" +
  "schulden", "… 31 december <amounts>" + "(A+B-C)") is completed as in T2.
* **Participations** - "Overzicht participaties Waardering op" / "31.12.2024" (the valuation
  date), rows "<company> € <amount>" and "Totaal boekhoudkundige waarde € <amount>".

Traps handled: more phase entries than year labels; year lists on a label line; continuation
blocks for later years; saldo lines printed twice in a row (one per column block, matched by
their amount count); page breaks that repeat the part header mid-section (the outline continues);
Roman numerals that restart per section (rows are keyed by section); sub-lines repeated under
different parents; the T4 label B wrapped over two lines with its amounts alone on a later line;
"1. … op 1 januari" under both A and B; running page artefacts (footers, "N / M" counters, bare
page numbers, repeated titles and header blocks); the dossier list after "Andere gebruikte dossiers
op dit rapport:" (the table ends there). Only normalised non-blank lines are used.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from pipelines.extract import specs
from pipelines.extract.artefacts import (
    ENTITY_LINE,
    JOURNAALVOLGNUMMERS,
    PAGE_COUNTER,
    PAGE_NUMBER,
    RUNNING_HEADER,
    YEAR_COLON_LOOSE,
    any_of,
    is_page_artefact,
)
from pipelines.extract.lines import CLine
from pipelines.extract.model import BUDGET_KINDS, AmountRow, Participation
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.schedules_m import role_line, year_roles
from pipelines.extract.sections import Section, classify_title

# ---------------------------------------------------------------------------------------------
# shared line handling

_STOP_RE = re.compile(r"andere gebruikte dossiers\b.*", re.I)
# running page artefacts, compiled case-insensitively; a bare page number is not among them (the
# row assembly skips it itself, see _PAGE_NO_RE)
_ARTEFACT_RE = re.compile(
    any_of(
        PAGE_COUNTER,
        # wider than RUNNING_TITLE: any line carrying "<year> : " or "<year>: " (a running footer in
        # any case, a dossier line "… 2025: Alg. 23718")
        rf".*{YEAR_COLON_LOOSE}.*",
        RUNNING_HEADER,
        rf"{JOURNAALVOLGNUMMERS}\b.*",  # wider than JOURNAALVOLGNUMMERS_LINE: with or without the colon
        r".*\bdirecteur:.*",  # entity/address lines of the header block
        ENTITY_LINE,
    ),
    re.I,
)
_PAGE_NO_RE = re.compile(PAGE_NUMBER)
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_PHASES = {"jaarrekening": "jaarrekening", "meerjarenplan": "meerjarenplan"}
_DATE_RE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def _plain(text: str) -> str:
    """Lower case without accents, for keyword tests."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _body(section: Section) -> list[CLine]:
    """The section's lines after its title, cut at the dossier list, without page artefacts."""
    out: list[CLine] = []
    for cl in section.lines[1:]:
        if _STOP_RE.fullmatch(cl.text):
            break
        if not is_page_artefact(cl, _ARTEFACT_RE) and classify_title(cl.text) is None:
            out.append(cl)
    return out


_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d{2} ?- ?(?:19|20)\d{2}")


def _is_plan_section(section: Section) -> bool:
    """A meerjarenplan schema: the title block prints the plan period ("2026-2031"), a jaarrekening
    its year ("2024")."""
    return any(_YEAR_RANGE_RE.fullmatch(cl.text) for cl in section.lines[1:4])


def _title_year(section: Section) -> int | None:
    """The report year printed alone under the title ("2024")."""
    for cl in section.lines[1:4]:
        if _YEAR_RE.fullmatch(cl.text):
            return int(cl.text)
    return None


# ---------------------------------------------------------------------------------------------
# column headers


@dataclass(frozen=True, slots=True)
class _Column:
    year: int
    phase: str
    role: str | None = None  # plan documents: referentie / wijziging / nieuw / plan


_Columns = tuple[_Column, ...]


def _trailing_years(text: str) -> tuple[str, list[int]]:
    """Split "I. Exploitatie-uitgaven 2020 2021" into ("I. Exploitatie-uitgaven", [2020, 2021])."""
    label, years = specs.trailing_year_tokens(text)
    if any(a >= b for a, b in zip(years, years[1:], strict=False)):
        return text, []
    return label, years


def _phase_line(text: str) -> list[str] | None:
    """Phases of a line made only of phase words ("Jaarrekening … Meerjarenplan")."""
    words = text.lower().split()
    if words and all(w in _PHASES for w in words):
        return [_PHASES[w] for w in words]
    return None


def _columns(years: list[int], phases: list[str] | None, fiscal_year: int | None, where: CLine) -> _Columns:
    """Align the year labels with the phase line (a year may span a jaarrekening + meerjarenplan)."""
    if phases is None:
        if fiscal_year is None:
            raise ValueError(f"line {where.line_no}: no phase line and no fiscal year to derive phases")
        return tuple(_Column(y, "jaarrekening" if y <= fiscal_year else "meerjarenplan") for y in years)
    shared = len(phases) - len(years)  # years that get both a jaarrekening and a meerjarenplan column
    out: list[_Column] = []
    index = 0
    for k, phase in enumerate(phases):
        if k and shared and phases[k - 1] == "jaarrekening" and phase == "meerjarenplan":
            shared -= 1
        elif k:
            index += 1
        if index >= len(years):
            break
        out.append(_Column(years[index], phase))
    if shared or len(out) != len(phases) or index != len(years) - 1:
        raise ValueError(f"line {where.line_no}: cannot align years {years} with phases {phases}")
    return tuple(out)


def _role_columns(years: list[int], roles: list[str], where: CLine) -> _Columns:
    pairs = year_roles(years, roles)
    if pairs is None:
        raise ValueError(f"line {where.line_no}: cannot align years {years} with column roles {roles}")
    return tuple(_Column(y, "meerjarenplan", role) for y, role in pairs)


@dataclass(frozen=True, slots=True)
class _Header:
    label: str
    columns: _Columns


@dataclass(frozen=True, slots=True)
class _Row:
    label: str
    amounts: tuple[Decimal, ...]
    line: CLine


@dataclass(frozen=True, slots=True)
class _Text:
    text: str


def _scan(sections: Sequence[Section], fiscal_year: int | None) -> Iterator[_Header | _Row | _Text]:
    """Classify the body lines of consecutive sections of one table (a title repeated after a page
    break starts a new section; state carries over): column headers with their phase line, amount
    rows, text."""
    for section in sections:
        year = fiscal_year if fiscal_year is not None else _title_year(section)
        yield from _scan_section(_body(section), year, plan=_is_plan_section(section))


def _scan_section(lines: list[CLine], year: int | None, *, plan: bool = False) -> Iterator[_Header | _Row | _Text]:
    i = 0
    while i < len(lines):
        cl = lines[i]
        phases = _phase_line(lines[i + 1].text) if i + 1 < len(lines) else None
        roles = role_line(lines[i + 1].text) if i + 1 < len(lines) else None
        label, years = _trailing_years(cl.text)
        i += 1
        if years and roles is not None:  # a plan revision: Referentie / Wijziging / Nieuw per year
            yield _Header(label, _role_columns(years, roles, cl))
            i += 1
        elif years and plan and phases is None and (label or len(years) > 1):  # an original plan
            yield _Header(label, tuple(_Column(y, "meerjarenplan", "plan") for y in years))
        elif years and (label or len(years) > 1 or phases):
            yield _Header(label, _columns(years, phases, year, cl))
            i += 1 if phases else 0
        elif not years and _phase_line(cl.text) is None:  # skip the title block's year, stray phases
            label, amounts = split_trailing_amounts(cl.text)
            yield _Row(label, tuple(amounts), cl) if amounts else _Text(cl.text)


def _cells(
    table_kind: str,
    label: str,
    path: str,
    parent: str | None,
    columns: _Columns,
    row: _Row,
    **dims: str | None,
) -> list[AmountRow]:
    return [
        AmountRow(
            table_kind=table_kind,
            label=label,
            line_path=path,
            parent_path=parent,
            year=col.year,
            phase=col.phase,
            amount=amount,
            page_no=row.line.page_no,
            line_no=row.line.line_no,
            column_role=col.role,
            **dims,
        )
        for col, amount in zip(columns, row.amounts, strict=True)
    ]


def _check_unique(rows: list[AmountRow]) -> list[AmountRow]:
    counts = Counter((r.line_path, r.year, r.phase, r.column_role) for r in rows)
    dupes = [key for key, n in counts.items() if n > 1]
    if dupes:
        raise ValueError(f"duplicate cells: {sorted(dupes)[:5]}")
    return rows


# ---------------------------------------------------------------------------------------------
# outline prefixes (T2, T4)

_ROMAN_RE = re.compile(r"[IVX]+\. (?P<rest>.*)")
_OUTLINE_RES = (
    (1, re.compile(r"(?P<key>[A-Z])\. (?P<rest>.*)")),
    (2, re.compile(r"(?P<key>\d{1,2})\. (?P<rest>.*)")),
    (3, re.compile(r"(?P<key>[a-z])\. (?P<rest>.*)")),
    (4, re.compile(r"- ?(?P<rest>\S.*)")),
)


def _outline(label: str) -> tuple[int, str] | None:
    """(level, key) of an outline label: "A." 1, "1." 2, "a." 3, "- text" 4 (key = slug)."""
    for level, pattern in _OUTLINE_RES:
        m = pattern.fullmatch(label)
        if m:
            return level, m["key"] if level < 4 else _slug(m["rest"])
    return None


@dataclass
class _Stack:
    """The outline items above the current row."""

    items: list[tuple[int, str]] = field(default_factory=list)

    def push(self, level: int, key: str) -> tuple[list[str], list[str]]:
        """Add an item; return (keys of its parent, keys of the item)."""
        while self.items and self.items[-1][0] >= level:
            self.items.pop()
        parent = [k for _, k in self.items]
        self.items.append((level, key))
        return parent, [*parent, key]


@dataclass
class _Pending:
    """Label lines waiting for their amounts (a wrapped label, amounts on a later line)."""

    parts: list[str] = field(default_factory=list)

    def label_for(self, row: _Row) -> str:
        """The full label of ``row``; a row with its own outline prefix starts afresh."""
        if row.label and (_outline(row.label) or _ROMAN_RE.fullmatch(row.label)):
            self.parts = []
        return " ".join([*self.parts, row.label]).strip()

    def add(self, text: str) -> None:
        if not _PAGE_NO_RE.fullmatch(text):
            self.parts.append(text)

    def clear(self) -> None:
        self.parts = []


# ---------------------------------------------------------------------------------------------
# T1

_T1_KIND_RE = re.compile(r"(exploitatie|investering|financiering)\w*", re.I)
_DIRECTION_STEMS = specs.DIRECTION_STEMS


def _direction(label: str) -> str | None:
    low = _plain(label)
    return next((d for stem, d in _DIRECTION_STEMS if low.startswith(stem)), None)


def _budget_kind(word: str) -> str:
    stem = _plain(word)[:8]
    return next(k for k in BUDGET_KINDS if k.startswith(stem))


@dataclass
class _T1State:
    columns: _Columns | None = None
    domain: str | None = None
    domain_open: bool = False  # the previous line was (part of) a domain name
    budget_kind: str | None = None
    pending: str | None = None  # a direction label whose amounts follow on the next line


def parse_t1(sections: Sequence[Section], fiscal_year: int | None) -> list[AmountRow]:
    """T1 cells: one row per beleidsdomein x budget kind x direction x column."""
    rows: list[AmountRow] = []
    st = _T1State()
    for item in _scan(sections, fiscal_year):
        rows.extend(_t1_item(st, item))
    return _check_unique(rows)


def _t1_item(st: _T1State, item: _Header | _Row | _Text) -> list[AmountRow]:
    if isinstance(item, _Header):
        st.columns, st.domain_open = item.columns, False
        return []
    if st.columns is None:
        return []
    if isinstance(item, _Row) and len(item.amounts) == len(st.columns) and (item.label or st.pending):
        return _t1_row(st, item)
    text = item.text if isinstance(item, _Text) else item.line.text
    if _PAGE_NO_RE.fullmatch(text):
        return []
    if _T1_KIND_RE.fullmatch(text):
        st.budget_kind, st.domain_open = _budget_kind(text), False
    elif _direction(text):
        st.pending, st.domain_open = text, False
    else:
        st.domain = f"{st.domain} {text}" if st.domain_open and st.domain else text
        st.domain_open, st.budget_kind = True, None
    return []


def _t1_row(st: _T1State, row: _Row) -> list[AmountRow]:
    assert st.columns is not None
    if st.domain is None:
        raise ValueError(f"T1 line {row.line.line_no}: row {row.line.text!r} before any beleidsdomein")
    label = row.label or st.pending or ""
    st.pending, st.domain_open = None, False
    direction = _direction(label)
    parent = ".".join(p for p in (_slug(st.domain), st.budget_kind) if p)
    path = f"{parent}.{direction or _slug(label)}"
    return _cells(
        "T1",
        label,
        path,
        parent,
        st.columns,
        row,
        section=st.domain,
        beleidsdomein=st.domain,
        budget_kind=st.budget_kind,
        direction=direction,
    )


# ---------------------------------------------------------------------------------------------
# T2

_SECTION_STEMS = specs.BUDGET_KIND_STEMS
_PART_STEMS = specs.DIRECTION_STEMS[:2]  # uitgaven / ontvangsten


def _strip_roman(label: str) -> str:
    m = _ROMAN_RE.fullmatch(label)
    return m["rest"] if m else label


def _sections_in(label: str) -> list[str]:
    low = _plain(label)
    return [name for stem, name in _SECTION_STEMS if stem in low]


def _t2_part(label: str) -> tuple[str, str] | None:
    """("exploitatie", "uitgaven") for "I. Exploitatie-uitgaven"; None for other labels."""
    low = _plain(_strip_roman(label))
    sections = _sections_in(low)
    parts = [name for stem, name in _PART_STEMS if stem in low]
    if len(sections) == 1 and len(parts) == 1 and "saldo" not in low:
        return sections[0], parts[0]
    return None


def _t2_saldo(label: str) -> tuple[str, str] | None:
    """(section, key) of a saldo line: ("exploitatie", "saldo"), ("totaal", "budgettair_resultaat")."""
    text = _strip_roman(label)
    low = _plain(text)
    if "saldo" not in low and "resultaat" not in low:
        return None
    if "budgettair resultaat" in low:
        return "totaal", "budgettair_resultaat"
    sections = _sections_in(low)
    # a plan prints "Saldo van exploitatie en investeringen", a jaarrekening "Saldo exploitatie en …"
    key = _slug(re.sub(r"^saldo van ", "saldo ", text, flags=re.I))
    return (sections[0], "saldo") if len(sections) == 1 else ("totaal", key)


@dataclass
class _T2State:
    columns: _Columns | None = None
    section: str | None = None
    part: str | None = None
    stack: _Stack = field(default_factory=_Stack)
    pending: _Pending = field(default_factory=_Pending)
    blocks: list[_Columns] = field(default_factory=list)  # column blocks of the current section
    saldo_blocks: dict[str, set[int]] = field(default_factory=dict)  # saldo path -> blocks used
    last_rows: int = 0  # cells read from the previous item

    @property
    def plan(self) -> bool:
        return bool(self.columns) and self.columns[0].role is not None


def parse_t2(sections: Sequence[Section], fiscal_year: int | None) -> list[AmountRow]:
    """T2 cells: every printed row of every section for every year column."""
    rows: list[AmountRow] = []
    st = _T2State()
    for item in _scan(sections, fiscal_year):
        if st.plan and st.last_rows and isinstance(item, _Text) and _is_label_suffix(item.text):
            rows[-st.last_rows :] = _append_label(rows[-st.last_rows :], item.text)
            st.last_rows = 0
            continue
        cells = _t2_item(st, item)
        rows.extend(cells)
        st.last_rows = len(cells)
    return _check_unique(rows)


def _is_label_suffix(text: str) -> bool:
    """A plan row's label part printed after its amounts ("vaste activa", "leasings", "(A+B-C)")."""
    return (text[:1].islower() or text[:1] == "(") and _outline(text) is None and not _ROMAN_RE.fullmatch(text)


def _append_label(cells: list[AmountRow], text: str) -> list[AmountRow]:
    """The cells of one printed row with its wrapped label completed ("- …" rows are re-keyed)."""
    out = []
    for cell in cells:
        label = f"{cell.label} {text}"
        path = cell.line_path
        outline = _outline(label)
        if outline and outline[0] == 4 and cell.parent_path:
            path = f"{cell.parent_path}.{outline[1]}"
        out.append(replace(cell, label=label, line_path=path))
    return out


def _t2_item(st: _T2State, item: _Header | _Row | _Text) -> list[AmountRow]:
    if isinstance(item, _Header):
        _t2_header(st, item)
        return []
    if isinstance(item, _Text):
        st.pending.add(item.text)
        return []
    if st.columns is None:
        return []
    label = st.pending.label_for(item)
    saldo = _t2_saldo(label) if _outline(label) is None or _ROMAN_RE.fullmatch(label) else None
    if not saldo and len(item.amounts) != len(st.columns):
        st.pending.add(item.line.text)  # a wrapped label ending in a number, or a page number
        return []
    st.pending.clear()
    return _t2_saldo_row(st, saldo, label, item) if saldo else _t2_row(st, label, item)


def _t2_header(st: _T2State, header: _Header) -> None:
    label = header.label
    if not label and st.pending.parts and _t2_part(st.pending.parts[-1]):
        label = st.pending.parts.pop()  # a rendering split "I. Exploitatie-uitgaven 2020 …" in two lines
    part = _t2_part(label)
    if part and part[0] != st.section:
        st.blocks = []
    if (part and part != (st.section, st.part)) or header.columns != st.columns:
        st.stack, st.pending = _Stack(), _Pending()  # a repeated header at a page break keeps both
    if part:
        st.section, st.part = part
    st.columns = header.columns
    if header.columns not in st.blocks:
        st.blocks.append(header.columns)


def _t2_saldo_row(st: _T2State, saldo: tuple[str, str], label: str, row: _Row) -> list[AmountRow]:
    """A saldo line belongs to the first column block of its section it fits and has not used."""
    path = ".".join(saldo)
    if st.plan and st.columns is not None and len(st.columns) == len(row.amounts):
        columns = st.columns  # a plan prints its saldo lines under their own column header
    else:
        used = st.saldo_blocks.setdefault(path, set())
        fits = [i for i, cols in enumerate(st.blocks) if len(cols) == len(row.amounts) and i not in used]
        if not fits:
            raise ValueError(f"T2 line {row.line.line_no}: {len(row.amounts)} amounts fit no column block")
        used.add(fits[0])
        columns = st.blocks[fits[0]]
    budget_kind = saldo[0] if saldo[0] in BUDGET_KINDS else None
    return _cells(
        "T2",
        label,
        path,
        saldo[0],
        columns,
        row,
        section=saldo[0],
        budget_kind=budget_kind,
        direction="saldo",
    )


def _t2_row(st: _T2State, label: str, row: _Row) -> list[AmountRow]:
    assert st.columns is not None
    part = _t2_part(label)
    outline = _outline(label)
    if part:  # a printed part total ("I. Exploitatie-uitgaven <amounts>")
        (st.section, st.part), st.stack = part, _Stack()
        path, parent = ".".join(part), part[0]
    elif st.section is None or st.part is None:
        raise ValueError(f"T2 line {row.line.line_no}: row {row.line.text!r} outside a section part")
    elif outline:
        parent_keys, keys = st.stack.push(*outline)
        base = f"{st.section}.{st.part}"
        path, parent = ".".join([base, *keys]), ".".join([base, *parent_keys])
    else:
        path, parent = f"{st.section}.{st.part}.{_slug(label)}", f"{st.section}.{st.part}"
    section, direction = path.split(".")[:2]
    return _cells(
        "T2",
        label,
        path,
        parent,
        st.columns,
        row,
        section=section,
        budget_kind=section,
        direction=direction,
    )


# ---------------------------------------------------------------------------------------------
# T4


@dataclass
class _T4State:
    columns: _Columns | None = None
    stack: _Stack = field(default_factory=_Stack)
    pending: _Pending = field(default_factory=_Pending)
    last_rows: int = 0  # cells read from the previous item

    @property
    def plan(self) -> bool:
        return bool(self.columns) and self.columns[0].role is not None


def parse_t4(sections: Sequence[Section], fiscal_year: int | None) -> list[AmountRow]:
    """T4 cells (a plan's T3 debt schema alike): outline rows A, A.1 … and TOTAAL for every year column."""
    rows: list[AmountRow] = []
    st = _T4State()
    for item in _scan(sections, fiscal_year):
        if st.plan and st.last_rows and isinstance(item, _Text) and _is_label_suffix(item.text):
            rows[-st.last_rows :] = _append_label(rows[-st.last_rows :], item.text)
            st.last_rows = 0
            continue
        cells = _t4_item(st, item)
        rows.extend(cells)
        st.last_rows = len(cells)
    return _check_unique(rows)


def _t4_item(st: _T4State, item: _Header | _Row | _Text) -> list[AmountRow]:
    if isinstance(item, _Header):
        if item.columns != st.columns:  # a new block; a repeated header at a page break keeps all
            st.stack, st.pending = _Stack(), _Pending()
        st.columns = item.columns
        return []
    if st.columns is None:
        return []
    if isinstance(item, _Text):
        st.pending.add(item.text)
        return []
    label = st.pending.label_for(item)
    if len(item.amounts) != len(st.columns):
        st.pending.add(item.line.text)  # a wrapped label ending in a number, or a page number
        return []
    st.pending.clear()
    outline = _outline(label)
    if outline:
        parent_keys, keys = st.stack.push(*outline)
        path, parent = ".".join(keys), ".".join(parent_keys) or None
    else:
        path, parent = ("TOTAAL" if _plain(label).startswith("totaal") else _slug(label)), None
    return _cells("T4", label, path, parent, st.columns, item, section=None)


# ---------------------------------------------------------------------------------------------
# participations


def _date_in(text: str) -> date | None:
    m = _DATE_RE.search(text)
    return date(int(m[3]), int(m[2]), int(m[1])) if m else None


def parse_participations(sections: Sequence[Section]) -> list[Participation]:
    """Participation rows in printed order; the "Totaal …" row has ``is_total=True``."""
    rows: list[Participation] = []
    for section in sections:
        rows.extend(_participation_rows(section))
    return rows


def _participation_rows(section: Section) -> list[Participation]:
    valuation = _date_in(section.title.text)
    pending: list[str] = []
    out: list[Participation] = []
    for cl in _body(section):
        if _PAGE_NO_RE.fullmatch(cl.text):
            continue
        label, amounts = split_trailing_amounts(cl.text, max_count=1)
        if not amounts:
            if not out and _date_in(cl.text):  # "31.12.2024" (or "Waardering op 31.12.2024")
                valuation, pending = _date_in(cl.text), []
            else:
                pending.append(cl.text)
            continue
        company = " ".join([*pending, label]).strip()
        pending = []
        if not company:
            continue
        is_total = _plain(company).startswith("totaal")
        out.append(Participation(company, amounts[0], is_total, valuation, cl.page_no, cl.line_no))
        if is_total:
            break
    return out
