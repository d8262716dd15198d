with documents as (
    select * from {{ ref('stg_documents') }}
),

reports as (
    select * from {{ ref('stg_reports') }}
),

errors as (
    select * from {{ ref('stg_parse_errors') }}
),

agencies as (
    select * from {{ ref('stg_agencies') }}
),

quality as (
    -- share of assessable source rules (warn) that pass; pipeline rules are not the report's fault
    select
        report_id,
        count(*) filter (where status <> 'not_assessable' and severity = 'warn') as rules_assessed,
        count(*) filter (where status = 'pass' and severity = 'warn') as rules_passed,
        count(*) filter (where status = 'fail' and severity = 'warn') as rules_failed
    from {{ ref('fct_reconciliation') }}
    group by report_id
),

unplaced as (
    select report_id, count(*) as unplaced_figures from {{ ref('stg_unplaced_figures') }} group by report_id
)

select
    documents.report_id,
    documents.source_path,
    documents.source_url,
    documents.sha256,
    agencies.agency_id,
    reports.agency_name,
    reports.title,
    reports.report_year,
    reports.published_date,
    reports.doc_type,
    reports.doc_type_reason,
    reports.template_code,
    reports.is_region_summary,
    case when errors.report_id is not null then 'failed' else 'parsed' end as parse_status,
    errors.error as parse_error,
    reports.parse_warnings,
    coalesce(unplaced.unplaced_figures, 0) as unplaced_figures,
    coalesce(quality.rules_assessed, 0) as rules_assessed,
    coalesce(quality.rules_failed, 0) as rules_failed,
    case when quality.rules_assessed > 0 then quality.rules_passed / quality.rules_assessed end as quality_score,
    documents.size_bytes,
    documents.encoding
from documents
left join reports using (report_id)
left join errors using (report_id)
left join agencies on agencies.agency_name = reports.agency_name
left join quality using (report_id)
left join unplaced using (report_id)
