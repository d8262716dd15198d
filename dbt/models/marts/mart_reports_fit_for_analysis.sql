{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- Annual reports an analyst can use as they are: parsed, counted once (canonical: not a copy, not a
-- superseded version; with its parts, when published in parts), not quarantined (a year in range, an agency, not every identity failing),
-- not a region summary, no source rule failing and no figure left without a column.
select
    report_id,
    agency_id,
    agency_name,
    report_year,
    template_code,
    quality_score,
    rules_assessed,
    aliases
from {{ ref('dim_report') }}
where doc_type = 'annual_report'
  and {{ changed_reports_only() }}
  and parse_status = 'parsed'
  and duplicate_status = 'canonical'
  and quarantine_reason is null
  and not coalesce(is_region_summary, false)
  and rules_failed = 0
  and unplaced_figures = 0
  -- a report published in parts: every part as fit as the first
  and report_id not in (
      select canonical_report_id from {{ ref('dim_report') }}
      where duplicate_status = 'part'
        and (parse_status <> 'parsed' or quarantine_reason is not null or rules_failed > 0 or unplaced_figures > 0)
  )
