-- The BD -> AP -> AC hierarchy of each document, plus 'inferred' members for codes that only a
-- budget table names: the plan-level rows (beleidsevaluatie plan table, J1 TOTAAL /
-- NIET_PRIORITAIR / ZONDER_BD) and any J1 BD that the beleidsevaluatie does not describe. Every
-- policy_item_id of fct_policy_budget therefore resolves here.
with items as (
    select * from {{ ref('int_policy_items_resolved') }}
),

budget_codes as (
    select distinct document_id, policy_item_id, policy_level, policy_code
    from {{ ref('int_policy_budgets_unioned') }}
),

described as (
    select
        policy_item_id,
        document_id,
        level,
        code,
        title,
        parent_code,
        bd_code,
        ap_code,
        is_priority,
        period_start,
        period_end,
        evaluation_status,
        status_phrase,
        evaluation_text,
        page_start,
        line_start,
        description,
        beleidsdomein_code,
        beleidsdomein,
        code_key,
        false as is_inferred
    from items
),

inferred as (
    select
        budget_codes.policy_item_id,
        budget_codes.document_id,
        budget_codes.policy_level as level,
        budget_codes.policy_code as code,
        case
            when budget_codes.policy_code = 'TOTAAL' then 'Totaal'
            when budget_codes.policy_code = 'NIET_PRIORITAIR' then 'Niet-prioritaire beleidsdoelstellingen'
            when budget_codes.policy_code = 'ZONDER_BD' then 'Verrichtingen zonder beleidsdoelstelling'
            when budget_codes.policy_level = 'PLAN' then budget_codes.policy_code
        end as title,
        cast(null as varchar) as parent_code,
        case when budget_codes.policy_level = 'BD' then budget_codes.policy_code end as bd_code,
        cast(null as varchar) as ap_code,
        case
            when budget_codes.policy_code = 'NIET_PRIORITAIR' or budget_codes.policy_code like 'NIET_PRIORITAIR %'
                then false
        end as is_priority,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(null as varchar) as evaluation_status,
        cast(null as varchar) as status_phrase,
        cast(null as varchar) as evaluation_text,
        cast(null as integer) as page_start,
        cast(null as integer) as line_start,
        cast(null as varchar) as description,
        cast(null as varchar) as beleidsdomein_code,
        cast(null as varchar) as beleidsdomein,
        -- the parser's policy_code_key: letters upper-cased + the number without separators or leading zeros
        case
            when regexp_full_match(budget_codes.policy_code, '[A-Za-z]{1,6}[. ]?[0-9]+')
                then upper(regexp_extract(budget_codes.policy_code, '^[A-Za-z]+'))
                || cast(cast(regexp_replace(budget_codes.policy_code, '[^0-9]', '', 'g') as hugeint) as varchar)
        end as code_key,
        true as is_inferred
    from budget_codes
    anti join described on budget_codes.policy_item_id = described.policy_item_id
),

final as (
    select * from described
    union all by name
    select * from inferred
)

select * from final
