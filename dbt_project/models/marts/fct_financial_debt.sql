-- Grain: one printed T4 line x year of a document (jaarrekening up to the fiscal year, plan after).
with t4 as (
    select * from {{ ref('stg_raw__t4_financiele_schulden') }}
),

final as (
    select
        document_id,
        line_path,
        parent_path,
        label,
        year,
        phase,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from t4
)

select * from final
