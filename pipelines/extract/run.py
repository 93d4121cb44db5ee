"""Run every parser over a document's lines and measure what they covered.

This is the one place that knows which parser fills which raw table. The result maps raw table
names (see :mod:`pipelines.warehouse`) to row lists, plus a coverage record per table kind.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipelines.extract import (
    documentation,
    generic,
    key_figures,
    offbalance,
    plan_policy,
    policy,
    schedules_j,
    schedules_m,
    schedules_t,
    transfers,
)
from pipelines.extract.artefacts import JOURNAALVOLGNUMMERS_LINE, PAGE_NUMBER, YEAR_COLON
from pipelines.extract.completeness import Completeness, measure_completeness
from pipelines.extract.lines import CLine
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import UNREAD_LISTS, Section, classify_title, find_sections
from pipelines.ingest.metadata import expected_table_kinds

log = logging.getLogger(__name__)

# the table kinds a report must print, per report type and plan volume: one definition, at intake
# (pipelines.ingest.metadata.expected_table_kinds); their absence is reported in the coverage
EXPECTED_IN_JAARREKENING = expected_table_kinds("jaarrekening", None)
EXPECTED_IN_MEERJARENPLAN = expected_table_kinds("meerjarenplan", "volledig")
# a schema title: "M2: Staat van ...", "Schema M1(W): Aangepast ...", "T1W: ..."
_SCHEMA_TITLE = re.compile(r"(?:Schema )?(?P<code>[JMT]\d{1,2})(?:\(W\)|W)?: ?(?P<title>[A-Z].{3,})")


@dataclass(frozen=True)
class Coverage:
    table_kind: str
    raw_table: str
    expected: bool
    found: bool
    row_count: int
    section_lines: int
    unattributed_lines: int
    note: str | None


@dataclass
class Extraction:
    tables: dict[str, list] = field(default_factory=dict)
    coverage: list[Coverage] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # table kind -> parser error (table left empty)
    completeness: Completeness | None = None  # share of printed amounts / codes read

    def row_counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def _amount_rows(parse: Callable[..., list], table: str, with_year: bool = True):
    def run(sections: Sequence[Section], fiscal_year: int | None) -> dict[str, list]:
        rows = parse(sections, fiscal_year) if with_year else parse(sections)
        return {table: rows}

    return run


def _off_balance(sections: Sequence[Section], fiscal_year: int | None) -> dict[str, list]:
    rows, labels = offbalance.parse_off_balance(sections)
    return {"off_balance": rows, "off_balance_labels": labels}


def _transfers(sections: Sequence[Section], fiscal_year: int | None) -> dict[str, list]:
    rows, totals = transfers.parse_credit_transfers(sections)
    return {"credit_transfers": rows, "credit_transfer_totals": totals}


def _subsidies(sections: Sequence[Section], fiscal_year: int | None) -> dict[str, list]:
    rows, totals = documentation.parse_subsidies(sections)
    return {"subsidies": rows, "subsidy_totals": totals}


# table kind -> (section kinds it reads, parser returning {raw table: rows})
PARSERS: dict[str, tuple[tuple[str, ...], Callable[[Sequence[Section], int | None], dict[str, list]]]] = {
    "J1": (("J1",), _amount_rows(schedules_j.parse_j1, "j1_doelstellingenrekening")),
    "J2": (("J2",), _amount_rows(schedules_j.parse_j2, "j2_financieel_evenwicht")),
    "J3": (("J3",), _amount_rows(schedules_j.parse_j3, "j3_realisatie_kredieten")),
    "J4": (("J4",), _amount_rows(schedules_j.parse_j4, "j4_balans")),
    "J5": (("J5",), _amount_rows(schedules_j.parse_j5, "j5_opbrengsten_kosten")),
    "M1": (("M1",), _amount_rows(schedules_m.parse_m1, "m1_financieel_doelstellingenplan")),
    "M2": (("M2",), _amount_rows(schedules_m.parse_m2, "m2_financieel_evenwicht")),
    "M3": (("M3",), _amount_rows(schedules_m.parse_m3, "m3_kredieten")),
    "T1": (("T1",), _amount_rows(schedules_t.parse_t1, "t1_functionele_aard")),
    "T2": (("T2",), _amount_rows(schedules_t.parse_t2, "t2_economische_aard")),
    "T4": (("T4", "T3"), _amount_rows(schedules_t.parse_t4, "t4_financiele_schulden")),  # T3: see _DEBT_SCHEMA
    "participations": (
        ("participations",),
        _amount_rows(schedules_t.parse_participations, "participations", with_year=False),
    ),
    "off_balance": (("off_balance",), _off_balance),
    "credit_transfers": (("credit_transfers_investments", "credit_transfers_financing"), _transfers),
    # plan volumes: the documentation volume's lists, the policy statement's key figures
    "subsidies": (("subsidies",), _subsidies),
    "beleidsveld_overview": (
        ("beleidsveld_overview",),
        _amount_rows(documentation.parse_beleidsveld_overview, "beleidsveld_budgets", with_year=False),
    ),
    "policy_structure": (
        ("policy_structure",),
        _amount_rows(documentation.parse_policy_structure, "policy_structure", with_year=False),
    ),
    "beleidsitem_budget": (
        ("beleidsitem_budget",),
        _amount_rows(documentation.parse_beleidsitem_budget, "beleidsitem_budgets", with_year=False),
    ),
    "key_figures": (
        ("key_figures",),
        _amount_rows(key_figures.parse_key_figures, "plan_key_figures", with_year=False),
    ),
}
# kinds whose rows carry no amounts: their coverage does not count unattributed amount lines
_WITHOUT_AMOUNTS = frozenset({"policy_structure"})


# A plan prints the debt schema (a jaarrekening's T4) as "T3: Evolutie van de financiële schulden" /
# "Schema T3(W): ..."; a jaarrekening's T3 is another schema. Only a T3 section with this title is read as
# T4, up to the report's dossier list (the pages after it may carry no title of their own).
_DEBT_SCHEMA = re.compile(r".*\bEvolutie van de financi[eë]le schulden\b.*", re.I)
_DOSSIER_LIST = re.compile(r"Andere gebruikte dossiers\b.*", re.I)


def _is_debt_schema(section: Section) -> bool:
    return section.kind == "T3" and bool(_DEBT_SCHEMA.fullmatch(section.title.text))


def _sections_for(kind: str, section_kinds: Sequence[str], by_kind: dict[str, list[Section]]) -> list[Section]:
    """The sections a parser reads: its own kind's, and a plan's T3 debt schema for T4 (cut at its dossier list)."""
    out: list[Section] = []
    for sk in section_kinds:
        for s in by_kind.get(sk, []):
            if sk == "T3" and kind == "T4":
                if not _is_debt_schema(s):
                    continue
                end = next((i for i, cl in enumerate(s.lines) if _DOSSIER_LIST.fullmatch(cl.text)), len(s.lines))
                s = Section(s.kind, s.lines[:end])
            out.append(s)
    return out


def expected_kinds(report_type: str | None, plan_volume: str | None = None) -> tuple[set[str], set[str]]:
    """(kinds expected in this document, kinds a full report of its type has that this volume does not carry)."""
    if report_type == "jaarrekening":
        return set(EXPECTED_IN_JAARREKENING), set()
    if report_type != "meerjarenplan":
        return set(), set()
    # a plan published in volumes: a kind a full plan prints that this volume does not carry is "not in this
    # volume", never "expected but not found"
    full = set(EXPECTED_IN_MEERJARENPLAN)
    carried = set(expected_table_kinds(report_type, plan_volume))
    return carried, full - carried


def extract_document(
    lines: Sequence[CLine], fiscal_year: int | None, report_type: str | None, plan_volume: str | None = None
) -> Extraction:
    """Parse every table kind found in ``lines``.

    ``plan_volume`` (a meerjarenplan published in volumes, see
    :func:`pipelines.ingest.metadata.expected_table_kinds`) decides which kinds are expected; None is a whole
    report.
    """
    result = Extraction()
    t0 = time.perf_counter()
    by_kind: dict[str, list[Section]] = {}
    found = find_sections(lines)
    for section in found:
        by_kind.setdefault(section.kind, []).append(section)
    result.seconds["sections"] = time.perf_counter() - t0
    expected, elsewhere = expected_kinds(report_type, plan_volume)

    # policy evaluation
    t0 = time.perf_counter()
    pol_sections = by_kind.get("policy", [])
    parse_policy = policy.parse_policy
    if not pol_sections:  # a plan: the strategic note and the ODAA list the items and their plan budgets
        pol_sections = sorted(
            (s for kind in plan_policy.SECTION_KINDS for s in by_kind.get(kind, [])), key=lambda s: s.title.index
        )
        parse_policy = plan_policy.parse_plan_policy if pol_sections else policy.parse_policy
    try:
        if pol_sections:
            pol = parse_policy(pol_sections, fiscal_year)
        else:  # none of the policy section titles: another producer's strategic note or list of all BDs
            pol_sections, pol = plan_policy.parse_unsectioned(lines, found)
    except Exception as exc:  # noqa: BLE001 - one unparseable table must not lose the others
        log.warning("policy evaluation not parsed: %s", exc)
        result.errors["policy"] = f"{type(exc).__name__}: {exc}"
        pol = policy.PolicyResult()
    result.tables["policy_items"] = pol.items
    result.tables["policy_budgets"] = pol.budgets
    result.metadata.update(pol.metadata)
    if pol.unknown_status_phrases:
        result.metadata["unknown_status_phrases"] = " | ".join(sorted(set(pol.unknown_status_phrases)))
    result.seconds["policy"] = time.perf_counter() - t0
    result.coverage.append(
        _coverage(
            "policy",
            "policy_items",
            "policy" in expected,
            pol_sections,
            pol.items,
            check_numbers=False,
            error=result.errors.get("policy"),
            elsewhere="policy" in elsewhere,
        )
    )

    for kind, (section_kinds, parse) in PARSERS.items():
        t0 = time.perf_counter()
        sections = _sections_for(kind, section_kinds, by_kind)
        if kind == "key_figures" and not sections and plan_volume == "beleidsverklaring" and lines:
            # a policy statement without a "kerncijfers" heading: its year tables wherever they stand
            sections = [Section("key_figures", tuple(lines))]
        try:
            produced = parse(sections, fiscal_year) if sections else {}
        except Exception as exc:  # noqa: BLE001 - one unparseable table must not lose the others
            log.warning("%s not parsed: %s", kind, exc)
            result.errors[kind] = f"{type(exc).__name__}: {exc}"
            produced = {}
        for table, rows in produced.items():
            result.tables[table] = rows
        first_table = next(iter(produced), None)
        rows_for_cov = [r for rows in produced.values() for r in rows]
        result.seconds[kind] = time.perf_counter() - t0
        result.coverage.append(
            _coverage(
                kind,
                first_table or "",
                kind in expected,
                sections,
                rows_for_cov,
                check_numbers=kind not in _WITHOUT_AMOUNTS,
                error=result.errors.get(kind),
                elsewhere=kind in elsewhere,
            )
        )
    for kind in ("T3", "T5"):
        debt = [s for s in by_kind.get(kind, []) if _is_debt_schema(s)]
        if debt and len(debt) == len(by_kind[kind]):  # a plan's debt schema, parsed into T4's table
            body = sum(len(s.lines) - 1 for s in debt)
            note = "read as T4: Evolutie van de financiële schulden"
            result.coverage.append(Coverage(kind, "t4_financiele_schulden", False, True, 0, body, 0, note))
        elif kind in by_kind:
            sections = [s for s in by_kind[kind] if not _is_debt_schema(s)]
            body = sum(len(s.lines) - 1 for s in sections)
            cells = generic.parse_generic(sections, kind)
            if cells:  # no dedicated parser: every printed amount as a labelled cell
                result.tables.setdefault("schema_cells", []).extend(cells)
                note = "read generically (row label x column)"
                result.coverage.append(Coverage(kind, "schema_cells", False, True, len(cells), body, 0, note))
            else:
                note = "heading present, no content" if body == 0 else "present, no amounts"
                result.coverage.append(Coverage(kind, "", False, True, 0, body, 0, note))
        else:
            result.coverage.append(Coverage(kind, "", False, False, 0, 0, 0, "absent"))
    # any other schema the report prints ("M4: ...", "J6: ...") is seen, not parsed: say so
    reported = {c.table_kind for c in result.coverage}
    for cl in lines:
        for kind, pattern in UNREAD_LISTS.items():
            if kind not in reported and not cl.furniture and pattern.fullmatch(cl.text):
                reported.add(kind)
                result.coverage.append(Coverage(kind, "", False, True, 0, 0, 0, f"present but not parsed: {cl.text}"))
        m = _SCHEMA_TITLE.fullmatch(cl.text)
        if m and not cl.furniture and classify_title(cl.text) is None and m["code"] not in reported:
            reported.add(m["code"])
            result.coverage.append(
                Coverage(m["code"], "", False, True, 0, 0, 0, f"present but not parsed: {m['title']}")
            )
    t0 = time.perf_counter()
    result.completeness = measure_completeness(lines, result.tables)
    result.metadata.update(result.completeness.metadata())
    result.seconds["completeness"] = time.perf_counter() - t0
    return result


def _coverage(
    kind: str,
    table: str,
    expected: bool,
    sections: Sequence[Section],
    rows: Sequence,
    *,
    check_numbers: bool,
    error: str | None = None,
    elsewhere: bool = False,
) -> Coverage:
    section_lines = [cl for s in sections for cl in s.lines]
    unattributed = 0
    if check_numbers and rows:
        used = _attributed_positions(section_lines, rows)
        for cl in section_lines:
            if (cl.page_no, cl.line_no) in used:
                continue
            _, amounts = split_trailing_amounts(cl.text)
            if amounts and not cl.furniture and not _is_header_or_id(cl.text):  # a running header is no row
                unattributed += 1
    found = bool(sections)
    note = None
    if error:
        note = f"parser error: {error}"
    elif expected and not found:
        note = "expected in this report type but not found"
    elif elsewhere and not found:
        note = "not in this volume"
    elif found and not rows:
        note = "section found but no rows parsed"
    return Coverage(kind, table, expected, found, len(rows), len(section_lines), unattributed, note)


def _attributed_positions(section_lines: Sequence[CLine], rows: Sequence) -> set[tuple[int, int]]:
    """(page, line) of every line a row was read from; a multi-line row covers its whole span."""
    used = {(r.page_no, r.line_no) for r in rows}
    spans = [((r.page_no, r.line_no), (r.page_no_end, r.line_no_end)) for r in rows if hasattr(r, "line_no_end")]
    for start, end in spans:
        used.update((cl.page_no, cl.line_no) for cl in section_lines if start <= (cl.page_no, cl.line_no) <= end)
    return used


_NOT_AMOUNTS = re.compile(
    r"((\b(19|20)\d\d\b\s*){2,}$"  # year lists in column headers
    r"|\b(Alg|Budg|EK|IK)\.?\s*\d+$"  # dossier / journal numbers
    r"|\d+ / \d+$"  # page counters "3 / 3" (spaced, unlike artefacts.PAGE_OF)
    rf"|^[A-Z0-9 ]+ {YEAR_COLON}.* \d{{4}}$"  # running footers "JAARREKENING ORIGINEEL 2024 : Balans 2024"
    rf"|^{JOURNAALVOLGNUMMERS_LINE}"  # header block "Journaalvolgnummers: 40465 / Ref 30475"
    r"|\b(naar|tot|t/m|[Jj]aarrekening|[Mm]eerjarenplan|[Bb]eleidsevaluatie)\s+(19|20)\d\d$"  # titles, headers
    rf"|^{PAGE_NUMBER}$)"  # bare page numbers and years
)


def _is_header_or_id(text: str) -> bool:
    """Lines whose trailing numbers are years, page numbers or dossier/journal ids, not amounts."""
    return bool(_NOT_AMOUNTS.search(text))
