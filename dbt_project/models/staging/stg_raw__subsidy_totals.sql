with source as (
    select * from {{ source('raw', 'subsidy_totals') }}
),

final as (
    select
        document_id,
        level,
        subsidy_kind,
        beleidsdomein,
        beleidsveld_code,
        beleidsveld,
        label,
        year,
        amount,
        page_no,
        line_no
    from source
)

select * from final
