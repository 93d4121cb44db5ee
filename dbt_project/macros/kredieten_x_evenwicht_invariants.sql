{#-
    Credits (J3 of a jaarrekening, M3 of a plan) = the financieel evenwicht (J2 / M2) lines they repeat, per
    column; CTEs ending in `final`, group '<credit_label>x<evenwicht_label>'.
    J3 totals (summed over its entities) = the J2 budgettair resultaat lines: ontvangsten = a.,
    uitgaven = b. of I Exploitatie, II Investeringen, IV Financiering; J3 Jaarrekening = J2
    Jaarrekening, J3 Eindkredieten = J2 Meerjarenplan. Whole euros.
    In a plan, M3 vorig krediet / wijziging / nieuw krediet of a year = M2 referentie / wijziging / nieuw.
-#}
{% macro kredieten_x_evenwicht_invariants(credit_label, credit_relation, evenwicht_label, evenwicht_relation) -%}
{%- set kinds = [('exploitatie', 'I'), ('investeringen', 'II'), ('financiering', 'IV')] -%}
{%- set directions = [('ontvangsten', 'a'), ('uitgaven', 'b')] -%}
{%- set specs = [] -%}
{%- for kind, numeral in kinds -%}
{%- for direction, letter in directions -%}
{%- do specs.append({
    'name': credit_label ~ ' ' ~ kind ~ ' ' ~ direction ~ ' = ' ~ evenwicht_label ~ ' budgettair_resultaat.' ~ numeral ~ '.' ~ letter,
    'printed': [('+', evenwicht_label, 'budgettair_resultaat.' ~ numeral ~ '.' ~ letter)],
    'computed': [('+', credit_label, kind ~ '.' ~ direction)],
}) -%}
{%- endfor -%}
{%- endfor %}

with cells as (
    select
        document_id,
        '{{ credit_label }}' as source,
        budget_kind || '.' || direction as key,
        {{ invariant_column_label('year', "case phase when 'eindkrediet' then 'meerjarenplan' else phase end") }}
            as col,
        section || '.' || line_path || ' ' || direction as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ credit_relation }}
    where parent_path is null and phase in ('jaarrekening', 'eindkrediet', 'meerjarenplan')
    union all
    select
        document_id,
        '{{ evenwicht_label }}' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        '{{ evenwicht_label }} ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ evenwicht_relation }}
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate(credit_label ~ 'x' ~ evenwicht_label) }}
{%- endmacro %}
