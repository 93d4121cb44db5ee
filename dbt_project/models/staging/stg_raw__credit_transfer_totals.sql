with source as (
    select * from {{ source('raw', 'credit_transfer_totals') }}
),

final as (
    select
        document_id,
        budget_type,
        direction,
        column_label,
        amount,
        page_no,
        line_no
    from source
)

select * from final
