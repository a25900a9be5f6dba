with

mentions as (

    select * from {{ ref('stg_people_mentions') }}

),

articles as (

    select * from {{ ref('articles') }}

),

participants as (

    select * from {{ ref('meeting_participants') }}

),

dated_mentions as (

    select
        mentions.person,
        mentions.title,
        mentions.article_id,
        mentions.position,
        articles.published_on

    from mentions
    inner join articles
        on articles.article_id = mentions.article_id

),

appearances as (

    select
        person,
        -- the title of the most recent titled mention (undated issues count as oldest)
        arg_max(title, (coalesce(published_on, date '0001-01-01'), article_id, position))
            filter (where title is not null) as latest_title,
        min(published_on) as first_seen_on,
        max(published_on) as last_seen_on,
        count(distinct article_id) as article_count

    from dated_mentions
    group by person

),

meeting_counts as (

    select
        person,
        count(distinct meeting_id) as meeting_count

    from participants
    group by person

),

final as (

    select
        appearances.person,
        appearances.latest_title,
        appearances.first_seen_on,
        appearances.last_seen_on,
        appearances.article_count,
        coalesce(meeting_counts.meeting_count, 0) as meeting_count

    from appearances
    left join meeting_counts
        on meeting_counts.person = appearances.person

)

select * from final
