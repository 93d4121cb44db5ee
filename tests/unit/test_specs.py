"""Layout knowledge as data: the spellings of other producers are read through pipelines.extract.specs."""

from __future__ import annotations

import pytest

from pipelines.extract import specs
from pipelines.extract.schedules_m import trailing_years
from pipelines.extract.sections import classify_title


@pytest.mark.parametrize(
    ("text", "label", "years"),
    [
        ("Budgettair resultaat 2026 2027 2028", "Budgettair resultaat", [2026, 2027, 2028]),
        ("MJP2026 MJP2027 MJP2028 MJP2029 MJP2030 MJP2031", "", [2026, 2027, 2028, 2029, 2030, 2031]),
        ("Beleidsdomein 2026 (€) 2027 (€)", "Beleidsdomein", [2026, 2027]),
        ("Uitgaven 1.234 2.345", "Uitgaven 1.234 2.345", []),
        ("(€)", "(€)", []),
    ],
)
def test_trailing_year_tokens(text: str, label: str, years: list[int]) -> None:
    assert specs.trailing_year_tokens(text) == (label, years)


def test_plan_year_header_forms_are_consecutive_years() -> None:
    assert trailing_years("MJP2020 MJP2021 MJP2022 MJP2023 MJP2024 MJP2025") == (
        "",
        [2020, 2021, 2022, 2023, 2024, 2025],
    )
    assert trailing_years("EXPLOITATIE 2026 (€) 2027 (€)") == ("EXPLOITATIE", [2026, 2027])
    assert trailing_years("Uitgaven 2026 2028") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Beleidsdoelstelling: BD000001:Het provinciebestuur managen", "BD000001"),
        ("Beleidsdoelstelling: BDS000005", "BDS000005"),
        ("Beleidsdoelstelling BD01 - Een veilige stad", "BD01"),
        ("BELEIDSDOELSTELLING BD.17 - EEN GROENE GEMEENTE", "BD.17"),
        ("Beleidsdoelstelling BD 1 Een zorgzame gemeente", "BD 1"),
        ("Beleidsdoelstelling BD01", "BD01"),
        ("BD01 - Een veilige stad", "BD01"),
        ("BD.17: Een groene gemeente", "BD.17"),
        ("BD 1 - Een zorgzame gemeente", "BD 1"),
        ("BD000003 Provinciebestuur managen", "BD000003"),
        ("BDS De provincie werkt samen met lokale besturen", None),
        ("BD 1 Een zorgzame gemeente", None),
        ("BD01 1.234 5.678", None),
        ("Beleidsdoelstellingen van de stad", None),
        ("Beleidsdoelstelling met prioriteit", None),
    ],
)
def test_bd_header_code_forms(text: str, code: str | None) -> None:
    assert specs.bd_header_code(text) == code


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("M1: Financieel doelstellingenplan", "M1"),
        ("Schema M1 - Financieel doelstellingenplan", "M1"),
        ("Schema M2 – Staat van het financieel evenwicht", "M2"),
        ("M3 - Overzicht van de kredieten", "M3"),
        ("Schema T1 - Ontvangsten en uitgaven naar functionele aard", "T1"),
        ("Schema T2 - Ontvangsten en uitgaven naar economische aard", "T2"),
        ("T2: Ontvangsten en uitgaven naar economische aard", "T2"),
        ("Schema T3 - Evolutie van de financiële schulden", "T3"),
        ("• M1 aangepast financieel doelstellingenplan 27 - 28", None),
        ("M1-rapport", None),
        # prose naming a schema (Oost-Vlaanderen's policy statement p. 11 l. 35) is no title
        ("schema M2 - Staat van het financieel evenwicht. Het rekeningresultaat wordt hoger ingeschat omdat de", None),
        ("Schema M2 - Staat van het financieel evenwicht. Het rekeningresultaat wordt hoger ingeschat", None),
        ("financiële kerncijfers", None),
        ("Financiële kerncijfers", "key_figures"),
    ],
)
def test_schema_titles_with_a_dash(text: str, kind: str | None) -> None:
    assert classify_title(text) == kind
