-- depends_on: {{ ref('stg_issues') }}
with

participants as (

    select * from {{ ref('stg_meeting_participants') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_parsed_since_last_build() }})
    {% endif %}

),

meetings as (

    select * from {{ ref('stg_meetings') }}

),

issues as (

    select * from {{ ref('stg_issues') }}

),

final as (

    select
        participants.meeting_id,
        participants.person,
        participants.title,
        participants.role,
        participants.ordinal,
        participants.issue_id,
        issues.parsed_at

    from participants
    inner join meetings
        on meetings.meeting_id = participants.meeting_id
    inner join issues
        on issues.issue_id = participants.issue_id

)

select * from final
