with

unreadable_files as (

    select
        source_file,
        byte_size,
        content_sha256,
        reason,
        seen_at

    from {{ source('raw', 'ingest_errors') }}

),

files_without_articles as (

    select
        files.source_file,
        files.byte_size,
        files.content_sha256,
        errors.reason,
        files.seen_at

    from {{ source('parsed', 'parse_errors') }} as errors
    inner join {{ source('raw', 'issue_files') }} as files
        on files.issue_id = errors.issue_id

),

unioned as (

    select * from unreadable_files
    union all
    select * from files_without_articles

)

select * from unioned
