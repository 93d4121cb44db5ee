-- Guards: the resolved hierarchy is consistent: every described AP and AC resolves to a BD of the
-- same document, an AC's ap_code (when set) is an AP of that document under the same BD.
with items as (
    select * from {{ ref('dim_policy_item') }}
),

final as (
    select item.policy_item_id, item.level, item.bd_code, item.ap_code
    from items as item
    left join items as bd
        on bd.document_id = item.document_id and bd.code = item.bd_code and bd.level = 'BD'
    left join items as ap
        on ap.document_id = item.document_id and ap.code = item.ap_code and ap.level = 'AP'
    where item.level in ('AP', 'AC')
        and not item.is_inferred
        and (
            bd.policy_item_id is null
            or (item.ap_code is not null and (ap.policy_item_id is null or ap.bd_code <> item.bd_code))
        )
)

select * from final
