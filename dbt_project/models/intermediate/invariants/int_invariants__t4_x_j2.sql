-- The repayments of the report year: T4 B "Aflossingen" = - J2 autofinancieringsmarge II.a
-- (periodieke aflossingen) and = - J3 Financiering uitgaven (Jaarrekening). Whole euros.
{%- set specs = [
    {'name': 'T4 B aflossingen = - J2 autofinancieringsmarge.II.a',
     'printed': [('-', 'J2', 'autofinancieringsmarge.II.a')], 'computed': [('+', 'T4', 'aflossingen')]},
    {'name': 'T4 B aflossingen = - J3 financiering uitgaven',
     'printed': [('-', 'J3', 'financiering.uitgaven')], 'computed': [('+', 'T4', 'aflossingen')]},
] %}

with cells as (
    select
        document_id,
        'T4' as source,
        'aflossingen' as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T4 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__t4_financiele_schulden') }}
    where parent_path = 'B' and lower(label) like '%aflossing%'
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
    where phase = 'jaarrekening'
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
    where parent_path is null and phase = 'jaarrekening'
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('T4xJ2') }}

select * from final
