-- Credit transfers in the common vocabulary, with the budget code's description split into its
-- three named parts. The description repeats the code's parts in words, separated by '/':
-- '<account name>/<beleidsdomein name>/<beleidsveld name>/'. The account name may itself contain
-- a '/', so the split takes the LAST two segments as beleidsdomein and beleidsveld names.
with transfers as (
    select * from {{ ref('stg_raw__credit_transfers') }}
),

described as (
    select
        *,
        rtrim(trim(budget_code_description), '/') || '/' as description_normalised
    from transfers
),

final as (
    select
        document_id,
        document_id || ':' || page_no || ':' || line_no as credit_transfer_id,
        case budget_type when 'I' then 'investeringen' when 'F' then 'financiering' end as budget_type,
        budget_type as budget_type_code,
        case direction when 'U' then 'uitgaven' when 'O' then 'ontvangsten' end as direction,
        direction as direction_code,
        entity_name,
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
        nullif(trim(regexp_extract(description_normalised, '^(.*)/([^/]*)/([^/]*)/$', 1)), '') as account_name,
        beleidsdomein_code,
        nullif(trim(regexp_extract(description_normalised, '^(.*)/([^/]*)/([^/]*)/$', 2)), '') as beleidsdomein_name,
        beleidsveld_code,
        nullif(trim(regexp_extract(description_normalised, '^(.*)/([^/]*)/([^/]*)/$', 3)), '') as beleidsveld_name_printed,
        budget_code_description,
        change_code as transfer_code,
        change_text as transfer_text,
        from_year,
        target_year,
        cast(transaction_credit as decimal(18, 2)) as transaction_credit,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no,
        page_no_end,
        line_no_end
    from described
)

select * from final
