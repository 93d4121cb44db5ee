-- Overzicht participaties: the participations add up to the printed total, and that total = J4
-- ACTIVA.II.B Financiële vaste activa at the valuation date's year-end. Whole euros.
{%- set specs = [
    {'name': 'Participaties totaal = sum of participations',
     'printed': [('+', 'participations', 'total')], 'computed': [('+', 'participations', 'company')]},
    {'name': 'Participaties totaal = J4 ACTIVA.II.B',
     'printed': [('+', 'J4', 'ACTIVA.II.B')], 'computed': [('+', 'participations', 'total')]},
] %}

with participations as (
    select
        *,
        coalesce(
            cast(year(valuation_date) as varchar),
            (
                select cast(max(b.year) as varchar) from {{ ref('stg_raw__j4_balans') }} as b
                where b.document_id = p.document_id
            )
        ) as col
    from {{ ref('stg_raw__participations') }} as p
),

cells as (
    select
        document_id,
        'participations' as source,
        case when is_total then 'total' else 'company' end as key,
        col,
        company as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from participations
    union all
    select
        document_id,
        'J4' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'J4 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__j4_balans') }}
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('Participaties') }}

select * from final
