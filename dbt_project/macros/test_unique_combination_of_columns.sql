{#-
    Generic test: the given columns together identify a row (the grain of a fact table). Our own
    copy of the dbt_utils test, since the project installs no dbt packages. Null key parts count as
    a value, so two rows differing only by a null are still duplicates.

        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [document_id, line_path, year, phase]
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

select
    {{ combination_of_columns | join(', ') }},
    count(*) as rows_per_key
from {{ model }}
group by all
having count(*) > 1

{% endtest %}
