with source as (
    select * from {{ source('raw', 'policy_structure') }}
),

final as (
    select
        document_id,
        beleidsdomein_code,
        beleidsdomein,
        beleidsveld_code,
        beleidsveld,
        beleidsitem_code,
        beleidsitem,
        page_no,
        line_no
    from source
)

select * from final
