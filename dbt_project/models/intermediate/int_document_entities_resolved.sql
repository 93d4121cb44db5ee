-- Every entity of every loaded document with its conformed entity_id and its role on the document.
-- The main entity is the document's own (int_documents_identified: same entity_id as dim_document);
-- the others (the OCMW printed with its gemeente/stad, ...) come from raw.document_entities and get
-- their entity_id by the same rule: the 10-digit KBO number, else 'nokbo-' || md5 of the name.
with documents as (
    select * from {{ ref('int_documents_identified') }}
),

entities as (
    select * from {{ ref('stg_raw__document_entities') }}
),

main_entities as (
    select
        documents.document_id,
        documents.entity_id,
        1 as seq,
        'main' as role,
        documents.entity_name,
        documents.kbo_number,
        documents.entity_type,
        documents.entity_evidence as evidence,
        entities.page_no,
        entities.line_no
    from documents
    left join entities
        on documents.document_id = entities.document_id and entities.role = 'main'
),

other_entities as (
    select
        entities.document_id,
        case
            when regexp_full_match(coalesce(entities.kbo_number, ''), '[0-9]{10}') then entities.kbo_number
            else 'nokbo-' || substr(md5(lower(trim(coalesce(entities.entity_name, entities.document_id)))), 1, 10)
        end as entity_id,
        entities.seq,
        entities.role,
        entities.entity_name,
        case
            when regexp_full_match(coalesce(entities.kbo_number, ''), '[0-9]{10}') then entities.kbo_number
        end as kbo_number,
        entities.entity_type,
        entities.evidence,
        entities.page_no,
        entities.line_no
    from entities
    inner join documents on entities.document_id = documents.document_id
    where entities.role <> 'main'
),

final as (
    select
        unioned.*,
        documents.fiscal_year,
        documents.ingested_at
    from (
        select * from main_entities
        union all
        select * from other_entities
    ) as unioned
    inner join documents on unioned.document_id = documents.document_id
)

select * from final
