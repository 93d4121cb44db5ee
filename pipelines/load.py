"""Load one document into the raw schema in a single transaction, or record its rejection."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.extract.run import Extraction
from pipelines.faults import hold_point
from pipelines.ingest.intake import IntakeResult, RejectedDocument
from pipelines.warehouse import (
    BASE_TABLES,
    EXTRACTED_TABLES,
    connect_for_write,
    delete_document,
    insert_rows,
)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def load_document(warehouse: Path, intake: IntakeResult, extraction: Extraction) -> dict[str, int]:
    """Replace every raw row of ``intake``'s document. All or nothing: one transaction.

    An older version of the same file (same name, other content) stays until this version is
    published (passes its invariants): :func:`pipelines.warehouse.retire_superseded` removes it
    after the dbt build. Returns the row count per raw table.
    """
    doc_id = intake.document_id
    counts: dict[str, int] = {}
    with connect_for_write(warehouse) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            delete_document(con, doc_id)
            _insert_document_row(con, intake, status="loaded")
            _record_completeness(con, doc_id, extraction)
            insert_rows(
                con,
                "document_entities",
                doc_id,
                ["seq", "role", "entity_name", "kbo_number", "entity_type", "evidence", "page_no", "line_no"],
                [
                    (e.seq, e.role, e.entity_name, e.kbo_number, e.entity_type, e.evidence, e.page_no, e.line_no)
                    for e in intake.identity.entities
                ],
            )
            insert_rows(
                con,
                "pages",
                doc_id,
                ["page_no", "width", "height", "line_count"],
                [(p.page_no, p.width, p.height, p.line_count) for p in intake.pages],
            )
            insert_rows(
                con,
                "lines",
                doc_id,
                ["page_no", "line_no", "text", "x0", "top", "x1", "bottom", "rotation", "furniture"],
                [
                    (ln.page_no, ln.line_no, ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.rotation, ln.furniture)
                    for ln in intake.lines
                ],
            )
            for table in EXTRACTED_TABLES:
                rows = extraction.tables.get(table, [])
                if rows:
                    cols = [f.name for f in dataclasses.fields(rows[0])]
                    insert_rows(con, table, doc_id, cols, [dataclasses.astuple(r) for r in rows])
                counts[table] = len(rows)
            cov_cols = [c for c in BASE_TABLES["coverage"] if c != "document_id"]
            coverage = [dataclasses.astuple(c) for c in extraction.coverage]
            if intake.identity.entity_name is None:  # loaded with the entity unknown, never a guess: say so
                coverage.append(("identity", "document_entities", True, False, 0, 0, 0, "entity not identified"))
            insert_rows(con, "coverage", doc_id, cov_cols, coverage)
            metadata = {**extraction.metadata, **{k: str(v) for k, v in intake.text_quality().items()}}
            insert_rows(con, "document_metadata", doc_id, ["key", "value"], sorted(metadata.items()))
            hold_point("load")  # crash tests kill the process here, inside the open transaction
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    counts.update(
        documents=1,
        document_entities=len(intake.identity.entities),
        pages=len(intake.pages),
        lines=len(intake.lines),
    )
    return counts


def record_rejection(warehouse: Path, document_id: str, sha256: str, path: Path, exc: RejectedDocument) -> None:
    """A rejected file leaves exactly one row behind: its ``raw.documents`` row with the reason."""
    with connect_for_write(warehouse) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            delete_document(con, document_id)
            con.execute(
                "INSERT INTO raw.documents (document_id, sha256, source_file, source_path, size_bytes, status,"
                " reason, error, ingested_at) VALUES (?, ?, ?, ?, ?, 'rejected', ?, ?, ?)",
                [
                    document_id,
                    sha256,
                    path.name,
                    str(path),
                    path.stat().st_size if path.exists() else None,
                    exc.reason,
                    str(exc),
                    _now(),
                ],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def _insert_document_row(con: duckdb.DuckDBPyConnection, intake: IntakeResult, status: str) -> None:
    ident = intake.identity
    con.execute(
        "INSERT INTO raw.documents (document_id, sha256, source_file, source_path, file_format, size_bytes,"
        " entity_name, kbo_number, entity_type, report_type, fiscal_year, plan_version, plan_first_year,"
        " plan_last_year, plan_volume, entity_evidence, layout_profile, page_count, line_count, status, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            intake.document_id,
            intake.sha256,
            intake.source_path.name,
            str(intake.source_path),
            intake.file_format,
            intake.size_bytes,
            ident.entity_name,
            ident.kbo_number,
            ident.entity_type,
            ident.report_type,
            ident.fiscal_year,
            ident.plan_version,
            ident.plan_first_year,
            ident.plan_last_year,
            ident.plan_volume,
            ident.entity_evidence,
            ident.layout_profile,
            intake.page_count,
            len(intake.lines),
            status,
            _now(),
        ],
    )


def _record_completeness(con: duckdb.DuckDBPyConnection, document_id: str, extraction: Extraction) -> None:
    """The completeness figure (measured after extraction) on the document's row."""
    figure = extraction.completeness
    if figure is None:
        return
    con.execute(
        "UPDATE raw.documents SET completeness_amount_share = ?, completeness_policy_share = ? WHERE document_id = ?",
        [figure.amount_share, figure.policy_share, document_id],
    )
