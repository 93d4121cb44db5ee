"""Validate ``marts.audit_invariants`` with the Great Expectations suites under ``expectations/``.

Design (STACK-NOTES: GE's SQL datasource returns nothing on DuckDB): dbt computes one row per
identity instance; this module reads the table over a read-only DuckDB connection that is closed
before GE starts, and validates it with GE's pandas datasource in an ephemeral context. Two frames
are validated, each by the suite whose ``meta.asset`` names it:

* ``audit_invariants``: the rows of ``marts.audit_invariants`` (structure; no ``error`` status,
  a critical expectation; no ``warning`` status, a warning-severity expectation);
* ``invariant_coverage``: one row per loaded document with its number of instances per identity
  group (a schema that was not extracted leaves its groups at 0).

Every document is validated in the same batch (GE's cost is per expectation, not per row); the
results are split per document by the ``meta.index_columns`` of each suite. Nothing GE writes lands
in the repository; data docs are built only when a folder is given (``data/gx_docs`` by default).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipelines.quality.groups import GROUP_NAMES, volume_flags
from pipelines.settings import EXPECTATIONS_DIR, Settings
from pipelines.warehouse import connect_read_only

AUDIT_COLUMNS = (
    "document_id",
    "group_name",
    "identity",
    "expected",
    "printed",
    "difference",
    "abs_difference",
    "tolerance",
    "status",
    "status_reason",
    "computation",
    "source_lines",
)
MONEY_COLUMNS = ("expected", "printed", "difference", "abs_difference", "tolerance")
CRITICAL = "critical"


@dataclass(frozen=True)
class Issue:
    """An identity instance that is not ok: an error, or a warning with its reason."""

    document_id: str
    group_name: str
    identity: str
    status: str
    printed: float
    expected: float
    difference: float
    tolerance: float
    reason: str | None
    source_lines: str

    def describe(self) -> str:
        text = (
            f"{self.identity}: printed {self.printed:,.2f}, computed {self.expected:,.2f},"
            f" difference {self.difference:+,.2f} (tolerance {self.tolerance:,.2f}); lines {self.source_lines}"
        )
        return f"{text}; {self.reason}" if self.reason else text


@dataclass
class DocumentResult:
    """The invariants of one document: instances per group, errors, warnings, failed expectations."""

    document_id: str
    label: str  # entity, report type and year, for people
    instances_per_group: dict[str, int]
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    failed_expectations: list[str] = field(default_factory=list)  # critical, not about one instance

    @property
    def instances(self) -> int:
        return sum(self.instances_per_group.values())

    @property
    def success(self) -> bool:
        return not self.errors and not self.failed_expectations

    def lines(self) -> list[str]:
        """One header line, then one line per failure and per warning."""
        state = "ok" if self.success else "FAILED"
        out = [
            f"{self.document_id}  {self.label}  invariants {state}: {self.instances} checked,"
            f" {len(self.errors) + len(self.failed_expectations)} failed, {len(self.warnings)} warning(s)"
        ]
        out += [f"  ERROR    {e}" for e in self.failed_expectations]
        out += [f"  ERROR    [{i.group_name}] {i.describe()}" for i in self.errors]
        out += [f"  warning  [{i.group_name}] {i.describe()}" for i in self.warnings]
        return out


@dataclass
class ValidationSummary:
    """The validation of every loaded document of a warehouse."""

    documents: list[DocumentResult]
    seconds: float
    failed_expectations: list[str] = field(default_factory=list)  # critical, not about one document
    docs_index: Path | None = None

    @property
    def has_errors(self) -> bool:
        return bool(self.failed_expectations) or any(not d.success for d in self.documents)

    @property
    def failed_documents(self) -> list[DocumentResult]:
        return [d for d in self.documents if not d.success]

    def instances_per_group(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for d in self.documents:
            total.update(d.instances_per_group)
        return total

    def lines(self) -> list[str]:
        out = [line for d in self.documents for line in d.lines()]
        out += [f"ERROR    {e}" for e in self.failed_expectations]
        per_doc = self.seconds / len(self.documents) if self.documents else 0.0
        out.append(
            f"invariants: {len(self.documents)} document(s), {len(self.failed_documents)} with failed"
            f" error-level checks; {self.seconds:.1f}s ({per_doc:.2f}s per document)"
        )
        if self.docs_index:
            out.append(f"Great Expectations data docs: {self.docs_index.as_uri()}")
        return out


def default_docs_dir(settings: Settings) -> Path:
    """Where the data docs go: ``<data dir>/gx_docs`` (``data/`` is never committed)."""
    return settings.data_dir / "gx_docs"


def load_suites(directory: Path = EXPECTATIONS_DIR) -> list[dict[str, Any]]:
    """The committed suites (GE JSON), sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def read_audit(warehouse: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(loaded documents, rows of ``marts.audit_invariants``); the read-only connection is closed
    before returning. Without the table (dbt has not built it yet) the rows are empty."""
    with connect_read_only(warehouse) as con:
        has_volume = con.execute(
            "SELECT count(*) FROM information_schema.columns"
            " WHERE table_schema = 'raw' AND table_name = 'documents' AND column_name = 'plan_volume'"
        ).fetchone()[0]
        volume = "coalesce(plan_volume, '')" if has_volume else "''"  # plans in volumes (identity plan_volume)
        documents = con.execute(
            "SELECT document_id, entity_name, report_type, fiscal_year, coalesce(plan_version, '') AS plan_version,"
            f" {volume} AS plan_volume"
            " FROM raw.documents"
            " WHERE status = 'loaded' ORDER BY document_id"
        ).df()
        built = con.execute(
            "SELECT count(*) FROM information_schema.tables"
            " WHERE table_schema = 'marts' AND table_name = 'audit_invariants'"
        ).fetchone()[0]
        audit = (
            con.execute(
                f"SELECT {', '.join(AUDIT_COLUMNS)} FROM marts.audit_invariants"
                " ORDER BY document_id, group_name, identity"
            ).df()
            if built
            else pd.DataFrame({c: pd.Series(dtype="object") for c in AUDIT_COLUMNS})
        )
    audit = audit[audit["document_id"].isin(documents["document_id"])].reset_index(drop=True)
    for column in MONEY_COLUMNS:
        audit[column] = audit[column].astype("float64")
    return documents, audit


def coverage_frame(documents: pd.DataFrame, audit: pd.DataFrame) -> pd.DataFrame:
    """One row per loaded document: report type, total instances and one column per group."""
    counts = (
        audit.groupby(["document_id", "group_name"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=documents["document_id"], columns=list(GROUP_NAMES), fill_value=0)
    )
    frame = documents[["document_id", "report_type"]].set_index("document_id").join(counts)
    # a plan revision (herziening N, aanpassing N) prints referentie / wijziging / nieuw columns
    versions = documents.set_index("document_id")["plan_version"]
    frame.insert(1, "is_revision", versions.str.match(r"herziening|aanpassing"))
    # a plan published in volumes: which groups a volume's content can have (groups.volume_flags)
    volumes = documents.set_index("document_id")["plan_volume"].fillna("") if "plan_volume" in documents else None
    for column, flag in volume_flags(frame["report_type"], volumes).items():
        frame.insert(1, column, flag)
    frame.insert(1, "instances", counts.sum(axis=1))
    return frame.reset_index()


def validate_warehouse(
    warehouse: Path, docs_dir: Path | None = None, suites_dir: Path = EXPECTATIONS_DIR
) -> ValidationSummary:
    """Validate the invariants of every loaded document of ``warehouse``."""
    t0 = time.perf_counter()
    documents, audit = read_audit(warehouse)
    frames = {"audit_invariants": audit, "invariant_coverage": coverage_frame(documents, audit)}
    results = {
        doc.document_id: DocumentResult(
            doc.document_id,
            " ".join(str(v) for v in (doc.entity_name, doc.report_type, doc.fiscal_year) if pd.notna(v)),
            audit[audit["document_id"] == doc.document_id]["group_name"].value_counts().sort_index().to_dict(),
        )
        for doc in documents.itertuples(index=False)
    }
    summary = ValidationSummary(list(results.values()), 0.0)
    validator = _Validator(docs_dir)
    for suite in load_suites(suites_dir):
        frame = frames[suite["meta"]["asset"]]
        outcome = validator.run(suite, frame)
        rows = frame.set_index(suite["meta"]["index_columns"], drop=False)
        for expectation in outcome.results:
            if not expectation.success:
                _record(summary, results, expectation, rows)
    summary.docs_index = validator.docs_index()
    summary.seconds = time.perf_counter() - t0
    return summary


class _Validator:
    """An ephemeral GE context with a pandas datasource and, optionally, a data docs site."""

    def __init__(self, docs_dir: Path | None) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.gx = gx
        self.docs_dir = docs_dir
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        if docs_dir is not None:
            self.context.add_data_docs_site(
                site_name="bbc_warehouse",
                site_config={
                    "class_name": "SiteBuilder",
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        self.source = self.context.data_sources.add_pandas("warehouse")

    def run(self, config: dict[str, Any], frame: pd.DataFrame) -> Any:
        """Validate ``frame`` with the suite ``config``; returns GE's suite validation result."""
        from great_expectations.core.run_identifier import RunIdentifier

        gx = self.gx
        suite = gx.ExpectationSuite(**config)
        if len(suite.expectations) != len(config.get("expectations", [])):
            raise ValueError(f"suite {config.get('name')!r} has expectations GE cannot read")
        suite = self.context.suites.add(suite)
        batch = self.source.add_dataframe_asset(config["meta"]["asset"]).add_batch_definition_whole_dataframe("all")
        definition = self.context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=suite)
        )
        checkpoint = self.context.checkpoints.add(
            gx.Checkpoint(
                name=suite.name,
                validation_definitions=[definition],
                result_format={
                    "result_format": "COMPLETE",
                    "unexpected_index_column_names": config["meta"]["index_columns"],
                },
            )
        )
        result = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=RunIdentifier(run_name="invariants"))
        return next(iter(result.run_results.values()))

    def docs_index(self) -> Path | None:
        """Build the data docs site (suites and this run's validation results); its index page."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs()
        index = self.docs_dir / "index.html"
        return index if index.exists() else None


def _record(
    summary: ValidationSummary, results: dict[str, DocumentResult], expectation: Any, rows: pd.DataFrame
) -> None:
    """File a failed expectation under the documents (and instances) it names."""
    config = expectation.expectation_config
    critical = getattr(config.severity, "value", config.severity) == CRITICAL
    level = (config.meta or {}).get("level")
    unexpected = [
        tuple(u[c] for c in rows.index.names) for u in (expectation.result or {}).get("unexpected_index_list") or []
    ]
    info = expectation.exception_info or {}
    if info.get("raised_exception") or not unexpected:
        if critical:
            message = info.get("exception_message") or "failed"
            summary.failed_expectations.append(f"{config.type} {config.kwargs}: {message}")
        return
    for key in unexpected:
        row = rows.loc[key if len(key) > 1 else key[0]]
        if isinstance(row, pd.DataFrame):  # a duplicated key (what the uniqueness expectation reports)
            row = row.iloc[0]
        result = results[row["document_id"]]
        if level in ("error", "warning"):
            issue = _issue(row)
            (result.errors if critical else result.warnings).append(issue)
        elif critical:
            what = (config.meta or {}).get("notes") or config.type
            result.failed_expectations.append(f"{what} ({config.type} {config.kwargs})")


def _issue(row: pd.Series) -> Issue:
    return Issue(
        document_id=row["document_id"],
        group_name=row["group_name"],
        identity=row["identity"],
        status=row["status"],
        printed=row["printed"],
        expected=row["expected"],
        difference=row["difference"],
        tolerance=row["tolerance"],
        reason=row["status_reason"] if isinstance(row["status_reason"], str) else None,
        source_lines=row["source_lines"],
    )
