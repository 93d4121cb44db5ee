with source as (
    select * from {{ source('raw', 'lines') }}
),

final as (
    select
        document_id,
        page_no,
        line_no,
        text,
        x0,
        top,
        x1,
        bottom,
        rotation,
        furniture,
        furniture is not null as is_furniture
    from source
)

select * from final
