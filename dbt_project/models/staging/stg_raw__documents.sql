with source as (
    select * from {{ source('raw', 'documents') }}
),

final as (
    select
        document_id,
        sha256,
        source_file,
        source_path,
        file_format,
        size_bytes,
        entity_name,
        kbo_number,
        entity_type,
        report_type,
        fiscal_year,
        plan_version,
        plan_first_year,
        plan_last_year,
        plan_volume,
        entity_evidence,
        layout_profile,
        page_count,
        line_count,
        status,
        reason as rejection_reason,
        error as rejection_error,
        ingested_at,
        completeness_amount_share,
        completeness_policy_share
    from source
)

select * from final
