"""Shared fixtures: the bundled sample report, read the way intake reads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipelines.extract.lines import CLine, Line, content_lines
from pipelines.extract.sections import Section, find_sections
from pipelines.ingest.text import decode_text, text_to_lines

REPO = Path(__file__).resolve().parents[1]

# tests run on ephemeral Dagster instances and temporary warehouses, never on the user's data/
os.environ.pop("DAGSTER_HOME", None)
os.environ.pop("BBC_WAREHOUSE", None)
SAMPLE_TXT = REPO / "data" / "samples" / "jaarrekening-2024-agb-genk.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return decode_text(SAMPLE_TXT.read_bytes())


@pytest.fixture(scope="session")
def sample_raw_lines(sample_text: str) -> list[Line]:
    return text_to_lines(sample_text)


@pytest.fixture(scope="session")
def sample_lines(sample_raw_lines: list[Line]) -> list[CLine]:
    return content_lines(sample_raw_lines)


@pytest.fixture(scope="session")
def sample_sections(sample_lines: list[CLine]) -> dict[str, list[Section]]:
    out: dict[str, list[Section]] = {}
    for s in find_sections(sample_lines):
        out.setdefault(s.kind, []).append(s)
    return out


def lines_from_text(text: str) -> list[CLine]:
    """Helper for tests that build small variants."""
    return content_lines(text_to_lines(text))


@pytest.fixture(scope="session", autouse=True)
def dbt_manifest() -> Path:
    """dagster-dbt needs an up-to-date dbt_project/target/manifest.json before the definitions
    import (``make test`` builds it; this covers a bare ``pytest``)."""
    import subprocess
    import sys

    manifest = REPO / "dbt_project" / "target" / "manifest.json"
    sources = [p for d in ("models", "seeds", "macros", "tests") for p in (REPO / "dbt_project" / d).rglob("*")]
    newest = max((p.stat().st_mtime for p in sources if p.is_file()), default=0)
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run([str(dbt), "parse", "--quiet", "--profiles-dir", "."], cwd=REPO / "dbt_project", check=True)
    return manifest


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, dbt_manifest):
    """The whole pipeline (intake, extraction, raw load, dbt build) run once on the sample text into a
    temporary warehouse; returns its Settings. Tests open it read-only."""
    import shutil

    from pipelines.cli import process_files
    from pipelines.settings import Settings

    root = tmp_path_factory.mktemp("sample_warehouse")
    source = root / "data" / "inbox" / SAMPLE_TXT.name
    source.parent.mkdir(parents=True)
    shutil.copy(SAMPLE_TXT, source)
    settings = Settings(warehouse=root / "warehouse.duckdb", data_dir=root / "data")
    outcomes = process_files([source], settings)
    assert [o.status for o in outcomes] == ["loaded"], [o.line() for o in outcomes]
    return settings


@pytest.fixture()
def sample_db(sample_warehouse):
    """A read-only DuckDB connection to the sample warehouse."""
    import duckdb

    con = duckdb.connect(str(sample_warehouse.warehouse), read_only=True)
    yield con
    con.close()
