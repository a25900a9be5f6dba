with

source as (

    select * from {{ source('parsed', 'project_reports') }}

),

renamed as (

    select
        report_id,
        issue_id,
        article_id,
        project_name,
        company,
        location,
        investment_cny,
        floor_area_m2,
        land_area_mu,
        annual_output,
        status,
        expected_completion,
        expected_completion_text,
        published_on as reported_on

    from source

)

select * from renamed
