with source as (
    select * from {{ source('staging', 'unplaced_figures') }}
),

renamed as (
    select
        report_id,
        table_code,
        indicator_code,
        row_label,
        value,
        string_split(candidates, '|') as candidates,
        reason,
        evidence
    from source
)

select * from renamed
