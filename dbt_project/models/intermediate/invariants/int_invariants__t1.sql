-- T1 Ontvangsten en uitgaven naar functionele aard: Saldo = Ontvangsten - Uitgaven per
-- beleidsdomein, budget kind and column. Whole euros.
with functionele_aard as (
    select
        *,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ ref('stg_raw__t1_functionele_aard') }}
),

terms as (
    select
        document_id,
        'T1 ' || parent_path || ' saldo = ontvangsten - uitgaven [' || col || ']' as identity,
        case direction when 'saldo' then 'printed' else 'computed' end as role,
        case direction when 'uitgaven' then -1 else 1 end as sign,
        amount,
        'euro' as precision,
        line_path as term,
        page_no,
        line_no
    from functionele_aard
),

{{ invariant_evaluate('T1') }}

select * from final
