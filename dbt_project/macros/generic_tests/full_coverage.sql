{#- Fails (rows returned) for every issue whose parse lost or doubled printed characters. -#}
{% test full_coverage(model, column_name) %}
    select *
    from {{ model }}
    where {{ column_name }} < 1.0
{% endtest %}
