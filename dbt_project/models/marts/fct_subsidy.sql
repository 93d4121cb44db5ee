-- Grain: one granted subsidy x plan year of a plan's documentation volume ("Overzicht van de toegestane
-- werkings- en investeringssubsidies"). The printed totals are not subsidies: they are checked in
-- audit_invariants (group Subsidies). is_official_beleidsveld flags a code missing from the seed.
with subsidies as (
    select * from {{ ref('stg_raw__subsidies') }}
),

beleidsvelden as (
    select beleidsveld_code from {{ ref('dim_beleidsveld') }}
),

final as (
    select
        subsidies.document_id,
        subsidies.document_id || ':' || cast(subsidies.seq as varchar) as subsidy_id,
        subsidies.seq,
        subsidies.subsidy_kind,
        subsidies.beleidsdomein,
        subsidies.beleidsveld_code,
        subsidies.beleidsveld,
        beleidsvelden.beleidsveld_code is not null as is_official_beleidsveld,
        subsidies.beneficiary,
        subsidies.description,
        subsidies.nominatief,
        subsidies.nominatief_flag,
        subsidies.year,
        cast(subsidies.amount as decimal(18, 2)) as amount,
        subsidies.page_no,
        subsidies.line_no,
        subsidies.page_no_end,
        subsidies.line_no_end
    from subsidies
    left join beleidsvelden on subsidies.beleidsveld_code = beleidsvelden.beleidsveld_code
)

select * from final
