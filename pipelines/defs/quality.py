"""Asset checks on ``marts.audit_invariants``: the accounting invariants of every document.

One blocking check per identity group (``invariants_j4``, ``invariants_t1xt2``, ...) and one for
the Great Expectations suites as a whole (structure and coverage), all computed by one run of the
suites (:func:`pipelines.quality.runner.validate_warehouse`). A group with an error fails with
severity ERROR; a group with only warnings (known differences the document explains) fails with
severity WARN, which does not block. The metadata name every failing document and instance with
its printed and computed amounts, difference and source lines.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines.defs.resources import WarehouseResource
from pipelines.quality.groups import GROUP_NAMES, check_name
from pipelines.quality.runner import Issue, ValidationSummary, default_docs_dir, validate_warehouse

AUDIT_INVARIANTS = dg.AssetKey(["marts", "audit_invariants"])
SUITES_CHECK = "invariants_expectation_suites"
MAX_ROWS_SHOWN = 25


def run_invariant_checks(warehouse: Path, docs_dir: Path | None = None) -> ValidationSummary:
    """Validate every loaded document of ``warehouse`` (plain Python, for the CLI).

    ``summary.lines()`` prints per document the failed checks and warnings; ``summary.has_errors``
    decides the exit code. Data docs go to ``docs_dir`` (default: ``gx_docs`` beside the warehouse).
    """
    return validate_warehouse(warehouse, docs_dir or warehouse.parent / "gx_docs")


def invariant_checks() -> list[dg.AssetChecksDefinition]:
    """The asset checks on ``marts.audit_invariants`` (one multi-check, one spec per group)."""
    specs = [
        dg.AssetCheckSpec(
            name=check_name(group),
            asset=AUDIT_INVARIANTS,
            blocking=True,
            description=f"Identity group {group}: no instance outside its tolerance in any document.",
        )
        for group in GROUP_NAMES
    ]
    specs.append(
        dg.AssetCheckSpec(
            name=SUITES_CHECK,
            asset=AUDIT_INVARIANTS,
            blocking=True,
            description="Great Expectations suites (expectations/): structure of the table and, per "
            "document, coverage of the identity groups of the schemas it must print.",
        )
    )

    @dg.multi_asset_check(specs=specs, name="audit_invariants_checks")
    def audit_invariants_checks(warehouse: WarehouseResource):
        """Runs the Great Expectations suites on marts.audit_invariants and reports per group."""
        summary = validate_warehouse(warehouse.warehouse, default_docs_dir(warehouse.settings()))
        yield from check_results(summary)

    return [audit_invariants_checks]


def check_results(summary: ValidationSummary) -> list[dg.AssetCheckResult]:
    """One result per group check and one for the suites, from a validation summary."""
    labels = {d.document_id: d.label for d in summary.documents}
    results = []
    for group in GROUP_NAMES:
        errors = [i for d in summary.documents for i in d.errors if i.group_name == group]
        warnings = [i for d in summary.documents for i in d.warnings if i.group_name == group]
        instances = sum(d.instances_per_group.get(group, 0) for d in summary.documents)
        failing = sorted({i.document_id for i in errors})
        results.append(
            dg.AssetCheckResult(
                check_name=check_name(group),
                asset_key=AUDIT_INVARIANTS,
                passed=not errors and not warnings,
                severity=dg.AssetCheckSeverity.WARN if warnings and not errors else dg.AssetCheckSeverity.ERROR,
                description=_description(group, instances, errors, warnings),
                metadata={
                    "instances": dg.MetadataValue.int(instances),
                    "errors": dg.MetadataValue.int(len(errors)),
                    "warnings": dg.MetadataValue.int(len(warnings)),
                    "documents_failed": dg.MetadataValue.json([f"{d} {labels.get(d, '')}" for d in failing]),
                    "issues": dg.MetadataValue.md(_issues_table(errors + warnings)),
                },
            )
        )
    failed = {d.document_id: d.failed_expectations for d in summary.documents if d.failed_expectations}
    results.append(
        dg.AssetCheckResult(
            check_name=SUITES_CHECK,
            asset_key=AUDIT_INVARIANTS,
            passed=not failed and not summary.failed_expectations,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "documents": dg.MetadataValue.int(len(summary.documents)),
                "instances": dg.MetadataValue.int(sum(d.instances for d in summary.documents)),
                "failed_expectations": dg.MetadataValue.json(
                    {"warehouse": summary.failed_expectations, **failed}
                ),
                "seconds": dg.MetadataValue.float(round(summary.seconds, 2)),
                "data_docs": dg.MetadataValue.path(str(summary.docs_index or "")),
            },
        )
    )
    return results


def _description(group: str, instances: int, errors: list[Issue], warnings: list[Issue]) -> str:
    text = f"{group}: {instances} instance(s), {len(errors)} error(s), {len(warnings)} warning(s)."
    first = errors[0] if errors else (warnings[0] if warnings else None)
    return f"{text} First: {first.document_id} {first.describe()}" if first else text


def _issues_table(issues: list[Issue]) -> str:
    if not issues:
        return "No errors or warnings."
    rows = [
        "| document | status | identity | printed | computed | difference | tolerance | lines | reason |",
        "|---|---|---|---:|---:|---:|---:|---|---|",
    ]
    for i in issues[:MAX_ROWS_SHOWN]:
        cells = [
            i.document_id, i.status, i.identity, f"{i.printed:,.2f}", f"{i.expected:,.2f}",
            f"{i.difference:+,.2f}", f"{i.tolerance:,.2f}", i.source_lines, i.reason or "",
        ]
        rows.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    if len(issues) > MAX_ROWS_SHOWN:
        rows.append(f"\n... and {len(issues) - MAX_ROWS_SHOWN} more (query marts.audit_invariants)")
    return "\n".join(rows)
