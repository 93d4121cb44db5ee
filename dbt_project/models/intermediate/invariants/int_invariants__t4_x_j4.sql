-- T4 = the financial debts of the J4 balance sheet, per balance-sheet year: A (long term) = J4
-- PASSIVA.I.B.1.b, B (long term due within the year) = PASSIVA.I.A.4, C (short term) =
-- PASSIVA.I.A.1.b (regulated J4 outline). Whole euros.
{%- set specs = [
    {'name': 'T4 A = J4 PASSIVA.I.B.1.b', 'printed': [('+', 'J4', 'PASSIVA.I.B.1.b')], 'computed': [('+', 'T4', 'A')]},
    {'name': 'T4 B = J4 PASSIVA.I.A.4', 'printed': [('+', 'J4', 'PASSIVA.I.A.4')], 'computed': [('+', 'T4', 'B')]},
    {'name': 'T4 C = J4 PASSIVA.I.A.1.b', 'printed': [('+', 'J4', 'PASSIVA.I.A.1.b')], 'computed': [('+', 'T4', 'C')]},
] %}

with cells as (
    select
        document_id,
        'T4' as source,
        line_path as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T4 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__t4_financiele_schulden') }}
    where parent_path is null
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

{{ invariant_evaluate('T4xJ4') }}

select * from final
