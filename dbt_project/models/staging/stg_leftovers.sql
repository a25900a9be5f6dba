with

issues as (

    select * from {{ source('parsed', 'issues') }}

),

unnested as (

    select
        issue_id,
        unnest(leftovers, recursive := true)

    from issues

),

renamed as (

    select
        issue_id,
        kind,
        text,
        position

    from unnested

)

select * from renamed
