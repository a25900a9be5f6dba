with

source as (

    select * from {{ source('parsed', 'leftovers') }}

),

renamed as (

    select
        issue_id,
        kind,
        text,
        position

    from source

)

select * from renamed
