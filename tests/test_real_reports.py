"""Real published BBC PDFs (provincial multi-year plans, shared test data beside the repository) are
identified from their content: entity, KBO number, type, report type (a plan revision by its title)."""

from __future__ import annotations

import pytest

from pipelines.ingest.intake import read_document
from tests.conftest import REPO

REAL = REPO.parent / "shared" / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real PDFs not found: {REAL}")


@pytest.mark.parametrize(
    ("name", "identity", "pages"),
    [
        (
            "provincie-limburg-mjp-2026-herziening-8.pdf",
            ("PROVINCIE LIMBURG", "0207725203", "provincie", "aanpassing_meerjarenplan", 2026),
            153,
        ),
        (
            "provincie-antwerpen-mjp-2026-2031.pdf",
            ("Provincie Antwerpen", "0207725597", "provincie", "meerjarenplan", 2026),
            51,
        ),
    ],
)
def test_real_plan_is_identified(name: str, identity: tuple, pages: int) -> None:
    doc = read_document(REAL / name, max_bytes=200 * 1024 * 1024)
    ident = doc.identity
    assert (ident.entity_name, ident.kbo_number, ident.entity_type, ident.report_type, ident.fiscal_year) == identity
    assert (doc.file_format, doc.page_count) == ("pdf", pages)
