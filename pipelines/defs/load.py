"""The raw layer: all of a document's rows written to DuckDB schema ``raw`` in one transaction."""

import dagster as dg

from pipelines.defs.partitions import documents_partitions
from pipelines.defs.resources import WarehouseResource
from pipelines.extract.run import Extraction
from pipelines.ingest.intake import IntakeResult
from pipelines.load import load_document
from pipelines.warehouse import ALL_RAW_TABLES

RAW_ASSET_SPECS = [
    dg.AssetSpec(
        key=dg.AssetKey(["raw", table]),
        group_name="raw",
        kinds={"duckdb"},
        description=f"DuckDB table raw.{table}, one row set per document.",
        deps=["document_intake", "document_tables"],
    )
    for table in ALL_RAW_TABLES
]


@dg.multi_asset(
    specs=RAW_ASSET_SPECS,
    partitions_def=documents_partitions,
    name="raw_tables",
    ins={
        "document_intake": dg.AssetIn(input_manager_key="staging_io_manager"),
        "document_tables": dg.AssetIn(input_manager_key="staging_io_manager"),
    },
    can_subset=False,
)
def raw_tables(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    document_intake: IntakeResult,
    document_tables: Extraction,
):
    """Replace the document's rows in every ``raw`` table (and those of an earlier version of the
    same file) in one DuckDB transaction, so the warehouse never holds half a document."""
    counts = load_document(warehouse.warehouse, document_intake, document_tables)
    context.log.info(f"loaded {document_intake.source_path.name} as {document_intake.document_id}")
    for table in ALL_RAW_TABLES:
        yield dg.MaterializeResult(
            asset_key=dg.AssetKey(["raw", table]),
            metadata={"rows": counts.get(table, 0), "document": document_intake.source_path.name},
        )
