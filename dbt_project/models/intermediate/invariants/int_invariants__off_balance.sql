-- Niet in de balans opgenomen rechten en verplichtingen (cents, exact):
--   * every row (account, journal detail, TOTAAL): debet - credit = saldo;
--   * every account with printed sub-accounts (or, for a leaf account, journal details) = their
--     sum, for debet, credit and saldo;
--   * TOTAAL = the sum of the top-level accounts, for debet, credit and saldo.
with rows_printed as (
    select
        *,
        case row_type
            when 'total' then 'TOTAAL'
            when 'journal' then account_code || ' journal ' || journal_no
            else account_code
        end as row_name
    from {{ ref('stg_raw__off_balance') }}
),

named_rows as (
    select
        *,
        row_name || case
            when count(*) over (partition by document_id, row_name) > 1
                then ' #' || row_number() over (partition by document_id, row_name order by page_no, line_no)
            else ''
        end as row_label
    from rows_printed
),

measures as (
    select document_id, row_type, account_code, parent_code, row_label, 'debet' as measure, debit as amount,
        page_no, line_no
    from named_rows
    union all
    select document_id, row_type, account_code, parent_code, row_label, 'credit' as measure, credit as amount,
        page_no, line_no
    from named_rows
    union all
    select document_id, row_type, account_code, parent_code, row_label, 'saldo' as measure, saldo as amount,
        page_no, line_no
    from named_rows
),

saldo_terms as (
    select
        document_id,
        'OffBalance ' || row_label || ' debet - credit = saldo' as identity,
        case measure when 'saldo' then 'printed' else 'computed' end as role,
        case measure when 'credit' then -1 else 1 end as sign,
        amount,
        'cent' as precision,
        row_label || ' ' || measure as term,
        page_no,
        line_no
    from measures
),

-- sub-accounts of an account; journal details only count for an account without sub-accounts
children as (
    select c.*
    from measures as c
    where c.parent_code is not null
        and (
            c.row_type = 'account'
            or not exists (
                select 1 from measures as sub
                where sub.document_id = c.document_id and sub.row_type = 'account'
                    and sub.parent_code = c.parent_code
            )
        )
),

parent_terms as (
    select
        p.document_id,
        'OffBalance ' || p.row_label || ' ' || p.measure || ' = sum of sub-accounts' as identity,
        'printed' as role,
        1 as sign,
        p.amount,
        'cent' as precision,
        p.row_label as term,
        p.page_no,
        p.line_no
    from measures as p
    where p.row_type = 'account'
        and exists (
            select 1 from children as c
            where c.document_id = p.document_id and c.parent_code = p.account_code
        )
    union all
    select
        p.document_id,
        'OffBalance ' || p.row_label || ' ' || p.measure || ' = sum of sub-accounts' as identity,
        'computed' as role,
        1 as sign,
        c.amount,
        'cent' as precision,
        c.row_label as term,
        c.page_no,
        c.line_no
    from measures as p
    inner join children as c
        on c.document_id = p.document_id and c.parent_code = p.account_code and c.measure = p.measure
    where p.row_type = 'account'
),

total_terms as (
    select
        document_id,
        'OffBalance TOTAAL ' || measure || ' = sum of top-level accounts' as identity,
        case row_type when 'total' then 'printed' else 'computed' end as role,
        1 as sign,
        amount,
        'cent' as precision,
        row_label as term,
        page_no,
        line_no
    from measures
    where row_type = 'total' or (row_type = 'account' and parent_code is null)
),

terms as (
    select * from saldo_terms
    union all
    select * from parent_terms
    union all
    select * from total_terms
),

{{ invariant_evaluate('OffBalance') }}

select * from final
