with evaluations as (
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
left join context using (report_id)
