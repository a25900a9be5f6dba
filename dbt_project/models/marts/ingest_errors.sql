with

refused_files as (

    select * from {{ ref('stg_ingest_errors') }}

),

issue_files as (

    select * from {{ ref('stg_issue_files') }}

),

issues as (

    select * from {{ ref('stg_issues') }}

),

files_without_articles as (

    -- every file holding an issue that decoded but gave no article
    select
        issue_files.source_file,
        issue_files.byte_size,
        issue_files.content_sha256,
        issues.parse_error as reason,
        issue_files.seen_at

    from issue_files
    inner join issues
        on issues.issue_id = issue_files.issue_id
    where issues.parse_error is not null

),

final as (

    select
        source_file,
        byte_size,
        content_sha256,
        reason,
        seen_at

    from refused_files

    union all

    select * from files_without_articles

)

select * from final
