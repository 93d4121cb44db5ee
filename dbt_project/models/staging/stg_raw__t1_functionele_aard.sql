with source as (
    select * from {{ source('raw', 't1_functionele_aard') }}
),

final as (
    select
        document_id,
        beleidsdomein,
        budget_kind,
        direction,
        year,
        phase,
        label,
        line_path,
        parent_path,
        amount,
        column_role,
        page_no,
        line_no
    from source
)

select * from final
