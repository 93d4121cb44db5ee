-- Grain: one credit line x direction x column of a document: J3 (realisatie van de kredieten) of a
-- jaarrekening and M3 (overzicht van de kredieten) of a meerjarenplan. The lines are the three budget
-- kinds and their printed details ("Leningen en leasings" under financiering, same amounts): sum only
-- the rows with is_budget_kind_total to avoid double counting. A plan's amounts carry plan_version and
-- column_role (referentie = vorig krediet, wijziging, nieuw = nieuw krediet; plan in an original plan).
with credits as (
    select *, 'J3' as source_table from {{ ref('stg_raw__j3_realisatie_kredieten') }}
    union all
    select *, 'M3' as source_table from {{ ref('stg_raw__m3_kredieten') }}
),

documents as (
    select document_id, report_type, plan_version from {{ ref('int_documents_identified') }}
),

final as (
    select
        credits.document_id,
        credits.source_table,
        documents.report_type,
        documents.plan_version,
        credits.section,
        credits.line_path,
        credits.parent_path,
        credits.label,
        credits.budget_kind,
        credits.direction,
        credits.phase,
        credits.column_role,
        credits.year,
        cast(credits.amount as decimal(18, 2)) as amount,
        credits.parent_path is null as is_budget_kind_total,
        credits.page_no,
        credits.line_no
    from credits
    inner join documents on credits.document_id = documents.document_id
)

select * from final
