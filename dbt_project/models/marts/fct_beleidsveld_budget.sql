-- Grain: one beleidsveld x budget kind x direction x plan year of a plan's documentation volume ("Jaarlijkse
-- uitgaven en ontvangsten voor exploitatie, investeringen en financiering per beleidsveld"): receipts,
-- expenditure and saldo per beleidsveld (Saldo = Ontvangst - Uitgave is checked in audit_invariants, group
-- Beleidsveld budgets). Plan amounts: phase meerjarenplan, column_role plan.
with budgets as (
    select * from {{ ref('stg_raw__beleidsveld_budgets') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

beleidsvelden as (
    select beleidsveld_code from {{ ref('dim_beleidsveld') }}
),

final as (
    select
        budgets.document_id,
        documents.report_type,
        documents.plan_version,
        budgets.beleidsveld_code,
        budgets.beleidsveld_printed,
        budgets.beleidsveld,
        beleidsvelden.beleidsveld_code is not null as is_official_beleidsveld,
        budgets.budget_kind,
        budgets.direction,
        'meerjarenplan' as phase,
        'plan' as column_role,
        budgets.year,
        cast(budgets.amount as decimal(18, 2)) as amount,
        budgets.page_no,
        budgets.line_no
    from budgets
    left join documents on budgets.document_id = documents.document_id
    left join beleidsvelden on budgets.beleidsveld_code = beleidsvelden.beleidsveld_code
)

select * from final
