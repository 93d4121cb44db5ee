-- The economic classification of T2 (ontvangsten en uitgaven naar economische aard): one row per
-- outline position. The outline is prescribed by the regulation, so line_path is a conformed key
-- across documents; the label is the one printed most often (ties: the latest document).
with t2 as (
    select t2.*, documents.ingested_at
    from {{ ref('stg_raw__t2_economische_aard') }} as t2
    inner join {{ ref('int_documents_identified') }} as documents
        on t2.document_id = documents.document_id
),

label_votes as (
    select
        line_path,
        label,
        count(distinct document_id) as documents,
        max(ingested_at) as last_seen
    from t2
    group by line_path, label
),

best_label as (
    select line_path, label
    from label_votes
    qualify row_number() over (partition by line_path order by documents desc, last_seen desc, label) = 1
),

categories as (
    select
        line_path,
        any_value(section) as section,
        any_value(parent_path) as parent_path,
        any_value(budget_kind) as budget_kind,
        any_value(direction) as direction
    from t2
    group by line_path
),

final as (
    select
        categories.line_path as economic_category_id,
        categories.line_path,
        categories.section,
        categories.budget_kind,
        categories.direction,
        categories.parent_path,
        best_label.label,
        length(categories.line_path) - length(replace(categories.line_path, '.', '')) as depth
    from categories
    inner join best_label on categories.line_path = best_label.line_path
)

select * from final
