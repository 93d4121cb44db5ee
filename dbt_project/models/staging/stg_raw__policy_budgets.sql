with source as (
    select * from {{ source('raw', 'policy_budgets') }}
),

final as (
    select
        document_id,
        policy_level,
        policy_code,
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
