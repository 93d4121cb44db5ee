with source as (
    select * from {{ source('raw', 'credit_transfers') }}
),

final as (
    select
        document_id,
        entity_name,
        budget_type,
        direction,
        bd_code,
        bd_title,
        ap_code,
        ap_title,
        ac_code,
        ac_title,
        raming_code,
        raming_text,
        budget_code,
        account_code,
        beleidsdomein_code,
        beleidsveld_code,
        budget_code_description,
        change_code,
        change_text,
        target_year,
        transaction_credit,
        amount,
        from_year,
        page_no,
        line_no,
        page_no_end,
        line_no_end
    from source
)

select * from final
