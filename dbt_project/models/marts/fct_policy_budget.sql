-- Grain: one policy item (plan, BD, AP or AC) x budget kind x direction x phase x year, per source
-- table (the beleidsevaluatie and J1 both print the BD level; a plan's M1 and its ODAA / strategic note
-- too), x column_role in a plan.
with budgets as (
    select * from {{ ref('int_policy_budgets_unioned') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

final as (
    select
        budgets.document_id,
        documents.report_type,
        documents.plan_version,
        policy_item_id,
        policy_level,
        policy_code,
        budget_kind,
        direction,
        phase,
        year,
        cast(amount as decimal(18, 2)) as amount,
        column_role,
        source_table,
        page_no,
        line_no
    from budgets
    inner join documents on budgets.document_id = documents.document_id
)

select * from final
