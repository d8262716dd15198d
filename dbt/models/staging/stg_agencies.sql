with source as (
    select * from {{ source('staging', 'agencies') }}
),

renamed as (
    select
        agency_id,
        agency_name,
        agency_kind,
        province,
        prefecture,
        county,
        adcode
    from source
)

select * from renamed
