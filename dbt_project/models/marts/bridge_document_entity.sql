-- Grain: one entity of one loaded document, with its role on the document: main (the document's own
-- entity, dim_document.entity_id), ocmw (the OCMW reported together with its gemeente/stad), other.
-- An analyst finds every report an entity appears in, main or not, by joining through this table.
with document_entities as (
    select * from {{ ref('int_document_entities_resolved') }}
),

final as (
    select
        document_id,
        entity_id,
        seq,
        role,
        entity_name,
        kbo_number,
        evidence,
        page_no,
        line_no
    from document_entities
)

select * from final
