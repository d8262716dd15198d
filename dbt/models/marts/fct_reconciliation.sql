with counted as (
    select report_id from {{ ref('int_document_identity') }} where is_counted
),

evaluations as (
    select * from {{ ref('int_rule_report_residuals') }}
    union all by name
    select * from {{ ref('int_rule_applicant_residuals') }}
    union all by name
    select * from {{ ref('int_rule_cross_year_residuals') }}
    union all by name
    select * from {{ ref('int_rule_narrative_residuals') }}
    union all by name
    select * from {{ ref('int_lineage_residuals') }}
),

context as (
    select report_id, agency_id, agency_name, report_year, template_code from {{ ref('int_report_context') }}
)

select
    evaluations.report_id,
    evaluations.rule_id,
    evaluations.applicant_type,
    evaluations.subject,
    evaluations.status,
    evaluations.lhs,
    evaluations.rhs,
    evaluations.residual,
    evaluations.severity,
    evaluations.blank_operands,
    evaluations.note,
    context.agency_id,
    context.agency_name,
    context.report_year,
    context.template_code
from evaluations
-- each content counts once: canonical annual reports only (no copy, no superseded version)
inner join counted using (report_id)
left join context using (report_id)
