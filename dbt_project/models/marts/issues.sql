with

issues as (

    select * from {{ ref('stg_issues') }}

),

issue_files as (

    select * from {{ ref('stg_issue_files') }}

),

records as (

    select * from {{ ref('stg_article_records') }}

),

holders as (

    -- a page issue's files (the same content under several names), a records issue's records files
    select issue_id, source_file, seen_at from issue_files where issue_id is not null
    union all
    select issue_id, source_file, seen_at from records

),

other_names as (

    select
        issue_id,
        list_sort(list(distinct source_file)) as source_files,
        min(seen_at) as first_seen_at

    from holders
    group by issue_id

),

final as (

    select
        issues.issue_id,
        issues.source_file,
        issues.source_kind,
        issues.paper,
        issues.page,
        issues.published_on,
        issues.published_on_source,
        issues.published_year,
        issues.article_count,
        issues.printed_chars,
        issues.coverage,
        issues.lost_text,
        other_names.source_files,
        other_names.first_seen_at,
        issues.parsed_at

    from issues
    left join other_names
        on other_names.issue_id = issues.issue_id
    where issues.parse_error is null

)

select * from final
