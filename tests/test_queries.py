"""Every analyst query of docs/queries.md runs on the sample warehouse and returns the sample's values.

Each query is keyed by its "### <question>" heading; every heading must have a check here, so a new
query without an expected result fails the suite.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

D = Decimal
QUERIES_MD = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
_QUERY = re.compile(r"^### (?P<question>.+?)\n(?:(?!^### ).)*?^```sql\n(?P<sql>.*?)^```", re.S | re.M)

Rows = list[dict]


def load_queries() -> dict[str, str]:
    text = QUERIES_MD.read_text(encoding="utf-8")
    queries = {m["question"].strip(): m["sql"] for m in _QUERY.finditer(text)}
    assert len(queries) == text.count("\n### "), "every ### heading needs exactly one ```sql block"
    return queries


def run(db, sql: str) -> Rows:
    cur = db.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def check_headline(rows: Rows) -> None:
    assert rows == [
        {
            "entity_name": "AGB Genk",
            "entity_id": "0872093742",
            "fiscal_year": 2024,
            "exploitatiesaldo": D("-38729.00"),
            "budgettair_resultaat": D("-326744.00"),
            "beschikbaar_budgettair_resultaat": D("-1128285.00"),
            "autofinancieringsmarge": D("-268958.00"),
            "gecorrigeerde_autofinancieringsmarge": D("-1047853.00"),
            "balance_total": D("84378157.00"),
            "nettoactief": D("69881197.00"),
            "financial_debt_total": D("12383824.00"),
            "result_of_year": D("-596176.00"),
        }
    ]


def check_bd_realisation(rows: Rows) -> None:
    got = {
        (r["bd_code"], r["budget_kind"]): (r["jaarrekening"], r["eindkrediet"], r["realisation_pct"])
        for r in rows
    }
    assert len(rows) == 15
    assert {r["bd_code"] for r in rows} == {
        "BD000002",
        "BD000005",
        "BD000007",
        "BD000008",
        "BD000009",
        "BD000010",
        "BD000012",
        "BD000013",
    }
    assert got[("BD000002", "exploitatie")] == (D("289707.00"), D("252000.00"), 115.0)
    assert got[("BD000007", "investeringen")] == (D("999472.00"), D("2259659.00"), 44.2)
    assert got[("BD000013", "financiering")] == (D("230230.00"), D("292730.00"), 78.6)
    assert got[("BD000008", "exploitatie")] == (D("10210.00"), D("0.00"), None)  # no credit: no rate
    assert rows[0]["title"].startswith("De talentontwikkeling en taalvaardigheid")


def check_behind_schedule(rows: Rows) -> None:
    assert len(rows) == 31  # 24 achter_schema + 7 niet_opgestart actions
    assert sum(r["evaluation_status"] == "niet_opgestart" for r in rows) == 7
    assert [(r["ac_code"], r["bd_code"], r["ap_code"], r["spent"], r["eindkrediet"]) for r in rows[:3]] == [
        ("AC000268", "BD000009", "AP000045", D("12171.00"), D("101777.00")),
        ("AC000339", "BD000012", "AP000058", D("2371.00"), D("15000.00")),
        ("AC000021", "BD000002", "AP000005", D("0.00"), D("0.00")),
    ]
    assert sum(r["spent"] for r in rows) == D("14542.00")


def check_balance_structure(rows: Rows) -> None:
    got = {(r["balance_year"], r["line_path"]): (r["amount"], r["pct_of_total"]) for r in rows}
    assert len(rows) == 12
    assert got[(2024, "ACTIVA")] == (D("84378157.00"), 100.0)
    assert got[(2024, "ACTIVA.II")] == (D("82381557.00"), 97.6)
    assert got[(2024, "PASSIVA.I")] == (D("14496960.00"), 17.2)
    assert got[(2024, "PASSIVA.II")] == (D("69881197.00"), 82.8)
    assert got[(2023, "PASSIVA.II")] == (D("71034842.00"), 83.1)


def check_debt_evolution(rows: Rows) -> None:
    assert [(r["year"], r["phase"], r["total"]) for r in rows] == [
        (2020, "jaarrekening", D("11988117.00")),
        (2021, "jaarrekening", D("11866590.00")),
        (2022, "jaarrekening", D("11741942.00")),
        (2023, "jaarrekening", D("12614054.00")),
        (2024, "jaarrekening", D("12383824.00")),
        (2025, "meerjarenplan", D("12334270.00")),
        (2026, "meerjarenplan", D("12027645.00")),
        (2027, "meerjarenplan", D("11713694.00")),
    ]
    y2024 = rows[4]
    assert (
        y2024["long_term"],
        y2024["long_term_due_within_year"],
        y2024["short_term"],
        y2024["repayments"],
    ) == (
        D("11146770.00"),
        D("237055.00"),
        D("1000000.00"),
        D("-230230.00"),
    )
    assert rows[3]["new_loans"] == D("5000000.00")


def check_afm(rows: Rows) -> None:
    assert [(r["year"], r["phase"], r["afm_from_t2"]) for r in rows] == [
        (2020, "jaarrekening", D("-669657.00")),
        (2021, "jaarrekening", D("-378465.00")),
        (2022, "jaarrekening", D("-473410.00")),
        (2023, "jaarrekening", D("-652694.00")),
        (2024, "jaarrekening", D("-268959.00")),
        (2024, "meerjarenplan", D("-268959.00")),
        (2025, "meerjarenplan", D("50093.00")),
        (2026, "meerjarenplan", D("315194.00")),
        (2027, "meerjarenplan", D("155268.00")),
    ]
    j2 = [(r["year"], r["afm_from_j2"]) for r in rows if r["afm_from_j2"] is not None]
    assert j2 == [(2024, D("-268958.00"))]  # J2 and T2 differ by the whole-euro rounding


def check_transfers_per_beleidsveld(rows: Rows) -> None:
    assert [
        (
            r["beleidsveld_code"],
            r["beleidsveld_name"],
            r["expenditure_rows"],
            r["expenditure_transferred"],
            r["receipts_transferred"],
        )
        for r in rows
    ] == [
        ("0119", "Overige algemene diensten", 11, D("13594035.84"), D("13592863.91")),
        ("0742", "Sportinfrastructuur", 9, D("752097.77"), D("731994.72")),
        ("0590", "Overige economische zaken", 3, D("547817.11"), D("400986.51")),
        ("0220", "Parkeren", 2, D("135124.75"), D("55000.00")),
        (
            "0752",
            "Infrastructuur en faciliteiten ten behoeve van kinderen en jongeren",
            2,
            D("18019.16"),
            D("18019.16"),
        ),
        ("0701", "Cultuurcentrum", 2, D("10966.16"), D("10966.16")),
    ]
    assert all(r["is_official_beleidsveld"] for r in rows)
    assert sum(r["expenditure_transferred"] for r in rows) == D("15058060.79")
    assert sum(r["receipts_transferred"] for r in rows) == D("14809830.46")
    assert rows[1]["domein_name"] == "Cultuur en vrije tijd"


def check_transfers_per_account(rows: Rows) -> None:
    assert len(rows) == 11
    assert (rows[0]["account_code"], rows[0]["direction"], rows[0]["amount"]) == (
        "2603000",
        "ontvangsten",
        D("12902186.00"),
    )
    got = {(r["account_code"], r["direction"]): (r["transfers"], r["amount"]) for r in rows}
    assert got[("1500000", "ontvangsten")] == (27, D("1907644.46"))
    assert got[("2291000", "uitgaven")] == (7, D("1256460.70"))
    assert got[("1733000", "ontvangsten")] == (1, D("1250000.00"))
    names = {r["account_code"]: r["account_name"] for r in rows}
    assert names["2451000"] == "Meubilair - bedrijfsmatige materiële vaste activa - Aanschaffingswaarde"


def check_operating_expenditure(rows: Rows) -> None:
    assert [(r["line_path"], r["amount"], r["pct_of_operating_expenditure"]) for r in rows] == [
        ("exploitatie.uitgaven.A.1", D("4974063.00"), 87.9),
        ("exploitatie.uitgaven.B.1", D("440572.00"), 7.8),
        ("exploitatie.uitgaven.A.5", D("241325.00"), 4.3),
        ("exploitatie.uitgaven.A.4", D("0.00"), 0.0),  # equal amounts in the order of their line path
        ("exploitatie.uitgaven.B.2", D("0.00"), 0.0),
    ]
    assert sum(r["amount"] for r in rows) == D("5655960.00")  # = J2 I.b exploitatie-uitgaven
    assert rows[0]["label"] == "1. Goederen en diensten"


def check_t1_per_domein(rows: Rows) -> None:
    assert [
        (r["beleidsdomein"], r["budget_kind"], r["uitgaven"], r["ontvangsten"], r["saldo"]) for r in rows
    ] == [
        ("Algemene Financiering", "exploitatie", D("442862.00"), D("1150016.00"), D("707154.00")),
        ("Algemene Financiering", "financiering", D("230230.00"), D("0.00"), D("-230230.00")),
        ("Beleid en organisatie", "exploitatie", D("5213098.00"), D("4467215.00"), D("-745883.00")),
        ("Beleid en organisatie", "investeringen", D("1111247.00"), D("1053461.00"), D("-57786.00")),
    ]


def check_j3_realisation(rows: Rows) -> None:
    got = {
        (r["budget_kind"], r["direction"]): (
            r["initieel_krediet"],
            r["eindkrediet"],
            r["jaarrekening"],
            r["realisation_pct"],
        )
        for r in rows
    }
    assert len(rows) == 6
    assert got[("exploitatie", "uitgaven")] == (D("6165607.00"), D("6009810.00"), D("5655960.00"), 94.1)
    assert got[("investeringen", "uitgaven")] == (D("2293286.00"), D("16169307.00"), D("1111247.00"), 6.9)
    assert got[("financiering", "ontvangsten")] == (D("0.00"), D("1250000.00"), D("0.00"), 0.0)


def check_unspent_vs_transferred(rows: Rows) -> None:
    assert [
        (r["bd_code"], r["unspent_investment_credit"], r["transferred"], r["difference"]) for r in rows
    ] == [
        ("BD000002", D("20000.00"), D("20000.00"), D("0.00")),
        ("BD000005", D("5114.00"), D("5113.46"), D("-0.54")),
        ("BD000007", D("1260187.00"), D("1260187.02"), D("0.02")),
        ("BD000009", D("83297.00"), D("83296.68"), D("-0.32")),
        ("BD000012", D("787277.00"), D("787277.63"), D("0.63")),
        ("BD000013", D("12902186.00"), D("12902186.00"), D("0.00")),
    ]


def check_no_plan_for_the_sample(rows: Rows) -> None:
    assert rows == []


CHECKS: dict[str, Callable[[Rows], None]] = {
    "What are the headline figures of each report?": check_headline,
    "What share of its eindkrediet did each beleidsdoelstelling realise (jaarrekening / eindkrediet)?": (
        check_bd_realisation
    ),
    "Which actions are behind schedule or not started, and what did they spend?": check_behind_schedule,
    "How is the balance sheet structured at the end of the year and the year before?": (
        check_balance_structure
    ),
    "How does the financial debt evolve over the years (realised and planned)?": check_debt_evolution,
    "How does the autofinancieringsmarge evolve over the years?": check_afm,
    "Which beleidsvelden receive the transferred investment credits?": check_transfers_per_beleidsveld,
    "On which general-ledger accounts are credits transferred?": check_transfers_per_account,
    "What does the entity spend on operations, by economic category?": check_operating_expenditure,
    "How are expenditure and receipts spread over the beleidsdomeinen (T1)?": check_t1_per_domein,
    "How much of the credits was realised per budget kind (J3)?": check_j3_realisation,
    "Per beleidsdoelstelling: unspent investment credit versus the credit transferred to next year": (
        check_unspent_vs_transferred
    ),
    # the sample has no plan of its own entity and year; tests/test_plans.py checks the pairing with a plan
    "How do a jaarrekening's realised figures compare with the plan figures of the same entity and year?": (
        check_no_plan_for_the_sample
    ),
}


def test_every_query_has_a_check() -> None:
    queries = load_queries()
    assert len(queries) >= 8
    assert set(queries) == set(CHECKS)


@pytest.mark.parametrize("question", sorted(CHECKS))
def test_query_result(sample_db, question: str) -> None:
    sql = load_queries()[question]
    CHECKS[question](run(sample_db, sql))
