with source as (
    select * from {{ source('raw', 'm1_financieel_doelstellingenplan') }}
),

final as (
    select
        document_id,
        policy_code,
        budget_kind,
        direction,
        phase,
        year,
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
