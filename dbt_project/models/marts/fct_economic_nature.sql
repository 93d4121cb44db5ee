-- Grain: one printed T2 line x year x phase of a document. Lines form an outline (parts, A., 1.,
-- a., '-' sub-lines) plus saldo lines: sum only is_leaf rows of one part to avoid double counting.
with t2 as (
    select * from {{ ref('stg_raw__t2_economische_aard') }}
),

leaves as (
    select
        t2.*,
        not exists (
            select 1
            from t2 as child
            where child.document_id = t2.document_id
                and child.year = t2.year
                and child.phase = t2.phase
                and child.parent_path = t2.line_path
        ) as is_leaf
    from t2
),

final as (
    select
        document_id,
        section,
        line_path,
        parent_path,
        label,
        budget_kind,
        direction,
        length(line_path) - length(replace(line_path, '.', '')) as depth,
        is_leaf,
        year,
        phase,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from leaves
)

select * from final
