with source as (
    select * from {{ source('raw', 'schema_cells') }}
),

final as (
    select
        document_id,
        table_kind,
        title,
        row_no,
        label,
        column_no,
        column_header,
        year,
        amount,
        page_no,
        line_no
    from source
)

select * from final
