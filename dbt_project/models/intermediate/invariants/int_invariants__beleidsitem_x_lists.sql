-- Documentation volume, the budget per beleidsitem against the volume's other lists, per beleidsveld:
-- * its exploitatie / investeringen / financiering ontvangsten and uitgaven (the items' "Budget <year>" column,
--   or the column of that kind and direction) = the per-beleidsveld overview of the same year (whole euros);
-- * its exploitatie-uitgaven column "subsidies" = the subsidy list's werkingssubsidies "Totaal :" of the
--   beleidsveld (cents).
-- A beleidsveld that differs while the totals over all beleidsvelden of that kind, direction and year agree (within
-- the rounding of the overview's whole euros) is a
-- 'warning': the two lists put an amount under different beleidsvelden (the document shows it), not a misread.
with items as (
    select
        b.*,
        case when b.printed_cents then 'cent' else 'euro' end as precision,
        exists (
            select 1 from {{ ref('stg_raw__beleidsitem_budgets') }} as t
            where t.document_id = b.document_id and t.table_title = b.table_title and t.is_row_total
        ) as table_has_total
    from {{ ref('stg_raw__beleidsitem_budgets') }} as b
    where b.row_type = 'item'
),

by_field as (  -- the cell of (beleidsveld, kind, direction) per item
    select * from items
    where budget_kind is not null and direction is not null and (is_row_total or not table_has_total)
),

overview as (
    select * from {{ ref('stg_raw__beleidsveld_budgets') }}
    where direction in ('uitgaven', 'ontvangsten')
),

field_subsidies as (
    select * from {{ ref('stg_raw__subsidy_totals') }}
    where level = 'beleidsveld' and subsidy_kind = 'werking'
),

subsidy_cells as (
    select * from items
    where budget_kind = 'exploitatie' and direction = 'uitgaven' and not is_row_total
        and column_label like '%subsidies%'
),

overview_keys as (
    select distinct f.document_id, f.beleidsveld_code, f.budget_kind, f.direction, f.year
    from by_field as f
    inner join overview as o
        on o.document_id = f.document_id
        and o.beleidsveld_code = f.beleidsveld_code
        and o.budget_kind = f.budget_kind
        and o.direction = f.direction
        and o.year = f.year
),

subsidy_keys as (
    select distinct c.document_id, c.beleidsveld_code, c.year
    from subsidy_cells as c
    inner join field_subsidies as s
        on s.document_id = c.document_id and s.beleidsveld_code = c.beleidsveld_code and s.year = c.year
),

terms as (
    select
        k.document_id,
        'Beleidsitem ' || k.beleidsveld_code || ' ' || k.budget_kind || ' ' || k.direction
        || ' = beleidsveld overview [' || cast(k.year as varchar) || ']' as identity,
        'computed' as role,
        1 as sign,
        f.amount,
        f.precision,
        f.beleidsveld_code || '/' || f.beleidsitem_code as term,
        f.page_no,
        f.line_no
    from overview_keys as k
    inner join by_field as f
        on f.document_id = k.document_id
        and f.beleidsveld_code = k.beleidsveld_code
        and f.budget_kind = k.budget_kind
        and f.direction = k.direction
        and f.year = k.year
    union all
    select
        k.document_id,
        'Beleidsitem ' || k.beleidsveld_code || ' ' || k.budget_kind || ' ' || k.direction
        || ' = beleidsveld overview [' || cast(k.year as varchar) || ']' as identity,
        'printed' as role,
        1 as sign,
        o.amount,
        'euro' as precision,
        o.beleidsveld_printed || ' ' || o.direction as term,
        o.page_no,
        o.line_no
    from overview_keys as k
    inner join overview as o
        on o.document_id = k.document_id
        and o.beleidsveld_code = k.beleidsveld_code
        and o.budget_kind = k.budget_kind
        and o.direction = k.direction
        and o.year = k.year
    union all
    select
        k.document_id,
        'Beleidsitem ' || k.beleidsveld_code || ' subsidies = subsidy list Totaal [' || cast(k.year as varchar) || ']'
            as identity,
        'computed' as role,
        1 as sign,
        c.amount,
        c.precision,
        c.beleidsveld_code || '/' || c.beleidsitem_code as term,
        c.page_no,
        c.line_no
    from subsidy_keys as k
    inner join subsidy_cells as c
        on c.document_id = k.document_id and c.beleidsveld_code = k.beleidsveld_code and c.year = k.year
    union all
    select
        k.document_id,
        'Beleidsitem ' || k.beleidsveld_code || ' subsidies = subsidy list Totaal [' || cast(k.year as varchar) || ']'
            as identity,
        'printed' as role,
        1 as sign,
        s.amount,
        'cent' as precision,
        s.label as term,
        s.page_no,
        s.line_no
    from subsidy_keys as k
    inner join field_subsidies as s
        on s.document_id = k.document_id and s.beleidsveld_code = k.beleidsveld_code and s.year = k.year
),

overview_totals as (  -- per kind x direction x year, over all beleidsvelden both lists print
    select
        k.document_id,
        k.budget_kind,
        k.direction,
        k.year,
        (
            select sum(f.amount) from by_field as f
            inner join overview_keys as fk
                on fk.document_id = f.document_id and fk.beleidsveld_code = f.beleidsveld_code
                and fk.budget_kind = f.budget_kind and fk.direction = f.direction and fk.year = f.year
            where f.document_id = k.document_id and f.budget_kind = k.budget_kind
                and f.direction = k.direction and f.year = k.year
        ) as items_total,
        (
            select count(*) from overview as o
            inner join overview_keys as ok
                on ok.document_id = o.document_id and ok.beleidsveld_code = o.beleidsveld_code
                and ok.budget_kind = o.budget_kind and ok.direction = o.direction and ok.year = o.year
            where o.document_id = k.document_id and o.budget_kind = k.budget_kind
                and o.direction = k.direction and o.year = k.year
        ) as overview_terms,
        (
            select sum(o.amount) from overview as o
            inner join overview_keys as ok
                on ok.document_id = o.document_id and ok.beleidsveld_code = o.beleidsveld_code
                and ok.budget_kind = o.budget_kind and ok.direction = o.direction and ok.year = o.year
            where o.document_id = k.document_id and o.budget_kind = k.budget_kind
                and o.direction = k.direction and o.year = k.year
        ) as overview_total
    from (select distinct document_id, budget_kind, direction, year from overview_keys) as k
),

moved_between_fields as (
    select
        k.document_id,
        'Beleidsitem ' || k.beleidsveld_code || ' ' || k.budget_kind || ' ' || k.direction
        || ' = beleidsveld overview [' || cast(k.year as varchar) || ']' as identity,
        'the lists put an amount under different beleidsvelden: over all beleidsvelden, ' || k.budget_kind || ' '
        || k.direction || ' ' || cast(k.year as varchar) || ' agree (' || cast(t.items_total as varchar) || ' vs '
        || cast(t.overview_total as varchar) || ')' as warning_reason
    from overview_keys as k
    inner join overview_totals as t
        on t.document_id = k.document_id and t.budget_kind = k.budget_kind
        and t.direction = k.direction and t.year = k.year
    where abs(t.items_total - t.overview_total) <= 0.5 * t.overview_terms  -- each euro amount rounds by 0.50 at most
),

{{ invariant_evaluate('Beleidsitem x lists', warnings='moved_between_fields') }}

select * from final
