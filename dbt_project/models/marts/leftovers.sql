with

leftovers as (

    select * from {{ ref('stg_leftovers') }}

),

issues as (

    select * from {{ ref('issues') }}

),

final as (

    select
        leftovers.issue_id,
        issues.source_file,
        leftovers.kind,
        leftovers.text,
        leftovers.position

    from leftovers
    inner join issues
        on issues.issue_id = leftovers.issue_id

)

select * from final
