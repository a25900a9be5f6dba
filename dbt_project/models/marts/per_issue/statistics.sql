-- depends_on: {{ ref('stg_issues') }}
with

statistics as (

    select * from {{ ref('stg_statistics') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_parsed_since_last_build() }})
    {% endif %}

),

articles as (

    select * from {{ ref('articles') }}

),

final as (

    select
        statistics.stat_id,
        statistics.article_id,
        statistics.subject,
        statistics.value,
        statistics.unit,
        statistics.qualifier,
        statistics.raw_text,
        statistics.sentence,
        statistics.start_offset,
        statistics.end_offset,
        statistics.issue_id,
        articles.kind as article_kind,
        articles.event_date,
        articles.paper,
        articles.published_on,
        articles.parsed_at

    from statistics
    inner join articles
        on articles.article_id = statistics.article_id

)

select * from final
