"""The DuckDB warehouse: the ``raw`` schema and the atomic per-document load.

DuckDB allows one writing process per file, so every write goes through :func:`connect_for_write`,
which holds an exclusive file lock beside the warehouse for the duration of the connection
(parallel runs queue instead of failing). A document's rows in every raw table are replaced in one
transaction: a crash leaves the warehouse as before that document's load or as after it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import json
import time
import typing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import duckdb

from pipelines.extract import model

RAW_SCHEMA = "raw"

# raw table name -> row dataclass, for the extracted tables
EXTRACTED_TABLES: dict[str, type] = {
    "j1_doelstellingenrekening": model.AmountRow,
    "j2_financieel_evenwicht": model.AmountRow,
    "j3_realisatie_kredieten": model.AmountRow,
    "j4_balans": model.AmountRow,
    "j5_opbrengsten_kosten": model.AmountRow,
    "t1_functionele_aard": model.AmountRow,
    "t2_economische_aard": model.AmountRow,
    "t4_financiele_schulden": model.AmountRow,
    "m1_financieel_doelstellingenplan": model.AmountRow,
    "m2_financieel_evenwicht": model.AmountRow,
    "m3_kredieten": model.AmountRow,
    "off_balance": model.OffBalanceRow,
    "off_balance_labels": model.OffBalanceLabel,
    "participations": model.Participation,
    "credit_transfers": model.CreditTransfer,
    "credit_transfer_totals": model.CreditTransferTotal,
    "policy_items": model.PolicyItem,
    "policy_budgets": model.PolicyBudget,
    "schema_cells": model.SchemaCell,
    # plan volumes: documentation lists and the policy statement's key figures
    "subsidies": model.SubsidyRow,
    "subsidy_totals": model.SubsidyTotal,
    "beleidsveld_budgets": model.BeleidsveldBudget,
    "policy_structure": model.PolicyStructureRow,
    "beleidsitem_budgets": model.BeleidsitemBudget,
    "plan_key_figures": model.KeyFigureRow,
}

# tables written at intake and by the coverage step (column name -> DuckDB type)
BASE_TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "document_id": "VARCHAR PRIMARY KEY",
        "sha256": "VARCHAR",
        "source_file": "VARCHAR",
        "source_path": "VARCHAR",
        "file_format": "VARCHAR",
        "size_bytes": "BIGINT",
        "entity_name": "VARCHAR",
        "kbo_number": "VARCHAR",
        "entity_type": "VARCHAR",
        "report_type": "VARCHAR",
        "fiscal_year": "INTEGER",
        "plan_version": "VARCHAR",  # plans: origineel | herziening N
        "plan_first_year": "INTEGER",
        "plan_last_year": "INTEGER",
        # plans: volledig | strategische_nota | financiele_nota | beleidsdoelstellingen | beleidsverklaring
        # | documentatie (pipelines.ingest.metadata.PLAN_VOLUMES)
        "plan_volume": "VARCHAR",
        "entity_evidence": "VARCHAR",  # identity_block | kbo_line | title_page | running_header | prose; NULL: unknown
        "layout_profile": "VARCHAR",  # producer layout family (pipelines.ingest.profiles) or unknown
        "page_count": "INTEGER",
        "line_count": "INTEGER",
        "status": "VARCHAR",  # loaded | rejected
        "reason": "VARCHAR",  # rejection reason code
        "error": "VARCHAR",
        "ingested_at": "TIMESTAMP",
        # share of printed table amounts read into rows / of printed policy codes read as items
        # (pipelines.extract.completeness; NULL when the document prints none, or was rejected)
        "completeness_amount_share": "DECIMAL(5,4)",
        "completeness_policy_share": "DECIMAL(5,4)",
    },
    # every entity a document reports on (a gemeente/stad and its OCMW: two rows), the main one first
    "document_entities": {
        "document_id": "VARCHAR",
        "seq": "INTEGER",
        "role": "VARCHAR",  # main | ocmw | other
        "entity_name": "VARCHAR",
        "kbo_number": "VARCHAR",
        "entity_type": "VARCHAR",
        "evidence": "VARCHAR",  # where the entity was read (see raw.documents.entity_evidence)
        "page_no": "INTEGER",
        "line_no": "INTEGER",
    },
    "pages": {
        "document_id": "VARCHAR",
        "page_no": "INTEGER",
        "width": "DOUBLE",
        "height": "DOUBLE",
        "line_count": "INTEGER",
    },
    "lines": {
        "document_id": "VARCHAR",
        "page_no": "INTEGER",
        "line_no": "INTEGER",
        "text": "VARCHAR",
        "x0": "DOUBLE",
        "top": "DOUBLE",
        "x1": "DOUBLE",
        "bottom": "DOUBLE",
        "rotation": "INTEGER",  # PDF: text direction on the displayed page (0, 90, 180, 270)
        "furniture": "VARCHAR",  # page furniture kind (running_header, running_footer, page_counter, stamp)
    },
    "coverage": {
        "document_id": "VARCHAR",
        "table_kind": "VARCHAR",
        "raw_table": "VARCHAR",
        "expected": "BOOLEAN",
        "found": "BOOLEAN",
        "row_count": "INTEGER",
        "section_lines": "INTEGER",
        "unattributed_lines": "INTEGER",
        "note": "VARCHAR",
    },
    "document_metadata": {
        "document_id": "VARCHAR",
        "key": "VARCHAR",
        "value": "VARCHAR",
    },
}

_PY_TO_DUCK = {
    str: "VARCHAR",
    int: "INTEGER",
    bool: "BOOLEAN",
    Decimal: "DECIMAL(18,2)",
    dt.date: "DATE",
    float: "DOUBLE",
}


def dataclass_columns(cls: type) -> dict[str, str]:
    """Column types of a row dataclass (``X | None`` maps like ``X``)."""
    hints = typing.get_type_hints(cls)
    cols: dict[str, str] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
        cols[f.name] = _PY_TO_DUCK[args[0]]
    return cols


def table_columns(table: str) -> dict[str, str]:
    if table in BASE_TABLES:
        return BASE_TABLES[table]
    return {"document_id": "VARCHAR", **dataclass_columns(EXTRACTED_TABLES[table])}


ALL_RAW_TABLES: tuple[str, ...] = tuple(BASE_TABLES) + tuple(EXTRACTED_TABLES)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?", [RAW_SCHEMA]
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    for table in ALL_RAW_TABLES:
        columns = table_columns(table)
        if table not in existing:
            cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
            con.execute(f"CREATE TABLE {RAW_SCHEMA}.{table} ({cols})")
            continue
        # a warehouse written by an earlier version gains the columns added since (empty for its rows)
        for column, duck_type in columns.items():
            if column not in existing[table]:
                con.execute(f'ALTER TABLE {RAW_SCHEMA}.{table} ADD COLUMN "{column}" {duck_type.split(" PRIMARY")[0]}')


@contextmanager
def warehouse_lock(warehouse: Path, timeout_s: float = 600.0) -> Iterator[None]:
    """Exclusive inter-process lock for writing ``warehouse`` (a ``.lock`` file beside it)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    with lock_path.open("a") as fh:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"could not lock {warehouse} within {timeout_s:.0f}s") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextmanager
