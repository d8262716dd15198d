with source as (
    select * from {{ source('staging', 'parse_errors') }}
),

renamed as (
    select
        report_id,
        source_path,
        sha256,
        error,
        coalesce(parse_status, 'failed') as parse_status,
        failed_at
    from source
)

select * from renamed
