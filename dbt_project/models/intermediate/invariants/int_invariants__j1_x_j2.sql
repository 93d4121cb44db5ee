-- J1 Totaal saldo = the J2 budgettair resultaat saldo of the budget kind (I Exploitatie, II
-- Investeringen, IV Financiering), per column. Whole euros.
{%- set specs = [] -%}
{%- for kind, numeral in [('exploitatie', 'I'), ('investeringen', 'II'), ('financiering', 'IV')] -%}
{%- do specs.append({
    'name': 'J1 TOTAAL ' ~ kind ~ ' saldo = J2 budgettair_resultaat.' ~ numeral,
    'printed': [('+', 'J2', 'budgettair_resultaat.' ~ numeral)],
    'computed': [('+', 'J1', kind ~ '.saldo')],
}) -%}
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

{{ invariant_evaluate('J1xJ2') }}

select * from final
