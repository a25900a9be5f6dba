with

source as (

    select * from {{ source('parsed', 'meeting_participants') }}

),

renamed as (

    select
        meeting_id,
        issue_id,
        person,
        nullif(trim(title), '') as title,
        title_place,
        title_level,
        title_level_rank,
        role,
        ordinal

    from source

)

select * from renamed
