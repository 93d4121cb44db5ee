with source as (
    select * from {{ source('raw', 't2_economische_aard') }}
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
        year,
        phase,
        amount,
        column_role,
        page_no,
        line_no
    from source
)

select * from final
