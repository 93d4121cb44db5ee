-- Grain: one printed line of the evolution of the financial debt x year (x column role in a plan) of a
-- document. A jaarrekening's T4: A long-term debt with its movements, B due within the year, C short
-- term, TOTAAL (years after the fiscal year are plan figures). A meerjarenplan's debt schema (its T3,
-- same title): A op 1 januari, B nieuwe leningen, C aflossingen, D op 31 december, per plan year and
-- column role. The letters mean different things in the two: filter on report_type.
with t4 as (
    select * from {{ ref('stg_raw__t4_financiele_schulden') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

final as (
    select
        t4.document_id,
        documents.report_type,
        documents.plan_version,
        t4.line_path,
        t4.parent_path,
        t4.label,
        t4.year,
        t4.phase,
        t4.column_role,
        cast(t4.amount as decimal(18, 2)) as amount,
        t4.page_no,
        t4.line_no
    from t4
    inner join documents on t4.document_id = documents.document_id
)

select * from final
