with

mentions as (

    select * from {{ ref('stg_people_mentions') }}

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
        articles.issue_id,
        articles.published_on

    from mentions
    inner join articles
        on articles.article_id = mentions.article_id

)

select * from final
