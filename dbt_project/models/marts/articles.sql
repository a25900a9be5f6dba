with

articles as (

    select * from {{ ref('stg_articles') }}

),

issues as (

    select * from {{ ref('issues') }}

),

final as (

    select
        articles.article_id,
        articles.issue_id,
        articles.seq,
        articles.headline,
        articles.kind,
        articles.reporters,
        articles.contributors,
        articles.photographers,
        articles.byline,
        articles.dateline,
        articles.event_date,
        articles.body,
        issues.published_on

    from articles
    inner join issues
        on issues.issue_id = articles.issue_id

)

select * from final
