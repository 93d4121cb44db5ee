"""Parse the meerjarenplan schemas M1-M3 into :class:`AmountRow` rows (phase ``meerjarenplan``).

Two column layouts, read from the printed column headers (never from fixed counts):

* **Original plan** - one column per plan year: a year list ("2026 2027 2028 2029 2030 2031"),
  alone on a line (M1) or after a block title (M2 "Budgettair resultaat 2026 … 2031"); every
  column has ``column_role='plan'``.
* **Revision** (*aanpassing / herziening*, "Schema M1(W)") - per year the columns Referentie /
  Wijziging / Nieuw: the year list is followed by a role line ("Referentie Wijziging Nieuw
  Referentie …"). The years of a wide table are printed in blocks, and a block may end inside a
  year: "2026 2027 2028 2029" over ten roles (the last one the Referentie of 2029), then "2029 2030
  2031" over "Wijziging Nieuw Referentie …". A role that does not follow the previous one in the
  order referentie < wijziging < nieuw starts the next year (:func:`year_roles`).

Schemas:

* **M1 Financieel doelstellingenplan** - per beleidsdoelstelling a header ("Beleidsdoelstelling:
  BD000001:<title>", or the code alone with the title on the next line(s): "Beleidsdoelstelling:
  BDS000005" / "BDS <title>"), then, when it has amounts, a column header and rows "Uitgave" /
  "Ontvangst" (/ "Saldo"). A BD without amounts has no table. Blocks without a BD code:
  "Verrichtingen zonder beleidsdoelstelling [(totaal)]" (``ZONDER_BD``), "Algemeen Totaal"
  (``TOTAAL``); the J1 block headers (prioritaire / niet-prioritaire) are recognised too. Like J1:
  ``line_path = <policy_code>[.<budget_kind>].<direction>`` (budget kind only when the table
  prints Exploitatie / Investering / Financiering sections), ``parent_path`` the part before the
  direction, ``section`` the budget kind.
* **M2 Staat van het financieel evenwicht** - the rows of J2 and the same outline machinery and
  paths (``budgettair_resultaat.I``, ``budgettair_resultaat.I.a``, ``autofinancieringsmarge.III``,
  ``gecorrigeerde_autofinancieringsmarge.III``, ``geconsolideerd_financieel_evenwicht.I.provincie``,
  ``geconsolideerd_financieel_evenwicht.I.totaal`` …). A block title repeats for every block of
  years; a repeated title with the same years (a page break) continues the outline. Labels
  wrapped after their amounts ("VI. Gecumuleerd budgettair resultaat vorig <amounts>" + "boekjaar")
  are joined.
* **M3 Overzicht van de kredieten** - a year line ("2026"), a direction line ("Uitgaven
  Ontvangsten"), in a revision a role line ("Vorig krediet Wijziging Nieuw krediet" per
  direction; Vorig krediet = referentie, Nieuw krediet = nieuw); an entity line ("Kredieten
  Provincie", or J3's "- Autonoom gemeentebedrijf") and rows Exploitatie / Investeringen /
  Financiering with the detail rows of Financiering ("Leningen en leasings", "Toegestane leningen
  en betalingsuitstel", "Overige financieringstransacties"). Paths as in J3: ``exploitatie``,
  ``financiering.leningen_en_leasings`` …; ``section`` the entity's slug; with several entities
  the paths are prefixed with it.

Running footers, page counters, header blocks and lines flagged as furniture are skipped; a row is
a label followed by exactly as many amounts as the header has columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipelines.extract import specs
from pipelines.extract.lines import CLine
from pipelines.extract.model import AmountRow
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.schedules_j import (
    _BUDGET_KINDS,
    _BULLET_RE,
    _DIRECTION_HEADER_RE,
    _DIRECTIONS,
    _TOTAL_RE,
    _bullet_key,
    _is_artefact,
    _j1_block_code,
    _Outline,
    _outline_line,
    _outline_prefix,
    _OutlineState,
    _prefix_entity,
    _row_amounts,
    _slug,
    _table_lines,
)
from pipelines.extract.sections import Section

PHASE = "meerjarenplan"

# ---------------------------------------------------------------------------------------------
# column headers

_ROLE_WORD = "|".join(sorted(specs.ROLE_WORDS, key=len, reverse=True))  # longest first: "nieuw krediet"
_ROLE_LINE_RE = re.compile(rf"(?:(?:{_ROLE_WORD}) ?)+", re.I)
_ROLE_WORD_RE = re.compile(_ROLE_WORD, re.I)
_ROLES = specs.ROLE_WORDS
_ROLE_RANK = {"referentie": 0, "wijziging": 1, "nieuw": 2}


def trailing_years(text: str) -> tuple[str, list[int]] | None:
    """Split "Budgettair resultaat 2026 2027" into ("Budgettair resultaat", [2026, 2027]).

    The years must be consecutive (a printed column header), so an amount row whose last amounts
    happen to look like years is not taken for a header. ``None`` when the line does not end in
    years.
    """
    label, years = specs.trailing_year_tokens(text)
    if not years or any(b != a + 1 for a, b in zip(years, years[1:], strict=False)):
        return None
    return label, years


def role_line(text: str) -> list[str] | None:
    """Roles of a line made only of column-role words ("Referentie Wijziging Nieuw …")."""
    if not _ROLE_LINE_RE.fullmatch(text):
        return None
    return [_ROLES[w.lower()] for w in _ROLE_WORD_RE.findall(text)]


def year_roles(years: Sequence[int], roles: Sequence[str]) -> list[tuple[int, str]] | None:
    """Assign each role column its year: a role that does not follow the previous one in the order
    referentie < wijziging < nieuw starts the next year. ``None`` when roles and years do not fit
    (a year without a column, or more year groups than years)."""
    out: list[tuple[int, str]] = []
    index, previous = 0, None
    for role in roles:
        if previous is not None and _ROLE_RANK[role] <= _ROLE_RANK[previous]:
            index += 1
        if index >= len(years):
            return None
        out.append((years[index], role))
        previous = role
    return out if index == len(years) - 1 else None


@dataclass(frozen=True, slots=True)
class _Col:
    year: int
    role: str
    direction: str | None = None  # M3 only


@dataclass(frozen=True, slots=True)
class _Header:
    label: str
    columns: tuple[_Col, ...]
    consumed: int  # lines the header spans


def _read_header(lines: Sequence[CLine], i: int, *, with_directions: bool = False) -> _Header | None:
    """A column header starting at ``lines[i]``: year list [+ direction line] [+ role line]."""
    parsed = trailing_years(lines[i].text)
    if parsed is None:
        return None
    label, years = parsed
    if label and _is_artefact(lines[i].text):  # a running footer ending in a year
        return None
    n = 1
    directions: list[str] = []
    if with_directions and i + n < len(lines) and _DIRECTION_HEADER_RE.fullmatch(lines[i + n].text):
        directions = [_DIRECTIONS[w.lower()] for w in lines[i + n].text.split()]
        n += 1
    roles = role_line(lines[i + n].text) if i + n < len(lines) else None
    if roles is not None:
        n += 1
    if directions:
        columns = _direction_columns(years, directions, roles)
    elif roles is not None:
        pairs = year_roles(years, roles)
        columns = tuple(_Col(y, r) for y, r in pairs) if pairs else None
    else:
        columns = tuple(_Col(y, "plan") for y in years)
    if columns is None:
        return None
    return _Header(label, columns, n)


def _direction_columns(years: list[int], directions: list[str], roles: list[str] | None) -> tuple[_Col, ...] | None:
    """M3: directions per year (in year order), roles per direction (or one 'plan' column each)."""
    if len(directions) % len(years):
        return None
    per_year = len(directions) // len(years)
    roles = roles or ["plan"] * len(directions)
    if len(roles) % len(directions):
        return None
    per_direction = len(roles) // len(directions)
    return tuple(
        _Col(years[k // per_direction // per_year], role, directions[k // per_direction])
        for k, role in enumerate(roles)
    )


def _content(sections: Sequence[Section]) -> list[CLine]:
    """Table lines of the sections without furniture (flagged lines), cut at the dossier list."""
    return [cl for cl in _table_lines(sections) if cl.furniture is None]


def _is_suffix(text: str) -> bool:
    """A label part printed after its row's amounts: "boekjaar", "vaste activa", "schulden"."""
    return (
        text[:1].islower()
        and not split_trailing_amounts(text)[1]
        and _outline_prefix(text) is None
        and not _BULLET_RE.fullmatch(text)
    )


