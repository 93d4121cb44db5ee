-- Grain: one printed J2 line x column (phase) of a document.
with j2 as (
    select * from {{ ref('stg_raw__j2_financieel_evenwicht') }}
),

final as (
    select
        document_id,
        section,
        line_path,
        parent_path,
        label,
        phase,
        year,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from j2
)

select * from final
