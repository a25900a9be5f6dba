with

files as (

    select * from {{ source('raw', 'issue_files') }}

),

issues as (

    select * from {{ source('parsed', 'issues') }}

),

unreadable_files as (

    select
        source_file,
        byte_size,
        content_sha256,
        reason,
        seen_at

    from files
    where reason is not null

),

files_without_articles as (

    -- every file holding an issue that decoded but gave no article
    select
        files.source_file,
        files.byte_size,
        files.content_sha256,
        issues.parse_error as reason,
        files.seen_at

    from issues
    inner join files
        on files.issue_id = issues.issue_id
    where issues.parse_error is not null

),

unioned as (

    select * from unreadable_files
    union all
    select * from files_without_articles

)

select * from unioned
