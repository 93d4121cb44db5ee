with source as (
    select * from {{ source('raw', 'm2_financieel_evenwicht') }}
),

final as (
    select
        document_id,
        section,
        line_path,
        parent_path,
        label,
        phase,
        year,
        amount,
        column_role,
        page_no,
        line_no
    from source
)

select * from final
