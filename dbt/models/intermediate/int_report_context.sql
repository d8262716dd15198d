-- One row per parsed report with what the rules need to know about it.
with reports as (
    select * from {{ ref('stg_reports') }}
),

agencies as (
    select * from {{ ref('stg_agencies') }}
)

select
    reports.report_id,
    reports.template_code,
    reports.doc_type,
    reports.report_year,
    reports.is_region_summary,
    agencies.agency_id,
    agencies.agency_name
from reports
left join agencies on agencies.agency_id = reports.agency_id
