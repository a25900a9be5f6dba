with

refused as (

    select * from {{ ref('stg_ingest_errors') }}

),

issue_files as (

    select * from {{ ref('stg_issue_files') }}

),

issues as (

    select * from {{ ref('stg_issues') }}

),

records as (

    select * from {{ ref('stg_article_records') }}

),

files_without_articles as (

    -- every file holding a page issue that decoded but gave no article
    select
        issue_files.source_file as error_id,
        issue_files.source_file,
        cast(null as integer) as line,
        issue_files.byte_size,
        issue_files.content_sha256,
        issues.parse_error as reason,
        issue_files.seen_at

    from issue_files
    inner join issues
        on issues.issue_id = issue_files.issue_id
    where issues.parse_error is not null

),

records_without_articles as (

    -- every record of a records issue the parser failed on
    select
        records.source_file || ':' || records.line as error_id,
        records.source_file,
        records.line,
        cast(null as bigint) as byte_size,
        records.content_sha256,
        issues.parse_error as reason,
        records.seen_at

    from records
    inner join issues
        on issues.issue_id = records.issue_id
    where issues.parse_error is not null

),

final as (

    select
        error_id,
        source_file,
        line,
        byte_size,
        content_sha256,
        reason,
        seen_at

    from refused

    union all

    select * from files_without_articles

    union all

    select * from records_without_articles

)

select * from final
