"""Shared fixtures: the bundled sample report, read the way intake reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.extract.lines import CLine, Line, content_lines
from pipelines.extract.sections import Section, find_sections
from pipelines.ingest.text import decode_text, text_to_lines

REPO = Path(__file__).resolve().parents[1]
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
    """dagster-dbt needs dbt_project/target/manifest.json before the definitions import
    (``make test`` builds it; this covers a bare ``pytest``)."""
    import subprocess
    import sys

    manifest = REPO / "dbt_project" / "target" / "manifest.json"
    if not manifest.exists():
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run([str(dbt), "parse", "--quiet", "--profiles-dir", "."], cwd=REPO / "dbt_project", check=True)
    return manifest
