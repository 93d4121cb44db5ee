-- Loaded documents with the conformed entity key.
-- entity_id is the 10-digit KBO number; a document whose KBO number could not be read gets the
-- fallback 'nokbo-' || the first 10 hex digits of md5(lower(trimmed entity name)) (or of the
-- document id when the name is missing too). The fallback is stable across re-ingests and
-- documents of one entity, and can never collide with a real KBO number (not 10 digits).
with documents as (
    select * from {{ ref('stg_raw__documents') }}
    where status = 'loaded'
),

final as (
    select
        document_id,
        case
            when regexp_full_match(coalesce(kbo_number, ''), '[0-9]{10}') then kbo_number
            else 'nokbo-' || substr(md5(lower(trim(coalesce(nullif(trim(entity_name), ''), document_id)))), 1, 10)
        end as entity_id,
        case
            when regexp_full_match(coalesce(kbo_number, ''), '[0-9]{10}') then kbo_number
        end as kbo_number,
        nullif(trim(entity_name), '') as entity_name,
        entity_type,
        report_type,
        fiscal_year,
        plan_version,
        plan_first_year,
        plan_last_year,
        plan_volume,
        entity_evidence,
        layout_profile,
        source_file,
        sha256,
        file_format,
        page_count,
        line_count,
        ingested_at,
        completeness_amount_share,
        completeness_policy_share
    from documents
)

select * from final
