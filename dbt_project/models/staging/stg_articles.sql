with

source as (

    select * from {{ source('parsed', 'articles') }}

),

renamed as (

    select
        article_id,
        issue_id,
        seq,
        nullif(trim(headline), '') as headline,
        kind,
        reporters,
        contributors,
        photographers,
        byline,
        dateline,
        event_date,
        event_month_day,
        body,
        credit,
        nullif(trim(page), '') as page,
        url,
        source_file,
        source_line,
        record_key

    from source

)

select * from renamed