def _plan_row(
    table_kind: str,
    col: _Col,
    amount: Decimal,
    cl: CLine,
    *,
    label: str,
    path: str,
    parent: str | None,
    section: str | None,
    **dims: str | None,
) -> AmountRow:
    return AmountRow(
        table_kind=table_kind,
        section=section,
        label=label,
        line_path=path,
        parent_path=parent,
        year=col.year,
        phase=PHASE,
        amount=amount,
        page_no=cl.page_no,
        line_no=cl.line_no,
        column_role=col.role,
        **dims,
    )


# ---------------------------------------------------------------------------------------------
# M1 Financieel doelstellingenplan

_M1_GROUPS = specs.M1_BLOCKS


def _m1_block_code(text: str) -> str | None:
    for pattern, code in _M1_GROUPS:
        if pattern.fullmatch(text):
            return code
    return _j1_block_code(text)


def parse_m1(sections: Sequence[Section], fiscal_year: int | None) -> list[AmountRow]:
    """M1: one row per block (BD / ZONDER_BD / TOTAAL …) x direction x year x column role."""
    del fiscal_year  # the years are printed in the column headers
    lines = _content(sections)
    rows: list[AmountRow] = []
    code: str | None = None
    kind: str | None = None
    columns: tuple[_Col, ...] = ()
    i = 0
    while i < len(lines):
        cl = lines[i]
        header = _read_header(lines, i)
        if header is not None and not header.label:
            columns = header.columns
            i += header.consumed
            continue
        i += 1
        text = cl.text
        if _is_artefact(text):
            continue
        if (block := _m1_block_code(text)) is not None:
            code, kind = block, None
            continue
        if code is None:
            continue
        if (budget_kind := _BUDGET_KINDS.get(text.lower().rstrip(":"))) is not None:
            kind = budget_kind
            continue
        row = _row_amounts(text, len(columns))
        direction = _DIRECTIONS.get(row[0].lower()) if row else None
        if row is None or direction is None:
            continue  # BD titles and anything else that is not a row
        parent = f"{code}.{kind}" if kind else code
        for col, amount in zip(columns, row[1], strict=True):
            rows.append(
                _plan_row(
                    "M1",
                    col,
                    amount,
                    cl,
                    label=row[0],
                    path=f"{parent}.{direction}",
                    parent=parent,
                    section=kind,
                    budget_kind=kind,
                    direction=direction,
                    policy_code=code,
                )
            )
    return rows


