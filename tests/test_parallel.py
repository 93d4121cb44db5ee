"""Several documents at once on both cores, without DuckDB lock errors; a rerun with nothing new
does no extraction."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import duckdb
import pytest

from pipelines.cli import process_files
from pipelines.settings import Settings
from pipelines.synth.generator import write_corpus
from tests.conftest import REPO


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    return [p for p in write_corpus(out, 4, seed=4242) if p.suffix == ".txt"]


def _truth_activa(report) -> dict[int, Decimal]:
    truth = json.loads(report.with_name(report.stem + ".truth.json").read_text(encoding="utf-8"))
    return {r["year"]: Decimal(r["amount"]) for r in truth["J4"] if r["line_path"] == "ACTIVA"}


def test_documents_in_parallel_processes(corpus, tmp_path) -> None:
    settings = Settings(warehouse=tmp_path / "wh.duckdb", data_dir=tmp_path / "data")
    outcomes = process_files(corpus, settings, run_dbt=False, jobs=2)
    assert [o.status for o in outcomes] == ["loaded"] * 4
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        for report, outcome in zip(corpus, outcomes, strict=True):
            got = dict(
                con.execute(
                    "SELECT year, amount FROM raw.j4_balans WHERE document_id = ? AND line_path = 'ACTIVA'",
                    [outcome.document_id],
                ).fetchall()
            )
            assert got == _truth_activa(report)
        assert con.execute("SELECT count(DISTINCT document_id) FROM raw.lines").fetchone()[0] == 4
    finally:
        con.close()


def test_two_cli_processes_write_the_same_warehouse(corpus, tmp_path) -> None:
    warehouse = tmp_path / "wh.duckdb"
    env = {**os.environ, "BBC_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    env.pop("DAGSTER_HOME", None)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "ingest", *map(str, pair), "--warehouse", str(warehouse)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for pair in (corpus[:2], corpus[2:])
    ]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, out + err
        assert "lock" not in (out + err).lower()
        assert "2 document(s): 2 accepted, 0 rejected or failed" in out
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM raw.documents WHERE status = 'loaded'").fetchone()[0] == 4
        assert con.execute("SELECT count(*) FROM marts.dim_document").fetchone()[0] == 4
    finally:
        con.close()


def test_rerun_with_nothing_new_does_no_extraction(corpus, tmp_path) -> None:
    settings = Settings(warehouse=tmp_path / "wh.duckdb", data_dir=tmp_path / "data")
    process_files(corpus[:2], settings, run_dbt=False)
    staged = sorted(settings.staging.rglob("*.pkl"))
    stamps = {p: p.stat().st_mtime_ns for p in staged}
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    before = con.execute("SELECT document_id, ingested_at FROM raw.documents ORDER BY 1").fetchall()
    con.close()

    again = process_files(corpus[:2], settings, skip_loaded=True, run_dbt=False)

    assert [o.status for o in again] == ["unchanged", "unchanged"]
    assert {p: p.stat().st_mtime_ns for p in sorted(settings.staging.rglob("*.pkl"))} == stamps
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT document_id, ingested_at FROM raw.documents ORDER BY 1").fetchall() == before
    con.close()
