{#- Fails when the model has any row: used to flag files that did not become issues. -#}
{% test no_rows(model) %}
    select * from {{ model }}
{% endtest %}
