-- Grain: one printed line of the staat van het financieel evenwicht x column: J2 of a jaarrekening and
-- M2 of a meerjarenplan (the same regulated rows), told apart by source_table / report_type; a plan's
-- amounts carry their plan year, plan_version and column_role (referentie / wijziging / nieuw of a
-- revision, plan for an original plan).
with evenwicht as (
    select *, 'J2' as source_table from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    union all
    select *, 'M2' as source_table from {{ ref('stg_raw__m2_financieel_evenwicht') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

final as (
    select
        evenwicht.document_id,
        evenwicht.source_table,
        documents.report_type,
        documents.plan_version,
        evenwicht.section,
        evenwicht.line_path,
        evenwicht.parent_path,
        evenwicht.label,
        evenwicht.phase,
        evenwicht.column_role,
        evenwicht.year,
        cast(evenwicht.amount as decimal(18, 2)) as amount,
        evenwicht.page_no,
        evenwicht.line_no
    from evenwicht
    inner join documents on evenwicht.document_id = documents.document_id
)

select * from final
