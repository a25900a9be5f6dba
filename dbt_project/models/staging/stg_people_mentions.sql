with

source as (

    select * from {{ source('parsed', 'people_mentions') }}

),

renamed as (

    select
        issue_id,
        article_id,
        person,
        nullif(trim(title), '') as title,
        title_place,
        title_level,
        title_level_rank,
        position

    from source

)

select * from renamed
