-- The credits transferred to the next year (overdracht, cents) = the unused credits of the
-- report year: J2 budgettair resultaat (II Investeringen, IV Financiering; a. ontvangsten,
-- b. uitgaven) Meerjarenplan - Jaarrekening (whole euros), for every kind and direction that
-- has transfers. Not an accounting identity but a decision: where less (or more) was transferred
-- and the document shows where the remainder went (T1's plan column = eindkrediet - overdracht,
-- see int_invariants__credit_transfer_plan) the difference is a 'warning'.
with transfers as (
    select
        document_id,
        case budget_type when 'I' then 'investeringen' else 'financiering' end as budget_kind,
        case direction when 'U' then 'uitgaven' else 'ontvangsten' end as direction,
        coalesce(ac_code, ap_code, bd_code, budget_code) || ' ' || coalesce(change_code, '') as term,
        amount,
        page_no_end as page_no,
        line_no_end as line_no
    from {{ ref('stg_raw__credit_transfers') }}
),

j2 as (
    select
        document_id,
        case split_part(line_path, '.', 2) when 'II' then 'investeringen' else 'financiering' end as budget_kind,
        case split_part(line_path, '.', 3) when 'a' then 'ontvangsten' else 'uitgaven' end as direction,
        line_path,
        phase,
        amount,
        page_no,
        line_no
    from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    where line_path in (
        'budgettair_resultaat.II.a', 'budgettair_resultaat.II.b',
        'budgettair_resultaat.IV.a', 'budgettair_resultaat.IV.b'
    )
),

instances as (
    select distinct
        document_id,
        budget_kind,
        direction,
        'Overdracht ' || budget_kind || ' ' || direction || ' = J2 '
            || case budget_kind when 'investeringen' then 'budgettair_resultaat.II.' else 'budgettair_resultaat.IV.' end
            || case direction when 'ontvangsten' then 'a' else 'b' end
            || ' Meerjarenplan - Jaarrekening (unused credit)' as identity
    from transfers
    where document_id in (select document_id from j2)
),

terms as (
    select
        i.document_id,
        i.identity,
        'computed' as role,
        1 as sign,
        t.amount,
        'cent' as precision,
        t.term,
        t.page_no,
        t.line_no
    from instances as i
    inner join transfers as t using (document_id, budget_kind, direction)
    union all
    select
        i.document_id,
        i.identity,
        'printed' as role,
        case j2.phase when 'jaarrekening' then -1 else 1 end as sign,
        j2.amount,
        'euro' as precision,
        'J2 ' || j2.line_path || ' ' || j2.phase as term,
        j2.page_no,
        j2.line_no
    from instances as i
    inner join j2 using (document_id, budget_kind, direction)
),

warnings as (
    select
        i.document_id,
        i.identity,
        'not all unused credit was transferred: T1 (plan dossier ' || p.t1_plan_dossier
            || ') keeps eindkrediet - overdracht = ' || cast(p.plan_column as varchar)
            || ' in the report year''s plan column' as warning_reason
    from instances as i
    inner join {{ ref('int_invariants__credit_transfer_plan') }} as p
        using (document_id, budget_kind, direction)
    where p.remainder_stays_in_plan
),

{{ invariant_evaluate('Overdracht x J2', warnings='warnings') }}

select * from final