# ---------------------------------------------------------------------------------------------
# M2 Staat van het financieel evenwicht (the J2 outline with plan columns)

_MAX_TITLE_WORDS = 6


@dataclass(slots=True)
class _M2State:
    out: _OutlineState = field(default_factory=lambda: _OutlineState("M2"))
    columns: tuple[_Col, ...] = ()
    title_candidate: str | None = None
    last: tuple[int, int] | None = None  # rows[start:end] read from the previous table line


def _m2_header(st: _M2State, header: _Header) -> None:
    label = header.label or st.title_candidate or ""
    section = _slug(label) if label else st.out.section
    if section != st.out.section or header.columns != st.columns:
        st.out.restart(section, _Outline(section))
    st.columns = header.columns
    st.out.columns = [(col.year, PHASE) for col in header.columns]
    st.title_candidate, st.last = None, None


def _m2_suffix(st: _M2State, text: str) -> None:
    """Append a wrapped label part to the rows of the previous line (re-keying a "- entity" row)."""
    assert st.last is not None
    start, end = st.last
    rows = st.out.rows
    for k in range(start, end):
        row = rows[k]
        label = f"{row.label} {text}"
        path = row.line_path
        if _BULLET_RE.fullmatch(row.label) and not _TOTAL_RE.match(row.label) and row.parent_path:
            path = f"{row.parent_path}.{_bullet_key(label)}"
        rows[k] = replace(row, label=label, line_path=path)
    st.last = None


