-- Documentation volume, receipts and expenditure per beleidsveld (whole euros): Saldo = Ontvangst - Uitgave
-- per beleidsveld x budget kind x plan year, wherever a Saldo is printed (a side not printed counts as 0).
with budgets as (
    select
        *,
        'Beleidsveld ' || beleidsveld_printed || ' ' || budget_kind || ' saldo = ontvangsten - uitgaven ['
        || cast(year as varchar) || ']' as identity
    from {{ ref('stg_raw__beleidsveld_budgets') }}
),

with_saldo as (
    select * from budgets
    where exists (
        select 1 from budgets as s
        where s.document_id = budgets.document_id
            and s.identity = budgets.identity
            and s.direction = 'saldo'
    )
),

terms as (
    select
        document_id,
        identity,
        case when direction = 'saldo' then 'printed' else 'computed' end as role,
        case when direction = 'uitgaven' then -1 else 1 end as sign,
        amount,
        'euro' as precision,
        direction as term,
        page_no,
        line_no
    from with_saldo
),

{{ invariant_evaluate('Beleidsveld budgets') }}

select * from final
