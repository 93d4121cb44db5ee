"""Row types produced by the parsers; one raw DuckDB table per table kind is built from them.

Vocabularies (the same everywhere, also in the marts):
- ``phase``: ``jaarrekening``, ``eindkrediet``, ``initieel_krediet``, ``meerjarenplan``
- ``budget_kind``: ``exploitatie``, ``investeringen``, ``financiering``
- ``direction``: ``uitgaven``, ``ontvangsten``, ``saldo``
- ``column_role`` (plan documents only, ``None`` in a jaarrekening): ``referentie`` (the plan before a
  revision, "Referentie" / "Vorig krediet"), ``wijziging`` (the change), ``nieuw`` (the plan after the
  revision, "Nieuw" / "Nieuw krediet"), ``plan`` (the single column of an original plan)
Amounts are ``Decimal`` with two decimals, sign as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

PHASES = ("jaarrekening", "eindkrediet", "initieel_krediet", "meerjarenplan")
BUDGET_KINDS = ("exploitatie", "investeringen", "financiering")
DIRECTIONS = ("uitgaven", "ontvangsten", "saldo")
COLUMN_ROLES = ("referentie", "wijziging", "nieuw", "plan")


@dataclass(frozen=True, slots=True)
class AmountRow:
    """One printed amount of a schema table (J1-J5, T1, T2, T4): one row label x one column.

    ``line_path`` places the row in the table's outline (``PASSIVA.I.A.1.b``) and is unique per
    (table_kind, line_path, year, phase) within a document; ``parent_path`` is the path of the
    printed parent row (``None`` for a root). Dimension fields that do not apply stay ``None``.
    """

    table_kind: str  # J1 J2 J3 J4 J5 T1 T2 T4 M1 M2 M3
    section: str | None  # e.g. ACTIVA/PASSIVA, budgettair_resultaat, exploitatie, a beleidsdomein
    label: str  # the row label as printed (whitespace normalised)
    line_path: str
    parent_path: str | None
    year: int | None  # the column's year (fiscal year for J-tables' current column)
    phase: str | None  # see PHASES
    amount: Decimal
    page_no: int
    line_no: int
    budget_kind: str | None = None
    direction: str | None = None
    policy_code: str | None = None  # J1: BD code, or TOTAAL / NIET_PRIORITAIR / ZONDER_BD
    beleidsdomein: str | None = None  # T1: the beleidsdomein as printed
    column_role: str | None = None  # plan documents: see COLUMN_ROLES


@dataclass(frozen=True, slots=True)
class OffBalanceRow:
    """One row of "Niet in de balans opgenomen rechten en verplichtingen"."""

    row_type: str  # account | journal | total
    account_code: str | None  # '09', '0700'; the account a journal row belongs to; None for total
    parent_code: str | None  # nearest printed ancestor account (by code prefix); None for roots
    journal_no: str | None  # 10-digit journal number of a detail row
    label: str  # attached label when certain, '' otherwise; journal text for a detail row
    debit: Decimal
    credit: Decimal
    saldo: Decimal
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class OffBalanceLabel:
    """A label printed in the off-balance page's separate label list (in printed order)."""

    seq: int
    label: str
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class Participation:
    company: str
    amount: Decimal
    is_total: bool
    valuation_date: date | None
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class CreditTransfer:
    """One row of "Overdracht investeringskredieten / financieringskredieten N naar N+1"."""

    entity_name: str
    budget_type: str  # I (investeringen) | F (financiering)
    direction: str  # U (uitgave) | O (ontvangst)
    bd_code: str | None
    bd_title: str | None
    ap_code: str | None
    ap_title: str | None
    ac_code: str | None
    ac_title: str | None
    raming_code: str | None
    raming_text: str | None
    budget_code: str  # '2350000/01/0119/'
    account_code: str  # '2350000'
    beleidsdomein_code: str  # '01'
    beleidsveld_code: str  # '0119'
    budget_code_description: str  # words broken across lines rejoined
    change_code: str | None  # AMJP034892
    change_text: str | None  # 'Overdracht naar 2025'
    target_year: int
    transaction_credit: Decimal
    amount: Decimal  # the transferred amount ("Bedrag wijziging")
    from_year: int
    page_no: int  # first line of the row
    line_no: int
    page_no_end: int
    line_no_end: int


