-- Grain: one transfer of an investment or financing credit to the next year (one printed row of
-- "Overdracht investerings-/financieringskredieten"). A beleidsveld that is not in the official
-- list is kept and flagged (is_official_beleidsveld = false), never dropped.
with transfers as (
    select * from {{ ref('int_credit_transfers_decoded') }}
),

beleidsvelden as (
    select beleidsveld_code, beleidsveld_name from {{ ref('dim_beleidsveld') }}
),

final as (
    select
        transfers.credit_transfer_id,
        transfers.document_id,
        transfers.budget_type,
        transfers.budget_type_code,
        transfers.direction,
        transfers.direction_code,
        transfers.bd_code,
        transfers.ap_code,
        transfers.ac_code,
        case
            when transfers.ac_code is not null then transfers.document_id || ':' || transfers.ac_code
            when transfers.ap_code is not null then transfers.document_id || ':' || transfers.ap_code
            when transfers.bd_code is not null then transfers.document_id || ':' || transfers.bd_code
        end as policy_item_id,
        transfers.raming_code,
        transfers.raming_text,
        transfers.budget_code,
        transfers.account_code,
        transfers.account_name,
        transfers.beleidsdomein_code,
        transfers.beleidsdomein_name,
        transfers.beleidsveld_code,
        transfers.beleidsveld_name_printed,
        beleidsvelden.beleidsveld_code is not null as is_official_beleidsveld,
        transfers.transfer_code,
        transfers.transfer_text,
        transfers.from_year,
        transfers.target_year,
        cast(transfers.transaction_credit as decimal(18, 2)) as transaction_credit,
        cast(transfers.amount as decimal(18, 2)) as amount,
        transfers.page_no,
        transfers.line_no
    from transfers
    left join beleidsvelden on transfers.beleidsveld_code = beleidsvelden.beleidsveld_code
)

select * from final
