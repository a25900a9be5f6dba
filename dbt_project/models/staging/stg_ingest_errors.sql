with

source as (

    select * from {{ source('raw', 'issue_files') }}

),

refused as (

    select
        source_file,
        byte_size,
        content_sha256,
        reason,
        seen_at

    from source
    where reason is not null

)

select * from refused
