-- Grain: one holding (participation) of a document at its valuation date; the printed total line
-- is not a holding and is left out (mart_key_figures.participations_total keeps it).
with participations as (
    select * from {{ ref('stg_raw__participations') }}
),

final as (
    select
        document_id,
        company,
        cast(amount as decimal(18, 2)) as amount,
        valuation_date,
        page_no,
        line_no
    from participations
    where not coalesce(is_total, false)
)

select * from final
