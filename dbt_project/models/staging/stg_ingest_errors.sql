with

files as (

    select * from {{ source('raw', 'issue_files') }}

),

records as (

    select * from {{ source('raw', 'article_records') }}

),

refused_files as (

    select
        source_file as error_id,
        source_file,
        cast(null as integer) as line,
        byte_size,
        content_sha256,
        reason,
        seen_at

    from files
    where reason is not null

),

refused_records as (

    select
        source_file || ':' || line as error_id,
        source_file,
        line,
        cast(null as bigint) as byte_size,
        cast(null as varchar) as content_sha256,
        reason,
        seen_at

    from records
    where reason is not null

),

refused as (

    select * from refused_files
    union all
    select * from refused_records

)

select * from refused
