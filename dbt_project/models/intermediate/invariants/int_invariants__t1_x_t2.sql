-- T1 summed over its beleidsdomeinen = T2, per budget kind, direction and column: uitgaven and
-- ontvangsten = the sum of T2's top rows of that part, saldo = T2's printed saldo. Whole euros.
-- A meerjarenplan column is a 'warning', not an error, where the document shows that T1 and T2
-- were printed from different plan dossiers (plan revisions): their "Andere gebruikte dossiers"
-- lists name different MJP dossiers.
with t1 as (
    select
        document_id,
        budget_kind,
        direction,
        phase,
        {{ invariant_column_label('year', 'phase') }} as col,
        amount,
        line_path as term,
        page_no,
        line_no
    from {{ ref('stg_raw__t1_functionele_aard') }}
),

t2 as (
    select
        document_id,
        section as budget_kind,
        direction,
        {{ invariant_column_label('year', 'phase') }} as col,
        amount,
        line_path as term,
        page_no,
        line_no
    from {{ ref('stg_raw__t2_economische_aard') }}
    where section in ('exploitatie', 'investeringen', 'financiering')
        and (
            parent_path = section || '.' || direction  -- top rows A., B., ... of a part
            or line_path = section || '.saldo'
        )
),

-- columns both schemas print
shared_columns as (
    select distinct document_id, col, phase from t1
    where exists (select 1 from t2 where t2.document_id = t1.document_id and t2.col = t1.col)
),

instances as (
    select distinct t1.document_id, t1.budget_kind, t1.direction, t1.col, c.phase
    from t1
    inner join shared_columns as c using (document_id, col)
),

terms as (
    select
        i.document_id,
        'T1 ' || i.budget_kind || ' ' || i.direction || ' (sum of beleidsdomeinen) = T2 [' || i.col || ']'
            as identity,
        s.role,
        1 as sign,
        s.amount,
        'euro' as precision,
        s.term,
        s.page_no,
        s.line_no
    from instances as i
    inner join (
        select *, 'computed' as role from t1
        union all
        select document_id, budget_kind, direction, null as phase, col, amount, term, page_no, line_no, 'printed' as role
        from t2
    ) as s
        on s.document_id = i.document_id
        and s.budget_kind = i.budget_kind
        and s.direction = i.direction
        and s.col = i.col
),

warnings as (
    select
        i.document_id,
        'T1 ' || i.budget_kind || ' ' || i.direction || ' (sum of beleidsdomeinen) = T2 [' || i.col || ']'
            as identity,
        'T1 and T2 are printed from different plan dossiers: T1 from ' || d1.plan_dossier
            || ' (p' || d1.page_no || ' l' || d1.line_no || '), T2 from ' || d2.plan_dossier
            || ' (p' || d2.page_no || ' l' || d2.line_no || ')' as warning_reason
    from instances as i
    inner join {{ ref('int_invariants__schema_dossiers') }} as d1
        on d1.document_id = i.document_id and d1.table_kind = 'T1'
    inner join {{ ref('int_invariants__schema_dossiers') }} as d2
        on d2.document_id = i.document_id and d2.table_kind = 'T2'
    where i.phase = 'meerjarenplan' and d1.plan_dossier <> d2.plan_dossier
),

{{ invariant_evaluate('T1xT2', warnings='warnings') }}

select * from final
