-- The official functional classification (beleidsvelden), from the reference seed.
with beleidsvelden as (
    select * from {{ ref('beleidsvelden') }}
),

final as (
    select
        beleidsveld_code,
        beleidsveld_name,
        subdomein_code,
        subdomein_name,
        domein_code,
        domein_name
    from beleidsvelden
)

select * from final
