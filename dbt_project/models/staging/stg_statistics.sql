with

source as (

    select * from {{ source('parsed', 'statistics') }}

),

renamed as (

    select
        stat_id,
        issue_id,
        article_id,
        nullif(trim(subject), '') as subject,
        value,
        unit,
        qualifier,
        raw_text,
        sentence,
        start_offset,
        end_offset

    from source

)

select * from renamed
