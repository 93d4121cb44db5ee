"""The whole pipeline on 20 generated reports: every mart amount equals the generator's truth.

One module fixture writes 20 synthetic jaarrekeningen (:func:`pipelines.synth.write_corpus`, seeds
7000-7019: every entity type, fiscal years 2020-2030) and takes them ONCE through
:func:`pipelines.cli.process_files` (intake, extraction, raw load, ``dbt build``) with two jobs into
one temporary warehouse. The tests then read the ``marts`` schema and compare it, document by
document, with each report's ``<name>.truth.json``:

* one test per fact table: every row as a tuple of its keys, its amount(s) (exact ``Decimal``,
  DECIMAL(18,2)) and the structural columns the truth determines (label, parent_path, is_leaf,
  ...), compared as multisets in both directions, so a missing, extra or changed row fails, and the
  row count per document must equal the truth's;
* dim_policy_item (described and inferred members), mart_key_figures (every truth figure),
  dim_document / dim_entity (identity, published, no invariant error or warning);
* :func:`pipelines.defs.quality.run_invariant_checks` reports no error and no warning.

Where a mart renames the truth's vocabulary the mapping is written out below (J1's "Meerjarenplan"
column is phase ``eindkrediet`` in fct_policy_budget, I/F and U/O of the credit transfers,
``year`` vs ``fiscal_year``). Free texts that the report wraps over several lines (policy item
titles and evaluations, the credit transfers' texts) are compared without whitespace, as in
tests/test_synth.py: the parser rejoins wrapped lines heuristically. Not compared because the truth
does not carry them: fct_off_balance.label (the truth drops the journal text, and account labels
are printed apart in shuffled order), page_no / line_no.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.cli import Outcome, process_files
from pipelines.defs.quality import run_invariant_checks
from pipelines.ingest.intake import document_id_for, file_sha256
from pipelines.settings import Settings
from pipelines.synth import vocab
from pipelines.synth.generator import write_corpus

SEED = 7000
N_REPORTS = 20
MARTS = (
    "fct_balance_sheet",
    "fct_income_statement",
    "fct_financial_equilibrium",
    "fct_credit_realisation",
    "fct_functional_nature",
    "fct_economic_nature",
    "fct_financial_debt",
    "fct_policy_budget",
    "dim_policy_item",
    "fct_credit_transfer",
    "fct_off_balance",
    "fct_participation",
    "mart_key_figures",
    "dim_document",
    "dim_entity",
)
J1_PLAN_CODES = {"TOTAAL", "NIET_PRIORITAIR", "ZONDER_BD"}
BUDGET_TYPES = {"I": "investeringen", "F": "financiering"}
DIRECTIONS = {"U": "uitgaven", "O": "ontvangsten"}

Row = dict[str, Any]


@dataclass(frozen=True)
class Report:
    name: str
    document_id: str
    truth: dict[str, Any]

    def label(self) -> str:
        return f"{self.name} ({self.document_id})"


@dataclass(frozen=True)
class PipelineRun:
    reports: list[Report]
    outcomes: list[Outcome]
    warehouse: Path
    marts: dict[str, list[Row]]

    def rows(self, mart: str, report: Report) -> list[Row]:
        return [r for r in self.marts[mart] if r.get("document_id") == report.document_id]


# --- the one pipeline run ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    base = tmp_path_factory.mktemp("synth_pipeline")
    paths = [p for p in write_corpus(base / "corpus", N_REPORTS, seed=SEED) if p.suffix == ".txt"]
    reports = [
        Report(
            p.stem,
            document_id_for(file_sha256(p)),
            json.loads(p.with_name(p.stem + ".truth.json").read_text(encoding="utf-8")),
        )
        for p in paths
    ]
    settings = Settings(warehouse=base / "warehouse.duckdb", data_dir=base / "data")
    outcomes = process_files(paths, settings, jobs=2)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        marts = {mart: _fetch(con, f"SELECT * FROM marts.{mart}") for mart in MARTS}
    finally:
        con.close()
    return PipelineRun(reports, outcomes, settings.warehouse, marts)


def _fetch(con: duckdb.DuckDBPyConnection, sql: str) -> list[Row]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]


# --- comparison -------------------------------------------------------------------------------
def _money(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _squash(value: str | None) -> str | None:
    return None if value is None else "".join(value.split())


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _parent(path: str, top_segments: int = 1) -> str | None:
    """Outline parent: the path minus its last step; None for a path of ``top_segments`` steps."""
    return path.rsplit(".", 1)[0] if path.count(".") >= top_segments else None


def _leaves(rows: list[dict[str, Any]], *column: str) -> set[tuple]:
    """(line_path, *column values) of the truth rows no other row of the same column hangs under."""
    parents = {(_parent(r["line_path"]), *(r[c] for c in column)) for r in rows}
    return {(r["line_path"], *(r[c] for c in column)) for r in rows} - parents


@dataclass(frozen=True)
class MartSpec:
    """How one mart's rows of a document line up with the truth rows of its report."""

    id: str
    mart: str
    columns: tuple[str, ...]
    expected: Callable[[Report], Iterable[tuple]]
    money: tuple[str, ...] = ("amount",)
    where: Callable[[Row], bool] = lambda row: True
    squash: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    def got(self, run: PipelineRun, report: Report) -> Counter:
        rows = [r for r in run.rows(self.mart, report) if self.where(r)]
        for row in rows:
            for col in self.money:
                value = row[col]
                assert isinstance(value, Decimal) and value.as_tuple().exponent == -2, (
                    f"{self.mart}.{col} is not DECIMAL(18,2): {value!r}"
                )
        return Counter(tuple(self._cell(c, r[c]) for c in self.columns) for r in rows)

    def _cell(self, column: str, value: Any) -> Any:
        if column in self.squash:
            return _squash(value)
        if column in self.dates:
            return _iso(value)
        return value

    def want(self, report: Report) -> Counter:
        return Counter(self.expected(report))


