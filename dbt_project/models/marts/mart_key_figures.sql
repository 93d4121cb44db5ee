-- Grain: one document. Headline figures of the jaarrekening column of the document's fiscal year,
-- pivoted from int_key_figures_unpivoted (which records the source line of each); null when the
-- document does not print the figure. Only jaarrekening documents (plans: mart_plan_key_figures);
-- documents that fail an error-level accounting invariant (marts.audit_invariants;
-- dim_document.is_published = false) are left out.
with documents as (
    -- only published documents: a report failing an error-level invariant is not shown here
    select * from {{ ref('int_documents_identified') }}
    where report_type = 'jaarrekening'
        and document_id not in (select document_id from {{ ref('audit_invariants') }} where status = 'error')
),

figures as (
    select * from {{ ref('int_key_figures_unpivoted') }}
),

participations as (
    select
        document_id,
        coalesce(max(case when is_total then amount end), sum(case when not is_total then amount end))
            as participations_total
    from {{ ref('stg_raw__participations') }}
    group by document_id
),

pivoted as (
    select
        document_id,
        {%- for figure in [
            'exploitatiesaldo', 'investeringssaldo', 'saldo_exploitatie_en_investeringen', 'financieringssaldo',
            'budgettair_resultaat', 'gecumuleerd_budgettair_resultaat_vorig_boekjaar',
            'gecumuleerd_budgettair_resultaat', 'onbeschikbare_gelden', 'beschikbaar_budgettair_resultaat',
            'autofinancieringsmarge', 'gecorrigeerde_autofinancieringsmarge', 'balance_total', 'nettoactief',
            'debts_total', 'financial_debt_total', 'result_of_year'
        ] %}
        max(case when figure = '{{ figure }}' then amount end) as {{ figure }}{{ "," if not loop.last }}
        {%- endfor %}
    from figures
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.entity_id,
        documents.fiscal_year,
        cast(pivoted.exploitatiesaldo as decimal(18, 2)) as exploitatiesaldo,
        cast(pivoted.investeringssaldo as decimal(18, 2)) as investeringssaldo,
        cast(pivoted.saldo_exploitatie_en_investeringen as decimal(18, 2)) as saldo_exploitatie_en_investeringen,
        cast(pivoted.financieringssaldo as decimal(18, 2)) as financieringssaldo,
        cast(pivoted.budgettair_resultaat as decimal(18, 2)) as budgettair_resultaat,
        cast(pivoted.gecumuleerd_budgettair_resultaat_vorig_boekjaar as decimal(18, 2))
            as gecumuleerd_budgettair_resultaat_vorig_boekjaar,
        cast(pivoted.gecumuleerd_budgettair_resultaat as decimal(18, 2)) as gecumuleerd_budgettair_resultaat,
        cast(pivoted.onbeschikbare_gelden as decimal(18, 2)) as onbeschikbare_gelden,
        cast(pivoted.beschikbaar_budgettair_resultaat as decimal(18, 2)) as beschikbaar_budgettair_resultaat,
        cast(pivoted.autofinancieringsmarge as decimal(18, 2)) as autofinancieringsmarge,
        cast(pivoted.gecorrigeerde_autofinancieringsmarge as decimal(18, 2)) as gecorrigeerde_autofinancieringsmarge,
        cast(pivoted.balance_total as decimal(18, 2)) as balance_total,
        cast(pivoted.nettoactief as decimal(18, 2)) as nettoactief,
        cast(pivoted.debts_total as decimal(18, 2)) as debts_total,
        cast(pivoted.financial_debt_total as decimal(18, 2)) as financial_debt_total,
        cast(pivoted.result_of_year as decimal(18, 2)) as result_of_year,
        cast(participations.participations_total as decimal(18, 2)) as participations_total
    from documents
    left join pivoted on documents.document_id = pivoted.document_id
    left join participations on documents.document_id = participations.document_id
)

select * from final
