-- Overdracht investeringskredieten / financieringskredieten (cents, exact): every printed
-- Uitgave / Ontvangst total (each column, each block) = the sum of the transferred amounts
-- ("Bedrag wijziging") of its rows, and every Resultaat = ontvangsten - uitgaven.
with transfers as (
    select
        document_id,
        case budget_type when 'I' then 'investeringen' else 'financiering' end as budget_kind,
        direction,
        coalesce(ac_code, ap_code, bd_code, budget_code) || ' ' || coalesce(change_code, '') as term,
        amount,
        page_no_end as page_no,
        line_no_end as line_no
    from {{ ref('stg_raw__credit_transfers') }}
),

totals as (
    select
        document_id,
        case budget_type when 'I' then 'investeringen' else 'financiering' end as budget_kind,
        direction,
        column_label,
        row_number() over (
            partition by document_id, budget_type, direction, column_label order by page_no, line_no
        ) as ordinal,
        amount,
        page_no,
        line_no
    from {{ ref('stg_raw__credit_transfer_totals') }}
),

named_totals as (
    select
        *,
        'Overdracht ' || budget_kind || ' '
            || case direction when 'U' then 'uitgaven' when 'O' then 'ontvangsten' else 'resultaat' end
            || ' total #' || ordinal || ' (' || column_label || ') = '
            || case direction when 'R' then 'ontvangsten - uitgaven' else 'sum of transfers' end as identity
    from totals
),

terms as (
    select
        document_id,
        identity,
        'printed' as role,
        1 as sign,
        amount,
        'cent' as precision,
        'total ' || column_label as term,
        page_no,
        line_no
    from named_totals
    union all
    select
        t.document_id,
        t.identity,
        'computed' as role,
        case when t.direction = 'R' and r.direction = 'U' then -1 else 1 end as sign,
        r.amount,
        'cent' as precision,
        r.term,
        r.page_no,
        r.line_no
    from named_totals as t
    inner join transfers as r
        on r.document_id = t.document_id
        and r.budget_kind = t.budget_kind
        and (r.direction = t.direction or t.direction = 'R')
),

{{ invariant_evaluate('Overdracht') }}

select * from final