def _j4(report: Report) -> Iterable[tuple]:
    rows = report.truth["J4"]
    leaves = _leaves(rows, "year")
    for r in rows:
        path = r["line_path"]
        yield (
            path,
            path.split(".")[0],
            _parent(path),
            path.count("."),
            (path, r["year"]) in leaves,
            r["label"],
            r["year"],
            r["phase"],
            _money(r["amount"]),
        )


def _j5(report: Report) -> Iterable[tuple]:
    rows = report.truth["J5"]
    leaves = _leaves(rows, "year")
    for r in rows:
        path = r["line_path"]
        yield (
            path,
            _parent(path),
            path.count("."),
            (path, r["year"]) in leaves,
            r["label"],
            r["year"],
            r["phase"],
            _money(r["amount"]),
        )


def _j2(report: Report) -> Iterable[tuple]:
    for r in report.truth["J2"]:
        path = r["line_path"]  # <section>.<numeral>[.<sub-row>]
        yield path, path.split(".")[0], _parent(path, 2), r["label"], r["phase"], r["year"], _money(r["amount"])


def _j3_section(report: Report) -> str:
    """J3's entity block: the consolidated word the generator prints for the entity type, as a slug."""
    word = vocab.ENTITY_TYPES[report.truth["document"]["entity_type"]][1]
    return re.sub(r"[^a-z0-9]+", "_", word.lower()).strip("_")


def _j3(report: Report) -> Iterable[tuple]:
    section = _j3_section(report)
    for r in report.truth["J3"]:
        path = r["line_path"]
        yield (
            section,
            path,
            _parent(path),
            "." not in path,
            r["budget_kind"],
            r["direction"],
            r["phase"],
            r["year"],
            _money(r["amount"]),
        )


def _t1(report: Report) -> Iterable[tuple]:
    for r in report.truth["T1"]:
        path = r["line_path"]
        yield (
            path,
            _parent(path),
            r["beleidsdomein"],
            r["budget_kind"],
            r["direction"],
            r["direction"].capitalize(),
            r["phase"],
            r["year"],
            _money(r["amount"]),
        )


def _t2(report: Report) -> Iterable[tuple]:
    rows = report.truth["T2"]
    leaves = _leaves(rows, "year", "phase")
    for r in rows:
        path = r["line_path"]  # exploitatie.uitgaven.A.1 / exploitatie.saldo / totaal.budgettair_resultaat
        section, second = path.split(".")[:2]
        yield (
            path,
            section,
            None if section == "totaal" else section,
            second if second in ("uitgaven", "ontvangsten") else "saldo",
            _parent(path),
            (path, r["year"], r["phase"]) in leaves,
            r["label"],
            r["phase"],
            r["year"],
            _money(r["amount"]),
        )


