from decimal import Decimal

import pytest

from pipelines.extract.numbers import is_amount_line, parse_amount, split_trailing_amounts


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1.234.567", "1234567.00"),
        ("-38.729", "-38729.00"),
        ("1.234,56", "1234.56"),
        ("0,00", "0.00"),
        ("0", "0.00"),
        ("€ 1.234,56", "1234.56"),
        ("-€ 801.540,67", "-801540.67"),
        ("- € 38.729", "-38729.00"),
        ("€ 0,00", "0.00"),
        ("-€ 1,00", "-1.00"),
    ],
)
def test_parse_amount_dutch_formats(token: str, expected: str) -> None:
    assert parse_amount(token) == Decimal(expected)


@pytest.mark.parametrize("token", ["01/01/2020", "2,07%", "0872.093.742", "12.34", "BD000007", "31.12.2024", ""])
def test_parse_amount_rejects_non_amounts(token: str) -> None:
    assert parse_amount(token) is None


def test_split_trailing_amounts() -> None:
    assert split_trailing_amounts("Uitgaven 5.655.960 6.009.810 -6.165.607") == (
        "Uitgaven",
        [Decimal("5655960.00"), Decimal("6009810.00"), Decimal("-6165607.00")],
    )
    assert split_trailing_amounts("2022000015 Openingspost € 1,00 € 0,00 -€ 1,00") == (
        "2022000015 Openingspost",
        [Decimal("1.00"), Decimal("0.00"), Decimal("-1.00")],
    )
    assert split_trailing_amounts("Saldo - € 38.729") == ("Saldo", [Decimal("-38729.00")])
    assert split_trailing_amounts("09 € 1,00 € 2,00 € 3,00", max_count=3) == (
        "09",
        [Decimal("1.00"), Decimal("2.00"), Decimal("3.00")],
    )
    assert split_trailing_amounts("Van 01/01/2020 tot 31/12/2027") == ("Van 01/01/2020 tot 31/12/2027", [])


def test_is_amount_line() -> None:
    assert is_amount_line("121.527 124.648 127.888")
    assert not is_amount_line("B. Financiële schulden op lange termijn die")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("(1.234)", "-1234.00"),
        ("(31.536.482)", "-31536482.00"),
        ("(€ 1.234,56)", "-1234.56"),
        ("1.234-", "-1234.00"),
        ("16.767.851-", "-16767851.00"),
        ("1.234,56-", "-1234.56"),
        ("(0)", "-0.00"),
    ],
)
def test_parse_amount_other_negative_notations(token: str, expected: str) -> None:
    assert parse_amount(token) == Decimal(expected)


@pytest.mark.parametrize("token", ["(A+B-C)", "(1.23)", "1-2-", "(2024", "1.234)"])
def test_parse_amount_rejects_broken_negative_notations(token: str) -> None:
    assert parse_amount(token) is None


def test_split_trailing_amounts_mixed_negative_notations() -> None:
    assert split_trailing_amounts("III. Saldo (31.536.482) 1.077.386 16.767.851- - 2.000 (€ 5,50)") == (
        "III. Saldo",
        [
            Decimal("-31536482.00"),
            Decimal("1077386.00"),
            Decimal("-16767851.00"),
            Decimal("-2000.00"),
            Decimal("-5.50"),
        ],
    )
    assert split_trailing_amounts("D. Financiële schulden op 31 december (A+B-C) 19.895.000") == (
        "D. Financiële schulden op 31 december (A+B-C)",
        [Decimal("19895000.00")],
    )
