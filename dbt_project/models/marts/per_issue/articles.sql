-- depends_on: {{ ref('stg_issues') }}
with

articles as (

    select * from {{ ref('stg_articles') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_parsed_since_last_build() }})
    {% endif %}

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
        articles.event_month_day,
        articles.body,
        articles.credit,
        issues.paper,
        coalesce(articles.page, issues.page) as page,
        articles.url,
        articles.source_file,
        articles.source_line,
        issues.published_on,
        issues.parsed_at

    from articles
    inner join issues
        on issues.issue_id = articles.issue_id

)

select * from final
