with source as (
    select * from {{ source('staging', 'refused_documents') }}
),

renamed as (
    select
        source_path,
        size_bytes,
        reason,
        category,
        refused_at
    from source
)

select * from renamed
