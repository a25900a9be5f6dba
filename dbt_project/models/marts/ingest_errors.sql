with

errors as (

    select * from {{ ref('stg_ingest_errors') }}

)

select
    source_file,
    byte_size,
    content_sha256,
    reason,
    seen_at

from errors
