"""Intake: one report file becomes a document with its pages and lines (or is rejected)."""

import dagster as dg

from pipelines.defs.partitions import documents_partitions
from pipelines.defs.resources import WarehouseResource
from pipelines.ingest.intake import IntakeResult, RejectedDocument, file_sha256, read_document
from pipelines.ingest.registry import quarantine, record_reference, source_owned, source_path
from pipelines.load import record_rejection


@dg.asset(
    partitions_def=documents_partitions,
    group_name="ingest",
    kinds={"python", "pdf"},
    io_manager_key="staging_io_manager",
    description=None,
)
def document_intake(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.Output[IntakeResult]:
    """Read the partition's file (PDF via pdfplumber, or pre-extracted text), check that it is a BBC
    report, and identify it (entity, KBO number, type, report type, fiscal year). A bad file is recorded
    as ``rejected`` in ``raw.documents`` with its reason and fails the run; an inbox file is moved to the
    quarantine folder with a reason file, a file the user named stays where it is and the quarantine
    folder gets a reason file that refers to it."""
    settings = warehouse.settings()
    doc_id = context.partition_key
    path = source_path(settings, doc_id)
    try:
        intake = read_document(path, max_bytes=settings.max_file_bytes)
    except RejectedDocument as exc:
        sha = file_sha256(path) if path.exists() else ""
        record_rejection(settings.warehouse, doc_id, sha, path, exc)
        if source_owned(settings, doc_id):
            moved = quarantine(settings, path, str(exc))
            record = {"quarantined_to": str(moved or "")}
        else:
            record = {"reason_file": str(record_reference(settings, path, doc_id, sha, str(exc)))}
        raise dg.Failure(
            description=str(exc),
            metadata={"source_file": path.name, "reason": exc.reason, **record},
            allow_retries=False,
        ) from None
    ident = intake.identity
    preview = "\n".join(f"    {cl.text}" for cl in intake.content_lines()[:12])
    return dg.Output(
        intake,
        metadata={
            "source_file": intake.source_path.name,
            "format": intake.file_format,
            "pages": intake.page_count,
            "lines": len(intake.lines),
            "entity": ident.entity_name or "",
            "kbo_number": ident.kbo_number or "",
            "entity_type": ident.entity_type or "",
            "report_type": ident.report_type or "",
            "fiscal_year": ident.fiscal_year or 0,
            "plan_version": ident.plan_version or "",
            "plan_years": f"{ident.plan_first_year}-{ident.plan_last_year}" if ident.plan_first_year else "",
            "plan_volume": ident.plan_volume or "",
            "entity_evidence": ident.entity_evidence or "not identified",
            "entities": " + ".join(f"{e.entity_name} ({e.role})" for e in ident.entities),
            "layout_profile": ident.layout_profile or "",
            **intake.text_quality(),
            "preview": dg.MetadataValue.md(f"First lines:\n\n{preview}\n"),
        },
    )
