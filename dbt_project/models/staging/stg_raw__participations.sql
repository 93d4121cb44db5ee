with source as (
    select * from {{ source('raw', 'participations') }}
),

final as (
    select
        document_id,
        company,
        amount,
        is_total,
        valuation_date,
        page_no,
        line_no
    from source
)

select * from final
