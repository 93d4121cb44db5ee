-- Documentation volume, list of granted subsidies (cents, exact): every printed total equals the sum of the
-- subsidies it covers, per plan year: "Totaal :" of a beleidsveld, the beleidsdomein heading row, and
-- "TOTAAL WERKINGSSUBSIDIES" / "TOTAAL INVESTERINGSSUBSIDIES" of the kind.
with subsidies as (
    select * from {{ ref('stg_raw__subsidies') }}
),

totals as (
    select * from {{ ref('stg_raw__subsidy_totals') }}
),

scoped_totals as (
    select
        *,
        case level
            when 'beleidsveld' then 'Subsidies ' || subsidy_kind || ' beleidsveld '
                || coalesce(beleidsveld_code, '?') || ' (' || coalesce(beleidsdomein, '?') || ') = sum of subsidies'
            when 'beleidsdomein' then 'Subsidies ' || subsidy_kind || ' beleidsdomein '
                || coalesce(beleidsdomein, '?') || ' = sum of subsidies'
            else 'Subsidies ' || subsidy_kind || ' TOTAAL = sum of subsidies'
        end || ' [' || cast(year as varchar) || ']' as identity
    from totals
),

terms as (
    select
        document_id,
        identity,
        'printed' as role,
        1 as sign,
        amount,
        'cent' as precision,
        label as term,
        page_no,
        line_no
    from scoped_totals
    union all
    select
        t.document_id,
        t.identity,
        'computed' as role,
        1 as sign,
        s.amount,
        'cent' as precision,
        coalesce(s.beneficiary, s.description, 'subsidy ' || cast(s.seq as varchar)) as term,
        s.page_no,
        s.line_no
    from scoped_totals as t
    inner join subsidies as s
        on s.document_id = t.document_id
        and s.subsidy_kind = t.subsidy_kind
        and s.year = t.year
        and (t.level = 'kind' or s.beleidsdomein is not distinct from t.beleidsdomein)
        and (t.level <> 'beleidsveld' or s.beleidsveld_code is not distinct from t.beleidsveld_code)
),

{{ invariant_evaluate('Subsidies') }}

select * from final
