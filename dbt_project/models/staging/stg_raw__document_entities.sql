with source as (
    select * from {{ source('raw', 'document_entities') }}
),

final as (
    select
        document_id,
        seq,
        role,
        nullif(trim(entity_name), '') as entity_name,
        kbo_number,
        entity_type,
        evidence,
        page_no,
        line_no
    from source
)

select * from final
