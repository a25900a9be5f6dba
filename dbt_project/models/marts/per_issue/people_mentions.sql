-- depends_on: {{ ref('stg_issues') }}
with

mentions as (

    select * from {{ ref('stg_people_mentions') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_parsed_since_last_build() }})
    {% endif %}

),

articles as (

    select * from {{ ref('articles') }}

),

final as (

    select
        mentions.article_id,
        mentions.person,
        mentions.title,
        mentions.position,
        mentions.issue_id,
        articles.published_on,
        articles.parsed_at

    from mentions
    inner join articles
        on articles.article_id = mentions.article_id

)

select * from final
