with

source as (

    select * from {{ source('parsed', 'projects') }}

),

renamed as (

    select
        project_id,
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
        first_reported_on,
        last_reported_on,
        article_ids,
        report_ids

    from source

)

select * from renamed
