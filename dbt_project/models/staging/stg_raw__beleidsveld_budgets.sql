with source as (
    select * from {{ source('raw', 'beleidsveld_budgets') }}
),

final as (
    select
        document_id,
        beleidsveld_printed,
        beleidsveld_code,
        beleidsveld,
        budget_kind,
        direction,
        year,
        amount,
        page_no,
        line_no
    from source
)

select * from final
