-- Account 092 of the off-balance table (budgettaire rekening: gecumuleerd budgettair resultaat
-- vorig boekjaar, in cents) = J2 budgettair resultaat VI (whole euros, Jaarrekening).
{%- set specs = [
    {'name': 'OffBalance 092 saldo = J2 budgettair_resultaat.VI',
     'printed': [('+', 'J2', 'budgettair_resultaat.VI')], 'computed': [('+', 'off_balance', '092')]},
] %}

with j2 as (
    select * from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    where phase = 'jaarrekening'
),

cells as (
    select
        document_id,
        'J2' as source,
        line_path as key,
        'report year' as col,
        'J2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from j2
    union all
    select
        document_id,
        'off_balance' as source,
        account_code as key,
        'report year' as col,
        'off-balance ' || account_code || ' saldo' as term,
        saldo as amount,
        'cent' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__off_balance') }}
    where row_type = 'account'
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('OffBalance x J2') }}

select * from final
