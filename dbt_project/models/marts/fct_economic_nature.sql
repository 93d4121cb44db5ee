-- Grain: one printed T2 line x year x phase (x column_role in a plan) of a document. Lines form an outline (parts, A., 1.,
-- a., '-' sub-lines) plus saldo lines: sum only is_leaf rows of one part to avoid double counting.
with t2 as (
    select * from {{ ref('stg_raw__t2_economische_aard') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

leaves as (
    select
        t2.*,
        not exists (
            select 1
            from t2 as child
            where child.document_id = t2.document_id
                and child.year = t2.year
                and child.phase = t2.phase
                and child.column_role is not distinct from t2.column_role
                and child.parent_path = t2.line_path
        ) as is_leaf
    from t2
),

final as (
    select
        leaves.document_id,
        documents.report_type,
        documents.plan_version,
        section,
        line_path,
        parent_path,
        label,
        budget_kind,
        direction,
        length(line_path) - length(replace(line_path, '.', '')) as depth,
        is_leaf,
        year,
        phase,
        column_role,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from leaves
    inner join documents on leaves.document_id = documents.document_id
)

select * from final
