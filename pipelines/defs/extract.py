"""Extraction: every table of the document parsed from its lines (pure Python, no warehouse access)."""

import dagster as dg

from pipelines.defs.partitions import documents_partitions
from pipelines.extract.run import Extraction, extract_document
from pipelines.faults import hold_point
from pipelines.ingest.intake import IntakeResult


@dg.asset(
    partitions_def=documents_partitions,
    group_name="extract",
    kinds={"python"},
    io_manager_key="staging_io_manager",
)
def document_tables(context: dg.AssetExecutionContext, document_intake: IntakeResult) -> dg.Output[Extraction]:
    """Recognise each section of the report (policy evaluation, J1-J5, T1-T4, off-balance,
    participations, credit transfers) and parse it into rows with their source page and line.
    The coverage table tells which kinds were found, their row counts, and numeric lines that no
    parser attributed."""
    ident = document_intake.identity
    hold_point("extract")
    extraction = extract_document(
        document_intake.content_lines(),
        ident.fiscal_year,
        ident.report_type,
        getattr(ident, "plan_volume", None),  # plans published in volumes (identity field of the intake)
    )
    cov_md = "| kind | found | rows | unattributed | note |\n|---|---|---|---|---|\n" + "\n".join(
        f"| {c.table_kind} | {'yes' if c.found else 'no'} | {c.row_count} | {c.unattributed_lines} | {c.note or ''} |"
        for c in extraction.coverage
    )
    missing = [c.table_kind for c in extraction.coverage if c.expected and not c.found]
    if missing:
        context.log.warning(f"{document_intake.source_path.name}: expected tables not found: {', '.join(missing)}")
    return dg.Output(
        extraction,
        metadata={
            "rows": sum(extraction.row_counts().values()),
            "row_counts": extraction.row_counts(),
            "missing_expected": ", ".join(missing) or "none",
            "coverage": dg.MetadataValue.md(cov_md),
            "seconds": {k: round(v, 3) for k, v in extraction.seconds.items()},
            **_completeness_metadata(extraction),
        },
    )


def _completeness_metadata(extraction: Extraction) -> dict[str, object]:
    """The completeness figure: shares (NULL-like None when nothing was printed) and their counts."""
    figure = extraction.completeness
    if figure is None:
        return {}
    return {
        "completeness_amount_share": float(figure.amount_share) if figure.amount_share is not None else None,
        "completeness_policy_share": float(figure.policy_share) if figure.policy_share is not None else None,
        "completeness": (
            f"{figure.amounts_attributed}/{figure.amount_tokens} printed amounts read, "
            f"{figure.policy_codes_read}/{figure.policy_codes} printed policy codes read"
        ),
    }
