-- J1 Totaal = J3 (summed over its entities), per budget kind and direction: J1 Jaarrekening = J3
-- Jaarrekening, J1 Meerjarenplan = J3 Eindkredieten. Whole euros.
{%- set specs = [] -%}
{%- for kind in ['exploitatie', 'investeringen', 'financiering'] -%}
{%- for direction in ['uitgaven', 'ontvangsten'] -%}
{%- do specs.append({
    'name': 'J1 TOTAAL ' ~ kind ~ ' ' ~ direction ~ ' = J3',
    'printed': [('+', 'J3', kind ~ '.' ~ direction)],
    'computed': [('+', 'J1', kind ~ '.' ~ direction)],
}) -%}
{%- endfor -%}
{%- endfor %}

with cells as (
    select
        document_id,
        'J1' as source,
        budget_kind || '.' || direction as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'J1 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j1_doelstellingenrekening') }}
    where policy_code = 'TOTAAL'
    union all
    select
        document_id,
        'J3' as source,
        budget_kind || '.' || direction as key,
        {{ invariant_column_label('year', "case phase when 'eindkrediet' then 'meerjarenplan' else phase end") }}
            as col,
        'J3 ' || section || '.' || line_path || ' ' || direction as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j3_realisatie_kredieten') }}
    where parent_path is null and phase in ('jaarrekening', 'eindkrediet')
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('J1xJ3') }}

select * from final
