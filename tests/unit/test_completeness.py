"""The completeness figure per document: printed table amounts read into rows, printed codes read as items."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extract.completeness import measure_completeness, policy_code_key, printed_amounts, printed_policy_codes
from pipelines.extract.lines import CLine, Line, content_lines
from pipelines.extract.model import AmountRow, CreditTransferTotal, PolicyItem
from pipelines.extract.run import extract_document
from pipelines.ingest.intake import read_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "jaarrekening-2024-agb-genk.txt"
REAL = ROOT / "tests" / "data" / "real"


def _cl(text: str, line_no: int = 1, page_no: int = 1, furniture: str | None = None) -> CLine:
    return CLine(text, page_no, line_no, line_no - 1, furniture)


def _d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cells of a whole-euro table row, small integers and negatives included
        ("Uitgave 1.425.628 0 -3.979.451", _d("1425628", "0", "3979451")),
        # a decimal-comma row before its one-letter flag column
        ("Stad Aalst projectsubsidie 100.000,00 0,00 J", _d("100000.00", "0.00")),
        ("Totaal : 1.931.146,24 773.103,81", _d("1931146.24", "773103.81")),
        # one amount-shaped token counts, one plain integer at a line end does not
        ("Masterplan PAULO 9.081.388", _d("9081388")),
        ("Het aantal opcentiemen blijft op 148", []),
        ("ingeschreven in 2026", []),
        # year headers, page numbers and furniture are no amounts
        ("2026 2027 2028 2029 2030 2031", []),
        ("17", []),
        # an account code before the cells of a cents table is no amount
        ("01300 € 0,00 € 0,00 € 0,00", _d("0", "0", "0")),
        # amounts inside prose are narrative, not table cells
        ("De exploitatie-uitgaven in 2024 bedragen € 5.655.960. In vergelijking", []),
    ],
)
def test_printed_amounts_are_the_cells_of_table_rows(text: str, expected: list[Decimal]) -> None:
    assert printed_amounts(_cl(text)) == expected


def test_furniture_prints_no_amounts() -> None:
    assert printed_amounts(_cl("AGB Genk 1.234.567 3 / 3", furniture="page_counter")) == []


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("BD000001", ("BD", 1)),
        ("BDS000001", ("BDS", 1)),
        ("BD01", ("BD", 1)),
        ("BD.17", ("BD", 17)),
        ("BD 1", ("BD", 1)),
        ("AP0101", ("AP", 101)),
        ("AP.0101", ("AP", 101)),
        ("AP000123", ("AP", 123)),
        ("AC000123", ("AC", 123)),
        ("BD000001: Een financieel gezond bestuur *", ("BD", 1)),
    ],
)
def test_every_policy_code_form_is_recognised(code: str, key: tuple[str, int]) -> None:
    assert policy_code_key(code) == key


def test_codes_are_counted_once_and_not_in_years_words_or_furniture() -> None:
    lines = [
        _cl("BELEIDSDOELSTELLING BD01 - WONEN EN LEVEN", 1),
        _cl("ACTIEPLAN AP0101 Betaalbaar wonen (zie ook BD 1)", 2),
        _cl("AP 2026 is geen code, ABD01 en BD0123456 ook niet", 3),
        _cl("BD000009 in de voettekst", 4, furniture="running_footer"),
    ]
    assert printed_policy_codes(lines) == {("BD", 1), ("AP", 101)}


def _row(amount: str, line_no: int) -> AmountRow:
    return AmountRow("M2", None, "x", f"p{line_no}", None, 2026, "meerjarenplan", Decimal(amount), 1, line_no)


def _item(code: str, line_no: int) -> PolicyItem:
    return PolicyItem("BD", code, "t", False, None, None, None, "geen", None, None, 1, line_no, 1, line_no)


def test_measure_counts_each_row_value_once_per_printed_token() -> None:
    lines = [
        _cl("Exploitatiesaldo 1.000 2.000 3.000", 1),  # all three read
        _cl("Autofinancieringsmarge 5.000 5.000 5.000", 2),  # one row only: 1 of 3
        _cl("Onbekende tabel 7.000 8.000", 3),  # nothing read
        _cl("BD000001 Een doelstelling", 4),
        _cl("BD000002 Een andere doelstelling", 5),
    ]
    tables = {
        "m2_financieel_evenwicht": [_row("1000", 1), _row("2000", 1), _row("-3000", 1), _row("5000", 2)],
        "credit_transfer_totals": [CreditTransferTotal("I", "U", "TOTAAL", Decimal("9999"), 1, 3)],  # other value
        "policy_items": [_item("BD000001", 4)],
    }
    figure = measure_completeness(lines, tables)
    assert (figure.amount_tokens, figure.amounts_attributed) == (8, 4)
    assert figure.amount_share == Decimal("0.5000")
    assert (figure.policy_codes, figure.policy_codes_read, figure.policy_share) == (2, 1, Decimal("0.5000"))
    assert figure.metadata()["completeness_amount_share"] == "0.5000"


def test_nothing_printed_gives_no_share() -> None:
    figure = measure_completeness([_cl("Inleiding", 1)], {})
    assert figure.amount_share is None and figure.policy_share is None
    assert figure.metadata()["completeness_policy_share"] == ""


def test_a_report_in_an_unknown_layout_shows_a_low_figure() -> None:
    text = "\n".join(
        [
            "Jaarrekening 2024 van de gemeente Voorbeeldstad",
            "Overzicht van de personeelsinzet per dienst",
            "Dienst Voltijdse equivalenten Loonkost 2024 Loonkost 2023",
            "Burgerzaken 12 812.340,55 799.120,10",
            "Technische dienst 31 2.101.774,00 2.050.981,43",
            "Cultuur 9 611.005,91 598.432,00",
            "Totaal 52 3.525.120,46 3.448.533,53",
            "Doelstelling BD000004 Een bereikbare gemeente: zie de beleidsnota",
        ]
    )
    lines = content_lines(Line(1, n, t) for n, t in enumerate(text.split("\n"), start=1))
    figure = extract_document(lines, 2024, "jaarrekening").completeness
    assert figure is not None
    assert (figure.amount_tokens, figure.amounts_attributed, figure.amount_share) == (8, 0, Decimal("0"))
    assert (figure.policy_codes, figure.policy_codes_read) == (1, 0)


def test_the_bundled_sample_is_read_almost_completely() -> None:
    intake = read_document(SAMPLE, max_bytes=1 << 30)
    ex = extract_document(intake.content_lines(), intake.identity.fiscal_year, intake.identity.report_type)
    figure = ex.completeness
    assert figure is not None
    # the three unread "amounts" are prose ending in numbers: "... werden in 2024 68" and "... een bedrag
    # van € 1.250,00" (a valuation rule), which no table row carries
    assert (figure.amount_tokens, figure.amounts_attributed) == (2080, 2077)
    assert figure.amount_share == Decimal("0.9986")
    assert (figure.policy_codes, figure.policy_codes_read, figure.policy_share) == (482, 482, Decimal("1.0000"))
    assert ex.metadata["completeness_amount_share"] == "0.9986"


@pytest.mark.parametrize(
    ("pdf", "tokens", "read_at_least", "codes"),
    [
        # the plans' investment project lists (per MJP project, per year) have no parser yet
        ("provincie-limburg-mjp-2026-herziening-8.pdf", 9586, 6408, 107),
        ("provincie-antwerpen-mjp-2026-2031.pdf", 3073, 1730, 85),
    ],
)
def test_real_plans(pdf: str, tokens: int, read_at_least: int, codes: int) -> None:
    intake = read_document(REAL / pdf, max_bytes=1 << 30)
    figure = extract_document(
        intake.content_lines(), intake.identity.fiscal_year, intake.identity.report_type
    ).completeness
    assert figure is not None
    assert figure.amount_tokens == tokens
    # new readers only raise the share; today's figures: Limburg 0.6685, Antwerpen 0.5630
    assert figure.amounts_attributed >= read_at_least
    assert (figure.policy_codes, figure.policy_codes_read) == (codes, codes)
