{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
with documents as (
    select * from {{ ref('stg_documents') }} where {{ changed_reports_only() }}
),

reports as (
    select * from {{ ref('stg_reports') }} where {{ changed_reports_only() }}
),

errors as (
    select * from {{ ref('stg_parse_errors') }} where {{ changed_reports_only() }}
),

agencies as (
    select * from {{ ref('stg_agencies') }}
),

identity as (
    select * from {{ ref('int_document_identity') }} where {{ changed_reports_only() }}
),

quality as (
    -- share of assessable source rules (warn) that pass; pipeline rules are not the report's fault
    select
        report_id,
        count(*) filter (where status <> 'not_assessable' and severity = 'warn') as rules_assessed,
        count(*) filter (where status = 'pass' and severity = 'warn') as rules_passed,
        count(*) filter (where status = 'fail' and severity = 'warn') as rules_failed
    from {{ ref('fct_reconciliation') }}
    -- the changed reports' rules, and those of the originals their copies take the rules of
    where report_id in (select report_id from identity union select canonical_report_id from identity)
    group by report_id
),

unplaced as (
    select report_id, count(*) as unplaced_figures from {{ ref('stg_unplaced_figures') }}
    where {{ changed_reports_only() }} group by report_id
),

figures as (
    select report_id, count(*) as figures from {{ ref('stg_figures') }}
    where {{ changed_reports_only() }} group by report_id
),

assembled as (
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
        case when errors.report_id is not null then errors.parse_status else 'parsed' end as parse_status,
        errors.error as parse_error,
        reports.parse_warnings,
        identity.duplicate_status,
        identity.canonical_report_id,
        identity.aliases,
        identity.duplicate_reason,
        coalesce(figures.figures, 0) as figures,
        coalesce(unplaced.unplaced_figures, 0) as unplaced_figures,
        -- facts hold canonical reports only: a copy has its original's rules, a superseded
        -- version its own within-report identities
        coalesce(quality.rules_assessed, case when identity.duplicate_status = 'superseded'
            then identity.identities_failed + identity.identities_passed end, 0) as rules_assessed,
        coalesce(quality.rules_passed, case when identity.duplicate_status = 'superseded'
            then identity.identities_passed end, 0) as rules_passed,
        coalesce(quality.rules_failed, case when identity.duplicate_status = 'superseded'
            then identity.identities_failed end, 0) as rules_failed,
        documents.size_bytes,
        documents.encoding,
        documents.reader,
        reports.taken_from_page
    from documents
    inner join identity using (report_id)
    left join reports using (report_id)
    left join errors using (report_id)
    left join agencies on agencies.agency_id = reports.agency_id
    left join quality
        on quality.report_id = case when identity.duplicate_status = 'duplicate'
            then identity.canonical_report_id else documents.report_id end
    left join unplaced using (report_id)
    left join figures using (report_id)
),

quarantined as (
    select
        assembled.*,
        case when doc_type = 'annual_report' then nullif(concat_ws('; ',
            case when parse_status = 'needs_ocr' then 'needs OCR: no text layer to read' end,
            case when report_year is null then 'no report year' end,
            case when report_year not between {{ var('report_year_min') }} and {{ var('report_year_max') }}
                then 'impossible report year ' || report_year
                    || ' (outside {{ var("report_year_min") }}-{{ var("report_year_max") }})' end,
            case when agency_id is null then 'no issuing agency' end,
            case when rules_assessed > 0 and rules_passed = 0
                then 'every assessable identity fails (' || rules_failed || ')' end
        ), '') end as quarantine_reason
    from assembled
)

select
    report_id,
    source_path,
    source_url,
    sha256,
    agency_id,
    agency_name,
    title,
    report_year,
    published_date,
    doc_type,
    doc_type_reason,
    template_code,
    is_region_summary,
    parse_status,
    parse_error,
    parse_warnings,
    duplicate_status,
    canonical_report_id,
    aliases,
    duplicate_reason,
    quarantine_reason,
    figures,
    unplaced_figures,
    rules_assessed,
    rules_failed,
    -- see the column description in dim_report.yml: a usable report scores by its rules and placed
    -- figures; a copy, a superseded version or a quarantined report scores 0
    case when doc_type = 'annual_report' then round(
        case
            when duplicate_status <> 'canonical' or quarantine_reason is not null then 0
            else (case when rules_assessed > 0 then rules_passed / rules_assessed
                       else {{ var('quality_unverified_factor') }} end)
                 * (case when figures + unplaced_figures > 0 then figures / (figures + unplaced_figures) else 1 end)
        end, 3) end as quality_score,
    size_bytes,
    encoding,
    reader,
    taken_from_page
from quarantined
