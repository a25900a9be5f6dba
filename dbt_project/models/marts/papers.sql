with

issues as (

    select * from {{ ref('stg_issues') }}
    where parse_error is null and paper is not null

),

mentions as (

    select * from {{ ref('stg_people_mentions') }}

),

paper_issues as (

    select
        paper,
        -- every issue of a paper reads its name the same way
        any_value(paper_place) as place,
        any_value(paper_level) as named_level,
        any_value(paper_level_rank) as named_level_rank,
        count(*) as issues,
        sum(article_count) as articles,
        min(published_on) as first_published_on,
        max(published_on) as last_published_on

    from issues
    group by paper

),

title_levels as (

    -- posts printed without a place are, mostly, the paper's own place's
    select
        issues.paper,
        mentions.title_level,
        mentions.title_level_rank,
        count(*) as mentions

    from mentions
    inner join issues
        on issues.issue_id = mentions.issue_id
    where mentions.title_place is null
        and mentions.title_level_rank > 0
    group by all

),

usual_levels as (

    select
        paper,
        arg_max(title_level, (mentions, title_level)) as level,
        arg_max(title_level_rank, (mentions, title_level)) as level_rank

    from title_levels
    group by paper

),

final as (

    select
        paper_issues.paper,
        paper_issues.place,
        coalesce(paper_issues.named_level, usual_levels.level) as level,
        coalesce(paper_issues.named_level_rank, usual_levels.level_rank) as level_rank,
        case
            when paper_issues.named_level is not null or usual_levels.level is null then paper_issues.place
            else paper_issues.place || usual_levels.level
        end as locality,
        paper_issues.issues,
        paper_issues.articles,
        paper_issues.first_published_on,
        paper_issues.last_published_on

    from paper_issues
    left join usual_levels
        on usual_levels.paper = paper_issues.paper

)

select * from final
