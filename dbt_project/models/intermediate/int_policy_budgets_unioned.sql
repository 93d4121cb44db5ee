-- Policy budgets from both places a report prints them, in one vocabulary:
-- * the beleidsevaluatie tables (plan, BD, AP, AC; jaarrekening / eindkrediet / initieel_krediet);
-- * J1 doelstellingenrekening (BD level and the totals): its second column, printed as
--   "Meerjarenplan", is the eindkrediet of the year, so phase 'meerjarenplan' becomes 'eindkrediet';
-- * M1 financieel doelstellingenplan of a meerjarenplan (BD level and totals, phase meerjarenplan,
--   one row per plan year and column_role).
-- Rows that are not about one BD/AP/AC get policy_level 'PLAN': the plan table of the
-- beleidsevaluatie (its code is the plan name as printed) and J1's TOTAAL, NIET_PRIORITAIR and
-- ZONDER_BD blocks (code kept as J1 names it).
with beleidsevaluatie as (
    select
        document_id,
        policy_level,
        policy_code,
        budget_kind,
        direction,
        phase,
        year,
        amount,
        column_role,
        'beleidsevaluatie' as source_table,
        page_no,
        line_no
    from {{ ref('stg_raw__policy_budgets') }}
),

j1 as (
    select
        document_id,
        case when policy_code in ('TOTAAL', 'NIET_PRIORITAIR', 'ZONDER_BD') then 'PLAN' else 'BD' end as policy_level,
        policy_code,
        budget_kind,
        direction,
        case when phase = 'meerjarenplan' then 'eindkrediet' else phase end as phase,
        year,
        amount,
        column_role,
        'J1' as source_table,
        page_no,
        line_no
    from {{ ref('stg_raw__j1_doelstellingenrekening') }}
),

m1 as (
    select
        document_id,
        case when policy_code in ('TOTAAL', 'NIET_PRIORITAIR', 'ZONDER_BD') then 'PLAN' else 'BD' end as policy_level,
        policy_code,
        coalesce(budget_kind, 'totaal') as budget_kind,  -- M1 prints one line per direction for all kinds
        direction,
        phase,
        year,
        amount,
        column_role,
        'M1' as source_table,
        page_no,
        line_no
    from {{ ref('stg_raw__m1_financieel_doelstellingenplan') }}
),

unioned as (
    select * from beleidsevaluatie
    union all
    select * from j1
    union all
    select * from m1
),

final as (
    select
        document_id,
        document_id || ':' || policy_code as policy_item_id,
        policy_level,
        policy_code,
        budget_kind,
        direction,
        phase,
        year,
        cast(amount as decimal(18, 2)) as amount,
        column_role,
        source_table,
        page_no,
        line_no
    from unioned
)

select * from final
