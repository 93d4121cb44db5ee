{{ config(materialized='table') }}

with documents as (
    select * from {{ ref('stg_raw__documents') }}
    where status = 'loaded'
),

final as (
    select
        document_id,
        kbo_number as entity_id,
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
