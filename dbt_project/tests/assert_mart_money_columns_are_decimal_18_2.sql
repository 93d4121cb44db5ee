-- Guards: every money column of the marts is DECIMAL(18,2) (never DOUBLE or a wider decimal that a
-- sum or a union could silently produce). Returns the offending columns.
-- depends_on: {{ ref('fct_policy_budget') }}, {{ ref('fct_financial_equilibrium') }}, {{ ref('fct_credit_realisation') }}
-- depends_on: {{ ref('fct_balance_sheet') }}, {{ ref('fct_income_statement') }}, {{ ref('fct_functional_nature') }}
-- depends_on: {{ ref('fct_economic_nature') }}, {{ ref('fct_financial_debt') }}, {{ ref('fct_credit_transfer') }}
-- depends_on: {{ ref('fct_off_balance') }}, {{ ref('fct_participation') }}, {{ ref('mart_key_figures') }}
with money_columns as (
    select table_name, column_name, data_type
    from information_schema.columns
    where table_schema = 'marts'
        and (
            (table_name like 'fct\_%' escape '\' and column_name in ('amount', 'debit', 'credit', 'saldo', 'transaction_credit'))
            or (table_name = 'mart_key_figures' and column_name not in ('document_id', 'entity_id', 'fiscal_year'))
        )
),

final as (
    select * from money_columns where data_type <> 'DECIMAL(18,2)'
)

select * from final