def _t4(report: Report) -> Iterable[tuple]:
    for r in report.truth["T4"]:
        path = r["line_path"]
        yield path, _parent(path), r["label"], r["phase"], r["year"], _money(r["amount"])


def _budget_row(report: Report, level: str, code: str, r: dict[str, Any], phase: str) -> tuple:
    return (
        f"{report.document_id}:{code}",
        level,
        code,
        r["budget_kind"],
        r["direction"],
        phase,
        r["year"],
        _money(r["amount"]),
    )


def _policy_budgets(report: Report) -> Iterable[tuple]:
    for r in report.truth["policy_budgets"]:
        yield _budget_row(report, r["policy_level"], r["policy_code"], r, r["phase"])


def _j1(report: Report) -> Iterable[tuple]:
    for r in report.truth["J1"]:
        code = r["policy_code"]
        level = "PLAN" if code in J1_PLAN_CODES else "BD"
        # J1's second column is printed "Meerjarenplan"; the mart calls it the eindkrediet
        phase = "eindkrediet" if r["phase"] == "meerjarenplan" else r["phase"]
        yield _budget_row(report, level, code, r, phase)


def _policy_items(report: Report) -> Iterable[tuple]:
    items = report.truth["policy_items"]
    level_of = {i["code"]: i["level"] for i in items}
    parent_of = {i["code"]: i["parent_code"] for i in items}
    for i in items:
        code, parent = i["code"], i["parent_code"]
        if i["level"] == "BD":
            bd, ap = code, None
        elif i["level"] == "AP":
            bd, ap = parent, code
        elif level_of.get(parent) == "AP":
            bd, ap = parent_of[parent], parent
        else:  # an AC directly under a BD
            bd, ap = parent, None
        yield (
            i["level"],
            code,
            parent,
            bd,
            ap,
            i["is_priority"],
            i["period_start"],
            i["period_end"],
            i["evaluation_status"],
            i["status_phrase"],
            _squash(i["title"]),
            _squash(i["evaluation_text"]),
        )


def _inferred_items(report: Report) -> Iterable[tuple]:
    """Codes only a budget table names: the beleidsevaluatie's plan table, J1's plan blocks and
    any J1 BD the beleidsevaluatie does not describe."""
    described = {i["code"] for i in report.truth["policy_items"]}
    codes = {("PLAN", r["policy_code"]) for r in report.truth["policy_budgets"] if r["policy_level"] == "PLAN"}
    codes |= {("PLAN" if r["policy_code"] in J1_PLAN_CODES else "BD", r["policy_code"]) for r in report.truth["J1"]}
    for level, code in sorted(codes):
        if code not in described:
            yield level, code, code if level == "BD" else None


def _description_parts(description: str) -> tuple[str, str, str]:
    """'<account name>/<beleidsdomein>/<beleidsveld>/': the last two segments are the names."""
    account, domein, veld = description.strip().rstrip("/").rsplit("/", 2)
    return account.strip(), domein.strip(), veld.strip()


def _credit_transfers(report: Report) -> Iterable[tuple]:
    for r in report.truth["credit_transfers"]:
        specific = r["ac_code"] or r["ap_code"] or r["bd_code"]
        account_name, domein_name, veld_name = _description_parts(r["budget_code_description"])
        yield (
            BUDGET_TYPES[r["budget_type"]],
            r["budget_type"],
            DIRECTIONS[r["direction"]],
            r["direction"],
            r["bd_code"],
            r["ap_code"],
            r["ac_code"],
            f"{report.document_id}:{specific}",
            r["raming_code"],
            _squash(r["raming_text"]),
            r["budget_code"],
            r["account_code"],
            _squash(account_name),
            r["beleidsdomein_code"],
            _squash(domein_name),
            r["beleidsveld_code"],
            _squash(veld_name),
            r["change_code"],
            _squash(r["change_text"]),
            r["from_year"],
            r["target_year"],
            _money(r["transaction_credit"]),
            _money(r["amount"]),
        )


