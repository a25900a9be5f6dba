with

source as (

    select * from {{ source('raw', 'issue_files') }}

),

renamed as (

    select
        source_file,
        file_kind,
        issue_id,
        content_sha256,
        byte_size,
        encoding,
        manifest_published_on,
        paper,
        page,
        record_count,
        seen_at

    from source
    where reason is null

)

select * from renamed
