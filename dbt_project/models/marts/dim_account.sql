-- General-ledger accounts (the BBC chart of accounts) named in any document: the account part of
-- the credit transfers' budget codes, named by the first part of the budget code's description,
-- and the off-balance (class 0) accounts, named when the report attaches a label to them.
-- When documents print different names for one account, the most frequent name wins (ties: the
-- name of the most recently ingested document).
with transfer_accounts as (
    select
        transfers.account_code,
        transfers.account_name,
        'credit_transfers' as source_table,
        documents.ingested_at
    from {{ ref('int_credit_transfers_decoded') }} as transfers
    inner join {{ ref('int_documents_identified') }} as documents
        on transfers.document_id = documents.document_id
    where transfers.account_code is not null
),

off_balance_accounts as (
    select
        off_balance.account_code,
        nullif(trim(off_balance.label), '') as account_name,
        'off_balance' as source_table,
        documents.ingested_at
    from {{ ref('stg_raw__off_balance') }} as off_balance
    inner join {{ ref('int_documents_identified') }} as documents
        on off_balance.document_id = documents.document_id
    where off_balance.row_type = 'account'
        and off_balance.account_code is not null
),

all_mentions as (
    select * from transfer_accounts
    union all
    select * from off_balance_accounts
),

name_votes as (
    select
        account_code,
        account_name,
        count(*) as mentions,
        max(ingested_at) as last_seen
    from all_mentions
    where account_name is not null
    group by account_code, account_name
),

best_name as (
    select account_code, account_name
    from name_votes
    qualify row_number() over (
        partition by account_code order by mentions desc, last_seen desc, account_name
    ) = 1
),

accounts as (
    select
        account_code,
        string_agg(distinct source_table, ',' order by source_table) as source_tables
    from all_mentions
    group by account_code
),

final as (
    select
        accounts.account_code,
        best_name.account_name,
        substr(accounts.account_code, 1, 1) as account_class,
        accounts.source_tables
    from accounts
    left join best_name on accounts.account_code = best_name.account_code
)

select * from final