def _off_balance(report: Report) -> Iterable[tuple]:
    for r in report.truth["off_balance"]:
        yield (
            r["row_type"],
            r["account_code"],
            r["parent_code"],
            r["journal_no"],
            _money(r["debit"]),
            _money(r["credit"]),
            _money(r["saldo"]),
        )


def _participations(report: Report) -> Iterable[tuple]:
    for r in report.truth["participations"]:
        if not r["is_total"]:  # the printed total is mart_key_figures.participations_total
            yield r["company"], _money(r["amount"]), r["valuation_date"]


SPECS = [
    MartSpec(
        "J4",
        "fct_balance_sheet",
        ("line_path", "side", "parent_path", "depth", "is_leaf", "label", "fiscal_year", "phase", "amount"),
        _j4,
    ),
    MartSpec(
        "J5",
        "fct_income_statement",
        ("line_path", "parent_path", "depth", "is_leaf", "label", "fiscal_year", "phase", "amount"),
        _j5,
    ),
    MartSpec(
        "J2",
        "fct_financial_equilibrium",
        ("line_path", "section", "parent_path", "label", "phase", "year", "amount"),
        _j2,
    ),
    MartSpec(
        "J3",
        "fct_credit_realisation",
        (
            "section",
            "line_path",
            "parent_path",
            "is_budget_kind_total",
            "budget_kind",
            "direction",
            "phase",
            "year",
            "amount",
        ),
        _j3,
    ),
    MartSpec(
        "T1",
        "fct_functional_nature",
        ("line_path", "parent_path", "beleidsdomein", "budget_kind", "direction", "label", "phase", "year", "amount"),
        _t1,
    ),
    MartSpec(
        "T2",
        "fct_economic_nature",
        (
            "line_path",
            "section",
            "budget_kind",
            "direction",
            "parent_path",
            "is_leaf",
            "label",
            "phase",
            "year",
            "amount",
        ),
        _t2,
    ),
    MartSpec("T4", "fct_financial_debt", ("line_path", "parent_path", "label", "phase", "year", "amount"), _t4),
    MartSpec(
        "policy_budgets",
        "fct_policy_budget",
        ("policy_item_id", "policy_level", "policy_code", "budget_kind", "direction", "phase", "year", "amount"),
        _policy_budgets,
        where=lambda row: row["source_table"] == "beleidsevaluatie",
    ),
    MartSpec(
        "J1",
        "fct_policy_budget",
        ("policy_item_id", "policy_level", "policy_code", "budget_kind", "direction", "phase", "year", "amount"),
        _j1,
        where=lambda row: row["source_table"] == "J1",
    ),
    MartSpec(
        "policy_items",
        "dim_policy_item",
        (
            "level",
            "code",
            "parent_code",
            "bd_code",
            "ap_code",
            "is_priority",
            "period_start",
            "period_end",
            "evaluation_status",
            "status_phrase",
            "title",
            "evaluation_text",
        ),
        _policy_items,
        money=(),
        where=lambda row: not row["is_inferred"],
        squash=("title", "evaluation_text"),
        dates=("period_start", "period_end"),
    ),
    MartSpec(
        "inferred_policy_items",
        "dim_policy_item",
        ("level", "code", "bd_code"),
        _inferred_items,
        money=(),
        where=lambda row: row["is_inferred"],
    ),
    MartSpec(
        "credit_transfers",
        "fct_credit_transfer",
        (
            "budget_type",
            "budget_type_code",
            "direction",
            "direction_code",
            "bd_code",
            "ap_code",
            "ac_code",
            "policy_item_id",
            "raming_code",
            "raming_text",
            "budget_code",
            "account_code",
            "account_name",
            "beleidsdomein_code",
            "beleidsdomein_name",
            "beleidsveld_code",
            "beleidsveld_name_printed",
            "transfer_code",
            "transfer_text",
            "from_year",
            "target_year",
            "transaction_credit",
            "amount",
        ),
        _credit_transfers,
        money=("transaction_credit", "amount"),
        squash=("raming_text", "account_name", "beleidsdomein_name", "beleidsveld_name_printed", "transfer_text"),
    ),
    MartSpec(
        "off_balance",
        "fct_off_balance",
        ("row_type", "account_code", "parent_code", "journal_no", "debit", "credit", "saldo"),
        _off_balance,
        money=("debit", "credit", "saldo"),
    ),
    MartSpec(
        "participations",
        "fct_participation",
        ("company", "amount", "valuation_date"),
        _participations,
        dates=("valuation_date",),
    ),
]


