{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail', replace_agency_years=true) }}
-- depends_on: {{ ref('int_report_changes') }}
-- depends_on: {{ ref('int_report_fingerprint') }}
-- The concept series made wide for spreadsheets: one row per agency and year, one column per
-- concept (in the order of concepts.csv; a test keeps this list equal to the seed). A NULL cell
-- means the report has no such figure (blank, or the template has no such row), never zero.
{%- set concept_columns = [
    'proactive_items', 'requests_received', 'requests_carried_over', 'requests_granted',
    'requests_partially_granted', 'requests_refused', 'requests_unable', 'requests_not_processed',
    'requests_other_handling', 'requests_processed', 'requests_carried_forward',
    'review_cases', 'review_upheld', 'review_corrected', 'suit_cases', 'suit_upheld', 'suit_corrected',
    'disclosure_fees', 'fees_amount', 'rules_made', 'rules_repealed', 'rules_in_force',
    'normative_made', 'normative_repealed', 'normative_in_force',
    'licensing_decisions', 'penalty_decisions', 'coercion_decisions',
] %}

with values_ as (
    select * from {{ ref('fct_agency_year_concept') }}
    where {{ in_changed_agency_years('agency_id', 'report_year') }}
),

agencies as (
    select agency_id, agency_name, province, prefecture, county, adcode from {{ ref('dim_agency') }}
),

-- a spreadsheet has no join: the row says itself whether its report fails a rule (a report published in
-- parts: its first part, and the rules failed in all its parts)
reports as (
    select report_id, case when duplicate_status = 'part' then canonical_report_id else report_id end as whole_report_id
    from {{ ref('dim_report') }}
),

wholes as (
    select reports.whole_report_id, sum(dim_report.rules_failed) as rules_failed
    from reports
    inner join {{ ref('dim_report') }} as dim_report using (report_id)
    group by reports.whole_report_id
)

select
    values_.agency_id,
    agencies.agency_name,
    agencies.province,
    agencies.prefecture,
    agencies.county,
    agencies.adcode,
    values_.report_year,
    -- every value of an agency-year comes from the one report kept for that year
    any_value(reports.whole_report_id) as report_id,
    any_value(values_.template_code) as template_code,
    any_value(values_.is_region_summary) as is_region_summary,
    count(*) filter (where values_.figure_source = 'prose') as prose_values,
    any_value(wholes.rules_failed) as rules_failed,
    {%- for concept in concept_columns %}
    max(values_.value) filter (where values_.concept_code = '{{ concept }}') as {{ concept }}{{ "," if not loop.last }}
    {%- endfor %}
from values_
left join agencies using (agency_id)
left join reports using (report_id)
left join wholes using (whole_report_id)
group by all
