with source as (
    select * from {{ source('raw', 'beleidsitem_budgets') }}
),

final as (
    select
        document_id,
        table_title,
        budget_kind,
        direction,
        column_no,
        column_label,
        is_row_total,
        row_type,
        group_no,
        beleidsveld_code,
        beleidsitem_code,
        label,
        year,
        amount,
        printed_cents,
        page_no,
        line_no
    from source
)

select * from final
