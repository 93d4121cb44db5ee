with source as (
    select * from {{ source('raw', 'off_balance_labels') }}
),

final as (
    select
        document_id,
        seq,
        label,
        page_no,
        line_no
    from source
)

select * from final
