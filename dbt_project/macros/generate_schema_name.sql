{#- Schemas are named as written (`marts`, `staging`), not prefixed with the target schema:
    analysts and the warehouse contract rely on `marts.<name>`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name if custom_schema_name is not none else target.schema }}
{%- endmacro %}
