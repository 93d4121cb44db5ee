-- What the document shows about each transferred credit total (budget kind x direction): the
-- amount transferred (overdracht, cents), the unused credit of the report year (J2 Meerjarenplan
-- minus Jaarrekening, whole euros) and T1's meerjarenplan column of the report year (summed over
-- its beleidsdomeinen). When T1 was printed from the plan revision made by the overdracht, that
-- column equals eindkrediet - overdracht: the credit that was not transferred stays in the report
-- year's plan. Then a difference between transferred and unused credit is explained by the
-- document (`remainder_stays_in_plan`).
with transferred as (
    select
        document_id,
        case budget_type when 'I' then 'investeringen' else 'financiering' end as budget_kind,
        case direction when 'U' then 'uitgaven' else 'ontvangsten' end as direction,
        sum(amount) as transferred
    from {{ ref('stg_raw__credit_transfers') }}
    group by all
),

j2 as (
    select
        document_id,
        case split_part(line_path, '.', 2) when 'II' then 'investeringen' else 'financiering' end as budget_kind,
        case split_part(line_path, '.', 3) when 'a' then 'ontvangsten' else 'uitgaven' end as direction,
        year,
        sum(amount) filter (where phase = 'meerjarenplan') as eindkrediet,
        sum(amount) filter (where phase = 'jaarrekening') as realised
    from {{ ref('stg_raw__j2_financieel_evenwicht') }}
    where line_path in (
        'budgettair_resultaat.II.a', 'budgettair_resultaat.II.b',
        'budgettair_resultaat.IV.a', 'budgettair_resultaat.IV.b'
    )
    group by all
),

t1 as (
    select document_id, budget_kind, direction, year, sum(amount) as plan_column
    from {{ ref('stg_raw__t1_functionele_aard') }}
    where phase = 'meerjarenplan' and direction in ('uitgaven', 'ontvangsten')
    group by all
),

final as (
    select
        tr.document_id,
        tr.budget_kind,
        tr.direction,
        tr.transferred,
        j2.eindkrediet,
        j2.realised,
        t1.plan_column,
        d.plan_dossier as t1_plan_dossier,
        coalesce(abs(t1.plan_column - (j2.eindkrediet - tr.transferred)) <= 2, false) as remainder_stays_in_plan
    from transferred as tr
    left join j2 using (document_id, budget_kind, direction)
    left join t1 on t1.document_id = tr.document_id and t1.budget_kind = tr.budget_kind
        and t1.direction = tr.direction and t1.year = j2.year
    left join {{ ref('int_invariants__schema_dossiers') }} as d
        on d.document_id = tr.document_id and d.table_kind = 'T1'
)

select * from final
