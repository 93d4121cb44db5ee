"""The completeness figures of a document: printed amounts attributed to a row, printed policy codes read."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extract.completeness import Completeness, amount_tokens, measure, printed_codes
from pipelines.extract.lines import CLine, content_lines
from pipelines.extract.run import extract_document
from pipelines.ingest.intake import read_document
from pipelines.ingest.text import text_to_lines
from pipelines.synth import generate_report
from pipelines.synth.family_b import generate_family_b

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Uitgaven 5.655.960 6.009.810 -6.165.607", 3),
        ("III. Saldo (31.536.482) 1.077.386 16.767.851-", 3),
        ("Uitgaven 1.234 (512) 2.000-", 2),  # amounts below 1.000 look like any other number: not counted
        ("2022000015 Openingspost € 1,00 € 0,00 -€ 1,00", 3),
        ("zijn 15 DIGIdokters aan het werk die 1.336 bezoekers ontvingen", 0),  # prose
        ("Rente 0 0 0", 0),
        ("KBO-nummer 0207.725.597", 0),
        ("Datum vaststelling: 28/12/2025", 0),
    ],
)
def test_amount_tokens(text: str, count: int) -> None:
    assert amount_tokens(text) == count


def test_printed_codes_every_form() -> None:
    lines = [
        CLine(text, 1, n, n)
        for n, text in enumerate(
            [
                "Beleidsdoelstelling: BD000001:Het bestuur",
                "BDS000005 en AP000123, AC000474",
                "BELEIDSDOELSTELLING BD01 - EEN VEILIGE STAD",
                "BELEIDSDOELSTELLING BD.17",
                "Beleidsdoelstelling BD 1 - Zorg",
                "ACTIEPLAN AP0101 - RENOVEREN",
                "GBDS Samen met de lokale besturen",  # a word, not a code
                "MJP001411 66400000 APB Kamp C",
            ]
        )
    ]
    assert printed_codes(lines) == {"BD000001", "BDS000005", "AP000123", "AC000474", "BD01", "BD.17", "BD 1", "AP0101"}


def test_shares() -> None:
    c = Completeness(amounts_printed=1787, amounts_attributed=1786, policy_codes_printed=482, policy_codes_read=482)
    assert (c.amount_share, c.policy_code_share) == (Decimal("0.9994"), Decimal("1.0000"))
    assert Completeness(0, 0, 0, 0).metadata()["completeness_amounts"] == ""


def _figures(path: Path) -> dict[str, str]:
    doc = read_document(path, max_bytes=1 << 31)
    ex = extract_document(doc.content_lines(), doc.identity.fiscal_year, doc.identity.report_type)
    return {k: v for k, v in ex.metadata.items() if k.startswith(("completeness", "amounts_", "policy_codes_"))}


def test_the_sample(sample_lines) -> None:
    """The bundled jaarrekening: one printed amount of 1.787 is not read (a table cell in the prose), every code is."""
    ex = extract_document(sample_lines, 2024, "jaarrekening")
    assert measure(sample_lines, ex.tables) == Completeness(1787, 1786, 482, 482)
    assert ex.metadata["completeness_amounts"] == "0.9994" and ex.metadata["completeness_policy_codes"] == "1.0000"


def test_the_two_journaalvolgnummers_plans() -> None:
    """Every policy code of both plans is read; their investment lists and strategic-note tables are not (yet)."""
    assert _figures(REAL / "provincie-antwerpen-mjp-2026-2031.pdf") == {
        "completeness_amounts": "0.6935",
        "completeness_policy_codes": "1.0000",
        "amounts_printed": "2085",
        "amounts_attributed": "1446",
        "policy_codes_printed": "85",
        "policy_codes_read": "85",
    }
    figures = _figures(REAL / "provincie-limburg-mjp-2026-herziening-8.pdf")
    assert (figures["amounts_printed"], figures["amounts_attributed"]) == ("7825", "5228")
    assert (figures["policy_codes_printed"], figures["policy_codes_read"]) == ("107", "107")


def test_family_b_counts_what_it_prints(tmp_path: Path) -> None:
    """A family-B plan: every printed amount >= 1.000 of the schemas and the per-AP tables is counted, every
    printed BD/AP code is counted; the schema amounts are all attributed."""
    report = generate_family_b(0)
    path = tmp_path / f"{report.name}.txt"
    path.write_text(report.text, encoding="utf-8")
    figures = _figures(path)
    schema_cells = [c for kind in ("M1", "M2", "M3", "T1", "T2") for c in report.truth[kind]]
    big = [c for c in schema_cells + report.truth["policy_budgets"] if abs(Decimal(c["amount"])) >= 1000]
    assert int(figures["amounts_printed"]) == len(big) == 1049
    assert int(figures["amounts_attributed"]) >= sum(abs(Decimal(c["amount"])) >= 1000 for c in schema_cells) == 599
    assert int(figures["policy_codes_printed"]) == len(report.truth["policy_items"]) == 49


@pytest.mark.parametrize(("seed", "amounts", "codes"), [(0, 1830, 84), (6, 2505, 225)])
def test_family_a_is_read_completely(seed: int, amounts: int, codes: int) -> None:
    """The synthetic reports in the sample's layout: every printed amount and every printed code is read."""
    report = generate_report(seed)
    lines = content_lines(text_to_lines(report.text))
    ex = extract_document(lines, report.truth["document"]["fiscal_year"], "jaarrekening")
    assert measure(lines, ex.tables) == Completeness(amounts, amounts, codes, codes)
