-- depends_on: {{ ref('stg_issues') }}
{{ config(unique_key=['meeting_id', 'person'], post_hook="{{ record_paper_placements() }}") }}
with

participants as (

    select * from {{ ref('stg_meeting_participants') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_to_place() }})
    {% endif %}

),

meetings as (

    select * from {{ ref('stg_meetings') }}

),

issues as (

    select * from {{ ref('stg_issues') }}

),

papers as (

    select * from {{ ref('papers') }}

),

placed as (

    select
        participants.meeting_id,
        participants.person,
        {{ locality('participants.title_place', 'participants.title_level', 'participants.title_level_rank', 'papers') }}
            as locality,
        participants.title,
        participants.role,
        participants.ordinal,
        participants.issue_id,
        issues.paper,
        issues.parsed_at

    from participants
    inner join meetings
        on meetings.meeting_id = participants.meeting_id
    inner join issues
        on issues.issue_id = participants.issue_id
    left join papers
        on papers.paper = issues.paper

),

final as (

    select
        {{ person_id('person', 'locality') }} as person_id,
        *

    from placed

)

select * from final
