-- J3 totals (summed over its entities) = the J2 budgettair resultaat lines: ontvangsten = a.,
-- uitgaven = b. of I Exploitatie, II Investeringen, IV Financiering; J3 Jaarrekening = J2
-- Jaarrekening, J3 Eindkredieten = J2 Meerjarenplan. Whole euros.
{%- set kinds = [('exploitatie', 'I'), ('investeringen', 'II'), ('financiering', 'IV')] -%}
{%- set directions = [('ontvangsten', 'a'), ('uitgaven', 'b')] -%}
{%- set specs = [] -%}
{%- for kind, numeral in kinds -%}
{%- for direction, letter in directions -%}
{%- do specs.append({
    'name': 'J3 ' ~ kind ~ ' ' ~ direction ~ ' = J2 budgettair_resultaat.' ~ numeral ~ '.' ~ letter,
    'printed': [('+', 'J2', 'budgettair_resultaat.' ~ numeral ~ '.' ~ letter)],
    'computed': [('+', 'J3', kind ~ '.' ~ direction)],
}) -%}
{%- endfor -%}
{%- endfor %}

with cells as (
    select
        document_id,
        'J3' as source,
        budget_kind || '.' || direction as key,
        {{ invariant_column_label('year', "case phase when 'eindkrediet' then 'meerjarenplan' else phase end") }}
            as col,
        section || '.' || line_path || ' ' || direction as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j3_realisatie_kredieten') }}
    where parent_path is null and phase in ('jaarrekening', 'eindkrediet')
    union all
    select
        document_id,
        'J2' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'J2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j2_financieel_evenwicht') }}
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('J3xJ2') }}

select * from final
