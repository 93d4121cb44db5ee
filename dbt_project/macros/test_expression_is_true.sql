{#-
    Generic test: every row satisfies a SQL boolean expression (rows where it is false fail; a null
    result, e.g. from a missing figure, does not). Our own copy of the dbt_utils test, since the
    project installs no dbt packages.

        data_tests:
          - expression_is_true:
              arguments:
                expression: "abs(budgettair_resultaat - (exploitatiesaldo + investeringssaldo)) <= 3"
-#}
{% test expression_is_true(model, expression) %}

select *
from {{ model }}
where not ({{ expression }})

{% endtest %}
