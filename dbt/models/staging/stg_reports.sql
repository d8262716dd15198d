with source as (
    select * from {{ source('staging', 'reports') }}
),

renamed as (
    select
        report_id,
        sha256,
        title,
        agency_id,
        agency_name,
        report_year,
        published_date,
        doc_type,
        doc_type_reason,
        template_code,
        is_region_summary,
        page_url,
        content_hash,
        nullif(warnings, '') as parse_warnings,
        parser_version,
        parsed_at
    from source
)

select * from renamed
