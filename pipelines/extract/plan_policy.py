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

Other producers (the same content, another layout) are read by the same blocks:

* code forms (:data:`CODE`): ``BD000001``, ``BDS000001``, ``AP000123``, ``AC000123`` and the short forms
  ``BD01``, ``BD.17``, ``BD 1``, ``AP0101``, ``AP.0101``, ``AC010101``, dotted numbers ``AP 1.2``, ``AC1.2.1``
  and a level word with a bare number (``Beleidsdoelstelling 1: Wonen``, stored as ``BD 1``, ``Actieplan 1.2 -
  Huren`` as ``AP 1.2``); a header is ``<level word>[:] <code>``
  (``BELEIDSDOELSTELLING BD01 - WONEN``, ``Actieplan AP.1701: Veiligheid``) or the code alone at the start
  of the line (``BD.17 Veiligheid``, ``BD000001: title *``), with the title after ``:``, ``-`` or a space
  or, when the header line holds only the code, on the next line(s). A code-only header line followed by an
  amount line is a table row label, and a header line ending in amounts is a table row: neither is an item;
* titles in capitals wrap over the following capital lines; a title is kept as printed; the text under the
  title up to the period or the table is the item's ``description``;
* priority from a ``*`` before or after the title, from the word ``prioritair(e)`` / ``niet-prioritair(e)``
  on the header, from a marker line under the heading (``Prioritaire beleidsdoelstelling``, ``Prioritair
  actieplan``, ``Prioriteit: ja``; in a layout that marks its priority items an unmarked item is not one),
  or from the section heading the item stands under (``Prioritaire beleidsdoelstellingen``,
  ``Niet-prioritaire ...``, ``Overige beleidsdoelstellingen``);
* a table-of-contents line (``... ........ 12``) never gives the item's row; a heading the furniture detector
  flags (printed in the contents too, or repeated at the top of the next pages) is the heading the first
  time its code heads a block and a running header after that;
* domain headings ``H1: Algemeen bestuur`` (``Beleidsdomein 01: ...``) give the ``beleidsdomein_code`` (H1) and
  ``beleidsdomein`` (Algemeen bestuur) of the items under them (an AP / AC without one inherits its parent's);
  in a list, an entry of another level than the list's (``AP000001: ...`` under ``BD000001: ...`` in the list
  of all beleidsdoelstellingen) hangs under the entry above it;
* hierarchy: positional as above; an item with no parent by position gets the one its code nests in, only
  when that is unambiguous (``AP0101`` under ``BD01``, ``AC010101`` under ``AP0101``, ``AP.1701`` under
  ``BD.17``: the parent's number followed by exactly two digits; ``AP 1.2`` under ``BD 1``: the parent's
  dotted number minus its last part; one such parent printed);
* per-item year tables: a year header ``2026 2027 ...`` (also ``MJP2026``, ``2026 (€)``, a trailing
  ``Totaal`` column, which is not stored), rows ``Uitgaven`` / ``Ontvangsten`` / ``Saldo`` with the budget
  kind as a sub-heading or as a row prefix / suffix (``Exploitatie uitgaven``, ``Uitgaven - investeringen``)
  or none (:data:`TOTAL_KIND`); amounts in whole euros or with decimal commas, negative as ``-1.234``,
  ``(1.234)`` or ``1.234-`` (:mod:`numbers`); also transposed (``Jaar Uitgaven Ontvangsten`` with one
  row per year, a ``Totaal`` row read past), and a revision's ``Vorig krediet / Wijziging / Nieuw krediet``.

