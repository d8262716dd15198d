with agencies as (
    select * from {{ ref('stg_agencies') }}
),

reports as (
    select agency_name, count(*) as reports, min(report_year) as first_year, max(report_year) as last_year
    from {{ ref('stg_reports') }}
    where doc_type = 'annual_report'
    group by agency_name
)

select
    agencies.agency_id,
    agencies.agency_name,
    agencies.agency_kind,
    agencies.province,
    agencies.prefecture,
    agencies.county,
    agencies.adcode,
    coalesce(reports.reports, 0) as annual_reports,
    reports.first_year,
    reports.last_year
from agencies
left join reports using (agency_name)