def _describe(rows: Counter, limit: int = 3) -> str:
    return "; ".join(repr(row) for row in list(rows.elements())[:limit])


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_mart_rows_equal_the_truth(spec: MartSpec, run: PipelineRun) -> None:
    problems, counts_got, counts_want = [], {}, {}
    for report in run.reports:
        got, want = spec.got(run, report), spec.want(report)
        counts_got[report.name], counts_want[report.name] = got.total(), want.total()
        extra, missing = got - want, want - got
        if extra or missing:
            problems.append(
                f"{report.label()}: mart {got.total()} rows, truth {want.total()};"
                f" {extra.total()} mart rows not in the truth, e.g. {_describe(extra)};"
                f" {missing.total()} truth rows missing or different, e.g. {_describe(missing)}"
            )
    assert not problems, f"{spec.mart} vs truth {spec.id} ({spec.columns}):\n" + "\n".join(problems)
    assert counts_got == counts_want
    if spec.id != "inferred_policy_items":  # every report prints these tables: nothing passes vacuously
        assert all(counts_want.values()), f"truth {spec.id} empty for some report: {counts_want}"


def test_key_figures_equal_the_truth(run: PipelineRun) -> None:
    columns = set(run.marts["mart_key_figures"][0])
    problems = []
    for report in run.reports:
        rows = run.rows("mart_key_figures", report)
        assert len(rows) == 1, f"{report.label()}: {len(rows)} rows in mart_key_figures"
        row, figures = rows[0], report.truth["key_figures"]
        assert set(figures) <= columns, f"truth figures that are no column: {set(figures) - columns}"
        document = report.truth["document"]
        want = {k: _money(v) for k, v in figures.items()}
        want |= {"fiscal_year": document["fiscal_year"], "entity_id": document["kbo_number"]}
        wrong = [f"{k} mart {row[k]} truth {v}" for k, v in want.items() if row[k] != v]
        if wrong:
            problems.append(f"{report.label()}: {', '.join(wrong)}")
    assert not problems, "mart_key_figures vs truth:\n" + "\n".join(problems)
    assert len(run.marts["mart_key_figures"]) == N_REPORTS


def test_every_report_loaded_identified_and_published(run: PipelineRun) -> None:
    assert [(o.document_id, o.status) for o in run.outcomes] == [(r.document_id, "loaded") for r in run.reports]
    documents = {d["document_id"]: d for d in run.marts["dim_document"]}
    entities = {e["entity_id"]: e for e in run.marts["dim_entity"]}
    assert set(documents) == {r.document_id for r in run.reports}
    for report in run.reports:
        doc, truth = documents[report.document_id], report.truth["document"]
        got = {k: doc[k] for k in ("source_file", "entity_id", "report_type", "fiscal_year", "file_format")}
        got |= {k: doc[k] for k in ("invariant_errors", "invariant_warnings", "is_published")}
        assert got == {
            "source_file": f"{report.name}.txt",
            "entity_id": truth["kbo_number"],
            "report_type": truth["report_type"],
            "fiscal_year": truth["fiscal_year"],
            "file_format": "text",
            "invariant_errors": 0,
            "invariant_warnings": 0,
            "is_published": True,
        }, report.label()
        entity = entities[truth["kbo_number"]]
        assert (entity["entity_name"], entity["entity_type"], entity["kbo_number"], entity["document_count"]) == (
            truth["entity_name"],
            truth["entity_type"],
            truth["kbo_number"],
            1,
        ), report.label()


def test_invariant_checks_pass_without_warnings(run: PipelineRun) -> None:
    summary = run_invariant_checks(run.warehouse)
    assert summary.failed_expectations == []
    results = {d.document_id: d for d in summary.documents}
    assert set(results) == {r.document_id for r in run.reports}
    problems = {
        doc_id: [str(i) for i in d.errors + d.warnings] + d.failed_expectations
        for doc_id, d in results.items()
        if d.errors or d.warnings or d.failed_expectations or not d.success
    }
    assert problems == {}
    assert all(d.instances > 0 for d in summary.documents)  # the checks did run on every document
    assert not summary.has_errors
