-- Grain: one J3 line x direction x phase of a document. The lines are the three budget kinds and
-- their printed details ("Leningen en leasings" under financiering, same amounts): sum only the
-- rows with is_budget_kind_total to avoid double counting.
with j3 as (
    select * from {{ ref('stg_raw__j3_realisatie_kredieten') }}
),

final as (
    select
        document_id,
        section,
        line_path,
        parent_path,
        label,
        budget_kind,
        direction,
        phase,
        year,
        cast(amount as decimal(18, 2)) as amount,
        parent_path is null as is_budget_kind_total,
        page_no,
        line_no
    from j3
)

select * from final
