{#- Fails (rows returned) for every combination of the columns held by more than one row: the grain
    of a model whose key is several columns. Same name and argument as dbt_utils' test, written here
    because the build is offline and installs no package. Pair it with not_null on each column. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    select
        {{ combination_of_columns | join(', ') }},
        count(*) as rows_with_this_key

    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}