:func:`parse_unsectioned` reads a plan whose policy part carries none of the section titles above (another
producer's strategic note, a portal's list of all beleidsdoelstellingen): every line outside the recognised
schema sections and before a schema title of any form (``Schema M1 - ...``; reading resumes at a
``Strategische nota`` heading), kept only when it prints at least one beleidsdoelstelling header.
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
from pipelines.extract.model import PolicyBudget, PolicyItem, PolicyResult, policy_code_key
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.policy import (  # the vocabulary of the jaarrekening's policy tables
    _BUDGET_KIND,
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
# a policy code as printed: BD000001, BDS000001, AP000001, AC000072, AP0101, AC010101 (letters and at least three
# digits) or the short forms BD01, BD.17, AP.1701, BD 1 (upper-case BD/BDS/AP/AC only)
CODE = (
    r"(?:(?-i:BDS?|AP|AC)[ .]?\d{1,3}(?:\.\d{1,3})+"  # dotted numbering: AP 1.1, AC1.1.1
    r"|[^\W\d_]{1,6}\d{3,}|(?-i:BDS?|AP|AC)(?:\d{1,2}|\.\d{1,8}| \d{1,3}))(?![\w.])"
)
_CODE = CODE
_SHORT_CODE = (  # a code without a level word
    r"(?-i:BDS?|AP|AC)(?:[ .]?\d{1,3}(?:\.\d{1,3})+|\d{1,8}|\.\d{1,8}| \d{1,3})(?![\w.])"
)
_REST = r"(?:\s*[:\-\u2013]\s*(?P<rest>.*)|\s+(?P<rest2>\S.*))?"  # title after ":", "-", "–" or a space
_ITEM_HEADER = re.compile(
    rf"(?:(?P<np>niet[- ]?)?(?P<prio>prioritair)e?\s+)?(?P<level>beleidsdoelstelling|actieplan|actie)\s*:?\s*"
    rf"(?P<code>{_CODE}){_REST}",
    re.I,
)
# a level word with a bare number ("Beleidsdoelstelling 1: Wonen", "ACTIEPLAN 1.2 - Huren"): the level word
# starts with a capital (prose says "beleidsdoelstelling 1 en 2") unless a priority word precedes it, and the
# title follows after ":" or "-"; the code is stored as BD 1 / AP 1.2 / AC 1.2.3
_NUMBERED_HEADER = re.compile(
    r"(?:(?P<np>[Nn]iet[- ]?|NIET[- ]?)?(?P<prio>[Pp]rioritair|PRIORITAIR)[eE]?\s+)?"
    r"(?P<level>(?(prio)(?i:beleidsdoelstelling|actieplan|actie)|(?:Beleidsdoelstelling|BELEIDSDOELSTELLING|Actieplan"
    r"|ACTIEPLAN|Actie|ACTIE)))\s+(?P<number>\d{1,3}(?:\.\d{1,3})*)\s*[:\-\u2013]\s*(?P<rest>\S.*)(?P<rest2>)"
)
_CODE_HEADER = re.compile(rf"(?P<code>{_SHORT_CODE}){_REST}")  # "BD.17 Veiligheid", "BD000001: title *"
# "H1: Algemeen bestuur", "Beleidsdomein: H1 - Algemeen bestuur", "Beleidsdomein 01: Algemene financiering"
_DOMAIN = re.compile(
    r"(?:beleidsdomein\s*:?\s*)?(?P<code>(?-i:H)\d{1,2})\s*[:\-\u2013]\s*(?P<name>\S.*)"
    r"|beleidsdomein\s*:?\s*(?P<code2>[A-Z]{0,2}\d[\w.]*)\s*[:\-\u2013]?\s*(?P<name2>\S.*)",
    re.I,
)
# a heading that sets the priority of the items under it
_PRIORITY_SECTION = re.compile(
    r"(?:\d+(?:\.\d+)*\.?\s+)?(?:(?P<np>niet[- ]?)?(?P<prio>prioritaire?)|(?P<other>overige|andere))\s+"
    r"(?:beleidsdoelstellingen|actieplannen|acties|beleidsdoelen)\s*:?",
    re.I,
)
_LEVELS = {"beleidsdoelstelling": "BD", "actieplan": "AP", "actie": "AC"}
_PLAN_HEADER = re.compile(
    r"(?:(?P<np>niet[- ]?)?prioritaire\s+)?(?P<label>[^:]+?)\s*::\s*(?P<name>.*)"  # Provincie Limburg:: PROV: ...
    r"|(?P<np2>niet[- ]?)?prioritaire\s+(?P<label2>[^:]+?)\s*:\s*(?P<name2>.*)",  # Prioritaire Bestuur: Provincie ...
    re.I,
)
_OVERVIEW = re.compile(r"overzicht (?:van )?(?:alle |de )?(?P<what>beleidsdoelstellingen|actieplannen|acties)", re.I)
_OVERVIEW_LEVELS = {"beleidsdoelstellingen": "BD", "actieplannen": "AP", "acties": "AC"}
_OVERVIEW_ENTRY = re.compile(rf"(?P<code>{_CODE})\s*[:\-\u2013]\s*(?P<rest>.*)")  # BD000001: title, BD01 - title
# the legend of the star: "*: Prioritaire beleidsdoelstelling", "* = prioritair", "(*) prioritaire beleidsdoelstelling"
_LEGEND = re.compile(r"\*\s*:.*|\(?\*\)?\s*=?\s*(?:niet[- ]?)?prioritair.*", re.I)
_DOSSIER_LABEL = re.compile(r"(?P<label>[^\W\d_]+(?: [^\W\d_]+)*)\s*:")  # MJP referentie:
_DOSSIER = re.compile(r"\S.* \d{4}\s*:\s*\S.*")  # MJP_HERZIENING_OVERDRACHT_2026 2026: Alg. 30475

# --- lines inside a block -------------------------------------------------------------------
_STAR_START = re.compile(r"\*\s*(?P<rest>.*)")
_STAR_END = re.compile(r"(?P<rest>.*?)\s*\*")
_WORD = re.compile(r"\w+")
_TITLE_KEY_WORDS = 3
# a priority word printed with the title: "Wonen (prioritair)", "Wonen - niet-prioritaire beleidsdoelstelling"
_PRIORITY_WORD = re.compile(
    r"(?P<rest>.*?)\s*(?:[-\u2013]\s*|\(\s*)(?P<np>niet[- ]?)?prioritaire?"
    r"(?:\s+(?:beleidsdoelstelling|actieplan|actie))?\s*\)?",
    re.I,
)
# a marker line under an item's heading ("Prioritaire beleidsdoelstelling", "Prioritair actieplan", "(niet-prioritair)")
_PRIORITY_MARKER = re.compile(
    r"\(?(?P<np>niet[- ]?)?prioritaire?(?:\s+(?:beleidsdoelstelling|actieplan|actie))?\)?\.?"
    r"|(?:prioritair|prioriteit)\s*:\s*(?:ja|(?P<no>neen?))",  # a field "Prioriteit: ja" / "Prioritair: nee"
    re.I,
)
_MARKER_WITHIN = 3  # text lines under the header where the marker may stand (after a title of up to two lines)
_TOC_LEADER = re.compile(r"(?P<rest>.*?)\s*(?:\.{3,}|\u2026+)\s*\d{1,4}")  # table-of-contents line: dots + page
_BARE_PAGE_NUMBER = re.compile(r"\d{1,3}")  # a page number alone on its line (a year is never one)

# --- tables ---------------------------------------------------------------------------------
_YEAR_COLUMN = r"(?:MJP\s?)?(?:19|20)\d\d(?:\s?\(\s?(?:€|EUR|euro)\s?\)|\s?€)?"  # 2026, MJP2026, 2026 (€)
_YEARS = re.compile(
    # a label before the years only when at least two years follow: "Bedragen in euro 2026 2027 ..."
    rf"(?:[^\W\d][^\d]*?\s+(?={_YEAR_COLUMN}\s+{_YEAR_COLUMN}))?"
    rf"{_YEAR_COLUMN}(?:\s+{_YEAR_COLUMN})*(?:\s+(?P<total>totaal|total))?",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_KIND_WORDS = r"exploitatie|investeringen?|financiering"
# a row label: direction, with the budget kind before or after it ("Exploitatie uitgaven", "Uitgaven - investering")
_ROW_LABEL = re.compile(  # "Totaal uitgaven" / "Totale ontvangsten": the total over the kinds
    rf"(?:(?P<kind>{_KIND_WORDS}|totaal|totale)\s*[-\u2013:/]?\s*)?(?P<dir>uitgaven?|ontvangsten?|saldo)"
    rf"(?:\s*[-\u2013:/]?\s*(?P<kind2>{_KIND_WORDS}))?\s*:?",
    re.I,
)
# a transposed table: the directions are the columns and every row is a year ("Jaar Uitgaven Ontvangsten" /
# "2026 1.250.000 250.000"), the kind possibly before each direction ("Exploitatie uitgaven")
_DIRECTION_COLUMN = rf"(?:(?P<kind>{_KIND_WORDS})\s+)?(?P<dir>uitgaven?|ontvangsten?|saldo)"
_DIRECTION_HEADER = re.compile(
    rf"(?:(?:plan)?jaar\s+)?(?:{_DIRECTION_COLUMN.replace('?P<kind>', '?:').replace('?P<dir>', '?:')}\s*){{2,}}", re.I
)
_DIRECTION_COLUMNS = re.compile(_DIRECTION_COLUMN, re.I)
_YEAR_ROW_LABEL = re.compile(r"(?:MJP\s?)?(?P<year>(?:19|20)\d\d)", re.I)
_TOTAL_ROW_LABEL = re.compile(r"totaal|total|som", re.I)
# the negative notations of other packages, rewritten to a leading minus: (1.234) and 1.234-
_ROLE_WORDS = {"refe": "referentie", "vori": "referentie", "wijz": "wijziging", "nieu": "nieuw"}  # by first letters
_ROLE_ORDER = ("referentie", "wijziging", "nieuw")
_ROLE = re.compile(r"referentie|vorig(?:\s+krediet)?|wijziging|nieuw(?:\s+krediet)?", re.I)  # "Vorig krediet"
_ROLES = re.compile(rf"(?:(?:{_ROLE.pattern})\s*)+", re.I)


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
    description: str | None = None
    domain: tuple[str, str] | None = None  # (code, name) of the domain heading above it
    has_table: bool = False
    is_contents: bool = False  # a line of the table of contents ("... ........ 12")


@dataclass(slots=True)
class _Context:
    occurrences: list[_Occurrence] = field(default_factory=list)
    budgets: list[PolicyBudget] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    last_bd: str | None = None
    last_ap: str | None = None
    overview_level: str | None = None  # set while inside an "Overzicht beleidsdoelstellingen" list
    section_priority: bool | None = None  # set by a "Prioritaire / Overige beleidsdoelstellingen" heading
    markers_seen: bool = False  # a priority marker line under a heading: an item without one is not priority
    domain: tuple[str, str] | None = None  # (code, name) of a domain heading "H1: Algemeen bestuur"


def parse_plan_policy(sections: Sequence[Section], fiscal_year: int | None = None) -> PolicyResult:
    """Parse the plan's strategic note and ODAA sections (in document order) into one item list.

    ``fiscal_year`` is accepted for symmetry with :func:`policy.parse_policy`; plan tables always
    print their years.
    """
    del fiscal_year
    lines = [cl for s in sections if s.kind in SECTION_KINDS for cl in s.lines if _may_be_content(cl)]
    ctx = _Context()
    for kind, block in _blocks(lines):
        _block(kind, block, ctx)
    if ctx.markers_seen:  # the layout marks every priority item: an unmarked item is not one
        for occ in ctx.occurrences:
            if occ.priority is None:
                occ.priority = False
    return PolicyResult(items=_merge(ctx.occurrences), budgets=_dedup(ctx.budgets), metadata=ctx.metadata)


def _may_be_content(cl: CLine) -> bool:
    """Not a page artefact; an item header flagged as furniture is decided in :func:`_blocks`."""
    if _BARE_PAGE_NUMBER.fullmatch(cl.text):
        return False
    if cl.furniture is not None and _header_code(cl.text) is not None:
        return True
    return not is_page_artefact(cl, _PAGE_ARTEFACT) and not _is_artefact(cl.text)


def _header_code(text: str) -> str | None:
    """The code of an item header line (level word + code, or a code heading), as stored."""
    if m := _item_header(text):
        return _code_of(m)
    m = _CODE_HEADER.fullmatch(text)
    return " ".join(m["code"].split()) if m else None


def _item_header(text: str) -> re.Match[str] | None:
    return _ITEM_HEADER.fullmatch(text) or _NUMBERED_HEADER.fullmatch(text)


def _code_of(m: re.Match[str]) -> str:
    """The code of a header match: as printed, or level + number for a bare number (``BD 1``, ``AP 1.2``)."""
    if "number" in m.re.groupindex:
        return f"{_LEVELS[m['level'].lower()]} {m['number']}"
    return " ".join(m["code"].split())


def parse_unsectioned(lines: Sequence[CLine], sections: Sequence[Section]) -> tuple[list[Section], PolicyResult]:
    """Policy items of a document that prints none of the policy section titles.

    Reads every line outside ``sections`` (the recognised schemas) as one strategic note. The result
    counts only when it holds a beleidsdoelstelling (a plan's policy part always prints its BDs), so a
    code mentioned in prose or a chart title never becomes a lone item. Returns the section read (empty
    when nothing was found) and the result.
    """
    inside = {cl.index for s in sections for cl in s.lines}
    rest: list[CLine] = []
    reading = True  # a schema title ("Schema M1 - ...") starts the financial part: its BD blocks are no items
    for cl in lines:
        if cl.index in inside:
            continue
        if _SCHEMA_TITLE.fullmatch(cl.text):  # also when flagged as furniture (a title at the top of each page)
            reading = False
        elif _STRATEGIC_NOTE.fullmatch(cl.text):
            reading = True
        if reading:
            rest.append(cl)
    if not rest:
        return [], PolicyResult()
    section = Section("plan_strategic_note", tuple(rest))
    result = parse_plan_policy([section])
    if not any(i.level == "BD" for i in result.items):
        return [], PolicyResult()
    return [section], result


# a schema's title in any producer's form: "M1: ...", "Schema M1 - ...", "SCHEMA T2(W): ..."; a strategic note's
# heading: "Strategische nota", "2. STRATEGISCHE NOTA"
_SCHEMA_TITLE = re.compile(r"(?:schema\s+)?[JMT]\d{1,2}(?:\(W\)|W)?\s*[:\-\u2013]\s*[^\W\d].*", re.I)
_STRATEGIC_NOTE = re.compile(r".{0,20}\bstrategische nota\b[\s\d.:/()\-\u2013]*", re.I)


# --- blocks ---------------------------------------------------------------------------------
def _kind_of(text: str, in_overview: bool, next_text: str | None = None) -> str | None:
    if _item_header(text) and not _is_row(text, next_text):
        return "item"
    if _OVERVIEW.fullmatch(text):
        return "overview"
    if in_overview and _LEGEND.fullmatch(text):
        return "legend"
    if in_overview and _OVERVIEW_ENTRY.fullmatch(text) and not _is_row(text, next_text):
        return "entry"
    if _DOSSIERS.fullmatch(text):
        return "dossiers"
    if _DOMAIN.fullmatch(text):
        return "domain"
    if _PRIORITY_SECTION.fullmatch(text):
        return "priority"
    if _PLAN_HEADER.fullmatch(text):
        return "plan"
    if not in_overview and _CODE_HEADER.fullmatch(text) and not _is_row(text, next_text):
        return "code"
    return None


def _is_row(text: str, next_text: str | None) -> bool:
    """A code printed as a table row's label: amounts after it, or alone above an amount line."""
    _, amounts = split_trailing_amounts(text)
    if len(amounts) >= 2 or (amounts and any(c in text.split()[-1] for c in ".,()-")):
        return True
    if next_text is not None and _CODE_HEADER.fullmatch(text) and not _CODE_HEADER.fullmatch(text)["rest2"]:
        next_label, next_amounts = split_trailing_amounts(next_text)
        return bool(next_amounts) and not next_label and not _YEARS.fullmatch(next_text)
    return False


def _blocks(lines: Sequence[CLine]) -> Iterable[tuple[str, list[CLine]]]:
    """Cut the lines at every block starter; lines before the first starter are skipped.

    Overview entries are starters only inside an overview list (between its heading and its legend
    or the first detail block), so prose of the form "X000001: ..." elsewhere starts nothing.

    An item header the furniture detector flagged (a heading also printed in the table of contents, or
    repeated at the top of the next pages as a running header) is the item's heading the first time its
    code heads a block outside the contents, and a running header (skipped) after that.
    """
    kind: str | None = None
    block: list[CLine] = []
    in_overview = False
    headed: set[str] = set()  # codes that headed a block (contents lines excluded)
    for n, cl in enumerate(lines):
        starter = _kind_of(cl.text, in_overview, lines[n + 1].text if n + 1 < len(lines) else None)
        code = _header_code(cl.text) if starter in ("item", "code") else None
        if cl.furniture is not None and (code is None or code in headed):
            continue
        if code is not None and not _TOC_LEADER.fullmatch(cl.text):
            headed.add(code)
        if starter is None:
            if kind is not None:
                block.append(cl)
            continue
        if kind is not None:
            yield kind, block
        kind, block = starter, [cl]
        if starter in ("overview", "domain"):
            in_overview = True
        elif starter in ("legend", "item", "plan", "dossiers", "priority", "code"):
            in_overview = False
    if kind is not None:
        yield kind, block


def _block(kind: str, block: list[CLine], ctx: _Context) -> None:
    head = block[0]
    if kind == "overview":
        m = _OVERVIEW.fullmatch(head.text)
        ctx.overview_level = _OVERVIEW_LEVELS[m["what"].lower()] if m else None
        ctx.domain = None
    elif kind == "legend":
        ctx.overview_level = None
    elif kind == "entry":
        _overview_entry(block, ctx)
    elif kind in ("item", "code"):
        ctx.overview_level = None
        _item_block(block, ctx)
    elif kind == "plan":
        ctx.overview_level = None
        ctx.section_priority = ctx.domain = None
        _plan_block(block, ctx)
    elif kind == "dossiers":
        ctx.metadata.update(_dossiers(block[1:]))
    elif kind == "domain":
        m = _DOMAIN.fullmatch(head.text)
        ctx.domain = ((m["code"] or m["code2"]), (m["name"] or m["name2"]).strip()) if m else None
    elif kind == "priority":
        m = _PRIORITY_SECTION.fullmatch(head.text)
        ctx.section_priority = bool(m and m["prio"] and not m["np"])


def _overview_entry(block: list[CLine], ctx: _Context) -> None:
    m = _OVERVIEW_ENTRY.fullmatch(block[0].text)
    assert m is not None
    code = " ".join(m["code"].split())
    level = _level_from_code(code) or ctx.overview_level
    if level is None:
        return
    if ctx.overview_level is None or level != ctx.overview_level:  # APs listed under their BD: positional
        parent = _parent(level, code, ctx)
    else:  # a list of one level (the BDs, or all APs after all BDs): the code may still nest it
        parent = None
        if level == "BD":
            ctx.last_bd, ctx.last_ap = code, None
    texts, period, body_end = _text_and_period(block)
    title, starred, description = _title([m["rest"], *texts], overview=True)
    if not starred and ctx.overview_level is None:  # a list under a domain heading, no overview title
        starred = ctx.section_priority
    last = _add_table(block[body_end:], level, code, ctx)
    occ = _Occurrence(level, code, title, starred, parent, period, block[0], last or block[body_end - 1])
    occ.description, occ.domain, occ.has_table = description, ctx.domain, last is not None
    ctx.occurrences.append(occ)


def _level_from_code(code: str) -> str | None:
    prefix = code.rstrip("0123456789. ").upper()
    if prefix.startswith("BD"):
        return "BD"
    if prefix in ("AP", "AC"):
        return prefix
    return None


def _item_block(block: list[CLine], ctx: _Context) -> None:
    if m := _item_header(block[0].text):
        level = _LEVELS[m["level"].lower()]
        priority = None if not m["prio"] else not m["np"]
        code = _code_of(m)
    else:
        m = _CODE_HEADER.fullmatch(block[0].text)
        assert m is not None
        level, priority = _level_from_code(m["code"]) or "BD", None
        code = " ".join(m["code"].split())
    parent = _parent(level, code, ctx)
    texts, period, body_end = _text_and_period(block)
    for i, text in enumerate(texts[:_MARKER_WITHIN]):  # "Prioritaire beleidsdoelstelling" under the heading
        if mark := _PRIORITY_MARKER.fullmatch(text):
            marked = not (mark["np"] or mark["no"])
            priority, ctx.markers_seen = marked if priority is None else priority, True
            del texts[i]
            break
    rest = m["rest"] if m["rest"] is not None else m["rest2"] or ""
    title, marked, description = _title([rest, *texts], overview=False)
    for found in (marked, ctx.section_priority):
        if priority is None:
            priority = found
    last = _add_table(block[body_end:], level, code, ctx)
    occ = _Occurrence(level, code, title, priority, parent, period, block[0], last or block[body_end - 1])
    occ.description, occ.domain, occ.has_table = description, ctx.domain, last is not None
    occ.is_contents = bool(_TOC_LEADER.fullmatch(rest))
    ctx.occurrences.append(occ)


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
def _title(parts: list[str], *, overview: bool) -> tuple[str, bool | None, str | None]:
    """Title, priority and description of an item from its header rest (``parts[0]``) and its text lines.

    In an overview list a ``*`` before or after the title marks priority (no star: not priority)
    and a star after the title also ends it. Elsewhere a star before or after the title, or the word
    ``prioritair(e)`` after it, marks priority (``None`` when nothing is printed). The lines after the
    title are the description.
    """
    first, rest = parts[0].strip(), [p for p in parts[1:]]
    if m := _TOC_LEADER.fullmatch(first):  # a contents line: the title alone, nothing follows
        return m["rest"], None, None
    marked: bool | None = False if overview else None
    if m := _STAR_START.fullmatch(first):
        first, marked = m["rest"], True
    elif overview:
        for j, part in enumerate(parts):
            if m := _STAR_END.fullmatch(part.strip()):
                return _join([*parts[:j], m["rest"]]), True, _description(parts[j + 1 :])
    if not overview:
        if m := _STAR_END.fullmatch(first):
            first, marked = m["rest"], True
        elif first and (m := _PRIORITY_WORD.fullmatch(first)) and m["rest"]:
            first, marked = m["rest"], not m["np"]
    if not first:  # no title on the header line: the text is the title, unless it opens with a heading line
        if not rest:
            return "", marked, None
        if not _is_heading_line(rest[0], rest[1] if len(rest) > 1 else None):
            return _join(rest), marked, None
        first, rest = rest[0], rest[1:]
    n = _title_continuation(first, rest)
    return _join([first, *rest[:n]]), marked, _description(rest[n:])


def _is_heading_line(text: str, next_text: str | None) -> bool:
    """The title line under a code-only header: in capitals, or a phrase (no sentence end) followed by a
    line that starts a new sentence ("BD 1" / "Veiligheid" / "De stad zorgt ...")."""
    if _is_capitals(text):
        return True
    return next_text is not None and text[-1:] not in ".!?:;," and next_text[:1].isupper()


def _description(parts: Sequence[str]) -> str | None:
    """The text under the title, up to a heading in capitals that is no item's (a chapter title)."""
    end = next((i for i, part in enumerate(parts) if _is_capitals(part) and len(part.split()) >= 2), len(parts))
    return _join(parts[:end]) or None


def _is_capitals(text: str) -> bool:
    """A line in capitals (a heading's title): letters, none lower case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


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
    """How many of ``rest`` continue the wrapped title before the description starts.

    A title in capitals continues on the following lines in capitals."""
    if _is_capitals(first):
        n = 0
        while n < len(rest) and _is_capitals(rest[n]):
            n += 1
        return n
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
    return bool(
        _YEARS.fullmatch(text)
        or _ROLES.fullmatch(text)
        or _BUDGET_KIND.fullmatch(text)
        or _DIRECTION_HEADER.fullmatch(text)
    )


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
    """Parse table rows until the first line that is no part of a table; return the last table line.

    A header's trailing ``Totaal`` column is read as a column (the rows print it) but not stored."""
    years: list[int] | None = None
    columns: list[tuple[int | None, str]] | None = None
    kind: str | None = None
    pending: str | None = None  # a row label whose amounts are on the next line
    last: CLine | None = None
    by_year: list[tuple[str | None, str]] | None = None  # the (kind, direction) columns of a transposed table
    for cl in lines:
        text = cl.text
        if _DIRECTION_HEADER.fullmatch(text):
            by_year, columns = [(m["kind"], m["dir"]) for m in _DIRECTION_COLUMNS.finditer(text)], None
        elif by_year is not None:
            if not _year_row(cl, by_year, level, code, kind, ctx):
                return last
        elif m := _YEARS.fullmatch(text):
            years = [int(y) for y in _YEAR.findall(text)]
            columns = _columns(years, None)  # a kind printed above the year line stays
            if columns is not None and m["total"]:
                columns = [*columns, (None, "plan")]
        elif _ROLES.fullmatch(text) and years is not None:
            columns = _columns(years, [_ROLE_WORDS[w.lower()[:4]] for w in _ROLE.findall(text)])
        elif m := _BUDGET_KIND.fullmatch(text):
            kind = _KIND_BY_WORD[m["kind"].lower()[:4]]
        elif _ROW_LABEL.fullmatch(text) and columns:
            pending = text
        else:
            label, amounts = split_trailing_amounts(text)
            label, pending = label or pending or "", None
            row = _ROW_LABEL.fullmatch(label)
            if not (row and columns and len(amounts) == len(columns)):
                return last
            row_kind = row["kind"] or row["kind2"]
            for (year, role), amount in zip(columns, amounts, strict=True):
                if year is None:  # the printed total over the years
                    continue
                ctx.budgets.append(
                    PolicyBudget(
                        policy_level=level,
                        policy_code=code,
                        budget_kind=_kind_of_row(row_kind, kind),
                        direction=_DIRECTION_BY_WORD[row["dir"].lower()[:4]],
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


def _kind_of_row(row_kind: str | None, kind: str | None) -> str:
    """The budget kind printed in the row label, else the table's current kind, else the total."""
    if row_kind:
        return _KIND_BY_WORD.get(row_kind.lower()[:4], TOTAL_KIND)  # "totaal" / "totale": the total
    return kind or TOTAL_KIND


def _year_row(
    cl: CLine, by_year: list[tuple[str | None, str]], level: str, code: str, kind: str | None, ctx: _Context
) -> bool:
    """One row of a transposed table (a year and one amount per direction column); a total row is read past
    but not stored. False when the line is no such row."""
    label, amounts = split_trailing_amounts(cl.text)
    if not label and len(amounts) == len(by_year) + 1:  # the year itself was read as a plain integer
        first = amounts.pop(0)
        label = str(int(first)) if first == first.to_integral_value() else ""
    if len(amounts) != len(by_year):
        return False
    if _TOTAL_ROW_LABEL.fullmatch(label):
        return True
    if not (m := _YEAR_ROW_LABEL.fullmatch(label)):
        return False
    for (row_kind, direction), amount in zip(by_year, amounts, strict=True):
        ctx.budgets.append(
            PolicyBudget(
                policy_level=level,
                policy_code=code,
                budget_kind=_kind_of_row(row_kind, kind),
                direction=_DIRECTION_BY_WORD[direction.lower()[:4]],
                phase=PHASE,
                year=int(m["year"]),
                amount=amount,
                page_no=cl.page_no,
                line_no=cl.line_no,
                column_role="plan",
            )
        )
    return True


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
    levels = {code: occs[0].level for code, occs in by_code.items()}
    for code, occs in by_code.items():
        if parents[code] is None:
            parents[code] = _parent_by_code(code, levels[code], levels)
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

    domains = {code: next((o.domain for o in occs if o.domain), None) for code, occs in by_code.items()}

    def resolved_domain(code: str, seen: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        parent = parents.get(code)
        if domains.get(code) or parent is None or parent in seen:
            return domains.get(code)
        return resolved_domain(parent, seen | {code})

    items: list[PolicyItem] = []
    for code, occs in by_code.items():
        row = next(
            (o for o in occs if o.title and o.period),  # the detail block of a Journaalvolgnummers plan
            next(
                (o for o in occs if o.title and (o.description or o.has_table)),
                next((o for o in occs if o.title and not o.is_contents), occs[0]),  # not a contents line
            ),
        )
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
                description=_own_description(row, occs),
                beleidsdomein=(domain := resolved_domain(code)) and domain[1],
                beleidsdomein_code=domain and domain[0],
                code_key=policy_code_key(code, row.level),
            )
        )
    return items


def _own_description(row: _Occurrence, occs: Sequence[_Occurrence]) -> str | None:
    """The first printed description that says more than the title (a plan often repeats the title)."""
    title = row.title or next((o.title for o in occs if o.title), "")
    for occ in (row, *occs):
        if occ.description and _comparable(occ.description) != _comparable(title):
            return occ.description
    return None


def _comparable(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _parent_by_code(code: str, level: str, levels: dict[str, str]) -> str | None:
    """The printed item whose code this one nests in: its number followed by exactly two digits
    (``AP0101`` in ``BD01``, ``AC010101`` in ``AP0101``, ``AP.1701`` in ``BD.17``), when exactly one
    such item of the level above is printed; ``None`` otherwise (``AP000123`` nests in nothing)."""
    above = {"AP": "BD", "AC": "AP"}.get(level)
    parts = _number_parts(code)
    if above is None or parts is None:
        return None
    if len(parts) > 1:  # dotted numbering: AP 1.2 in BD 1
        nests = [o for o, lv in levels.items() if lv == above and _number_parts(o) == parts[:-1]]
    else:
        nests = [
            o
            for o, lv in levels.items()
            if lv == above and (d := _number_parts(o)) is not None and len(d) == 1 and _nests(parts[0], d[0])
        ]
    return nests[0] if len(nests) == 1 else None


def _nests(digits: str, parent: str) -> bool:
    return len(digits) == len(parent) + 2 and digits.startswith(parent)


def _number_parts(code: str) -> list[str] | None:
    """The number of a code as printed, split at its dots (a dotted number) or whole: AP0101 -> ['0101'],
    AP.0101 -> ['0101'], AP 1.2 -> ['1', '2']; ``None`` for a code without a number (a plan name)."""
    m = re.fullmatch(r"[^\W\d_]{1,6}[. ]?(\d+(?:\.\d+)*)", code)
    if not m:
        return None
    parts = m[1].split(".")
    return [str(int(p)) for p in parts] if len(parts) > 1 else parts


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
