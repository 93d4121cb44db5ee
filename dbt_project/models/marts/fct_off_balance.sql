-- Grain: one printed row of "Niet in de balans opgenomen rechten en verplichtingen": an account, a
-- journal detail row under its account, or the table's total (row_type).
with off_balance as (
    select * from {{ ref('stg_raw__off_balance') }}
),

final as (
    select
        document_id,
        row_type,
        account_code,
        parent_code,
        journal_no,
        nullif(trim(label), '') as label,
        cast(debit as decimal(18, 2)) as debit,
        cast(credit as decimal(18, 2)) as credit,
        cast(saldo as decimal(18, 2)) as saldo,
        page_no,
        line_no
    from off_balance
)

select * from final
