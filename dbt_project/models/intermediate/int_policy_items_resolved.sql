-- Beleidsevaluatie items (BD, AP, AC) with their beleidsdoelstelling and actieplan resolved through
-- the parent chain: an AC's parent is normally an AP whose parent is a BD, but an AC may hang
-- directly under a BD (no actieplan). The chain is at most two steps long.
with items as (
    select * from {{ ref('stg_raw__policy_items') }}
),

with_parents as (
    select
        item.*,
        parent.level as parent_level,
        parent.parent_code as grandparent_code,
        grandparent.level as grandparent_level
    from items as item
    left join items as parent
        on item.document_id = parent.document_id
        and item.parent_code = parent.code
    left join items as grandparent
        on parent.document_id = grandparent.document_id
        and parent.parent_code = grandparent.code
),

final as (
    select
        document_id,
        document_id || ':' || code as policy_item_id,
        level,
        code,
        title,
        parent_code,
        case
            when level = 'BD' then code
            when parent_level = 'BD' then parent_code
            when grandparent_level = 'BD' then grandparent_code
        end as bd_code,
        case
            when level = 'AP' then code
            when parent_level = 'AP' then parent_code
        end as ap_code,
        is_priority,
        period_start,
        period_end,
        evaluation_status,
        status_phrase,
        evaluation_text,
        page_start,
        line_start,
        page_end,
        line_end,
        description,
        beleidsdomein_code,
        beleidsdomein,
        code_key
    from with_parents
)

select * from final
