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
        role,
        ordinal

    from source

)

select * from renamed
