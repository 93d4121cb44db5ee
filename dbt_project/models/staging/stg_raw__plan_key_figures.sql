with source as (
    select * from {{ source('raw', 'plan_key_figures') }}
),

final as (
    select
        document_id,
        table_title,
        figure,
        label,
        year,
        amount,
        page_no,
        line_no,
        period_start,
        period_end
    from source
)

select * from final
