-- depends_on: {{ ref('stg_issues') }}
{{ config(unique_key='report_id') }}
with

reports as (

    select * from {{ ref('stg_project_reports') }}

),

projects as (

    select * from {{ ref('stg_projects') }}

),

issues as (

    select * from {{ ref('stg_issues') }}

),

report_to_project as (

    select
        unnest(report_ids) as report_id,
        project_id

    from projects

),

final as (

    select
        reports.report_id,
        report_to_project.project_id,
        reports.issue_id,
        reports.article_id,
        reports.reported_on,
        reports.project_name,
        reports.company,
        reports.location,
        reports.investment_cny,
        reports.floor_area_m2,
        reports.land_area_mu,
        reports.annual_output,
        reports.status,
        reports.expected_completion,
        reports.expected_completion_text,
        issues.paper,
        issues.parsed_at

    from reports
    left join report_to_project
        on report_to_project.report_id = reports.report_id
    left join issues
        on issues.issue_id = reports.issue_id

)

select * from final
{% if is_incremental() %}
-- the issues parsed since the last build, and every report whose project another merge changed
where issue_id in ({{ issues_parsed_since_last_build() }})
    or not exists (
        select 1
        from {{ this }} as built
        where built.report_id = final.report_id
            and built.project_id is not distinct from final.project_id
    )
{% endif %}
