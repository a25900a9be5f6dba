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

{#- people_mentions and meeting_participants place a person by the paper (macros/locality.sql), whose
    usual level `papers` learns from all its issues: a new issue can move it. Such a mart also rebuilds
    the issues of every paper placed otherwise than at its last build, which recorded the placements it
    used (record_paper_placements, its post-hook) in `marts_state`, the marts' bookkeeping schema
    (dbt_project.yml creates it). Without a record (a warehouse of older code), every paper has moved. -#}

{% macro paper_placements_record() -%}
    {%- if execute -%}
        {{ return(adapter.get_relation(database=this.database, schema='marts_state',
                                       identifier=this.identifier ~ '__paper_placements')) }}
    {%- endif -%}
{%- endmacro %}

{% macro issues_of_moved_papers() -%}
    {%- set record = paper_placements_record() -%}
    select issue_id
    from {{ ref('stg_issues') }}
    where paper in (
        select paper
        from {{ ref('papers') }} as placed
        {%- if record is not none %}
        where not exists (
            select 1
            from {{ record }} as used
            where used.paper = placed.paper
                and used.locality is not distinct from placed.locality
                and used.level_rank is not distinct from placed.level_rank
        )
        {%- endif %}
    )
{%- endmacro %}

{#- The issues such a mart rebuilds: parsed since its last build, or of a paper placed otherwise since. -#}
{% macro issues_to_place() -%}
    {{ issues_parsed_since_last_build() }}
    union
    {{ issues_of_moved_papers() }}
{%- endmacro %}

{% macro record_paper_placements() -%}
    create or replace table marts_state.{{ this.identifier }}__paper_placements as
        select paper, locality, level_rank from {{ ref('papers') }}
{%- endmacro %}
