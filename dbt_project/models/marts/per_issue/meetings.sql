-- depends_on: {{ ref('stg_issues') }}
with

meetings as (

    select * from {{ ref('stg_meetings') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_parsed_since_last_build() }})
    {% endif %}

),

articles as (

    select * from {{ ref('articles') }}

),

participants as (

    select * from {{ ref('meeting_participants') }}
    {% if is_incremental() %}
    -- only the meetings being built: their lists, not every meeting's, are aggregated below
    where meeting_id in (select meeting_id from meetings)
    {% endif %}

),

people_per_meeting as (

    select
        meeting_id,
        coalesce(list(person order by ordinal) filter (where role = 'chair'), []) as chair,
        list(person order by ordinal) as participants

    from participants
    group by meeting_id

),

final as (

    select
        meetings.meeting_id,
        meetings.article_id,
        meetings.issue_id,
        meetings.meeting_name,
        articles.event_date as meeting_date,
        coalesce(people_per_meeting.chair, []) as chair,
        coalesce(people_per_meeting.participants, []) as participants,
        articles.paper,
        articles.published_on,
        articles.parsed_at

    from meetings
    inner join articles
        on articles.article_id = meetings.article_id
    left join people_per_meeting
        on people_per_meeting.meeting_id = meetings.meeting_id

)

select * from final
