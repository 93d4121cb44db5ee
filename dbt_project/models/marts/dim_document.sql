with documents as (
    select * from {{ ref('int_documents_identified') }}
),

final as (
    select
        document_id,
        entity_id,
        report_type,
        fiscal_year,
        source_file,
        sha256,
        page_count,
        line_count,
        file_format,
        ingested_at
    from documents
)

select * from final
