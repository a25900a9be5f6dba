with

mentions as (

    select * from {{ ref('people_mentions') }}

),

participants as (

    select * from {{ ref('meeting_participants') }}

),

appearances as (

    select
        person_id,
        any_value(person) as person,
        any_value(locality) as locality,
        -- the title of the most recent titled mention (undated issues count as oldest)
        arg_max(title, (coalesce(published_on, date '0001-01-01'), article_id, position))
            filter (where title is not null) as latest_title,
        min(published_on) as first_seen_on,
        max(published_on) as last_seen_on,
        count(distinct article_id) as article_count,
        list_sort(list(distinct paper) filter (where paper is not null)) as papers

    from mentions
    group by person_id

),

meeting_counts as (

    select
        person_id,
        count(distinct meeting_id) as meeting_count

    from participants
    group by person_id

),

final as (

    select
        appearances.person_id,
        appearances.person,
        appearances.locality,
        appearances.latest_title,
        appearances.first_seen_on,
        appearances.last_seen_on,
        appearances.article_count,
        coalesce(meeting_counts.meeting_count, 0) as meeting_count,
        appearances.papers

    from appearances
    left join meeting_counts
        on meeting_counts.person_id = appearances.person_id

)

select * from final
