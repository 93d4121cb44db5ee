-- Calendar years: every year any document or fact mentions, gaps filled, so that time series join
-- on a complete axis.
with mentioned_years as (
    select fiscal_year as year from {{ ref('int_documents_identified') }}
    union all
    select year from {{ ref('int_policy_budgets_unioned') }}
    union all
    select year from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    union all
    select year from {{ ref('stg_raw__j3_realisatie_kredieten') }}
    union all
    select year from {{ ref('stg_raw__j4_balans') }}
    union all
    select year from {{ ref('stg_raw__j5_opbrengsten_kosten') }}
    union all
    select year from {{ ref('stg_raw__t1_functionele_aard') }}
    union all
    select year from {{ ref('stg_raw__t2_economische_aard') }}
    union all
    select year from {{ ref('stg_raw__t4_financiele_schulden') }}
    union all
    select from_year from {{ ref('stg_raw__credit_transfers') }}
    union all
    select target_year from {{ ref('stg_raw__credit_transfers') }}
),

bounds as (
    select min(year) as first_year, max(year) as last_year
    from mentioned_years
    where year is not null
),

years as (
    select unnest(generate_series(first_year, last_year)) as year
    from bounds
    where first_year is not null
),

fiscal_years as (
    select fiscal_year as year, count(*) as document_count
    from {{ ref('int_documents_identified') }}
    group by fiscal_year
),

final as (
    select
        cast(years.year as integer) as year,
        make_date(cast(years.year as integer), 1, 1) as year_start,
        make_date(cast(years.year as integer), 12, 31) as year_end,
        coalesce(fiscal_years.document_count, 0) as documents_for_fiscal_year
    from years
    left join fiscal_years on years.year = fiscal_years.year
)

select * from final
