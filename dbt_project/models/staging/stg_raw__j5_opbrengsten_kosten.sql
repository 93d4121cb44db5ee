with source as (
    select * from {{ source('raw', 'j5_opbrengsten_kosten') }}
),

final as (
    select
        document_id,
        section,
        line_path,
        parent_path,
        label,
        year,
        phase,
        amount,
        column_role,
        page_no,
        line_no
    from source
)

select * from final