def _m2_line(st: _M2State, cl: CLine) -> None:
    text = cl.text
    if st.last is not None and _is_suffix(text):
        _m2_suffix(st, text)
        return
    if st.out.section is None or not st.columns:
        st.title_candidate = text if _is_title(text) else None
        return
    start = len(st.out.rows)
    _outline_line(st.out, cl)
    end = len(st.out.rows)
    if end > start:
        st.out.rows[start:end] = [
            replace(row, column_role=st.columns[k % len(st.columns)].role)
            for k, row in enumerate(st.out.rows[start:end])
        ]
        st.last = (start, end)
        st.title_candidate = None
    else:
        st.last = None
        st.title_candidate = text if _is_title(text) and st.out.pending is None else None


def _is_title(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_TITLE_WORDS
        and not any(ch.isdigit() for ch in text)
        and _outline_prefix(text) is None
        and not _BULLET_RE.fullmatch(text)
        and not _TOTAL_RE.match(text)
    )


def parse_m2(sections: Sequence[Section], fiscal_year: int | None) -> list[AmountRow]:
    """M2: rows keyed like J2 (``<block>.<numeral>[.<letter>]``, consolidated ``….I.<entity>`` and
    ``….I.totaal``), one per year x column role."""
    del fiscal_year
    lines = _content(sections)
    st = _M2State()
    i = 0
    while i < len(lines):
        header = _read_header(lines, i)
        if header is not None and (not header.label or _is_title(header.label)):
            _m2_header(st, header)
            i += header.consumed
            continue
        cl = lines[i]
        i += 1
        if not _is_artefact(cl.text):
            _m2_line(st, cl)
    return st.out.rows


# ---------------------------------------------------------------------------------------------
# M3 Overzicht van de kredieten

_M3_ENTITY_RE = re.compile(r"kredieten (?P<entity>[^\d]+)", re.I)


def parse_m3(sections: Sequence[Section], fiscal_year: int | None) -> list[AmountRow]:
    """M3: one row per budget kind (and detail row) x direction x year x column role."""
    del fiscal_year
    lines = _content(sections)
    rows: list[AmountRow] = []
    columns: tuple[_Col, ...] = ()
    entity: str | None = None
    entities: list[str] = []
    kind: str | None = None
    i = 0
    while i < len(lines):
        header = _read_header(lines, i, with_directions=True)
        if header is not None and not header.label and header.columns[0].direction is not None:
            columns = header.columns
            i += header.consumed
            continue
        cl = lines[i]
        i += 1
        text = cl.text
        if _is_artefact(text) or not columns:
            continue
        row = _row_amounts(text, len(columns))
        if row is None or not row[0]:
            m = _M3_ENTITY_RE.fullmatch(text) or _BULLET_RE.fullmatch(text)
            if m and not split_trailing_amounts(text)[1]:
                entity, kind = _slug(m["entity"] if "entity" in m.groupdict() else m["label"]), None
                entities.append(entity)
            continue
        label, amounts = row
        if (budget_kind := _BUDGET_KINDS.get(label.lower())) is not None:
            kind, path, parent = budget_kind, budget_kind, None
        elif _TOTAL_RE.match(label):
            kind, path, parent = None, "totaal", None
        else:  # a detail row ("Leningen en leasings") belongs to the budget kind above it
            path = f"{kind}.{_slug(label)}" if kind else _slug(label)
            parent = kind
        for col, amount in zip(columns, amounts, strict=True):
            rows.append(
                _plan_row(
                    "M3",
                    col,
                    amount,
                    cl,
                    label=label,
                    path=path,
                    parent=parent,
                    section=entity,
                    budget_kind=kind,
                    direction=col.direction,
                )
            )
    if len(set(entities)) > 1:
        return [_prefix_entity(row) for row in rows]
    return rows
