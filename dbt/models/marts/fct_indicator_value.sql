{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
with counted as (
    select report_id from {{ ref('int_document_identity') }} where is_counted and {{ changed_reports_only() }}
),

figures as (
    select * from {{ ref('stg_figures') }} where {{ changed_reports_only() }}
),

context as (
    select * from {{ ref('int_report_context') }}
),

indicators as (
    select indicator_code, unit from {{ ref('indicators') }}
)

select
    figures.report_id,
    context.agency_id,
    context.report_year,
    figures.indicator_code,
    figures.applicant_type,
    figures.value,
    indicators.unit,
    figures.value_status,
    figures.evidence,
    figures.figure_source,
    context.template_code,
    context.doc_type
from figures
inner join context using (report_id)
-- each content counts once: canonical documents only (no copy, no superseded version)
inner join counted using (report_id)
left join indicators using (indicator_code)
