with

source as (

    select * from {{ source('parsed', 'meetings') }}

),

renamed as (

    select
        meeting_id,
        issue_id,
        article_id,
        meeting_name

    from source

)

select * from renamed
