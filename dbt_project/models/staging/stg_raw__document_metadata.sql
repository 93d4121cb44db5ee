with source as (
    select * from {{ source('raw', 'document_metadata') }}
),

final as (
    select
        document_id,
        key,
        value
    from source
)

select * from final
