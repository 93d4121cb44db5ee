-- Per beleidsdoelstelling, actieplan and actie with investment transfers: the transferred
-- amounts (cents) = the unused investment credit of its policy table, Eindkredieten -
-- Jaarrekening (whole euros), for uitgaven and ontvangsten. The council transfers credits per
-- action as it decides, so a difference is a 'warning' where the document accounts for the
-- total (T1's plan column = eindkrediet - overdracht, see int_invariants__credit_transfer_plan),
-- an error otherwise.
with transfers as (
    select document_id, level, code, direction, amount, term, page_no, line_no
    from (
        select
            document_id,
            bd_code,
            ap_code,
            ac_code,
            case direction when 'U' then 'uitgaven' else 'ontvangsten' end as direction,
            amount,
            coalesce(ac_code, ap_code, bd_code) || ' ' || coalesce(change_code, '') as term,
            page_no_end as page_no,
            line_no_end as line_no
        from {{ ref('stg_raw__credit_transfers') }}
        where budget_type = 'I'
    ) unpivot (code for level in (bd_code as 'BD', ap_code as 'AP', ac_code as 'AC'))
),

instances as (
    select distinct t.document_id, t.level, t.code, d.direction
    from transfers as t
    cross join (values ('uitgaven'), ('ontvangsten')) as d (direction)
),

policy as (
    select
        document_id,
        policy_code as code,
        direction,
        phase,
        amount,
        page_no,
        line_no
    from {{ ref('stg_raw__policy_budgets') }}
    where budget_kind = 'investeringen' and phase in ('eindkrediet', 'jaarrekening')
),

named as (
    select
        *,
        'Overdracht ' || code || ' investeringen ' || direction
            || ' = policy table Eindkredieten - Jaarrekening (unused credit)' as identity
    from instances
    where document_id in (select document_id from policy)
),

terms as (
    select
        n.document_id,
        n.identity,
        'computed' as role,
        1 as sign,
        t.amount,
        'cent' as precision,
        t.term,
        t.page_no,
        t.line_no
    from named as n
    inner join transfers as t using (document_id, level, code, direction)
    union all
    select
        n.document_id,
        n.identity,
        'printed' as role,
        case p.phase when 'jaarrekening' then -1 else 1 end as sign,
        p.amount,
        'euro' as precision,
        'policy ' || p.code || ' ' || p.phase as term,
        p.page_no,
        p.line_no
    from named as n
    inner join policy as p using (document_id, code, direction)
),

warnings as (
    select
        n.document_id,
        n.identity,
        'credits are transferred per action as decided, not necessarily the unused credit; the document '
            || 'total is accounted for: T1 (plan dossier ' || p.t1_plan_dossier
            || ') keeps eindkrediet - overdracht in the report year''s plan column' as warning_reason
    from named as n
    inner join {{ ref('int_invariants__credit_transfer_plan') }} as p
        on p.document_id = n.document_id and p.budget_kind = 'investeringen' and p.direction = n.direction
    where p.remainder_stays_in_plan
),

{{ invariant_evaluate('Overdracht x policy', warnings='warnings') }}

select * from final
