"""Plan policy: the BD -> AP -> AC hierarchy of a meerjarenplan and the plan budgets of its items.

A plan prints its policy items in up to three places, read from two section kinds:

* ``plan_strategic_note`` ("SN: Strategische Nota", a revision's "SNW: Strategische Nota:
  wijzigingsvariant"):

  - the list ``Overzicht beleidsdoelstellingen``: entries ``<code>: <title>``, the title possibly
    wrapped, priority marked by ``*`` before the title (``BD000001: * <title>``) or after it
    (``BDS000001: GBDS <title> *``), each entry followed by its description; the legend
    ``*: Prioritaire beleidsdoelstelling`` closes the list;
  - detail blocks ``Prioritaire beleidsdoelstelling: <code>[: <title>]`` / ``Prioritair actieplan:
    <code>[: <title>]``, then the title's wrapped rest and the description, the period ``Van
    dd/mm/yyyy tot dd/mm/yyyy`` and, for an actieplan, optionally a table with only ``Uitgaven`` and
    ``Ontvangsten`` rows. That table is the item's total over all budget kinds (checked on a revision:
    its Nieuw column equals exploitatie + investeringen + financiering of the ODAA), so its rows get
    ``budget_kind`` :data:`TOTAL_KIND`. An original plan prints one column per year
    (``column_role`` 'plan'), a revision prints the years in blocks with ``Referentie Wijziging Nieuw``
    per year (roles derived from the header lines, a block may end in the middle of a year).

* ``plan_policy`` ("ODAA: Overzicht doelstellingen, actieplannen en acties"): the plan header
  ``<entity>:: <name>`` with the whole plan's table (``policy_level`` 'PLAN', code = the name as
  printed), then ``Beleidsdoelstelling: <code>: <title>``, ``Actieplan: ...``, ``Actie: ...`` blocks
  (title wrapped, description, period) each with a table per budget kind: ``Exploitatie`` /
  ``Investeringen`` / ``Financiering`` with rows ``Uitgaven`` / ``Ontvangsten`` / ``Saldo``, one column per
  year (``column_role`` 'plan'). Empty rows are omitted by the report and stay absent.

Titles: a wrapped title continues on the next lines until the description starts; the description
usually repeats the title, so it starts at the first line that opens with the title's first words
(failing that, only lines starting in lower case continue the title). Titles are kept as printed
(prefixes like ``GBDS``/``BDS``/``01`` included) minus the ``*`` priority marker. Where an item has
no title of its own (Antwerpen's actieplan blocks print the code and a text), that text is the title.

Items printed in several places (overview, detail, ODAA) are one item: the first occurrence with
both a title and a period gives the row (its page/line span), missing fields are filled from the
other occurrences in document order. Priority comes from the first occurrence that prints it
(``Prioritair(e)``, ``Niet-prioritair(e)``, the overview's ``*``); an item that never prints it
(ODAA) inherits its parent's. The hierarchy is positional: AP -> last BD, AC -> last AP. A plan has
no evaluation: ``evaluation_status`` 'geen', ``status_phrase`` and ``evaluation_text`` None.

Page furniture (``CLine.furniture``) and running footers are skipped; a table row is a direction
label with exactly as many amounts as the header has columns, anything else ends the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from pipelines.extract.artefacts import (
    ENTITY_LINE,
    JOURNAALVOLGNUMMERS_LINE,
    PAGE_COUNTER,
    RUNNING_TITLE,
    any_of,
    is_page_artefact,
)
from pipelines.extract.lines import CLine
from pipelines.extract.model import PolicyBudget, PolicyItem, PolicyResult
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.policy import (  # the vocabulary of the jaarrekening's policy tables
    _BUDGET_KIND,
    _DIRECTION,
    _DIRECTION_BY_WORD,
    _DOSSIERS,
    _KIND_BY_WORD,
    _PERIOD,
    _is_artefact,
    _parent,
    _period,
)
from pipelines.extract.policy import _join as _join_wrapped
from pipelines.extract.sections import Section

SECTION_KINDS = ("plan_strategic_note", "plan_policy")
# running page artefacts a layout without furniture flags (a text export, a re-rendered PDF) leaves in
# the line stream; the dossier list stays: it is read into the metadata
_PAGE_ARTEFACT = re.compile(any_of(PAGE_COUNTER, RUNNING_TITLE, ENTITY_LINE, JOURNAALVOLGNUMMERS_LINE))
PHASE = "meerjarenplan"
TOTAL_KIND = "totaal"  # budget_kind of a table that prints no budget kind (total over all kinds)

# --- block starters -------------------------------------------------------------------------
_CODE = r"[^\W\d_]{1,6}\d{3,}"  # BD000001, BDS000001, AP000001, AC000072
_ITEM_HEADER = re.compile(
    rf"(?:(?P<np>niet[- ]?)?(?P<prio>prioritair)e?\s+)?(?P<level>beleidsdoelstelling|actieplan|actie)\s*:\s*"
    rf"(?P<code>{_CODE})(?:\s*:\s*(?P<rest>.*))?",
    re.I,
)
_LEVELS = {"beleidsdoelstelling": "BD", "actieplan": "AP", "actie": "AC"}
_PLAN_HEADER = re.compile(
    r"(?:(?P<np>niet[- ]?)?prioritaire\s+)?(?P<label>[^:]+?)\s*::\s*(?P<name>.*)"  # Provincie Limburg:: PROV: ...
    r"|(?P<np2>niet[- ]?)?prioritaire\s+(?P<label2>[^:]+?)\s*:\s*(?P<name2>.*)",  # Prioritaire Bestuur: Provincie ...
    re.I,
)
_OVERVIEW = re.compile(r"overzicht (?P<what>beleidsdoelstellingen|actieplannen|acties)", re.I)
_OVERVIEW_LEVELS = {"beleidsdoelstellingen": "BD", "actieplannen": "AP", "acties": "AC"}
_OVERVIEW_ENTRY = re.compile(rf"(?P<code>{_CODE})\s*:\s*(?P<rest>.*)")
_LEGEND = re.compile(r"\*\s*:.*")
_DOSSIER_LABEL = re.compile(r"(?P<label>[^\W\d_]+(?: [^\W\d_]+)*)\s*:")  # MJP referentie:
_DOSSIER = re.compile(r"\S.* \d{4}\s*:\s*\S.*")  # MJP_HERZIENING_OVERDRACHT_2026 2026: Alg. 30475

# --- lines inside a block -------------------------------------------------------------------
_STAR_START = re.compile(r"\*\s*(?P<rest>.*)")
_STAR_END = re.compile(r"(?P<rest>.*?)\s*\*")
_WORD = re.compile(r"\w+")
_TITLE_KEY_WORDS = 3

# --- tables ---------------------------------------------------------------------------------
_YEARS = re.compile(r"(?:(?:19|20)\d\d)(?:\s+(?:19|20)\d\d)*")
_ROLE_WORDS = {"referentie": "referentie", "wijziging": "wijziging", "nieuw": "nieuw"}
_ROLE_ORDER = ("referentie", "wijziging", "nieuw")
_ROLES = re.compile(r"(?:(?:referentie|wijziging|nieuw)\s*)+", re.I)


@dataclass(slots=True)
class _Occurrence:
    """One printing of an item (overview entry, detail block or ODAA block)."""

    level: str
    code: str
    title: str
    priority: bool | None  # None: not printed here
    parent: str | None
    period: tuple[date, date] | None
    first: CLine
    last: CLine


@dataclass(slots=True)
class _Context:
    occurrences: list[_Occurrence] = field(default_factory=list)
    budgets: list[PolicyBudget] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    last_bd: str | None = None
    last_ap: str | None = None
    overview_level: str | None = None  # set while inside an "Overzicht beleidsdoelstellingen" list


def parse_plan_policy(sections: Sequence[Section], fiscal_year: int | None = None) -> PolicyResult:
    """Parse the plan's strategic note and ODAA sections (in document order) into one item list.

    ``fiscal_year`` is accepted for symmetry with :func:`policy.parse_policy`; plan tables always
    print their years.
    """
    del fiscal_year
    lines = [
        cl
        for s in sections
        if s.kind in SECTION_KINDS
        for cl in s.lines
        if not is_page_artefact(cl, _PAGE_ARTEFACT) and not _is_artefact(cl.text)
    ]
    ctx = _Context()
    for kind, block in _blocks(lines):
        _block(kind, block, ctx)
    return PolicyResult(items=_merge(ctx.occurrences), budgets=_dedup(ctx.budgets), metadata=ctx.metadata)


# --- blocks ---------------------------------------------------------------------------------
def _kind_of(text: str, in_overview: bool) -> str | None:
    if _ITEM_HEADER.fullmatch(text):
        return "item"
    if _OVERVIEW.fullmatch(text):
        return "overview"
    if in_overview and _LEGEND.fullmatch(text):
        return "legend"
    if in_overview and _OVERVIEW_ENTRY.fullmatch(text):
        return "entry"
    if _DOSSIERS.fullmatch(text):
        return "dossiers"
    if _PLAN_HEADER.fullmatch(text):
        return "plan"
    return None


def _blocks(lines: Sequence[CLine]) -> Iterable[tuple[str, list[CLine]]]:
    """Cut the lines at every block starter; lines before the first starter are skipped.

    Overview entries are starters only inside an overview list (between its heading and its legend
    or the first detail block), so prose of the form "X000001: ..." elsewhere starts nothing.
    """
    kind: str | None = None
    block: list[CLine] = []
    in_overview = False
    for cl in lines:
        starter = _kind_of(cl.text, in_overview)
        if starter is None:
            if kind is not None:
                block.append(cl)
            continue
        if kind is not None:
            yield kind, block
        kind, block = starter, [cl]
        if starter == "overview":
            in_overview = True
        elif starter in ("legend", "item", "plan", "dossiers"):
            in_overview = False
    if kind is not None:
        yield kind, block


def _block(kind: str, block: list[CLine], ctx: _Context) -> None:
    head = block[0]
    if kind == "overview":
        m = _OVERVIEW.fullmatch(head.text)
        ctx.overview_level = _OVERVIEW_LEVELS[m["what"].lower()] if m else None
    elif kind == "legend":
        ctx.overview_level = None
    elif kind == "entry":
        _overview_entry(block, ctx)
    elif kind == "item":
        ctx.overview_level = None
        _item_block(block, ctx)
    elif kind == "plan":
        ctx.overview_level = None
        _plan_block(block, ctx)
    elif kind == "dossiers":
        ctx.metadata.update(_dossiers(block[1:]))


def _overview_entry(block: list[CLine], ctx: _Context) -> None:
    m = _OVERVIEW_ENTRY.fullmatch(block[0].text)
    assert m is not None
    code = m["code"]
    level = ctx.overview_level or _level_from_code(code)
    if level is None:
        return
    title, starred = _title([m["rest"], *(cl.text for cl in block[1:])], overview=True)
    ctx.occurrences.append(_Occurrence(level, code, title, starred, None, None, block[0], block[-1]))


def _level_from_code(code: str) -> str | None:
    prefix = code.rstrip("0123456789").upper()
    if prefix.startswith("BD"):
        return "BD"
    if prefix in ("AP", "AC"):
        return prefix
    return None


def _item_block(block: list[CLine], ctx: _Context) -> None:
    m = _ITEM_HEADER.fullmatch(block[0].text)
    assert m is not None
    level, code = _LEVELS[m["level"].lower()], m["code"]
    priority = None if not m["prio"] else not m["np"]
    parent = _parent(level, code, ctx)
    texts, period, body_end = _text_and_period(block)
    title, _ = _title([m["rest"] or "", *texts], overview=False)
    last = _add_table(block[body_end:], level, code, ctx) or block[body_end - 1]
    ctx.occurrences.append(_Occurrence(level, code, title, priority, parent, period, block[0], last))


def _plan_block(block: list[CLine], ctx: _Context) -> None:
    m = _PLAN_HEADER.fullmatch(block[0].text)
    assert m is not None
    ctx.last_bd = ctx.last_ap = None
    name = (m["name"] if m["label"] is not None else m["name2"]).strip()
    non_priority = m["np"] or m["np2"]
    code = f"NIET_PRIORITAIR {name}".strip() if non_priority else name or "PLAN"
    _, _, body_end = _text_and_period(block)
    _add_table(block[body_end:], "PLAN", code, ctx)


def _text_and_period(block: Sequence[CLine]) -> tuple[list[str], tuple[date, date] | None, int]:
    """Text lines after the header, the period, and where the rest (the table) starts.

    The text runs to the period line (text printed before the period on that line included) or
    to the first table line.
    """
    texts: list[str] = []
    for i, cl in enumerate(block[1:], start=1):
        if m := _PERIOD.fullmatch(cl.text):
            texts.extend([m["before"]] if m["before"] else [])
            return texts, _period(m), i + 1
        if _is_table_line(cl.text):
            return texts, None, i
        texts.append(cl.text)
    return texts, None, len(block)


# --- titles ---------------------------------------------------------------------------------
def _title(parts: list[str], *, overview: bool) -> tuple[str, bool | None]:
    """Title and priority of an item from its header rest (``parts[0]``) and its text lines.

    In an overview list a ``*`` before or after the title marks priority (no star: not priority)
    and a star after the title also ends it; elsewhere no priority is printed with the title.
    """
    first, rest = parts[0].strip(), parts[1:]
    starred: bool | None = None
    if overview:
        starred = False
        if m := _STAR_START.fullmatch(first):
            first, starred = m["rest"], True
        else:
            for j, part in enumerate(parts):
                if m := _STAR_END.fullmatch(part.strip()):
                    return _join([*parts[:j], m["rest"]]), True
    if not first:  # no title on the header line: the text is the title
        return _join(rest), starred
    n = _title_continuation(first, rest)
    return _join([first, *rest[:n]]), starred


def _join(parts: Sequence[str]) -> str:
    """Join wrapped lines (see :func:`policy._join`); a line ending in " -" ("en -" + "management")
    is a suspended compound whose word follows on the next line without a space."""
    merged: list[str] = []
    for part in (p.strip() for p in parts):
        if merged and merged[-1].endswith(" -") and part:
            merged[-1] += part
        else:
            merged.append(part)
    return _join_wrapped(merged)


def _title_continuation(first: str, rest: Sequence[str]) -> int:
    """How many of ``rest`` continue the wrapped title before the description starts."""
    key = _WORD.findall(first.lower())[:_TITLE_KEY_WORDS]
    for i, text in enumerate(rest):
        if _WORD.findall(text.lower())[: len(key)] == key:
            return i
    n = 0
    while n < len(rest) and rest[n][:1].islower():
        n += 1
    return n


# --- tables ---------------------------------------------------------------------------------
def _is_table_line(text: str) -> bool:
    return bool(_YEARS.fullmatch(text) or _ROLES.fullmatch(text) or _BUDGET_KIND.fullmatch(text))


def _columns(years: list[int], roles: list[str] | None) -> list[tuple[int, str]] | None:
    """Columns of a year block: one per year ('plan') or the role groups of a revision, per year.

    A role group restarts whenever the canonical order Referentie < Wijziging < Nieuw restarts, so a
    block that begins or ends in the middle of a year still gives one group per printed year.
    """
    if roles is None:
        return [(y, "plan") for y in years]
    groups: list[list[str]] = []
    for role in roles:
        if not groups or _ROLE_ORDER.index(role) <= _ROLE_ORDER.index(groups[-1][-1]):
            groups.append([role])
        else:
            groups[-1].append(role)
    if len(groups) != len(years):
        return None
    return [(y, role) for y, group in zip(years, groups, strict=True) for role in group]


def _add_table(lines: Sequence[CLine], level: str, code: str, ctx: _Context) -> CLine | None:
    """Parse table rows until the first line that is no part of a table; return the last table line."""
    years: list[int] | None = None
    columns: list[tuple[int, str]] | None = None
    kind: str | None = None
    pending: str | None = None  # a direction label whose amounts are on the next line
    last: CLine | None = None
    for cl in lines:
        text = cl.text
        if _YEARS.fullmatch(text):
            years = [int(y) for y in text.split()]
            columns, kind = _columns(years, None), None
        elif _ROLES.fullmatch(text) and years is not None:
            columns = _columns(years, [_ROLE_WORDS[w.lower()] for w in text.split()])
        elif m := _BUDGET_KIND.fullmatch(text):
            kind = _KIND_BY_WORD[m["kind"].lower()[:4]]
        elif (m := _DIRECTION.fullmatch(text)) and columns:
            pending = m["dir"]
        else:
            label, amounts = split_trailing_amounts(text)
            label, pending = label or pending or "", None
            direction = _DIRECTION.fullmatch(label)
            if not (direction and columns and len(amounts) == len(columns)):
                return last
            for (year, role), amount in zip(columns, amounts, strict=True):
                ctx.budgets.append(
                    PolicyBudget(
                        policy_level=level,
                        policy_code=code,
                        budget_kind=kind or TOTAL_KIND,
                        direction=_DIRECTION_BY_WORD[direction["dir"].lower()[:4]],
                        phase=PHASE,
                        year=year,
                        amount=amount,
                        page_no=cl.page_no,
                        line_no=cl.line_no,
                        column_role=role,
                    )
                )
        last = cl
    return last


# --- dossiers -------------------------------------------------------------------------------
def _dossiers(lines: Sequence[CLine]) -> dict[str, str]:
    """``MJP referentie:`` / ``<dossier>`` pairs right after the marker -> ``{'dossier_referentie': ...}``."""
    values: dict[str, list[str]] = {}
    key = "dossier"
    for cl in lines:
        if _DOSSIER.fullmatch(cl.text):
            values.setdefault(key, []).append(cl.text)
        elif m := _DOSSIER_LABEL.fullmatch(cl.text):
            words = m["label"].lower().split()
            key = "_".join(["dossier", *(words[1:] if words and words[0] == "mjp" else words)])
        else:
            break
    return {k: "; ".join(v) for k, v in values.items()}


# --- merging --------------------------------------------------------------------------------
def _merge(occurrences: Sequence[_Occurrence]) -> list[PolicyItem]:
    """One item per code, in order of first appearance (see the module docstring)."""
    by_code: dict[str, list[_Occurrence]] = {}
    for occ in occurrences:
        by_code.setdefault(occ.code, []).append(occ)
    priority: dict[str, bool] = {}
    parents: dict[str, str | None] = {}
    for code, occs in by_code.items():
        parents[code] = next((o.parent for o in occs if o.parent), None)
        printed = next((o.priority for o in occs if o.priority is not None), None)
        if printed is not None:
            priority[code] = printed

    def resolved_priority(code: str, seen: frozenset[str] = frozenset()) -> bool:
        if code in priority:
            return priority[code]
        parent = parents.get(code)
        if parent is None or parent in seen:
            return False
        return resolved_priority(parent, seen | {code})

    items: list[PolicyItem] = []
    for code, occs in by_code.items():
        row = next((o for o in occs if o.title and o.period), occs[0])
        items.append(
            PolicyItem(
                level=row.level,
                code=code,
                title=row.title or next((o.title for o in occs if o.title), ""),
                is_priority=resolved_priority(code),
                parent_code=parents[code],
                period_start=(period := row.period or next((o.period for o in occs if o.period), None)) and period[0],
                period_end=period and period[1],
                evaluation_status="geen",
                status_phrase=None,
                evaluation_text=None,
                page_start=row.first.page_no,
                line_start=row.first.line_no,
                page_end=row.last.page_no,
                line_end=row.last.line_no,
            )
        )
    return items


def _dedup(budgets: Sequence[PolicyBudget]) -> list[PolicyBudget]:
    """Keep the first printing of a (level, code, kind, direction, year, role) amount."""
    seen: set[tuple] = set()
    out: list[PolicyBudget] = []
    for b in budgets:
        key = (b.policy_level, b.policy_code, b.budget_kind, b.direction, b.year, b.column_role)
        if key not in seen:
            seen.add(key)
            out.append(b)
    return out
