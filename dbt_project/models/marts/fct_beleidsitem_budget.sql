-- Grain: one beleidsitem (or printed total) x column of a plan's documentation volume's "Samenvatting budget
-- <year> per beleidsitem": the budget of the year by economic category (columns), per beleidsitem. Filter
-- row_type = 'item' and not is_row_total to add up categories; the totals are checked in audit_invariants
-- (groups Beleidsitem budget, Beleidsitem x lists).
with budgets as (
    select * from {{ ref('stg_raw__beleidsitem_budgets') }}
),

final as (
    select
        document_id,
        table_title,
        budget_kind,
        direction,
        column_no,
        column_label,
        is_row_total,
        row_type,
        group_no,
        beleidsveld_code,
        beleidsitem_code,
        label,
        year,
        cast(amount as decimal(18, 2)) as amount,
        printed_cents,
        page_no,
        line_no
    from budgets
)

select * from final
