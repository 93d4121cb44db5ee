-- Grain: one policy item (plan, BD, AP or AC) x budget kind x direction x phase x year, per source
-- table (the beleidsevaluatie and J1 both print the BD level).
with budgets as (
    select * from {{ ref('int_policy_budgets_unioned') }}
),

final as (
    select
        document_id,
        policy_item_id,
        policy_level,
        policy_code,
        budget_kind,
        direction,
        phase,
        year,
        cast(amount as decimal(18, 2)) as amount,
        source_table,
        page_no,
        line_no
    from budgets
)

select * from final
