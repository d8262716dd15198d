with source as (
    select * from {{ source('staging', 'agencies') }}
),

renamed as (
    select
        agency_id,
        agency_name,
        agency_kind,
        parent_agency,
        province,
        prefecture,
        county,
        adcode,
        agency_resolution,
        agency_scope,
        aliases
    from source
)

select * from renamed
