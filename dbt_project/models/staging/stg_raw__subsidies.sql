with source as (
    select * from {{ source('raw', 'subsidies') }}
),

final as (
    select
        document_id,
        seq,
        subsidy_kind,
        beleidsdomein,
        beleidsveld_code,
        beleidsveld,
        beneficiary,
        description,
        year,
        amount,
        nominatief,
        nominatief_flag,
        page_no,
        line_no,
        page_no_end,
        line_no_end
    from source
)

select * from final
