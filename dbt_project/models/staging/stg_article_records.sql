with

source as (

    select * from {{ source('raw', 'article_records') }}

),

read as (

    select
        source_file,
        line,
        record_key,
        content_sha256,
        issue_id,
        paper,
        published_on,
        page,
        url,
        seen_at

    from source
    where reason is null

)

select * from read
