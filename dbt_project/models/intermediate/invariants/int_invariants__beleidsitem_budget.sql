-- Documentation volume, budget of the year per beleidsitem: every row's "Budget <year>" column = the sum of
-- its other columns; every "Totaal <beleidsdomein>" = the sum of the items printed above it, per column; the
-- "Totalen budget <year>" row = the sum of the domain totals. Cents, exact; a cell printed rounded to the
-- euro counts with its rounding.
with cells as (
    select
        *,
        case when printed_cents then 'cent' else 'euro' end as precision,
        table_title || ' ' || coalesce(beleidsveld_code || '/' || beleidsitem_code, label) as row_name
    from {{ ref('stg_raw__beleidsitem_budgets') }}
),

terms as (
    -- row total = sum of the columns
    select
        document_id,
        'Beleidsitem budget ' || row_name || ' budget = sum of columns [p' || page_no || ' l' || line_no || ']'
            as identity,
        case when is_row_total then 'printed' else 'computed' end as role,
        1 as sign,
        amount,
        precision,
        column_label as term,
        page_no,
        line_no
    from cells as c
    where exists (
        select 1 from cells as t
        where t.document_id = c.document_id and t.page_no = c.page_no and t.line_no = c.line_no and t.is_row_total
    )
    union all
    -- domain total = sum of its items, per column
    select
        c.document_id,
        'Beleidsitem budget ' || d.row_name || ' = sum of items [' || c.column_label || ']' as identity,
        case when c.row_type = 'domain_total' then 'printed' else 'computed' end as role,
        1 as sign,
        c.amount,
        c.precision,
        c.row_name as term,
        c.page_no,
        c.line_no
    from cells as c
    inner join cells as d
        on d.document_id = c.document_id
        and d.table_title = c.table_title
        and d.group_no = c.group_no
        and d.column_no = c.column_no
        and d.row_type = 'domain_total'
    where c.row_type in ('item', 'domain_total')
    union all
    -- grand total = sum of the domain totals, per column
    select
        c.document_id,
        'Beleidsitem budget ' || c.table_title || ' totalen = sum of domain totals [' || c.column_label || ']'
            as identity,
        case when c.row_type = 'grand_total' then 'printed' else 'computed' end as role,
        1 as sign,
        c.amount,
        c.precision,
        c.row_name as term,
        c.page_no,
        c.line_no
    from cells as c
    where c.row_type in ('grand_total', 'domain_total')
        and exists (
            select 1 from cells as g
            where g.document_id = c.document_id and g.table_title = c.table_title and g.row_type = 'grand_total'
        )
),

{{ invariant_evaluate('Beleidsitem budget') }}

select * from final
