-- Grain: one printed row x year (or x plan period) of the key-figure tables of a plan's policy statement
-- (beleidsverklaring): the headline figures (figure names as in mart_plan_key_figures), the debt, investment,
-- personnel and tax tables, and the totals per (non-)priority policy over the plan period (year null,
-- period_start / period_end; is_priority from the table's heading "Prioritair beleid" / "Niet-prioritair beleid").
-- Rows of a "waarvan ..." detail table repeat part of the row above them: do not add them up with it.
with key_figures as (
    select * from {{ ref('stg_raw__plan_key_figures') }}
),

final as (
    select
        document_id,
        table_title,
        figure,
        label,
        year,
        period_start,
        period_end,
        case
            when regexp_matches(lower(coalesce(table_title, '')), '^niet[- ]prioritair') then false
            when regexp_matches(lower(coalesce(table_title, '')), '^prioritair') then true
        end as is_priority,
        coalesce(table_title, '') like '% / %' as is_detail,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from key_figures
)

select * from final
