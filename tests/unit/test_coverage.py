"""The coverage record of a document: expected schemas per report type, and schemas seen but not parsed."""

from __future__ import annotations

from pipelines.extract.lines import CLine
from pipelines.extract.run import EXPECTED_IN_MEERJARENPLAN, extract_document


def _lines(*texts: str) -> list[CLine]:
    return [CLine(text, 1, n, n - 1) for n, text in enumerate(texts, start=1)]


def test_unknown_schema_is_reported_as_seen_not_parsed() -> None:
    result = extract_document(
        _lines("Schema M4(W): Aangepaste lijst van de projecten", "Project A 1.000 2.000", "J6: Nog een schema"),
        2026,
        "meerjarenplan",
    )
    notes = {c.table_kind: (c.expected, c.found, c.row_count, c.note) for c in result.coverage}
    assert notes["M4"] == (False, True, 0, "present but not parsed: Aangepaste lijst van de projecten")
    assert notes["J6"] == (False, True, 0, "present but not parsed: Nog een schema")


def test_a_plan_without_its_schemas_reports_them_missing() -> None:
    result = extract_document(_lines("Strategische nota", "Tekst zonder tabellen"), 2026, "meerjarenplan")
    missing = {c.table_kind: c.note for c in result.coverage if c.expected and not c.found}
    assert set(missing) == set(EXPECTED_IN_MEERJARENPLAN) == {"policy", "M1", "M2", "M3", "T1", "T2"}
    assert set(missing.values()) == {"expected in this report type but not found"}
    # a footer naming a schema is not the schema
    running = extract_document(_lines("MEERJARENPLAN HERZIENING 8 2026 : Schema M2(W): Aangepaste staat"), 2026, None)
    assert [c.table_kind for c in running.coverage if c.found] == []
