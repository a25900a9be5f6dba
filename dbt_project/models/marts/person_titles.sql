with

mentions as (

    select * from {{ ref('people_mentions') }}

),

final as (

    -- the career line: each title a person was printed with, from when to when
    select
        person_id,
        any_value(person) as person,
        any_value(locality) as locality,
        title,
        min(published_on) as first_seen_on,
        max(published_on) as last_seen_on,
        count(distinct article_id) as article_count,
        list_sort(list(distinct paper) filter (where paper is not null)) as papers

    from mentions
    where title is not null
    group by person_id, title

)

select * from final
