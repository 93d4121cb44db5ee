-- Grain: one printed J4 line x balance-sheet year (the fiscal year and the year before).
with j4 as (
    select * from {{ ref('stg_raw__j4_balans') }}
),

leaves as (
    select
        j4.*,
        not exists (
            select 1
            from j4 as child
            where child.document_id = j4.document_id
                and child.year = j4.year
                and child.parent_path = j4.line_path
        ) as is_leaf
    from j4
),

final as (
    select
        document_id,
        year as fiscal_year,
        section as side,
        line_path,
        parent_path,
        label,
        length(line_path) - length(replace(line_path, '.', '')) as depth,
        is_leaf,
        phase,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from leaves
)

select * from final
