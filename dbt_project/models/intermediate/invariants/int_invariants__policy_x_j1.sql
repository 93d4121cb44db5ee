-- Every cell of a beleidsdoelstelling's policy table = the same cell of J1: policy Jaarrekening
-- = J1 Jaarrekening, policy Eindkredieten = J1 Meerjarenplan (a side that is not printed counts
-- as 0). Whole euros.
with policy as (
    select
        document_id,
        policy_code,
        budget_kind,
        direction,
        {{ invariant_column_label('year', "case phase when 'eindkrediet' then 'meerjarenplan' else phase end") }}
            as col,
        amount,
        page_no,
        line_no
    from {{ ref('stg_raw__policy_budgets') }}
    where policy_level = 'BD' and phase in ('jaarrekening', 'eindkrediet')
),

j1 as (
    select
        document_id,
        policy_code,
        budget_kind,
        direction,
        {{ invariant_column_label('year', 'phase') }} as col,
        amount,
        page_no,
        line_no
    from {{ ref('stg_raw__j1_doelstellingenrekening') }}
    where policy_code like 'BD%'
),

-- only documents that have both tables
documents as (
    select document_id from policy
    intersect
    select document_id from j1
),

cells as (
    select *, 'computed' as role from policy where document_id in (select document_id from documents)
    union all
    select *, 'printed' as role from j1 where document_id in (select document_id from documents)
),

terms as (
    select
        document_id,
        'Policy x J1 ' || policy_code || ' ' || budget_kind || ' ' || direction || ': policy table = J1 ['
            || col || ']' as identity,
        role,
        1 as sign,
        amount,
        'euro' as precision,
        case role when 'printed' then 'J1 ' else 'policy ' end || policy_code as term,
        page_no,
        line_no
    from cells
),

{{ invariant_evaluate('Policy x J1') }}

select * from final
