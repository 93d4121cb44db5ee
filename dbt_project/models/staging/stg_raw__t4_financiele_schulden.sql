with source as (
    select * from {{ source('raw', 't4_financiele_schulden') }}
),

final as (
    select
        document_id,
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
