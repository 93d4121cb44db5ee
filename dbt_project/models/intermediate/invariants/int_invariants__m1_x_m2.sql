-- M1 Algemeen totaal = M2, per plan year and column role: uitgaven = b. of I Exploitatie + II Investeringen
-- + IV Financiering, ontvangsten = their a. lines. Whole euros.
{%- set specs = [] -%}
{%- for direction, letter in [('ontvangsten', 'a'), ('uitgaven', 'b')] -%}
{%- do specs.append({
    'name': 'M1 TOTAAL ' ~ direction ~ ' = M2 budgettair_resultaat.I.' ~ letter ~ ' + II.' ~ letter ~ ' + IV.' ~ letter,
    'printed': [('+', 'M1', 'TOTAAL.' ~ direction)],
    'computed': [
        ('+', 'M2', 'budgettair_resultaat.I.' ~ letter),
        ('+', 'M2', 'budgettair_resultaat.II.' ~ letter),
        ('+', 'M2', 'budgettair_resultaat.IV.' ~ letter),
    ],
}) -%}
{%- endfor %}

with cells as (
    select
        document_id,
        'M1' as source,
        policy_code || '.' || direction as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'M1 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__m1_financieel_doelstellingenplan') }}
    where policy_code = 'TOTAAL' and budget_kind is null
    union all
    select
        document_id,
        'M2' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'M2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__m2_financieel_evenwicht') }}
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('M1xM2') }}

select * from final
