with source as (
    select * from {{ source('raw', 'm3_kredieten') }}
),

final as (
    select
        document_id,
        section,
        line_path,
        parent_path,
        label,
        budget_kind,
        direction,
        phase,
        year,
        amount,
        column_role,
        page_no,
        line_no
    from source
)

select * from final
