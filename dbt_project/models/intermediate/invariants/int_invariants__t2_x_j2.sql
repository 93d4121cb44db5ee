-- T2's column of the report year (Jaarrekening) = J2 (and so J3): part totals (the sum of a
-- part's top rows) = J2 budgettair resultaat a./b. lines, T2 saldi = J2 saldi; and the periodic
-- repayments of T2 = J2 autofinancieringsmarge II.a. Whole euros.
{%- set br = 'budgettair_resultaat' -%}
{%- set specs = [] -%}
{%- for section, numeral in [('exploitatie', 'I'), ('investeringen', 'II'), ('financiering', 'IV')] -%}
{%- for direction, letter in [('uitgaven', 'b'), ('ontvangsten', 'a')] -%}
{%- do specs.append({
    'name': 'T2 ' ~ section ~ '.' ~ direction ~ ' (sum of top rows) = J2 ' ~ br ~ '.' ~ numeral ~ '.' ~ letter,
    'printed': [('+', 'J2', br ~ '.' ~ numeral ~ '.' ~ letter)],
    'computed': [('+', 'T2', 'top:' ~ section ~ '.' ~ direction)],
}) -%}
{%- endfor -%}
{%- do specs.append({
    'name': 'T2 ' ~ section ~ '.saldo = J2 ' ~ br ~ '.' ~ numeral,
    'printed': [('+', 'J2', br ~ '.' ~ numeral)],
    'computed': [('+', 'T2', section ~ '.saldo')],
}) -%}
{%- endfor -%}
{%- do specs.append({
    'name': 'T2 totaal.saldo_exploitatie_en_investeringen = J2 ' ~ br ~ '.III',
    'printed': [('+', 'J2', br ~ '.III')],
    'computed': [('+', 'T2', 'totaal.saldo_exploitatie_en_investeringen')],
}) -%}
{%- do specs.append({
    'name': 'T2 totaal.budgettair_resultaat = J2 ' ~ br ~ '.V',
    'printed': [('+', 'J2', br ~ '.V')],
    'computed': [('+', 'T2', 'totaal.budgettair_resultaat')],
}) -%}
{%- do specs.append({
    'name': 'T2 periodieke aflossingen = J2 autofinancieringsmarge.II.a',
    'printed': [('+', 'J2', 'autofinancieringsmarge.II.a')],
    'computed': [('+', 'T2', 'periodieke_aflossingen')],
}) %}

with t2 as (
    select * from {{ ref('stg_raw__t2_economische_aard') }}
    where phase = 'jaarrekening'
),

j2 as (
    select * from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    where phase = 'jaarrekening'
),

cells as (
    select
        document_id,
        'T2' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from t2
    union all
    select
        document_id,
        'T2' as source,
        'top:' || parent_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from t2
    where parent_path = section || '.' || direction
    union all
    select
        document_id,
        'T2' as source,
        'periodieke_aflossingen' as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from t2
    where line_path like 'financiering.uitgaven.%' and lower(label) like '%periodieke aflossing%'
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
    from j2
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('T2xJ2/J3') }}

select * from final
