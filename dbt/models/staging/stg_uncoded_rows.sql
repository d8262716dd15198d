with source as (
    select * from {{ source('staging', 'uncoded_rows') }}
),

renamed as (
    select
        report_id,
        table_title,
        row_label,
        column_label,
        unit,
        value,
        evidence
    from source
)

select * from renamed
