-- Annual reports an analyst can use as they are: parsed, not a region summary, with a year and an
-- agency, no source rule failing and no figure left without a column.
select
    report_id,
    agency_id,
    agency_name,
    report_year,
    template_code,
    quality_score,
    rules_assessed
from {{ ref('dim_report') }}
where doc_type = 'annual_report'
  and parse_status = 'parsed'
  and not coalesce(is_region_summary, false)
  and report_year is not null
  and agency_id is not null
  and rules_failed = 0
  and unplaced_figures = 0
