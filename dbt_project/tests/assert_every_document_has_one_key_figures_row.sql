-- Guards: mart_key_figures has exactly one row for every published jaarrekening (a document without
-- a J2/J4 still gets its row, with null figures) and no row for anything else.
with documents as (
    select document_id from {{ ref('dim_document') }}
    where is_published and report_type = 'jaarrekening'
),

figures as (
    select document_id, count(*) as rows_per_document
    from {{ ref('mart_key_figures') }}
    group by document_id
),

final as (
    select
        coalesce(documents.document_id, figures.document_id) as document_id,
        coalesce(figures.rows_per_document, 0) as rows_per_document
    from documents
    full outer join figures on documents.document_id = figures.document_id
    where documents.document_id is null or coalesce(figures.rows_per_document, 0) <> 1
)

select * from final
