with

source as (

    select * from {{ source('parsed', 'issues') }}

),

renamed as (

    select
        issue_id,
        source_file,
        source_kind,
        paper,
        page,
        paper_place,
        paper_level,
        paper_level_rank,
        published_on,
        published_on_source,
        published_year,
        article_count,
        printed_chars,
        coverage,
        lost_text,
        parse_error,
        parsed_at

    from source

)

select * from renamed
