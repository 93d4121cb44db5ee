with source as (
    select * from {{ source('raw', 'off_balance') }}
),

final as (
    select
        document_id,
        row_type,
        account_code,
        parent_code,
        journal_no,
        label,
        debit,
        credit,
        saldo,
        page_no,
        line_no
    from source
)

select * from final
