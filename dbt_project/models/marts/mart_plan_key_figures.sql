-- Grain: one published meerjarenplan document x plan year. The plan's headline figures of that year as
-- the plan stands after the document: the single column of an original plan (column_role 'plan') or the
-- Nieuw column of a revision, read from M2 (staat van het financieel evenwicht) by outline path, never by
-- label; the financial debt at the end of the year from the plan's debt schema (D). Null when the
-- plan does not print the line. Documents failing an error-level invariant are left out,
-- as in mart_key_figures. A plan volume without M2 (a policy statement, beleidsverklaring) gets its rows
-- from the key figures it prints (raw.plan_key_figures, by figure name, never by table position):
-- source_table says which ('M2' or 'key_figures'); the figures such a volume does not print are null.
{%- set figures = [
    ('exploitatiesaldo', 'budgettair_resultaat.I'),
    ('investeringssaldo', 'budgettair_resultaat.II'),
    ('saldo_exploitatie_en_investeringen', 'budgettair_resultaat.III'),
    ('financieringssaldo', 'budgettair_resultaat.IV'),
    ('budgettair_resultaat', 'budgettair_resultaat.V'),
    ('gecumuleerd_budgettair_resultaat_vorig_boekjaar', 'budgettair_resultaat.VI'),
    ('gecumuleerd_budgettair_resultaat', 'budgettair_resultaat.VII'),
    ('onbeschikbare_gelden', 'budgettair_resultaat.VIII'),
    ('beschikbaar_budgettair_resultaat', 'budgettair_resultaat.IX'),
    ('autofinancieringsmarge', 'autofinancieringsmarge.III'),
    ('gecorrigeerde_autofinancieringsmarge', 'gecorrigeerde_autofinancieringsmarge.III'),
] %}

with documents as (
    select * from {{ ref('int_documents_identified') }}
    where report_type = 'meerjarenplan'
        and document_id not in (select document_id from {{ ref('audit_invariants') }} where status = 'error')
),

plan_amounts as (
    select document_id, line_path, year, column_role, amount
    from {{ ref('stg_raw__m2_financieel_evenwicht') }}
    where column_role in ('plan', 'nieuw')
),

debt as (  -- the plan's debt schema (T3 of a plan, read as T4): D financiële schulden op 31 december
    select document_id, year as plan_year, sum(amount) as financial_debt_total
    from {{ ref('stg_raw__t4_financiele_schulden') }}
    where column_role in ('plan', 'nieuw') and line_path = 'D'
    group by document_id, year
),

pivoted_m2 as (
    select
        document_id,
        year as plan_year,
        min(column_role) as column_role,
        'M2' as source_table,
        {%- for figure, path in figures %}
        sum(amount) filter (where line_path = '{{ path }}') as {{ figure }}{{ "," if not loop.last }}
        {%- endfor %}
    from plan_amounts
    group by document_id, year
),

key_figures as (  -- a volume without M2: the key figures its policy statement prints, one per figure and year
    select document_id, year, figure, min(amount) as amount
    from {{ ref('stg_raw__plan_key_figures') }}
    where figure is not null and year is not null
        and document_id not in (select document_id from plan_amounts)
    group by document_id, year, figure
),

pivoted_key_figures as (
    select
        key_figures.document_id,
        key_figures.year as plan_year,
        case
            when regexp_matches(coalesce(documents.plan_version, ''), '^(herziening|aanpassing)') then 'nieuw'
            else 'plan'
        end as column_role,
        'key_figures' as source_table,
        {%- for figure, path in figures %}
        sum(key_figures.amount) filter (where key_figures.figure = '{{ figure }}') as {{ figure }}{{ "," if not loop.last }}
        {%- endfor %}
    from key_figures
    inner join documents on key_figures.document_id = documents.document_id
    group by key_figures.document_id, key_figures.year, documents.plan_version
),

pivoted as (
    select * from pivoted_m2
    union all
    select * from pivoted_key_figures
),

printed_debt as (  -- the policy statement's "Totaal geraamde schuld op 31/12"
    select document_id, year as plan_year, min(amount) as financial_debt_total
    from {{ ref('stg_raw__plan_key_figures') }}
    where figure = 'financial_debt_total' and year is not null
    group by document_id, year
),

final as (
    select
        documents.document_id,
        documents.entity_id,
        documents.plan_version,
        pivoted.plan_year,
        pivoted.column_role,
        pivoted.source_table,
        {%- for figure, path in figures %}
        cast(pivoted.{{ figure }} as decimal(18, 2)) as {{ figure }},
        {%- endfor %}
        cast(coalesce(debt.financial_debt_total, printed_debt.financial_debt_total) as decimal(18, 2))
            as financial_debt_total
    from documents
    inner join pivoted on documents.document_id = pivoted.document_id
    left join debt on debt.document_id = pivoted.document_id and debt.plan_year = pivoted.plan_year
    left join printed_debt
        on printed_debt.document_id = pivoted.document_id and printed_debt.plan_year = pivoted.plan_year
)

select * from final
