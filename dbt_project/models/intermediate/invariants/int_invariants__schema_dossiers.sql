-- The plan dossier a toelichting schema (T1..T5) took its meerjarenplan columns from: the first
-- "MJP_... <year>: ..." line in the "Andere gebruikte dossiers op dit rapport:" list that follows
-- the schema's title. Two schemas printed from different dossiers (plan revisions) need not agree
-- in those columns; the invariants use this to explain such differences.
{{ config(materialized='table') }}

with lines as (
    select
        document_id,
        page_no,
        line_no,
        trim(text) as text,
        row_number() over (partition by document_id order by page_no, line_no) as seq
    from {{ ref('stg_raw__lines') }}
    where trim(text) <> ''
),

titles as (
    select
        document_id,
        seq,
        regexp_extract(text, '^(T[1-5]):', 1) as table_kind,
        lead(seq) over (partition by document_id order by seq) as next_title_seq
    from lines
    where regexp_matches(text, '^[JT][1-5]: \S')
),

dossier_lists as (
    select document_id, seq
    from lines
    where lower(text) like 'andere gebruikte dossiers%'
),

plan_dossiers as (
    select document_id, seq, page_no, line_no, text
    from lines
    where regexp_matches(text, '^MJP\S* \d{4}: ')
),

final as (
    select
        t.document_id,
        t.table_kind,
        arg_min(d.text, d.seq) as plan_dossier,
        arg_min(d.page_no, d.seq) as page_no,
        arg_min(d.line_no, d.seq) as line_no
    from titles as t
    inner join dossier_lists as l
        on l.document_id = t.document_id
        and l.seq > t.seq
        and l.seq < coalesce(t.next_title_seq, l.seq + 1)
    inner join plan_dossiers as d
        on d.document_id = t.document_id
        and d.seq > l.seq
        and d.seq < coalesce(t.next_title_seq, d.seq + 1)
    where t.table_kind <> ''
    group by t.document_id, t.table_kind
)

select * from final
