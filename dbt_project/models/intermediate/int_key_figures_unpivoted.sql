-- The headline figures of each document in long form: one row per document and figure, taken from
-- the jaarrekening column of the document's fiscal year and traced to its printed line.
-- A figure is found by its table and outline path (the numbering the BBC regulation prescribes),
-- never by label text. Where a second table prints the same figure it is a fallback (priority 2),
-- used only when the first source lacks the line; a figure found nowhere is absent here and null
-- in mart_key_figures.
with documents as (
    select document_id, fiscal_year from {{ ref('int_documents_identified') }}
),

figure_definitions as (
    select *
    from (
        values
            ('exploitatiesaldo', 1, 'J2', 'budgettair_resultaat.I'),
            ('exploitatiesaldo', 2, 'T2', 'exploitatie.saldo'),
            ('investeringssaldo', 1, 'J2', 'budgettair_resultaat.II'),
            ('investeringssaldo', 2, 'T2', 'investeringen.saldo'),
            ('saldo_exploitatie_en_investeringen', 1, 'J2', 'budgettair_resultaat.III'),
            ('saldo_exploitatie_en_investeringen', 2, 'T2', 'totaal.saldo_exploitatie_en_investeringen'),
            ('financieringssaldo', 1, 'J2', 'budgettair_resultaat.IV'),
            ('financieringssaldo', 2, 'T2', 'financiering.saldo'),
            ('budgettair_resultaat', 1, 'J2', 'budgettair_resultaat.V'),
            ('budgettair_resultaat', 2, 'T2', 'totaal.budgettair_resultaat'),
            ('gecumuleerd_budgettair_resultaat_vorig_boekjaar', 1, 'J2', 'budgettair_resultaat.VI'),
            ('gecumuleerd_budgettair_resultaat', 1, 'J2', 'budgettair_resultaat.VII'),
            ('onbeschikbare_gelden', 1, 'J2', 'budgettair_resultaat.VIII'),
            ('beschikbaar_budgettair_resultaat', 1, 'J2', 'budgettair_resultaat.IX'),
            ('autofinancieringsmarge', 1, 'J2', 'autofinancieringsmarge.III'),
            ('gecorrigeerde_autofinancieringsmarge', 1, 'J2', 'gecorrigeerde_autofinancieringsmarge.III'),
            ('balance_total', 1, 'J4', 'ACTIVA'),
            ('balance_total', 2, 'J4', 'PASSIVA'),
            ('nettoactief', 1, 'J4', 'PASSIVA.II'),
            ('debts_total', 1, 'J4', 'PASSIVA.I'),
            ('financial_debt_total', 1, 'T4', 'TOTAAL'),
            ('result_of_year', 1, 'J5', 'III'),
            ('result_of_year', 2, 'J5', 'IV')
    ) as t (figure, priority, source_table, line_path)
),

printed_amounts as (
    select document_id, 'J2' as source_table, line_path, phase, year, amount, page_no, line_no
    from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    union all
    select document_id, 'J4', line_path, phase, year, amount, page_no, line_no
    from {{ ref('stg_raw__j4_balans') }}
    union all
    select document_id, 'J5', line_path, phase, year, amount, page_no, line_no
    from {{ ref('stg_raw__j5_opbrengsten_kosten') }}
    union all
    select document_id, 'T2', line_path, phase, year, amount, page_no, line_no
    from {{ ref('stg_raw__t2_economische_aard') }}
    union all
    select document_id, 'T4', line_path, phase, year, amount, page_no, line_no
    from {{ ref('stg_raw__t4_financiele_schulden') }}
),

candidates as (
    select
        documents.document_id,
        documents.fiscal_year,
        figure_definitions.figure,
        figure_definitions.priority,
        figure_definitions.source_table,
        figure_definitions.line_path,
        printed_amounts.amount,
        printed_amounts.page_no,
        printed_amounts.line_no
    from documents
    inner join printed_amounts
        on documents.document_id = printed_amounts.document_id
    inner join figure_definitions
        on printed_amounts.source_table = figure_definitions.source_table
        and printed_amounts.line_path = figure_definitions.line_path
    where printed_amounts.phase = 'jaarrekening'
        and coalesce(printed_amounts.year, documents.fiscal_year) = documents.fiscal_year
),

final as (
    select
        document_id,
        fiscal_year,
        figure,
        cast(amount as decimal(18, 2)) as amount,
        source_table,
        line_path,
        page_no,
        line_no
    from candidates
    qualify row_number() over (partition by document_id, figure order by priority, page_no, line_no) = 1
)

select * from final
