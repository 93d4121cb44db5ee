"""The star schema built by dbt on the sample report holds exactly the sample's values.

Expected values are copied from the report (see the extraction tests and INVARIANTS), not derived
from the marts at run time.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

D = Decimal
DOC_YEAR = 2024  # the sample's fiscal year


def _one(db, sql: str, params: list | None = None):
    return db.execute(sql, params or []).fetchone()


def _all(db, sql: str, params: list | None = None) -> list[tuple]:
    return db.execute(sql, params or []).fetchall()


# ------------------------------------------------------------------------------ key figures


def test_key_figures_hold_the_sample_values(sample_db) -> None:
    cur = sample_db.execute("SELECT * FROM marts.mart_key_figures")
    rows = cur.fetchall()
    assert len(rows) == 1
    row = dict(zip([d[0] for d in cur.description], rows[0], strict=True))
    assert row == {
        "document_id": row["document_id"],
        "entity_id": "0872093742",
        "fiscal_year": DOC_YEAR,
        "exploitatiesaldo": D("-38729.00"),
        "investeringssaldo": D("-57786.00"),
        "saldo_exploitatie_en_investeringen": D("-96515.00"),
        "financieringssaldo": D("-230230.00"),
        "budgettair_resultaat": D("-326744.00"),
        "gecumuleerd_budgettair_resultaat_vorig_boekjaar": D("-801541.00"),
        "gecumuleerd_budgettair_resultaat": D("-1128285.00"),
        "onbeschikbare_gelden": None,  # J2 of the sample prints no VIII
        "beschikbaar_budgettair_resultaat": D("-1128285.00"),
        "autofinancieringsmarge": D("-268958.00"),
        "gecorrigeerde_autofinancieringsmarge": D("-1047853.00"),
        "balance_total": D("84378157.00"),
        "nettoactief": D("69881197.00"),
        "debts_total": D("14496960.00"),
        "financial_debt_total": D("12383824.00"),
        "result_of_year": D("-596176.00"),
        "participations_total": D("15074814.00"),
    }
    assert row["document_id"] == _one(sample_db, "SELECT document_id FROM marts.dim_document")[0]


def test_key_figures_are_traced_to_their_printed_line(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT figure, source_table, line_path FROM intermediate.int_key_figures_unpivoted ORDER BY figure",
    )
    assert rows == [
        ("autofinancieringsmarge", "J2", "autofinancieringsmarge.III"),
        ("balance_total", "J4", "ACTIVA"),
        ("beschikbaar_budgettair_resultaat", "J2", "budgettair_resultaat.IX"),
        ("budgettair_resultaat", "J2", "budgettair_resultaat.V"),
        ("debts_total", "J4", "PASSIVA.I"),
        ("exploitatiesaldo", "J2", "budgettair_resultaat.I"),
        ("financial_debt_total", "T4", "TOTAAL"),
        ("financieringssaldo", "J2", "budgettair_resultaat.IV"),
        ("gecorrigeerde_autofinancieringsmarge", "J2", "gecorrigeerde_autofinancieringsmarge.III"),
        ("gecumuleerd_budgettair_resultaat", "J2", "budgettair_resultaat.VII"),
        ("gecumuleerd_budgettair_resultaat_vorig_boekjaar", "J2", "budgettair_resultaat.VI"),
        ("investeringssaldo", "J2", "budgettair_resultaat.II"),
        ("nettoactief", "J4", "PASSIVA.II"),
        ("result_of_year", "J5", "III"),
        ("saldo_exploitatie_en_investeringen", "J2", "budgettair_resultaat.III"),
    ]
    # The traced line really carries the printed amount.
    text = _one(
        sample_db,
        "SELECT l.text FROM intermediate.int_key_figures_unpivoted k JOIN raw.lines l"
        " USING (document_id, page_no, line_no) WHERE k.figure = 'beschikbaar_budgettair_resultaat'",
    )[0]
    assert text.startswith("IX. Beschikbaar budgettair resultaat") and "-1.128.285" in text


# ------------------------------------------------------------------------------ facts: row counts

FACT_ROWS = {
    "fct_policy_budget": 913,  # 807 beleidsevaluatie + 106 J1
    "fct_financial_equilibrium": 60,
    "fct_credit_realisation": 24,
    "fct_balance_sheet": 74,
    "fct_income_statement": 40,
    "fct_functional_nature": 84,
    "fct_economic_nature": 450,
    "fct_financial_debt": 80,
    "fct_credit_transfer": 58,
    "fct_off_balance": 71,
    "fct_participation": 2,
}


def test_every_fact_has_the_sample_row_count(sample_db) -> None:
    counts = {t: _one(sample_db, f"SELECT count(*) FROM marts.{t}")[0] for t in FACT_ROWS}
    assert counts == FACT_ROWS


def test_every_contract_table_exists(sample_db) -> None:
    tables = {
        r[0]
        for r in _all(
            sample_db, "SELECT table_name FROM information_schema.tables WHERE table_schema='marts'"
        )
    }
    assert tables >= set(FACT_ROWS) | {
        "dim_document",
        "dim_entity",
        "dim_policy_item",
        "dim_beleidsveld",
        "dim_account",
        "dim_economic_category",
        "dim_year",
        "mart_key_figures",
    }


CONTRACT_COLUMNS = {
    "dim_document": "document_id entity_id report_type fiscal_year source_file sha256 page_count",
    "dim_entity": "entity_id entity_name entity_type",
    "dim_policy_item": (
        "policy_item_id document_id level code title parent_code bd_code ap_code is_priority"
        " period_start period_end evaluation_status evaluation_text"
    ),
    "dim_beleidsveld": (
        "beleidsveld_code beleidsveld_name subdomein_code subdomein_name domein_code domein_name"
    ),
    "dim_account": "account_code account_name",
    "fct_policy_budget": (
        "document_id policy_level policy_code budget_kind direction phase amount source_table page_no line_no"
    ),
    "fct_financial_equilibrium": "document_id section line_path label phase amount",
    "fct_credit_realisation": "document_id budget_kind direction phase amount",
    "fct_balance_sheet": "document_id fiscal_year side line_path parent_path label amount",
    "fct_income_statement": "document_id fiscal_year line_path parent_path label amount",
    "fct_functional_nature": "document_id beleidsdomein budget_kind direction year phase amount",
    "fct_economic_nature": "document_id section line_path parent_path label year phase amount",
    "fct_financial_debt": "document_id line_path label year amount",
    "fct_credit_transfer": (
        "document_id budget_type direction bd_code ap_code ac_code raming_code account_code"
        " beleidsdomein_code beleidsveld_code transfer_code target_year transaction_credit amount"
    ),
    "fct_off_balance": "document_id account_code parent_code label debit credit saldo",
    "fct_participation": "document_id company amount",
    "mart_key_figures": (
        "document_id entity_id fiscal_year exploitatiesaldo investeringssaldo financieringssaldo"
        " budgettair_resultaat gecumuleerd_budgettair_resultaat beschikbaar_budgettair_resultaat"
        " autofinancieringsmarge gecorrigeerde_autofinancieringsmarge balance_total nettoactief"
        " financial_debt_total result_of_year"
    ),
}


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_contract_columns_exist(sample_db, table: str) -> None:
    present = {
        r[0]
        for r in _all(
            sample_db,
            "SELECT column_name FROM information_schema.columns WHERE table_schema='marts' AND table_name=?",
            [table],
        )
    }
    required = set(CONTRACT_COLUMNS[table].split())
    assert required <= present, required - present


MONEY_COLUMNS = {"amount", "debit", "credit", "saldo", "transaction_credit"}
KEY_FIGURE_COLUMNS_NOT_MONEY = {"document_id", "entity_id", "fiscal_year"}


def test_money_is_decimal_18_2_everywhere(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema='marts'"
        " AND (table_name LIKE 'fct\\_%' ESCAPE '\\' OR table_name = 'mart_key_figures')",
    )
    money = [
        (t, c, ty)
        for t, c, ty in rows
        if c in MONEY_COLUMNS or (t == "mart_key_figures" and c not in KEY_FIGURE_COLUMNS_NOT_MONEY)
    ]
    assert len(money) >= 11 + 17  # one amount per fact at least (off-balance: three) + the key figures
    assert [m for m in money if m[2] != "DECIMAL(18,2)"] == []
    floats = [r for r in rows if r[2] in ("DOUBLE", "FLOAT", "REAL")]
    assert floats == []


def test_vocabularies_are_the_same_everywhere(sample_db) -> None:
    phases, kinds, directions = set(), set(), set()
    for table in (
        "fct_policy_budget",
        "fct_credit_realisation",
        "fct_functional_nature",
        "fct_economic_nature",
    ):
        phases |= {r[0] for r in _all(sample_db, f"SELECT DISTINCT phase FROM marts.{table}")}
        kinds |= {r[0] for r in _all(sample_db, f"SELECT DISTINCT budget_kind FROM marts.{table}")}
        directions |= {r[0] for r in _all(sample_db, f"SELECT DISTINCT direction FROM marts.{table}")}
    for table in (
        "fct_financial_equilibrium",
        "fct_balance_sheet",
        "fct_income_statement",
        "fct_financial_debt",
    ):
        phases |= {r[0] for r in _all(sample_db, f"SELECT DISTINCT phase FROM marts.{table}")}
    kinds |= {r[0] for r in _all(sample_db, "SELECT DISTINCT budget_type FROM marts.fct_credit_transfer")}
    directions |= {r[0] for r in _all(sample_db, "SELECT DISTINCT direction FROM marts.fct_credit_transfer")}
    assert phases == {"jaarrekening", "eindkrediet", "initieel_krediet", "meerjarenplan"}
    assert kinds - {None} == {"exploitatie", "investeringen", "financiering"}
    assert directions == {"uitgaven", "ontvangsten", "saldo"}


# ------------------------------------------------------------------------------ facts: values


def test_policy_budget_bd000002_from_both_sources(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT source_table, policy_level, budget_kind, direction, phase, year, amount FROM"
        " marts.fct_policy_budget"
        " WHERE policy_code = 'BD000002' ORDER BY source_table, budget_kind, direction, phase",
    )
    j1 = [
        ("J1", "BD", "exploitatie", "ontvangsten", "eindkrediet", 2024, D("202000.00")),
        ("J1", "BD", "exploitatie", "ontvangsten", "jaarrekening", 2024, D("97156.00")),
        ("J1", "BD", "exploitatie", "saldo", "eindkrediet", 2024, D("-50000.00")),
        ("J1", "BD", "exploitatie", "saldo", "jaarrekening", 2024, D("-192551.00")),
        ("J1", "BD", "exploitatie", "uitgaven", "eindkrediet", 2024, D("252000.00")),
        ("J1", "BD", "exploitatie", "uitgaven", "jaarrekening", 2024, D("289707.00")),
        ("J1", "BD", "investeringen", "ontvangsten", "eindkrediet", 2024, D("20000.00")),
        ("J1", "BD", "investeringen", "ontvangsten", "jaarrekening", 2024, D("0.00")),
        ("J1", "BD", "investeringen", "uitgaven", "eindkrediet", 2024, D("20000.00")),
        ("J1", "BD", "investeringen", "uitgaven", "jaarrekening", 2024, D("0.00")),
    ]
    be = "beleidsevaluatie"
    beleidsevaluatie = [
        (be, "BD", "exploitatie", "ontvangsten", "eindkrediet", 2024, D("202000.00")),
        (be, "BD", "exploitatie", "ontvangsten", "initieel_krediet", 2024, D("95000.00")),
        (be, "BD", "exploitatie", "ontvangsten", "jaarrekening", 2024, D("97156.00")),
        (be, "BD", "exploitatie", "saldo", "eindkrediet", 2024, D("-50000.00")),
        (be, "BD", "exploitatie", "saldo", "initieel_krediet", 2024, D("-139500.00")),
        (be, "BD", "exploitatie", "saldo", "jaarrekening", 2024, D("-192551.00")),
        (be, "BD", "exploitatie", "uitgaven", "eindkrediet", 2024, D("252000.00")),
        (be, "BD", "exploitatie", "uitgaven", "initieel_krediet", 2024, D("234500.00")),
        (be, "BD", "exploitatie", "uitgaven", "jaarrekening", 2024, D("289707.00")),
        (be, "BD", "investeringen", "ontvangsten", "eindkrediet", 2024, D("20000.00")),
        (be, "BD", "investeringen", "ontvangsten", "initieel_krediet", 2024, D("0.00")),
        (be, "BD", "investeringen", "ontvangsten", "jaarrekening", 2024, D("0.00")),
        (be, "BD", "investeringen", "uitgaven", "eindkrediet", 2024, D("20000.00")),
        (be, "BD", "investeringen", "uitgaven", "initieel_krediet", 2024, D("0.00")),
        (be, "BD", "investeringen", "uitgaven", "jaarrekening", 2024, D("0.00")),
    ]
    assert rows == j1 + beleidsevaluatie


def test_policy_budget_plan_level_from_beleidsevaluatie_and_j1(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT source_table, policy_code, budget_kind, direction, phase, amount FROM marts.fct_policy_budget"
        " WHERE policy_level = 'PLAN' AND direction = 'saldo' AND phase IN ('jaarrekening', 'eindkrediet')"
        " ORDER BY source_table, budget_kind, phase",
    )
    assert rows == [
        ("J1", "TOTAAL", "exploitatie", "saldo", "eindkrediet", D("435795.00")),
        ("J1", "TOTAAL", "exploitatie", "saldo", "jaarrekening", D("-38729.00")),
        ("J1", "TOTAAL", "financiering", "saldo", "eindkrediet", D("957270.00")),
        ("J1", "TOTAAL", "financiering", "saldo", "jaarrekening", D("-230230.00")),
        ("J1", "TOTAAL", "investeringen", "saldo", "eindkrediet", D("-159186.00")),
        ("J1", "TOTAAL", "investeringen", "saldo", "jaarrekening", D("-57786.00")),
        ("beleidsevaluatie", "GENK MEERJARENPLAN", "exploitatie", "saldo", "eindkrediet", D("435795.00")),
        ("beleidsevaluatie", "GENK MEERJARENPLAN", "exploitatie", "saldo", "jaarrekening", D("-38729.00")),
        ("beleidsevaluatie", "GENK MEERJARENPLAN", "financiering", "saldo", "eindkrediet", D("957270.00")),
        ("beleidsevaluatie", "GENK MEERJARENPLAN", "financiering", "saldo", "jaarrekening", D("-230230.00")),
        ("beleidsevaluatie", "GENK MEERJARENPLAN", "investeringen", "saldo", "eindkrediet", D("-159186.00")),
        ("beleidsevaluatie", "GENK MEERJARENPLAN", "investeringen", "saldo", "jaarrekening", D("-57786.00")),
    ]
    per_source = dict(
        _all(
            sample_db,
            "SELECT source_table || '/' || policy_level, count(*) FROM marts.fct_policy_budget GROUP BY ALL",
        )
    )
    assert per_source == {
        "beleidsevaluatie/PLAN": 27,
        "beleidsevaluatie/BD": 132,
        "beleidsevaluatie/AP": 246,
        "beleidsevaluatie/AC": 402,
        "J1/BD": 88,
        "J1/PLAN": 18,
    }


def test_financial_equilibrium_values(sample_db) -> None:
    rows = dict(
        _all(
            sample_db,
            "SELECT line_path || '/' || phase, amount FROM marts.fct_financial_equilibrium"
            " WHERE line_path IN ('budgettair_resultaat.I', 'budgettair_resultaat.I.a',"
            " 'budgettair_resultaat.VII',"
            " 'autofinancieringsmarge.III')",
        )
    )
    assert rows == {
        "budgettair_resultaat.I/jaarrekening": D("-38729.00"),
        "budgettair_resultaat.I/meerjarenplan": D("435795.00"),
        "budgettair_resultaat.I.a/jaarrekening": D("5617231.00"),
        "budgettair_resultaat.I.a/meerjarenplan": D("6445605.00"),
        "budgettair_resultaat.VII/jaarrekening": D("-1128285.00"),
        "budgettair_resultaat.VII/meerjarenplan": D("432339.00"),
        "autofinancieringsmarge.III/jaarrekening": D("-268958.00"),
        "autofinancieringsmarge.III/meerjarenplan": D("143065.00"),
    }
    sections = [
        r[0]
        for r in _all(sample_db, "SELECT DISTINCT section FROM marts.fct_financial_equilibrium ORDER BY 1")
    ]
    assert sections == [
        "autofinancieringsmarge",
        "budgettair_resultaat",
        "geconsolideerd_financieel_evenwicht",
        "gecorrigeerde_autofinancieringsmarge",
    ]


def test_credit_realisation_values(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT budget_kind, direction, phase, amount FROM marts.fct_credit_realisation"
        " WHERE is_budget_kind_total AND budget_kind = 'investeringen' ORDER BY direction, phase",
    )
    assert rows == [
        ("investeringen", "ontvangsten", "eindkrediet", D("16010122.00")),
        ("investeringen", "ontvangsten", "initieel_krediet", D("2235500.00")),
        ("investeringen", "ontvangsten", "jaarrekening", D("1053461.00")),
        ("investeringen", "uitgaven", "eindkrediet", D("16169307.00")),
        ("investeringen", "uitgaven", "initieel_krediet", D("2293286.00")),
        ("investeringen", "uitgaven", "jaarrekening", D("1111247.00")),
    ]
    # The "Leningen en leasings" detail is kept but flagged, so totals do not double count.
    assert _one(
        sample_db,
        "SELECT count(*), sum(amount) FROM marts.fct_credit_realisation WHERE NOT is_budget_kind_total",
    ) == (6, D("2065690.00"))


def test_balance_sheet_values(sample_db) -> None:
    rows = dict(
        _all(
            sample_db,
            "SELECT line_path || '/' || fiscal_year, amount FROM marts.fct_balance_sheet"
            " WHERE line_path IN ('ACTIVA', 'PASSIVA', 'PASSIVA.I.A.1.b', 'PASSIVA.I.B.1.b')",
        )
    )
    assert rows == {
        "ACTIVA/2024": D("84378157.00"),
        "ACTIVA/2023": D("85525426.00"),
        "PASSIVA/2024": D("84378157.00"),
        "PASSIVA/2023": D("85525426.00"),
        "PASSIVA.I.A.1.b/2024": D("1000000.00"),
        "PASSIVA.I.A.1.b/2023": D("1000000.00"),
        "PASSIVA.I.B.1.b/2024": D("11146770.00"),
        "PASSIVA.I.B.1.b/2023": D("11383824.00"),
    }
    # Leaves of ACTIVA add up to the printed total within the whole-euro rounding (INVARIANTS §1).
    leaves = _one(
        sample_db,
        "SELECT sum(amount), count(*) FROM marts.fct_balance_sheet WHERE side = 'ACTIVA' AND is_leaf AND"
        " fiscal_year = 2024",
    )
    assert leaves == (D("84378156.00"), 12)
    assert _one(
        sample_db, "SELECT DISTINCT side FROM marts.fct_balance_sheet WHERE line_path LIKE 'PASSIVA%'"
    ) == ("PASSIVA",)


def test_income_statement_values(sample_db) -> None:
    rows = dict(
        _all(
            sample_db,
            "SELECT line_path || '/' || fiscal_year, amount FROM marts.fct_income_statement"
            " WHERE line_path IN ('I', 'II', 'III', 'II.A.3.b')",
        )
    )
    assert rows == {
        "I/2024": D("7784227.00"),
        "I/2023": D("7485410.00"),
        "II/2024": D("7188051.00"),
        "II/2023": D("6640128.00"),
        "III/2024": D("-596176.00"),
        "III/2023": D("-845282.00"),
        "II.A.3.b/2024": D("65801.00"),
        "II.A.3.b/2023": D("61154.00"),
    }


def test_functional_nature_values(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT beleidsdomein, budget_kind, direction, amount FROM marts.fct_functional_nature"
        " WHERE year = 2024 AND phase = 'jaarrekening' AND direction = 'uitgaven' ORDER BY 1, 2",
    )
    assert rows == [
        ("Algemene Financiering", "exploitatie", "uitgaven", D("442862.00")),
        ("Algemene Financiering", "financiering", "uitgaven", D("230230.00")),
        ("Beleid en organisatie", "exploitatie", "uitgaven", D("5213098.00")),
        ("Beleid en organisatie", "investeringen", "uitgaven", D("1111247.00")),
    ]
    columns = _all(
        sample_db, "SELECT DISTINCT year, phase FROM marts.fct_functional_nature ORDER BY year, phase"
    )
    assert columns == [
        (2020, "jaarrekening"),
        (2021, "jaarrekening"),
        (2022, "jaarrekening"),
        (2023, "jaarrekening"),
        (2024, "jaarrekening"),
        (2024, "meerjarenplan"),
        (2025, "meerjarenplan"),
    ]


def test_economic_nature_values(sample_db) -> None:
    saldo = _all(
        sample_db,
        "SELECT year, phase, amount FROM marts.fct_economic_nature WHERE line_path ="
        " 'totaal.budgettair_resultaat'"
        " ORDER BY year, phase",
    )
    assert saldo == [
        (2020, "jaarrekening", D("-4248535.00")),
        (2021, "jaarrekening", D("-1330813.00")),
        (2022, "jaarrekening", D("5291662.00")),
        (2023, "jaarrekening", D("4153914.00")),
        (2024, "jaarrekening", D("-326744.00")),
        (2024, "meerjarenplan", D("-326744.00")),
        (2025, "meerjarenplan", D("845805.00")),
        (2026, "meerjarenplan", D("405680.00")),
        (2027, "meerjarenplan", D("97482.00")),
    ]
    assert _one(
        sample_db,
        "SELECT amount FROM marts.fct_economic_nature WHERE line_path = 'investeringen.uitgaven.A.4'"
        " AND year = 2025",
    ) == (D("12902186.00"),)
    assert _one(sample_db, "SELECT count(DISTINCT line_path) FROM marts.fct_economic_nature") == (50,)


def test_financial_debt_totals(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT year, phase, amount FROM marts.fct_financial_debt WHERE line_path = 'TOTAAL' ORDER BY year",
    )
    assert rows == [
        (2020, "jaarrekening", D("11988117.00")),
        (2021, "jaarrekening", D("11866590.00")),
        (2022, "jaarrekening", D("11741942.00")),
        (2023, "jaarrekening", D("12614054.00")),
        (2024, "jaarrekening", D("12383824.00")),
        (2025, "meerjarenplan", D("12334270.00")),
        (2026, "meerjarenplan", D("12027645.00")),
        (2027, "meerjarenplan", D("11713694.00")),
    ]


def test_credit_transfer_sums_and_decoding(sample_db) -> None:
    sums = _all(
        sample_db,
        "SELECT budget_type, direction, count(*), sum(amount), sum(transaction_credit) FROM"
        " marts.fct_credit_transfer"
        " GROUP BY ALL ORDER BY 1 DESC, 2 DESC",
    )
    assert sums == [
        ("investeringen", "uitgaven", 29, D("15058060.79"), D("4687000.00")),
        ("investeringen", "ontvangsten", 28, D("14809830.46"), D("4522528.00")),
        ("financiering", "ontvangsten", 1, D("1250000.00"), D("0.00")),
    ]
    row = _one(
        sample_db,
        "SELECT bd_code, ap_code, ac_code, raming_code, account_code, account_name, beleidsdomein_code,"
        " beleidsdomein_name, beleidsveld_code, is_official_beleidsveld, transfer_code, target_year, amount"
        " FROM marts.fct_credit_transfer WHERE transfer_code = 'AMJP034883'",
    )
    assert row == (
        "BD000013",
        "AP000070",
        "AC000390",
        "MJP003704",
        "2841100",
        "Andere aandelen - nog te storten bedragen (-) - Holding Wetenschapspark Waterschei",
        "01",
        "Beleid en organisatie",
        "0119",
        True,
        "AMJP034883",
        2025,
        D("12902186.00"),
    )
    # Every beleidsveld of the sample is official; all transfers resolve to a described policy item.
    assert _one(
        sample_db, "SELECT count(*) FROM marts.fct_credit_transfer WHERE NOT is_official_beleidsveld"
    ) == (0,)
    assert _one(
        sample_db,
        "SELECT count(*) FROM marts.fct_credit_transfer t LEFT JOIN marts.dim_policy_item i USING"
        " (policy_item_id)"
        " WHERE i.policy_item_id IS NULL",
    ) == (0,)


def test_off_balance_values(sample_db) -> None:
    assert _one(
        sample_db, "SELECT debit, credit, saldo, label FROM marts.fct_off_balance WHERE row_type = 'total'"
    ) == (D("10712450.79"), D("10712450.79"), D("0.00"), "TOTAAL")
    assert _one(
        sample_db,
        "SELECT debit, credit, saldo FROM marts.fct_off_balance WHERE account_code = '092' AND row_type ="
        " 'account'",
    ) == (D("4955454.56"), D("5756995.23"), D("-801540.67"))
    counts = dict(_all(sample_db, "SELECT row_type, count(*) FROM marts.fct_off_balance GROUP BY 1"))
    assert counts == {"account": 68, "journal": 2, "total": 1}


def test_participations(sample_db) -> None:
    rows = _all(
        sample_db,
        "SELECT company, amount, valuation_date::VARCHAR FROM marts.fct_participation ORDER BY amount DESC",
    )
    assert rows == [
        ("Thor Park NV", D("13954814.00"), "2024-12-31"),
        ("T2 CV", D("1120000.00"), "2024-12-31"),
    ]
    assert _one(sample_db, "SELECT sum(amount) FROM marts.fct_participation") == (D("15074814.00"),)


# ------------------------------------------------------------------------------ dimensions


def test_document_and_entity(sample_db) -> None:
    assert _all(
        sample_db, "SELECT entity_id, report_type, fiscal_year, page_count FROM marts.dim_document"
    ) == [("0872093742", "jaarrekening", 2024, 264)]  # the last page the text numbers
    # completeness: 2,077 of the 2,080 amounts printed in table cells and all 482 printed policy codes are read
    assert _all(sample_db, "SELECT completeness_amount_share, completeness_policy_share FROM marts.dim_document") == [
        (D("0.9986"), D("1.0000"))
    ]
    assert _all(
        sample_db,
        "SELECT entity_id, kbo_number, kbo_formatted, has_kbo_number, entity_name, entity_type,"
        " document_count"
        " FROM marts.dim_entity",
    ) == [("0872093742", "0872093742", "0872.093.742", True, "AGB Genk", "AGB", 1)]


def test_policy_items_and_their_hierarchy(sample_db) -> None:
    levels = dict(
        _all(sample_db, "SELECT level, count(*) FROM marts.dim_policy_item WHERE NOT is_inferred GROUP BY 1")
    )
    assert levels == {"BD": 13, "AP": 71, "AC": 398}
    inferred = _all(
        sample_db, "SELECT level, code, title FROM marts.dim_policy_item WHERE is_inferred ORDER BY code"
    )
    assert inferred == [("PLAN", "GENK MEERJARENPLAN", "GENK MEERJARENPLAN"), ("PLAN", "TOTAAL", "Totaal")]
    rows = _all(
        sample_db,
        "SELECT code, level, parent_code, bd_code, ap_code FROM marts.dim_policy_item"
        " WHERE code IN ('AC000474', 'AC000268', 'AP000045', 'BD000002') ORDER BY code",
    )
    assert rows == [
        ("AC000268", "AC", "AP000045", "BD000009", "AP000045"),
        ("AC000474", "AC", "AP000005", "BD000002", "AP000005"),
        ("AP000045", "AP", "BD000009", "BD000009", "AP000045"),
        ("BD000002", "BD", None, "BD000002", None),
    ]
    statuses = dict(
        _all(
            sample_db,
            "SELECT evaluation_status, count(*) FROM marts.dim_policy_item WHERE level = 'AC' GROUP BY 1",
        )
    )
    assert statuses == {"op_schema": 204, "behaald": 154, "achter_schema": 24, "niet_opgestart": 7, "geen": 9}
    # Every AC resolves to a BD and an AP.
    assert _one(
        sample_db,
        "SELECT count(*) FROM marts.dim_policy_item WHERE level = 'AC' AND (bd_code IS NULL OR ap_code IS"
        " NULL)",
    ) == (0,)


def test_beleidsveld_account_category_and_year_dimensions(sample_db) -> None:
    assert _one(sample_db, "SELECT count(*) FROM marts.dim_beleidsveld") == (142,)
    assert _one(
        sample_db,
        "SELECT beleidsveld_name, subdomein_code, domein_name FROM marts.dim_beleidsveld WHERE"
        " beleidsveld_code = '0742'",
    ) == ("Sportinfrastructuur", "074", "Cultuur en vrije tijd")
    accounts = dict(_all(sample_db, "SELECT source_tables, count(*) FROM marts.dim_account GROUP BY 1"))
    assert accounts == {"credit_transfers": 11, "off_balance": 68}
    assert _one(
        sample_db, "SELECT account_name, account_class FROM marts.dim_account WHERE account_code = '1733000'"
    ) == (
        "Schulden aan kredietinstellingen aangegaan door het bestuur",
        "1",
    )
    assert _one(
        sample_db,
        "SELECT count(*) FROM marts.dim_account WHERE source_tables = 'credit_transfers'"
        " AND account_name IS NULL",
    ) == (0,)
    assert _one(sample_db, "SELECT count(*) FROM marts.dim_economic_category") == (50,)
    assert _one(
        sample_db,
        "SELECT label, section, direction, depth FROM marts.dim_economic_category"
        " WHERE economic_category_id = 'exploitatie.uitgaven.A.1'",
    ) == ("1. Goederen en diensten", "exploitatie", "uitgaven", 3)
    assert _all(sample_db, "SELECT year, documents_for_fiscal_year FROM marts.dim_year ORDER BY year") == [
        (2020, 0),
        (2021, 0),
        (2022, 0),
        (2023, 0),
        (2024, 1),
        (2025, 0),
        (2026, 0),
        (2027, 0),
    ]
