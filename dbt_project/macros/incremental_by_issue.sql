{#- Marts with one row per thing-in-an-issue rebuild only the issues parsed since their last build.
    A changed issue's old rows, and the rows of issues no file holds any more, are deleted first.
    `dbt build --full-refresh` (make full-refresh) rebuilds everything. -#}

{% macro issues_parsed_since_last_build() -%}
    select issue_id
    from {{ ref('stg_issues') }}
    where parsed_at > (select coalesce(max(parsed_at), timestamp '1900-01-01') from {{ this }})
{%- endmacro %}

{% macro delete_replaced_issues() -%}
    {% if is_incremental() %}
    delete from {{ this }}
    where issue_id in ({{ issues_parsed_since_last_build() }})
        or issue_id not in (select issue_id from {{ ref('stg_issues') }})
    {% endif %}
{%- endmacro %}
