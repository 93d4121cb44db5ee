with source as (
    select * from {{ source('raw', 'pages') }}
),

final as (
    select
        document_id,
        page_no,
        width,
        height,
        line_count
    from source
)

select * from final
