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

# The page numbers the sample prints alone on their line (physical line, page), read off the text: the
# sample has no form feeds, so its lines carry these printed pages. A line carries the number of the
# counter that ends its page; lines after the last counter (line 9652) are on the next page, 229.
SAMPLE_PAGE_COUNTERS = (
    (108, 6),
    (2193, 44),
    (2538, 50),
    (6787, 126),
    (7540, 139),
    (8524, 156),
    (8855, 167),
    (8863, 168),
    (8883, 169),
    (8891, 170),
    (9644, 227),
    (9652, 228),
)


def sample_page(line_no: int) -> int:
    """The printed page of the sample's physical line ``line_no``."""
    return next((page for line, page in SAMPLE_PAGE_COUNTERS if line_no <= line), 229)


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
