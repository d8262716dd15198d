{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- Annual reports an analyst can use as they are: parsed, counted once (canonical: not a copy, not a
-- superseded version; with its parts, when published in parts), not quarantined (a year in range, an agency, not every identity failing),
-- not a region summary, no source rule failing and no figure left without a column.
with reports as (
    select * from {{ ref('dim_report') }}
),

-- a report published in parts: its form is the one its parts print, its rules those of all its parts
wholes as (
    select report_id, case when duplicate_status = 'part' then canonical_report_id else report_id end as whole_report_id
    from reports
    where duplicate_status in ('canonical', 'part') and {{ changed_reports_only() }}
),

forms as (
    {{ whole_report_forms('wholes') }}
),

later_parts as (
    select canonical_report_id as report_id, sum(rules_assessed) as rules_assessed
    from reports
    where duplicate_status = 'part' and {{ changed_reports_only('canonical_report_id') }}
    group by canonical_report_id
)

select
    reports.report_id,
    reports.agency_id,
    reports.agency_name,
    reports.report_year,
    coalesce(forms.template_code, reports.template_code) as template_code,
    reports.quality_score,
    reports.rules_assessed + coalesce(later_parts.rules_assessed, 0) as rules_assessed,
    reports.aliases
from reports
left join forms using (report_id)
left join later_parts using (report_id)
where reports.doc_type = 'annual_report'
  and {{ changed_reports_only('reports.report_id') }}
  and reports.parse_status = 'parsed'
  and reports.duplicate_status = 'canonical'
  and reports.quarantine_reason is null
  and not coalesce(reports.is_region_summary, false)
  and reports.rules_failed = 0
  and reports.unplaced_figures = 0
  -- a report published in parts: every part as fit as the first
  and reports.report_id not in (
      select canonical_report_id from reports
      where duplicate_status = 'part'
        and (parse_status <> 'parsed' or quarantine_reason is not null or rules_failed > 0 or unplaced_figures > 0)
  )
