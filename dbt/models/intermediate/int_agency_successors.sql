-- the body each agency was renamed or merged into by a national reform (agency_renames): the body of the
-- same place and scope whose name ends in the successor's word, when the former reported no later than
-- the year after the reform and the successor from the reform on; an agency with two such bodies gets none
with agencies as (
    select agency_id, agency_name, agency_scope from {{ ref('stg_agencies') }}
),

years as (
    select agency_id, min(report_year) as first_year, max(report_year) as last_year
    from {{ ref('stg_reports') }}
    where doc_type = 'annual_report' and agency_id is not null
    group by agency_id
),

renames as (
    select * from {{ ref('agency_renames') }}
),

-- the pairs of names first, on their own: planned together with the years' joins, the whole took 30 s at
-- 100,000 agencies (0.3 s this way), and it runs in every build
renamed as materialized (
    select
        former.agency_id,
        successor.agency_id as successor_agency_id,
        renames.reform_year,
        renames.reform
    from agencies as former
    inner join renames
        on ends_with(former.agency_name, renames.former_suffix)
        and length(former.agency_name) > length(renames.former_suffix)
    inner join agencies as successor
        on successor.agency_name = left(former.agency_name, length(former.agency_name) - length(renames.former_suffix))
            || renames.successor_suffix
        and successor.agency_scope is not distinct from former.agency_scope
),

candidates as (
    select renamed.*
    from renamed
    inner join years as former_years on former_years.agency_id = renamed.agency_id
    inner join years as successor_years on successor_years.agency_id = renamed.successor_agency_id
    where former_years.last_year <= renamed.reform_year + 1
      and successor_years.last_year >= renamed.reform_year
      and former_years.last_year <= successor_years.first_year
)

select
    agency_id,
    any_value(successor_agency_id) as successor_agency_id,
    any_value(reform_year) as reform_year,
    any_value(reform) as reform
from candidates
group by agency_id
having count(distinct successor_agency_id) = 1
