with

issues as (

    select * from {{ ref('stg_issues') }}

),

issue_files as (

    select * from {{ ref('stg_issue_files') }}

),

other_names as (

    -- the same content found under more than one file name
    select
        issue_id,
        list(source_file order by source_file) as source_files,
        min(seen_at) as first_seen_at

    from issue_files
    group by issue_id

),

final as (

    select
        issues.issue_id,
        issues.source_file,
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
