-- The plan's overall policy table = J3 (summed over its entities), per budget kind, direction
-- (uitgaven, ontvangsten) and column (Jaarrekening, Eindkredieten, Initiële kredieten). Whole euros.
{%- set specs = [] -%}
{%- for kind in ['exploitatie', 'investeringen', 'financiering'] -%}
{%- for direction in ['uitgaven', 'ontvangsten'] -%}
{%- do specs.append({
    'name': 'Policy plan ' ~ kind ~ ' ' ~ direction ~ ' = J3',
    'printed': [('+', 'J3', kind ~ '.' ~ direction)],
    'computed': [('+', 'policy', kind ~ '.' ~ direction)],
}) -%}
{%- endfor -%}
{%- endfor %}

with cells as (
    select
        document_id,
        'policy' as source,
        budget_kind || '.' || direction as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'policy ' || policy_code || ' ' || budget_kind || ' ' || direction as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__policy_budgets') }}
    where policy_level = 'PLAN'
    union all
    select
        document_id,
        'J3' as source,
        budget_kind || '.' || direction as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'J3 ' || section || '.' || line_path || ' ' || direction as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j3_realisatie_kredieten') }}
    where parent_path is null
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('Policy x J3') }}

select * from final
