with

projects as (

    select * from {{ ref('stg_projects') }}

),

report_counts as (

    select
        project_id,
        count(*) as report_count

    from projects, unnest(report_ids) as r(report_id)
    group by project_id

),

final as (

    select
        projects.project_id,
        projects.project_name,
        projects.company,
        projects.location,
        projects.investment_cny,
        projects.floor_area_m2,
        projects.land_area_mu,
        projects.annual_output,
        projects.status,
        projects.expected_completion,
        projects.expected_completion_text,
        projects.first_reported_on,
        projects.last_reported_on,
        projects.article_ids,
        report_counts.report_count

    from projects
    left join report_counts
        on report_counts.project_id = projects.project_id

)

select * from final
