{#-
    Accounting invariants: shared building blocks of the models in models/intermediate/invariants/.

    Every invariant model first lists the *terms* of its identity instances, one row per amount
    taking part, with the columns
        document_id, identity, role ('printed' | 'computed'), sign (+1 / -1), amount,
        precision ('euro' | 'cent'), term (what the amount is, e.g. 'ACTIVA.I'), page_no, line_no
    and then calls invariant_evaluate(), which sums each side, compares them against the
    tolerance and sets the status. A side without any printed row counts as 0 (zero rows are
    normally not printed).
-#}


{#-
    THE tolerance of an identity instance (the one place it is defined).

    A whole-euro table prints every cell rounded on its own, so an identity over N rounded amounts
    (both sides together) is off by the sum of N rounding errors of at most 0.50 each: strictly less
    than N/2 euro. Hence
      * N = 2 (the same amount printed twice, e.g. J1 Totaal = J3): exact, 0;
      * N = 3 or 4 (a - b = saldo, a parent with two or three children): 1 EUR;
      * N >= 5 (sums of many cells): 2 EUR, the cap. The sample's 107 rounding cases are all
        +-1 (INVARIANTS.md), but a sum of ten cells drifts by 2 in about one report in ten; the cap
        keeps every corruption of more than 2 EUR detectable.
    Cent tables (off-balance, overdracht) are exact: 0. A cent amount compared with whole-euro
    amounts allows 0.50 per rounded amount (again capped at 2).
-#}
{% macro invariant_tolerance(euro_terms, cent_terms) -%}
    cast(
        case
            when {{ euro_terms }} = 0 then 0
            when {{ cent_terms }} = 0 then least(greatest(ceil({{ euro_terms }} / 2.0) - 1, 0), 2)
            else least({{ euro_terms }} * 0.5, 2)
        end as decimal(18, 2)
    )
{%- endmacro %}


{#-
    The column of a schema an instance is computed for: '2024', '2024 MJP', '2024 EK', '2024 IK'; in a
    plan, the column role follows: '2027 MJP referentie', '2027 MJP nieuw', '2027 MJP plan'.
    role: the column-role expression, none for a relation without one.
-#}
{% macro invariant_column_label(year, phase, role='column_role') -%}
    (cast({{ year }} as varchar) || case {{ phase }}
        when 'meerjarenplan' then ' MJP'
        when 'eindkrediet' then ' EK'
        when 'initieel_krediet' then ' IK'
        else '' end
        {%- if role %} || coalesce(' ' || {{ role }}, ''){% endif %})
{%- endmacro %}


{#-
    CTEs ending in `final`: one row per identity instance from the term rows of relation `terms`
    (a model then does `select * from final`).
    warnings: optional relation (document_id, identity, warning_reason); an instance outside its
        tolerance that has a reason there is a 'warning' (a known, explained difference that the
        document itself shows the cause of), otherwise an 'error'.
-#}
{% macro invariant_evaluate(group_name, terms='terms', warnings=none) -%}
    term_locations as (
        select distinct document_id, identity, page_no, line_no
        from {{ terms }}
        where page_no is not null
    ),

    term_sources as (
        select
            document_id,
            identity,
            string_agg('p' || page_no || ' l' || line_no, ', ' order by page_no, line_no) as source_lines
        from term_locations
        group by document_id, identity
    ),

    instance_sides as (
        select
            document_id,
            identity,
            coalesce(sum(sign * amount) filter (where role = 'computed'), 0) as expected,
            coalesce(sum(sign * amount) filter (where role = 'printed'), 0) as printed,
            count(*) filter (where precision = 'euro') as euro_terms,
            count(*) filter (where precision = 'cent') as cent_terms,
            string_agg(
                case when role = 'computed'
                    then case when sign < 0 then '- ' else '+ ' end || term || ' ' || cast(amount as varchar)
                end,
                ' ' order by page_no, line_no, term
            ) as computation
        from {{ terms }}
        group by document_id, identity
    ),

    instance_compared as (
        select
            s.document_id,
            s.identity,
            cast(s.expected as decimal(18, 2)) as expected,
            cast(s.printed as decimal(18, 2)) as printed,
            cast(s.expected - s.printed as decimal(18, 2)) as difference,
            {{ invariant_tolerance('s.euro_terms', 's.cent_terms') }} as tolerance,
            s.euro_terms + s.cent_terms as term_count,
            ltrim(s.computation, '+ ') as computation,
            src.source_lines
        from instance_sides as s
        left join term_sources as src using (document_id, identity)
    ),

    final as (
        select
            c.document_id,
            '{{ group_name }}' as group_name,
            c.identity,
            c.expected,
            c.printed,
            c.difference,
            abs(c.difference) as abs_difference,
            c.tolerance,
            case
                when abs(c.difference) <= c.tolerance then 'ok'
                {% if warnings -%}
                when w.warning_reason is not null then 'warning'
                {% endif -%}
                else 'error'
            end as status,
            case
                when abs(c.difference) = 0 then null
                when abs(c.difference) <= c.tolerance
                    then 'rounding: within the tolerance of ' || cast(c.tolerance as varchar) || ' EUR'
                {% if warnings -%}
                else w.warning_reason
                {% endif -%}
            end as status_reason,
            c.computation,
            c.source_lines,
            c.term_count
        from instance_compared as c
        {% if warnings -%}
        left join (
            select document_id, identity, min(warning_reason) as warning_reason
            from {{ warnings }}
            group by document_id, identity
        ) as w using (document_id, identity)
        {% endif -%}
    )
{%- endmacro %}


{#-
    Terms of "every printed row = sum of its printed children" over relation `cells`
    (document_id, line_path, parent_path, cell_key, cell_label, amount, page_no, line_no) of a
    whole-euro table; rows of one table column share a cell_key.
    Identity: '<table_label> <line_path> = sum of children [<cell_label>]'.
-#}
{% macro invariant_rollup_terms(cells, table_label) -%}
    select
        parent.document_id,
        '{{ table_label }} ' || parent.line_path || ' = sum of children [' || parent.cell_label || ']' as identity,
        'printed' as role,
        1 as sign,
        parent.amount,
        'euro' as precision,
        parent.line_path as term,
        parent.page_no,
        parent.line_no
    from {{ cells }} as parent
    where exists (
        select 1 from {{ cells }} as child
        where child.document_id = parent.document_id
            and child.cell_key = parent.cell_key
            and child.parent_path = parent.line_path
    )
    union all
    select
        parent.document_id,
        '{{ table_label }} ' || parent.line_path || ' = sum of children [' || parent.cell_label || ']' as identity,
        'computed' as role,
        1 as sign,
        child.amount,
        'euro' as precision,
        child.line_path as term,
        child.page_no,
        child.line_no
    from {{ cells }} as parent
    inner join {{ cells }} as child
        on child.document_id = parent.document_id
        and child.cell_key = parent.cell_key
        and child.parent_path = parent.line_path
{%- endmacro %}


{#-
    Terms of named formulas over relation `cells` (document_id, source, key, col, term, amount,
    precision, page_no, line_no). Each spec is a dict
        name:     the identity without its column, e.g. 'J2 budgettair_resultaat.III = I + II'
        printed:  list of (sign, source, key)
        computed: list of (sign, source, key)
    An instance exists for a column where every source the spec uses has a cell, so a cross-table
    identity only exists where both tables print that column. Several cells with the same
    (source, key, col) are summed. Identity: '<name> [<col>]'.
-#}
{% macro invariant_formula_terms(cells, specs) -%}
    {%- for spec in specs %}
    {%- set sides = [] -%}
    {%- for term in spec.printed %}{% do sides.append(('printed', term)) %}{% endfor -%}
    {%- for term in spec.computed %}{% do sides.append(('computed', term)) %}{% endfor -%}
    {%- set ns = namespace(sources=[]) -%}
    {%- for role, term in sides %}{% if term[1] not in ns.sources %}{% set ns.sources = ns.sources + [term[1]] %}{% endif %}{% endfor -%}
    {% if not loop.first %}union all{% endif %}
    select term_rows.* exclude (col)
    from (
        {%- for role, term in sides %}
        {% if not loop.first %}union all{% endif %}
        select
            document_id,
            col,
            '{{ spec.name }} [' || col || ']' as identity,
            '{{ role }}' as role,
            {{ term[0] }}1 as sign,
            amount,
            precision,
            term,
            page_no,
            line_no
        from {{ cells }}
        where source = '{{ term[1] }}' and key = '{{ term[2] }}'
        {%- endfor %}
    ) as term_rows
    where true
    {%- for source in ns.sources %}
        and exists (
            select 1 from {{ cells }} as present
            where present.document_id = term_rows.document_id
                and present.col = term_rows.col
                and present.source = '{{ source }}'
        )
    {%- endfor %}
    {%- endfor %}
{%- endmacro %}
