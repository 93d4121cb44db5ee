-- J4 Balans: ACTIVA = PASSIVA, and every printed row = the sum of its printed children
-- (both columns). Whole euros.
with balans as (
    select * from {{ ref('stg_raw__j4_balans') }}
),

cells as (
    select
        document_id,
        line_path,
        parent_path,
        cast(year as varchar) || '|' || phase as cell_key,
        {{ invariant_column_label('year', 'phase') }} as cell_label,
        amount,
        page_no,
        line_no
    from balans
),

balance_terms as (
    select
        document_id,
        'J4 ACTIVA = PASSIVA [' || cell_label || ']' as identity,
        case line_path when 'PASSIVA' then 'printed' else 'computed' end as role,
        1 as sign,
        amount,
        'euro' as precision,
        line_path as term,
        page_no,
        line_no
    from cells
    where line_path in ('ACTIVA', 'PASSIVA')
),

terms as (
    select * from balance_terms
    union all
    {{ invariant_rollup_terms('cells', 'J4') }}
),

{{ invariant_evaluate('J4') }}

select * from final
