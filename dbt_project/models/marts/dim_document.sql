-- Grain: one loaded report file. is_published is false when an error-level accounting invariant
-- fails for the document (marts.audit_invariants): such a document is kept out of mart_key_figures.
-- is_current marks the newest version of a file name; an older version stays (is_current false)
-- only while the newest one is not published, and is retired once it is.
with documents as (
    select * from {{ ref('int_documents_identified') }}
),

invariants as (
    select
        document_id,
        count(*) filter (where status = 'error') as invariant_errors,
        count(*) filter (where status = 'warning') as invariant_warnings
    from {{ ref('audit_invariants') }}
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.entity_id,
        documents.report_type,
        documents.fiscal_year,
        documents.plan_version,
        documents.plan_first_year,
        documents.plan_last_year,
        documents.plan_volume,
        documents.entity_evidence,
        documents.layout_profile,
        documents.source_file,
        documents.sha256,
        documents.page_count,
        documents.line_count,
        documents.file_format,
        documents.ingested_at,
        documents.completeness_amount_share,
        documents.completeness_policy_share,
        coalesce(invariants.invariant_errors, 0) as invariant_errors,
        coalesce(invariants.invariant_warnings, 0) as invariant_warnings,
        coalesce(invariants.invariant_errors, 0) = 0 as is_published,
        row_number() over (
            partition by documents.source_file order by documents.ingested_at desc, documents.document_id
        ) = 1 as is_current
    from documents
    left join invariants on documents.document_id = invariants.document_id
)

select * from final