@dataclass(frozen=True, slots=True)
class CreditTransferTotal:
    budget_type: str  # I | F
    direction: str  # U | O | R (resultaat)
    column_label: str  # 'MJP 2025-2025' | 'TOTAAL'
    amount: Decimal
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class PolicyItem:
    level: str  # BD | AP | AC
    code: str
    title: str
    is_priority: bool
    parent_code: str | None
    period_start: date | None
    period_end: date | None
    evaluation_status: str  # op_schema | behaald | achter_schema | niet_opgestart | geen | onbekend
    status_phrase: str | None  # as printed
    evaluation_text: str | None
    page_start: int
    line_start: int
    page_end: int
    line_end: int
    description: str | None = None  # the text printed under the title (a plan's explanation of the item)
    beleidsdomein: str | None = None  # name of the domain heading the item stands under ("Algemeen bestuur")
    code_key: str | None = None  # join key of the code whatever its printed form: see :func:`policy_code_key`
    beleidsdomein_code: str | None = None  # code of that domain heading as printed ("H1", "01")


def policy_code_key(code: str, level: str | None = None) -> str | None:
    """The code's letters (upper case) and its number without separators or leading zeros.

    ``BD000001``, ``BD01``, ``BD.1`` and ``BD 1`` give ``BD1``; ``AP.1701`` and ``AP1701`` give
    ``AP1701``; ``AC010101`` gives ``AC10101``; a dotted number keeps its dots (``AP 1.02`` gives
    ``AP1.2``); a bare number takes the ``level`` as its letters (``1.2`` at level AP gives ``AP1.2``).
    ``None`` for anything that is not letters + number (a plan name).
    """
    m = _CODE_PARTS.fullmatch(code.strip())
    if not m or not (m["letters"] or level):
        return None
    parts = m["digits"].split(".")
    number = ".".join(str(int(p)) for p in parts) if len(parts) > 1 else str(int(parts[0]))
    return f"{(m['letters'] or level or '').upper()}{number}"


_CODE_PARTS = re.compile(r"(?P<letters>[^\W\d_]{0,6})[. ]?(?P<digits>\d+(?:\.\d+)*)")


@dataclass(frozen=True, slots=True)
class PolicyBudget:
    policy_level: str  # PLAN | BD | AP | AC
    policy_code: str  # the item code; for PLAN the plan's name as printed
    budget_kind: str
    direction: str
    phase: str  # jaarrekening | eindkrediet | initieel_krediet | meerjarenplan
    year: int
    amount: Decimal
    page_no: int
    line_no: int
    column_role: str | None = None  # plan documents: see COLUMN_ROLES


@dataclass(slots=True)
class PolicyResult:
    items: list[PolicyItem] = field(default_factory=list)
    budgets: list[PolicyBudget] = field(default_factory=list)
    unknown_status_phrases: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # markers, dossiers


# --- plan volumes: the documentation volume's lists and the policy statement's key figures ---------------


@dataclass(frozen=True, slots=True)
class SubsidyRow:
    """One granted subsidy x plan year of "Overzicht van de toegestane werkings- en investeringssubsidies"."""

    seq: int  # the subsidy's position in the list (1-based per document): one subsidy = one seq
    subsidy_kind: str  # werking | investering
    beleidsdomein: str | None  # the beleidsdomein heading's title as printed (without "BELEIDSDOMEIN")
    beleidsveld_code: str | None  # '0801'
    beleidsveld: str | None  # 'Buitengewoon basisonderwijs'
    beneficiary: str | None  # "Begunstigde" (None in text input: columns cannot be told apart)
    description: str | None  # "Omschrijving", wrapped lines joined
    year: int
    amount: Decimal
    nominatief: bool | None  # the "Nominatief" column: J = named in the plan, N = under a regulation
    nominatief_flag: str | None  # as printed: J | N | ? | None (blank)
    page_no: int
    line_no: int
    page_no_end: int
    line_no_end: int


