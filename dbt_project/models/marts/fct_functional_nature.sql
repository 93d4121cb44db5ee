-- Grain: one beleidsdomein x budget kind x direction x year x phase of a document (T1).
with t1 as (
    select * from {{ ref('stg_raw__t1_functionele_aard') }}
),

final as (
    select
        document_id,
        beleidsdomein,
        budget_kind,
        direction,
        year,
        phase,
        cast(amount as decimal(18, 2)) as amount,
        label,
        line_path,
        parent_path,
        page_no,
        line_no
    from t1
)

select * from final
