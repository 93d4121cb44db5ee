"""A schema without a dedicated parser (T5, a jaarrekening's T3 with content) is read generically: every
printed amount a cell with its row label, column and year heading, traceable to its line."""

from __future__ import annotations

from decimal import Decimal as D

from pipelines.extract.run import extract_document
from tests.conftest import lines_from_text

PLAN_WITH_T5 = """\
M2: Staat van het financieel evenwicht
T5: Overzicht van de personeelsinzet
Bedragen in euro 2026 2027 2028
Personeelskosten 1.250.000 1.300.000 (12.500)
Voltijdse equivalenten
statutair 10 11 12
Totaal 1.262.500 1.311.011 -12.488
Dit overzicht toont de personeelsinzet van het bestuur per jaar van het meerjarenplan, zoals gevraagd door de \
regelgeving en besproken in de raad.
"""


def test_t5_is_read_cell_by_cell() -> None:
    extraction = extract_document(lines_from_text(PLAN_WITH_T5), 2026, "meerjarenplan")
    cells = extraction.tables["schema_cells"]
    got = [(c.table_kind, c.row_no, c.label, c.column_no, c.column_header, c.year, c.amount, c.line_no) for c in cells]
    assert got == [
        ("T5", 1, "Personeelskosten", 1, "2026", 2026, D("1250000"), 4),
        ("T5", 1, "Personeelskosten", 2, "2027", 2027, D("1300000"), 4),
        ("T5", 1, "Personeelskosten", 3, "2028", 2028, D("-12500"), 4),
        ("T5", 2, "statutair", 1, "2026", 2026, D("10"), 6),
        ("T5", 2, "statutair", 2, "2027", 2027, D("11"), 6),
        ("T5", 2, "statutair", 3, "2028", 2028, D("12"), 6),
        ("T5", 3, "Totaal", 1, "2026", 2026, D("1262500"), 7),
        ("T5", 3, "Totaal", 2, "2027", 2027, D("1311011"), 7),
        ("T5", 3, "Totaal", 3, "2028", 2028, D("-12488"), 7),
    ]
    assert {c.title for c in cells} == {"T5: Overzicht van de personeelsinzet"}
    coverage = {c.table_kind: c for c in extraction.coverage}
    assert (coverage["T5"].raw_table, coverage["T5"].row_count, coverage["T5"].note) == (
        "schema_cells",
        9,
        "read generically (row label x column)",
    )


def test_a_wrapped_label_and_columns_without_a_matching_header() -> None:
    text = "T5: Verbonden entiteiten\nIntercommunale voor\nwaterbeheer\n25.000,50 30.000\nCVBA Voorbeeld 1.000\n"
    cells = extract_document(lines_from_text(text), 2024, "jaarrekening").tables["schema_cells"]
    got = [(c.row_no, c.label, c.column_no, c.column_header, c.amount) for c in cells]
    assert got == [
        (1, "Intercommunale voor waterbeheer", 1, None, D("25000.50")),
        (1, "Intercommunale voor waterbeheer", 2, None, D("30000")),
        (2, "CVBA Voorbeeld", 1, None, D("1000")),
    ]


def test_a_heading_without_content_stays_a_heading() -> None:
    text = "J4: Balans\nT3: Overzicht investeringsprojecten\nT4: Evolutie van de financiële schulden\n"
    extraction = extract_document(lines_from_text(text), 2024, "jaarrekening")
    assert not extraction.tables.get("schema_cells")
    assert {c.table_kind: c.note for c in extraction.coverage}["T3"] == "heading present, no content"