def connect_for_write(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with warehouse_lock(warehouse):
        con = duckdb.connect(str(warehouse))
        try:
            ensure_schema(con)
            yield con
        finally:
            con.close()


@contextmanager
def connect_read_only(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with warehouse_lock(warehouse):
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            yield con
        finally:
            con.close()


def row_values(row: object) -> tuple[object, ...]:
    return tuple(_cell(getattr(row, f.name)) for f in dataclasses.fields(row))  # type: ignore[arg-type]


def _cell(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def delete_document(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    for table in ALL_RAW_TABLES:
        con.execute(f"DELETE FROM {RAW_SCHEMA}.{table} WHERE document_id = ?", [document_id])


def retire_superseded(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Remove the older versions of a file (same name, other content) once its newest version is
    published (``marts.dim_document.is_published``): their rows leave every raw and mart table. While
    the newest version fails its invariants, the previous good version stays published."""
    has_dim_document = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = 'dim_document'"
    ).fetchone()[0]
    if not has_dim_document:  # a partial dbt build (a selection without the marts): nothing to decide on
        return []
    retired = [
        r[0]
        for r in con.execute(
            """
            with versions as (
                select d.document_id, d.source_file, d.ingested_at, m.is_published
                from raw.documents d
                join marts.dim_document m using (document_id)
                where d.status = 'loaded'
            ),
            newest as (
                select source_file, arg_max(document_id, ingested_at) as newest_id
                from versions
                group by source_file
            )
            select v.document_id
            from versions v
            join newest n using (source_file)
            join versions nv on nv.document_id = n.newest_id
            where v.document_id <> n.newest_id and nv.is_published
            order by 1
            """
        ).fetchall()
    ]
    if not retired:
        return []
    mart_tables = [
        f"{schema}.{table}"
        for schema, table in con.execute(
            "select c.table_schema, c.table_name from information_schema.columns c"
            " join information_schema.tables t using (table_schema, table_name)"
            " where c.column_name = 'document_id' and c.table_schema = 'marts' and t.table_type = 'BASE TABLE'"
        ).fetchall()
    ]
    for document_id in retired:
        delete_document(con, document_id)
        for table in mart_tables:
            con.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    return retired


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, document_id: str, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert rows (tuples in ``columns`` order) for one document, casting each column to its type."""
    if not rows:
        return
    import pandas as pd

    frame = pd.DataFrame({c: pd.Series([r[i] for r in rows], dtype=object) for i, c in enumerate(columns)})
    frame.insert(0, "document_id", pd.Series([document_id] * len(rows), dtype=object))
    types = table_columns(table)
    select = ", ".join(f'CAST(frame."{c}" AS {types[c].split()[0]}) AS "{c}"' for c in frame.columns)
    con.register("frame", frame)
    try:
        cols = ", ".join(f'"{c}"' for c in frame.columns)
        con.execute(f"INSERT INTO {RAW_SCHEMA}.{table} ({cols}) SELECT {select} FROM frame")
    finally:
        con.unregister("frame")


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
