with

participants as (

    select * from {{ ref('stg_meeting_participants') }}

),

meetings as (

    select * from {{ ref('stg_meetings') }}

),

final as (

    select
        participants.meeting_id,
        participants.person,
        participants.title,
        participants.role,
        participants.ordinal

    from participants
    inner join meetings
        on meetings.meeting_id = participants.meeting_id

)

select * from final
