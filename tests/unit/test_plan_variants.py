"""The plan parsers know no entity, year or layout of the bundled plans: variants of the two real plans give the
same rows. Variants: every year shifted by -6 and the entity renamed; the plan exported as text (pages separated
by form feeds, no geometry); that text re-rendered as an upright PDF (no rotation, other positions)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from pipelines.extract.run import Extraction, extract_document
from pipelines.ingest.intake import IntakeResult, read_document
from pipelines.ingest.metadata import identify
from pipelines.synth.pdf import render_text_to_pdf

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
PLANS = ["provincie-antwerpen-mjp-2026-2031.pdf", "provincie-limburg-mjp-2026-herziening-8.pdf"]
TABLES = (
    "m1_financieel_doelstellingenplan",
    "m2_financieel_evenwicht",
    "m3_kredieten",
    "t1_functionele_aard",
    "t2_economische_aard",
    "policy_items",
    "policy_budgets",
)
# row counts per table, read off the original PDFs (tests/unit/test_schedules_m.py and test_plan_policy.py
# check their values)
COUNTS = {
    PLANS[0]: {"m1_financieel_doelstellingenplan": 192, "m2_financieel_evenwicht": 420, "m3_kredieten": 8,
               "t1_functionele_aard": 36, "t2_economische_aard": 426, "policy_items": 85, "policy_budgets": 600},
    PLANS[1]: {"m1_financieel_doelstellingenplan": 144, "m2_financieel_evenwicht": 558, "m3_kredieten": 36,
               "t1_functionele_aard": 108, "t2_economische_aard": 1386, "policy_items": 107, "policy_budgets": 3960},
}  # fmt: skip
POSITION_FIELDS = {"page_no", "line_no", "page_start", "line_start", "page_end", "line_end"}


def _extract(doc: IntakeResult) -> Extraction:
    return extract_document(doc.content_lines(), doc.identity.fiscal_year, doc.identity.report_type)


RENAMED = {
    "Antwerpen": "Oostland",
    "antwerpen": "oostland",
    "LIMBURG": "WESTLAND",
    "Limburg": "Westland",
    "limburg": "westland",
}


def _rename(text: str) -> str:
    for old, new in RENAMED.items():
        text = text.replace(old, new)
    return text


def _rows(extraction: Extraction, table: str, variant: bool = False) -> list[tuple]:
    """The rows of a table without their source position (a variant prints them elsewhere); ``variant``: as the
    years-and-entity variant prints them (every year in a value shifted, the entity renamed)."""
    out = []
    for row in extraction.tables.get(table, []):
        values = {f.name: str(getattr(row, f.name)) for f in dataclasses.fields(row) if f.name not in POSITION_FIELDS}
        if variant:
            values = {k: _rename(_shift(v, -6)) for k, v in values.items()}
        out.append(tuple(sorted(values.items())))
    return sorted(out)


@pytest.fixture(scope="module", params=PLANS)
def plan(request) -> tuple[str, IntakeResult, Extraction]:
    doc = read_document(REAL / request.param, max_bytes=1 << 31)
    return request.param, doc, _extract(doc)


def _shift(text: str, years: int) -> str:
    return re.sub(r"(?<!\d)(20[0-4]\d)(?!\d)", lambda m: str(int(m.group(1)) + years), text)


def test_original_counts(plan) -> None:
    name, _, extraction = plan
    assert {t: len(extraction.tables.get(t, [])) for t in TABLES} == COUNTS[name]


def test_other_years_and_entity(plan) -> None:
    name, doc, extraction = plan
    lines = [dataclasses.replace(cl, text=_rename(_shift(cl.text, -6))) for cl in doc.content_lines()]
    ident = identify(lines)
    assert ident.entity_name in ("Provincie Oostland", "Provincie Westland")
    assert (ident.report_type, ident.fiscal_year, ident.plan_first_year, ident.plan_last_year) == (
        "meerjarenplan",
        2020,
        2020,
        2025,
    )
    variant = extract_document(lines, ident.fiscal_year, ident.report_type)
    for table in TABLES:
        assert _rows(variant, table) == _rows(extraction, table, variant=True), table


def _as_text(doc: IntakeResult) -> str:
    pages: dict[int, list[str]] = {}
    for line in doc.lines:
        pages.setdefault(line.page_no, []).append(line.text)
    return "\f".join("\n".join(texts) for _, texts in sorted(pages.items()))


def test_text_export_and_rerendered_pdf(plan, tmp_path) -> None:
    name, doc, extraction = plan
    text_file = tmp_path / (Path(name).stem + ".txt")
    text_file.write_text(_as_text(doc), encoding="utf-8")
    pdf_file = render_text_to_pdf(text_file.read_text(encoding="utf-8"), tmp_path / ("rerendered-" + name))
    for path, fmt in ((text_file, "text"), (pdf_file, "pdf")):
        variant = read_document(path, max_bytes=1 << 31)
        assert (variant.file_format, variant.identity) == (fmt, doc.identity)
        if fmt == "text":  # the renderer splits a page longer than an A4 of its font into several
            assert variant.page_count == doc.page_count
        assert sum(1 for line in variant.lines if line.furniture) > 0
        got = _extract(variant)
        for table in TABLES:
            assert _rows(got, table) == _rows(extraction, table), (fmt, table)
