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
),

successors as (
    select agency_id, successor_agency_id from {{ ref('int_agency_successors') }}
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
    reports.last_year,
    successor.successor_agency_id,
    -- the last body of the chain (卫生局 -> 卫生和计划生育局 -> 卫生健康局): one id for the whole series
    coalesce(third.successor_agency_id, second.successor_agency_id, successor.successor_agency_id,
             agencies.agency_id) as series_agency_id
from agencies
left join divisions on divisions.division_code = agencies.adcode
left join reports using (agency_id)
left join successors as successor on successor.agency_id = agencies.agency_id
left join successors as second on second.agency_id = successor.successor_agency_id
left join successors as third on third.agency_id = second.successor_agency_id
