with source as (
    select * from {{ source('staging', 'attachment_pages') }}
),

renamed as (
    select
        source_path,
        page_url,
        page_path
    from source
)

select * from renamed
