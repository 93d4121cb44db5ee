-- Grain: one beleidsdomein x budget kind x direction x year x phase (x column_role in a plan) of a
-- document (T1).
with t1 as (
    select * from {{ ref('stg_raw__t1_functionele_aard') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

final as (
    select
        t1.document_id,
        documents.report_type,
        documents.plan_version,
        beleidsdomein,
        coalesce(budget_kind, 'totaal') as budget_kind,  -- a plan's T1 prints no budget kinds
        direction,
        year,
        phase,
        column_role,
        cast(amount as decimal(18, 2)) as amount,
        label,
        line_path,
        parent_path,
        page_no,
        line_no
    from t1
    inner join documents on t1.document_id = documents.document_id
)

select * from final
