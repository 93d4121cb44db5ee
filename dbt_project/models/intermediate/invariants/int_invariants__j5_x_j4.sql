-- J5 III (overschot of tekort van het boekjaar) = the change of J4 PASSIVA.II.B (gecumuleerd
-- overschot of tekort) over the year: its closing minus the closing of the year before. Whole euros.
{%- set specs = [
    {'name': 'J5 III = J4 PASSIVA.II.B - J4 PASSIVA.II.B of the year before',
     'printed': [('+', 'J5', 'III')],
     'computed': [('+', 'J4', 'PASSIVA.II.B'), ('-', 'J4 year before', 'PASSIVA.II.B')]},
] %}

with balans as (
    select * from {{ ref('stg_raw__j4_balans') }}
),

cells as (
    select
        document_id,
        'J5' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'J5 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j5_opbrengsten_kosten') }}
    union all
    select
        document_id,
        'J4' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'J4 ' || line_path || ' ' || year as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from balans
    union all
    select
        document_id,
        'J4 year before' as source,
        line_path as key,
        {{ invariant_column_label('year + 1', 'phase') }} as col,
        'J4 ' || line_path || ' ' || year as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from balans
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('J5xJ4') }}

select * from final
