with source as (
    select * from {{ source('staging', 'documents') }}
),

renamed as (
    select
        report_id,
        source_path,
        sha256,
        size_bytes,
        encoding,
        decoded_how,
        reader,
        source_url,
        ingested_at
    from source
)

select * from renamed
