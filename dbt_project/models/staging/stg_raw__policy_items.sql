with source as (
    select * from {{ source('raw', 'policy_items') }}
),

final as (
    select
        document_id,
        level,
        code,
        title,
        is_priority,
        parent_code,
        period_start,
        period_end,
        evaluation_status,
        status_phrase,
        evaluation_text,
        page_start,
        line_start,
        page_end,
        line_end,
        description,
        beleidsdomein_code,
        beleidsdomein,
        code_key
    from source
)

select * from final
