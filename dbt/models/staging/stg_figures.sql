with source as (
    select * from {{ source('staging', 'figures') }}
),

renamed as (
    select
        report_id,
        indicator_code,
        applicant_type,
        value,
        value_status,
        evidence,
        source as figure_source
    from source
)

select * from renamed