@dataclass(frozen=True, slots=True)
class SubsidyTotal:
    """A printed total of the subsidy list: per beleidsveld ("Totaal :"), per beleidsdomein (its heading
    row) or per kind ("TOTAAL WERKINGSSUBSIDIES")."""

    level: str  # beleidsveld | beleidsdomein | kind
    subsidy_kind: str
    beleidsdomein: str | None
    beleidsveld_code: str | None
    beleidsveld: str | None
    label: str
    year: int
    amount: Decimal
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class BeleidsveldBudget:
    """One amount of the per-beleidsveld overview of receipts and expenditure (documentation volume)."""

    beleidsveld_printed: str  # the code as printed: 'BV0030'
    beleidsveld_code: str | None  # the official 4-digit code: '0030'
    beleidsveld: str
    budget_kind: str  # see BUDGET_KINDS
    direction: str  # see DIRECTIONS
    year: int
    amount: Decimal
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class PolicyStructureRow:
    """One beleidsitem of "Overzicht van de beleidsdomeinen, beleidsvelden en -items" (item 00 = the
    beleidsveld itself)."""

    beleidsdomein_code: str | None
    beleidsdomein: str | None
    beleidsveld_code: str
    beleidsveld: str
    beleidsitem_code: str
    beleidsitem: str
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class KeyFigureRow:
    """A year table of a policy statement's key figures (beleidsverklaring): one printed row x year.

    ``figure`` names a regulated headline figure where the label is one (``beschikbaar_budgettair_resultaat``,
    ``autofinancieringsmarge``, ``gecorrigeerde_autofinancieringsmarge``, ``financial_debt_total``), else None.
    ``year`` is None for a single period total (a priority policy's "Totaal uitgavebudget 2026-2031").
    """

    table_title: str | None  # the heading above the table ("Financieel evenwicht")
    figure: str | None
    label: str
    year: int | None
    amount: Decimal
    page_no: int
    line_no: int
    period_start: int | None = None  # a period total: its first and last year
    period_end: int | None = None


@dataclass(frozen=True, slots=True)
class BeleidsitemBudget:
    """One cell of a documentation volume's "Samenvatting budget <year> per beleidsitem": a beleidsitem (or a
    printed total) x column (an economic category, or the row total "Budget <year>")."""

    table_title: str  # the sub-table's heading: "Exploitatie-ontvangsten", "Investeringen & Financiering"
    budget_kind: str | None  # see BUDGET_KINDS, from the heading or the column
    direction: str | None  # uitgaven | ontvangsten, from the heading or the column
    column_no: int  # 1-based among the amount columns
    column_label: str  # the column header's words, lower case ("goederen en diensten", "budget 2026")
    is_row_total: bool  # the "Budget <year>" column: the row's total
    row_type: str  # item | domain_total | grand_total
    group_no: int | None  # items and the domain total that closes them share it; None for the grand total
    beleidsveld_code: str | None  # '0119'
    beleidsitem_code: str | None  # '04'
    label: str  # as printed, wrapped lines joined
    year: int | None
    amount: Decimal
    printed_cents: bool  # printed with decimals ("61.592,50"), else rounded to the euro ("61.593")
    page_no: int
    line_no: int


@dataclass(frozen=True, slots=True)
class SchemaCell:
    """One printed amount of a schema no dedicated parser reads (T5, an unknown ``M4: ...``): its row label
    and its column, as printed (:mod:`pipelines.extract.generic`)."""

    table_kind: str  # the schema's code as printed: T5, T3, M4
    title: str  # the schema's title line
    row_no: int  # the row's position within the document's cells of this kind (1, 2, ...)
    label: str  # the row label as printed ('' when none)
    column_no: int  # 1 = the first amount of the row
    column_header: str | None  # the year heading above the column, when the header's count matches
    year: int | None  # that heading's year
    amount: Decimal
    page_no: int
    line_no: int
