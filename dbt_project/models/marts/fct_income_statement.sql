-- Grain: one printed J5 line x year (the fiscal year and the year before).
with j5 as (
    select * from {{ ref('stg_raw__j5_opbrengsten_kosten') }}
),

leaves as (
    select
        j5.*,
        not exists (
            select 1
            from j5 as child
            where child.document_id = j5.document_id
                and child.year = j5.year
                and child.parent_path = j5.line_path
        ) as is_leaf
    from j5
),

final as (
    select
        document_id,
        year as fiscal_year,
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
