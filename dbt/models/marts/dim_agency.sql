with agencies as (
    select * from {{ ref('stg_agencies') }}
),

divisions as (
    -- the division table decides the place names of a resolved code
    select division_code, province, prefecture, county
    from {{ ref('divisions') }}
    where division_level <> 'town'
),

reports as (
    select agency_id, count(*) as reports, min(report_year) as first_year, max(report_year) as last_year
    from {{ ref('stg_reports') }}
    where doc_type = 'annual_report'
    group by agency_id
)

select
    agencies.agency_id,
    agencies.agency_name,
    agencies.aliases,
    agencies.agency_kind,
    agencies.parent_agency,
    coalesce(divisions.province, agencies.province) as province,
    coalesce(divisions.prefecture, agencies.prefecture) as prefecture,
    coalesce(divisions.county, agencies.county) as county,
    agencies.adcode,
    agencies.agency_resolution,
    agencies.agency_scope,
    coalesce(reports.reports, 0) as annual_reports,
    reports.first_year,
    reports.last_year
from agencies
left join divisions on divisions.division_code = agencies.adcode
left join reports using (agency_id)
