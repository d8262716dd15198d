{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
with counted as (
    select report_id from {{ ref('int_document_identity') }} where is_counted and {{ changed_reports_only() }}
),

unplaced as (
    select * from {{ ref('stg_unplaced_figures') }} where {{ changed_reports_only() }}
),

context as (
    select report_id, agency_id, report_year from {{ ref('int_report_context') }}
)

select
    unplaced.report_id,
    context.agency_id,
    context.report_year,
    unplaced.table_code,
    unplaced.indicator_code,
    unplaced.row_label,
    unplaced.value,
    array_to_string(unplaced.candidates, '|') as candidates,
    unplaced.reason,
    unplaced.evidence
from unplaced
-- each content counts once: canonical documents only (no copy, no superseded version)
inner join counted using (report_id)
left join context using (report_id)
