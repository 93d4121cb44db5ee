"""Parse the jaarrekening schemas J1-J5 into :class:`AmountRow` rows.

Layouts (all amounts whole euros, sign as printed; zero rows are usually omitted but may be printed):

* **J1 Doelstellingenrekening** - per beleidsdoelstelling a header ("Prioritaire beleidsdoelstelling:
  BD000002", also "Niet-prioritaire beleidsdoelstelling: …") and a title; when the BD has amounts a
  column header ("Jaarrekening Meerjarenplan") follows, then the section labels in the *singular*
  ("Exploitatie", "Investering", "Financiering", always printed, even when empty) and rows
  "Uitgave|Ontvangst|Saldo <a> <b>". Blocks without a BD code: "Niet prioritaire
  beleidsdoelstellingen", "Verrichtingen zonder beleidsdoelstelling" and "Totaal" (the first two
  normally have no table). ``line_path = <policy_code>.<budget_kind>.<direction>``.
* **J2 Staat van het financieel evenwicht** - four blocks whose title line carries the column
  headers ("Budgettair resultaat Jaarrekening Meerjarenplan"); rows "I. Exploitatiesaldo -38.729
  435.795" with sub-rows "a. Ontvangsten" that repeat under several numerals (keyed by their
  parent: ``budgettair_resultaat.I.a``); the numbering may skip a numeral (no VIII). The
  consolidated block has numberless numeral headings ("I. Beschikbaar budgettair resultaat") with
  "- <entity>" rows and "Totaal…/Totale…" lines under them (``….I.autonoom_gemeentebedrijf``,
  ``….I.totaal``).
* **J3 Realisatie van de kredieten** - two header lines (3 phases x Uitgaven/Ontvangsten = 6
  numeric columns), an entity line "- Autonoom gemeentebedrijf" and rows Exploitatie,
  Investeringen, Financiering and "Leningen en leasings" (a child of Financiering with the same
  amounts: ``financiering.leningen_en_leasings``).
* **J4 Balans / J5 Staat van opbrengsten en kosten** - a year header ("2024 2023") and outline rows
  with prefixes I. > A. > 1. > a.; J4 starts each half with an "ACTIVA"/"PASSIVA" total row.
  Omitted zero rows leave gaps (a row's parent is the nearest printed ancestor) and the same label
  recurs under different parents, so rows are keyed by their full outline path
  (``PASSIVA.I.A.1.b``). J4 breaks over a page with a running footer and a repeated year header.

Traps handled for every schema: running page artefacts anywhere in a table (footers, "N / M"
counters, bare page numbers, repeated titles, header blocks and column headers), dossier lines
after "Andere gebruikte dossiers op dit rapport:" (the table ends there), journal numbers and years
that look like integers, labels wrapped over several lines (amounts on the last line or alone on
a line), printed all-zero rows, and duplicate sub-labels. Only normalised non-blank lines are used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipelines.extract import specs
from pipelines.extract.artefacts import (
    DOSSIER_LINE,
    ENTITY_LINE,
    JOURNAALVOLGNUMMERS_LINE,
    PAGE_COUNTER,
    PAGE_NUMBER,
    RUNNING_HEADER,
    YEAR_COLON,
    any_of,
)
from pipelines.extract.lines import CLine
from pipelines.extract.model import AmountRow
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import Section, classify_title

# ---------------------------------------------------------------------------------------------
# shared line classification

_STOP_RE = re.compile(r"andere gebruikte dossiers\b.*", re.I)

# running page artefacts, compiled case-insensitively (dossier codes and header words in any case)
_ARTEFACT_RE = re.compile(
    any_of(
        PAGE_NUMBER,
        PAGE_COUNTER,
        # running footer: wider than RUNNING_TITLE, any line carrying "<year> : " (a title in any case)
        rf".*{YEAR_COLON}.*",
        RUNNING_HEADER,
        DOSSIER_LINE,
        JOURNAALVOLGNUMMERS_LINE,
        r".*\b(algemeen|financieel) directeur:.*",  # signatories in the header block
        ENTITY_LINE,
    ),
    re.I,
)

# column words -> phase, keyed by their first four letters ("Initiële kredieten" in any spelling)
_PHASES_BY_STEM = {
    "jaar": "jaarrekening",
    "meer": "meerjarenplan",
    "eind": "eindkrediet",
    "init": "initieel_krediet",
}
_PHASE_WORD = r"jaarrekening|meerjarenplan|eindkredieten?|initi\S* kredieten?"
_PHASE_HEADER_RE = re.compile(rf"(?P<label>.*?) ?(?P<cols>(?:\b(?:{_PHASE_WORD}) ?)+)", re.I)
_PHASE_WORD_RE = re.compile(_PHASE_WORD, re.I)

_BUDGET_KINDS = specs.BUDGET_KIND_WORDS
_DIRECTIONS = specs.DIRECTION_WORDS
_DIRECTION_HEADER_RE = re.compile(r"(?:(?:uitgaven?|ontvangsten?) ?)+", re.I)
_YEAR_HEADER_RE = re.compile(r"(?:(?:19|20)\d{2} ?)+")
_TOTAL_RE = re.compile(r"(?:- )?(?:totaal|totale)\b", re.I)
_BULLET_RE = re.compile(r"[-–•] ?(?P<label>[^\W\d].*)")  # "- Autonoom gemeentebedrijf", not "-38.729"


def _table_lines(sections: Sequence[Section]) -> Iterator[CLine]:
    """Lines of every section of one kind, each cut at its "Andere gebruikte dossiers" block."""
    for section in sections:
        for cl in section.lines:
            if _STOP_RE.fullmatch(cl.text):
                break
            yield cl


def _is_artefact(text: str) -> bool:
    return bool(_ARTEFACT_RE.fullmatch(text)) or classify_title(text) is not None


def _phase_header(text: str) -> tuple[str, list[str]] | None:
    """Split "Budgettair resultaat Jaarrekening Meerjarenplan" into (label, phases)."""
    m = _PHASE_HEADER_RE.fullmatch(text)
    if not m:
        return None
    phases = [_PHASES_BY_STEM[w[:4].lower()] for w in _PHASE_WORD_RE.findall(m["cols"])]
    return m["label"], phases


def _column_header(text: str) -> list[str] | None:
    """Phases of a line made of column words only ("Jaarrekening Meerjarenplan")."""
    header = _phase_header(text)
    return header[1] if header and not header[0] else None


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def _row_amounts(text: str, count: int) -> tuple[str, list[Decimal]] | None:
    """(label, amounts) when ``text`` ends with exactly ``count`` amounts, else ``None``."""
    if count == 0:
        return None
    label, amounts = split_trailing_amounts(text, max_count=count)
    return (label, amounts) if len(amounts) == count else None


# ---------------------------------------------------------------------------------------------
# J1 Doelstellingenrekening

_J1_GROUPS = specs.J1_BLOCKS


@dataclass(slots=True)
class _J1State:
    fiscal_year: int
    policy_code: str | None = None
    budget_kind: str | None = None
    phases: list[str] = field(default_factory=list)
    rows: list[AmountRow] = field(default_factory=list)


def _j1_block_code(text: str) -> str | None:
    if (code := specs.bd_header_code(text)) is not None:
        return code
    for pattern, code in _J1_GROUPS:
        if pattern.fullmatch(text):
            return code
    return None


def _j1_line(st: _J1State, cl: CLine) -> None:
    text = cl.text
    if (code := _j1_block_code(text)) is not None:
        st.policy_code, st.budget_kind = code, None
        return
    if (phases := _column_header(text)) is not None:
        st.phases = phases
        return
    if st.policy_code is None:
        return
    if (kind := _BUDGET_KINDS.get(text.lower().rstrip(":"))) is not None:
        st.budget_kind = kind
        return
    row = _row_amounts(text, len(st.phases))
    direction = _DIRECTIONS.get(row[0].lower()) if row else None
    if row is None or direction is None or st.budget_kind is None:
        return  # BD titles and anything else that is not a row
    parent = f"{st.policy_code}.{st.budget_kind}"
    for phase, amount in zip(st.phases, row[1], strict=True):
        st.rows.append(
            AmountRow(
                table_kind="J1",
                section=st.budget_kind,
                label=row[0],
                line_path=f"{parent}.{direction}",
                parent_path=parent,
                year=st.fiscal_year,
                phase=phase,
                amount=amount,
                page_no=cl.page_no,
                line_no=cl.line_no,
                budget_kind=st.budget_kind,
                direction=direction,
                policy_code=st.policy_code,
            )
        )


def parse_j1(sections: Sequence[Section], fiscal_year: int) -> list[AmountRow]:
    """J1: one row per block (BD / NIET_PRIORITAIR / ZONDER_BD / TOTAAL) x section x direction x column."""
    st = _J1State(fiscal_year)
    for cl in _table_lines(sections):
        if not _is_artefact(cl.text):
            _j1_line(st, cl)
    return st.rows


# ---------------------------------------------------------------------------------------------
# outline tables (J2, J4, J5)

# "1. " needs its space so that an amounts-only line ("12.345 67.890") is not read as numbered
_PREFIX_RE = re.compile(r"(?:(?P<tok>[IVX]+|[A-Z]|[a-z])\. ?|(?P<num>\d{1,2})\. )(?P<rest>\S.*)")
_ROMAN_RE = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_BULLET_LEVEL = 4  # "- entity" rows and unnumbered lines sit below every numbered level
_MAX_LABEL_LINES = 3
_MAX_TITLE_WORDS = 6


def _outline_prefix(text: str) -> tuple[int, str] | None:
    """(level, token): roman 0 > capital 1 > number 2 > lowercase 3; ``None`` if unnumbered."""
    m = _PREFIX_RE.fullmatch(text)
    if not m:
        return None
    if m["num"]:
        return 2, m["num"]
    tok = m["tok"]
    if tok.islower():
        return 3, tok
    if tok in ("I", "V", "X") or len(tok) > 1:  # lone I/V/X are numerals; C, D, L, M are letters
        return (0, tok) if _ROMAN_RE.fullmatch(tok) else None
    return 1, tok


class _Outline:
    """Stack of open outline nodes; turns (level, key) into (line_path, parent_path)."""

    def __init__(self, root: str | None = None, *, root_is_parent: bool = False) -> None:
        self._root = root
        self._root_parent = root if root_is_parent else None
        self._stack: list[tuple[int, str]] = []
        self._used: set[str] = set()

    def place(self, level: int, key: str) -> tuple[str, str | None]:
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        base = self._stack[-1][1] if self._stack else self._root
        parent = self._stack[-1][1] if self._stack else self._root_parent
        path = f"{base}.{key}" if base else key
        if level == _BULLET_LEVEL:
            path = _unique(path, self._used)
        self._used.add(path)
        self._stack.append((level, path))
        return path, parent


def _unique(path: str, used: set[str]) -> str:
    candidate, n = path, 1
    while candidate in used:
        n += 1
        candidate = f"{path}_{n}"
    return candidate


@dataclass(slots=True)
class _Pending:
    """A numbered label printed without (all) its amounts: a heading or a wrapped label."""

    level: int
    key: str
    label: str
    lines: int = 1


@dataclass(slots=True)
class _OutlineState:
    table_kind: str
    columns: list[tuple[int, str]] = field(default_factory=list)  # (year, phase) per column
    section: str | None = None
    outline: _Outline = field(default_factory=_Outline)
    pending: _Pending | None = None
    title_candidate: str | None = None  # J2: the previous line, when it may be a block title
    rows: list[AmountRow] = field(default_factory=list)

    def restart(self, section: str | None, outline: _Outline) -> None:
        self.section, self.outline, self.pending = section, outline, None


def _emit(st: _OutlineState, level: int, key: str, label: str, amounts: list[Decimal], cl: CLine) -> None:
    path, parent = st.outline.place(level, key)
    _emit_at(st, path, parent, label, amounts, cl)


def _emit_at(st: _OutlineState, path: str, parent: str | None, label: str, amounts: list[Decimal], cl: CLine) -> None:
    for (year, phase), amount in zip(st.columns, amounts, strict=True):
        st.rows.append(
            AmountRow(
                table_kind=st.table_kind,
                section=st.section,
                label=label,
                line_path=path,
                parent_path=parent,
                year=year,
                phase=phase,
                amount=amount,
                page_no=cl.page_no,
                line_no=cl.line_no,
            )
        )


def _flush_pending(st: _OutlineState) -> None:
    """A pending label followed by another numbered line was a heading: open it as a parent."""
    if st.pending is not None:
        st.outline.place(st.pending.level, st.pending.key)
        st.pending = None


def _bullet_key(label: str) -> str:
    if _TOTAL_RE.match(label):
        return "totaal"
    m = _BULLET_RE.fullmatch(label)
    return _slug(m["label"] if m else label)


def _outline_line(st: _OutlineState, cl: CLine) -> None:
    """Place one table line (numbered row, wrapped label part, "- entity"/total row) in the outline."""
    row = _row_amounts(cl.text, len(st.columns))
    prefix = _outline_prefix(cl.text)
    if prefix is not None:
        _flush_pending(st)
        if row is not None and _outline_prefix(row[0]) is not None:
            _emit(st, *prefix, row[0], row[1], cl)
        else:  # a heading, or a label whose amounts follow on a later line
            st.pending = _Pending(*prefix, cl.text)
    elif not _continue_pending(st, row, cl):
        _unnumbered_line(st, row, cl)


def _continue_pending(st: _OutlineState, row: tuple[str, list[Decimal]] | None, cl: CLine) -> bool:
    """Complete or extend a wrapped numbered label; ``True`` when the line was used for it."""
    pending, text = st.pending, cl.text
    if pending is None or _BULLET_RE.fullmatch(text) or _TOTAL_RE.match(text):
        return False
    if row is not None and (not row[0] or pending.lines < _MAX_LABEL_LINES):
        st.pending = None
        label = f"{pending.label} {row[0]}" if row[0] else pending.label
        _emit(st, pending.level, pending.key, label, row[1], cl)
        return True
    if pending.lines < _MAX_LABEL_LINES and not split_trailing_amounts(text)[1]:
        pending.label, pending.lines = f"{pending.label} {text}", pending.lines + 1
        return True
    return False


def _unnumbered_line(st: _OutlineState, row: tuple[str, list[Decimal]] | None, cl: CLine) -> None:
    """ "- Autonoom gemeentebedrijf <a> <b>", "Totaal … <a> <b>": a row below the current numbered one."""
    if row is not None and row[0]:
        _flush_pending(st)
        _emit(st, _BULLET_LEVEL, _bullet_key(row[0]), row[0], row[1], cl)
    elif _BULLET_RE.fullmatch(cl.text):  # "- entity" heading without amounts
        _flush_pending(st)
        st.pending = _Pending(_BULLET_LEVEL, _bullet_key(cl.text), cl.text)


# ---------------------------------------------------------------------------------------------
# J2 Staat van het financieel evenwicht


def _is_block_title(st: _OutlineState, text: str) -> bool:
    """A short unnumbered line without digits after a complete row, e.g. "Autofinancieringsmarge"."""
    return (
        st.pending is None
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not any(ch.isdigit() for ch in text)
        and _outline_prefix(text) is None
        and not _BULLET_RE.fullmatch(text)
        and not _TOTAL_RE.match(text)
    )


def _j2_control(st: _OutlineState, cl: CLine, fiscal_year: int) -> bool:
    """Handle block titles and column headers; ``True`` when the line is not a table line.

    The block title normally carries the column headers ("Autofinancieringsmarge Jaarrekening
    Meerjarenplan"); a title printed on its own line just above a bare column header also counts.
    """
    text = cl.text
    if _is_artefact(text):
        return True
    header = _phase_header(text)
    if header is not None and _outline_prefix(text) is None:
        label, phases = header
        label = label or st.title_candidate or ""
        st.columns, st.title_candidate = [(fiscal_year, phase) for phase in phases], None
        if label and _slug(label) != st.section:  # the same block title repeated after a page break
            section = _slug(label)
            st.restart(section, _Outline(section))
        return True
    st.title_candidate = text if _is_block_title(st, text) else None
    return st.section is None


def parse_j2(sections: Sequence[Section], fiscal_year: int) -> list[AmountRow]:
    """J2: rows keyed ``<block>.<numeral>[.<letter>]``; consolidated entity/total rows by slug."""
    st = _OutlineState("J2")
    for cl in _table_lines(sections):
        if not _j2_control(st, cl, fiscal_year):
            _outline_line(st, cl)
    return st.rows


# ---------------------------------------------------------------------------------------------
# J3 Realisatie van de kredieten


@dataclass(slots=True)
class _J3State:
    fiscal_year: int
    phases: list[str] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)
    entity: str | None = None
    entities: list[str] = field(default_factory=list)
    budget_kind: str | None = None
    rows: list[AmountRow] = field(default_factory=list)

    def columns(self) -> list[tuple[str, str]]:
        if not self.phases:
            return []
        directions = self.directions or ["uitgaven", "ontvangsten"] * len(self.phases)
        per_phase = max(len(directions) // len(self.phases), 1)
        return [(self.phases[min(i // per_phase, len(self.phases) - 1)], d) for i, d in enumerate(directions)]


def _j3_line(st: _J3State, cl: CLine) -> None:
    text = cl.text
    if (phases := _column_header(text)) is not None:
        st.phases = phases
        return
    if _DIRECTION_HEADER_RE.fullmatch(text):
        st.directions = [_DIRECTIONS[w.lower()] for w in text.split()]
        return
    columns = st.columns()
    row = _row_amounts(text, len(columns))
    if row is None or not row[0]:
        if (m := _BULLET_RE.fullmatch(text)) and columns:
            st.entity, st.budget_kind = _slug(m["label"]), None
            st.entities.append(st.entity)
        return
    label, amounts = row
    kind = _BUDGET_KINDS.get(label.lower())
    if kind is not None:
        st.budget_kind, path, parent = kind, kind, None
    elif _TOTAL_RE.match(label):
        st.budget_kind, path, parent = None, "totaal", None
    else:  # a detail row ("Leningen en leasings") belongs to the budget kind above it
        path = f"{st.budget_kind}.{_slug(label)}" if st.budget_kind else _slug(label)
        parent = st.budget_kind
    for (phase, direction), amount in zip(columns, amounts, strict=True):
        st.rows.append(
            AmountRow(
                table_kind="J3",
                section=st.entity,
                label=label,
                line_path=path,
                parent_path=parent,
                year=st.fiscal_year,
                phase=phase,
                amount=amount,
                page_no=cl.page_no,
                line_no=cl.line_no,
                budget_kind=st.budget_kind,
                direction=direction,
            )
        )


def _prefix_entity(row: AmountRow) -> AmountRow:
    parent = f"{row.section}.{row.parent_path}" if row.parent_path else None
    return replace(row, line_path=f"{row.section}.{row.line_path}", parent_path=parent)


def parse_j3(sections: Sequence[Section], fiscal_year: int) -> list[AmountRow]:
    """J3: 6 columns (phase x direction); ``section`` is the entity line's slug.

    With several entity blocks the line_path is prefixed with the entity slug to stay unique.
    """
    st = _J3State(fiscal_year)
    for cl in _table_lines(sections):
        if not _is_artefact(cl.text):
            _j3_line(st, cl)
    if len(set(st.entities)) > 1:
        return [_prefix_entity(row) for row in st.rows]
    return st.rows


# ---------------------------------------------------------------------------------------------
# J4 Balans, J5 Staat van opbrengsten en kosten

_J4_ROOT_RE = re.compile(r"(?:totaal (?:der |van de )?)?(?P<root>activa|passiva)", re.I)


def _year_control(st: _OutlineState, cl: CLine) -> bool:
    """Year headers and artefacts; ``True`` when the line is not a table line."""
    text = cl.text
    if _YEAR_HEADER_RE.fullmatch(text) and " " in text:  # a lone year is the cover's fiscal year
        st.columns = [(int(year), "jaarrekening") for year in text.split()]
        return True
    return _is_artefact(text) or not st.columns


def _j4_root(st: _OutlineState, cl: CLine) -> bool:
    """ "ACTIVA <a> <b>" / "PASSIVA <a> <b>" open a new half of the balance sheet."""
    row = _row_amounts(cl.text, len(st.columns))
    label = row[0] if row else cl.text
    m = _J4_ROOT_RE.fullmatch(label)
    if not m:
        return False
    root = m["root"].upper()
    if row is None and root == st.section:  # the heading repeated after a page break
        return True
    st.restart(root, _Outline(root, root_is_parent=True))
    if row is not None:
        _emit_at(st, root, None, label, row[1], cl)
    return True


def _outline_from_years(sections: Sequence[Section], table_kind: str) -> list[AmountRow]:
    st = _OutlineState(table_kind)
    for cl in _table_lines(sections):
        if _year_control(st, cl):
            continue
        if table_kind == "J4" and _j4_root(st, cl):
            continue
        _outline_line(st, cl)
    return st.rows


def parse_j4(sections: Sequence[Section], fiscal_year: int) -> list[AmountRow]:
    """J4: ``section`` ACTIVA/PASSIVA, ``line_path`` the full outline; one row per year column.

    ``fiscal_year`` is not needed: the columns' years come from the printed "2024 2023" header.
    """
    del fiscal_year
    return _outline_from_years(sections, "J4")


def parse_j5(sections: Sequence[Section], fiscal_year: int) -> list[AmountRow]:
    """J5: ``line_path`` the outline ('I', 'II.A.3.a', 'IV.C'); one row per year column."""
    del fiscal_year
    return _outline_from_years(sections, "J5")
