-- Guards: the marts neither drop nor duplicate rows of the raw tables they publish (J2 and M2 in one fact,
-- J3 and M3, policy budgets with J1 and M1) (a join or a
-- filter gone wrong). Compares row counts per document; returns the tables that differ.
with pairs as (
    select 'J2' as table_kind, document_id, count(*) as raw_rows, 0 as mart_rows
    from {{ ref('stg_raw__j2_financieel_evenwicht') }} group by document_id
    union all
    select 'J2', document_id, count(*), 0 from {{ ref('stg_raw__m2_financieel_evenwicht') }} group by document_id
    union all
    select 'J2', document_id, 0, count(*) from {{ ref('fct_financial_equilibrium') }} group by document_id
    union all
    select 'J3', document_id, count(*), 0 from {{ ref('stg_raw__j3_realisatie_kredieten') }} group by document_id
    union all
    select 'J3', document_id, count(*), 0 from {{ ref('stg_raw__m3_kredieten') }} group by document_id
    union all
    select 'J3', document_id, 0, count(*) from {{ ref('fct_credit_realisation') }} group by document_id
    union all
    select 'J4', document_id, count(*), 0 from {{ ref('stg_raw__j4_balans') }} group by document_id
    union all
    select 'J4', document_id, 0, count(*) from {{ ref('fct_balance_sheet') }} group by document_id
    union all
    select 'J5', document_id, count(*), 0 from {{ ref('stg_raw__j5_opbrengsten_kosten') }} group by document_id
    union all
    select 'J5', document_id, 0, count(*) from {{ ref('fct_income_statement') }} group by document_id
    union all
    select 'T1', document_id, count(*), 0 from {{ ref('stg_raw__t1_functionele_aard') }} group by document_id
    union all
    select 'T1', document_id, 0, count(*) from {{ ref('fct_functional_nature') }} group by document_id
    union all
    select 'T2', document_id, count(*), 0 from {{ ref('stg_raw__t2_economische_aard') }} group by document_id
    union all
    select 'T2', document_id, 0, count(*) from {{ ref('fct_economic_nature') }} group by document_id
    union all
    select 'T4', document_id, count(*), 0 from {{ ref('stg_raw__t4_financiele_schulden') }} group by document_id
    union all
    select 'T4', document_id, 0, count(*) from {{ ref('fct_financial_debt') }} group by document_id
    union all
    select 'off_balance', document_id, count(*), 0 from {{ ref('stg_raw__off_balance') }} group by document_id
    union all
    select 'off_balance', document_id, 0, count(*) from {{ ref('fct_off_balance') }} group by document_id
    union all
    select 'credit_transfers', document_id, count(*), 0 from {{ ref('stg_raw__credit_transfers') }} group by document_id
    union all
    select 'credit_transfers', document_id, 0, count(*) from {{ ref('fct_credit_transfer') }} group by document_id
    union all
    select 'policy_budgets', document_id, count(*), 0 from {{ ref('stg_raw__policy_budgets') }} group by document_id
    union all
    select 'policy_budgets', document_id, count(*), 0 from {{ ref('stg_raw__j1_doelstellingenrekening') }} group by document_id
    union all
    select 'policy_budgets', document_id, count(*), 0
    from {{ ref('stg_raw__m1_financieel_doelstellingenplan') }} group by document_id
    union all
    select 'policy_budgets', document_id, 0, count(*) from {{ ref('fct_policy_budget') }} group by document_id
    union all
    select 'participations', document_id, count(*) filter (where not coalesce(is_total, false)), 0
    from {{ ref('stg_raw__participations') }} group by document_id
    union all
    select 'participations', document_id, 0, count(*) from {{ ref('fct_participation') }} group by document_id
),

final as (
    select table_kind, document_id, sum(raw_rows) as raw_rows, sum(mart_rows) as mart_rows
    from pairs
    group by table_kind, document_id
    having sum(raw_rows) <> sum(mart_rows)
)

select * from final
