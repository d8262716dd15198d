{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
with counted as (
    select report_id, whole_report_id, count(*) over (partition by whole_report_id) > 1 as in_parts
    from {{ ref('int_document_identity') }}
    where is_counted and {{ changed_reports_only() }}
),

evaluations as (
    -- a report in parts is read whole (a table a pager cut between two parts is one table), others alone
    select * from {{ ref('int_rule_report_residuals') }}
    where {{ changed_reports_only() }} and report_id not in (select report_id from counted where in_parts)
    union all by name
    select * from {{ ref('int_rule_whole_report_residuals') }} where {{ changed_reports_only() }}
    union all by name
    select * from {{ ref('int_rule_applicant_residuals') }} where {{ changed_reports_only() }}
    union all by name
    select * from {{ ref('int_rule_cross_year_residuals') }} where {{ changed_reports_only() }}
    union all by name
    select * from {{ ref('int_rule_narrative_residuals') }} where {{ changed_reports_only() }}
    union all by name
    select * from {{ ref('int_lineage_residuals') }} where {{ changed_reports_only() }}
),

-- a report in parts is of the form its parts print (its first part may print no table)
forms as (
    {{ whole_report_forms('counted') }}
),

context as (
    select context.report_id, context.agency_id, context.agency_name, context.report_year,
           coalesce(forms.template_code, context.template_code) as template_code
    from {{ ref('int_report_context') }} as context
    left join forms using (report_id)
),

-- the rule's words for the report's template (R-T3-OUTCOMES differs between 2019 and 2021)
rule_by_template as (
    select rules.rule_id, trim(t.template_code) as template_code, rules.expression, rules.rule_text_en, rules.rule_text_zh
    from {{ ref('dim_rule') }} as rules, unnest(string_split(rules.template, '|')) as t(template_code)
),

rule_any_template as (
    select rule_id, min(expression) as expression, min(rule_text_en) as rule_text_en, min(rule_text_zh) as rule_text_zh
    from {{ ref('dim_rule') }} group by rule_id
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
    {{ reconciliation_note('evaluations', "coalesce(rule_by_template.expression, rule_any_template.expression)") }} as note,
    context.agency_id,
    context.agency_name,
    context.report_year,
    context.template_code,
    coalesce(rule_by_template.rule_text_en, rule_any_template.rule_text_en) as rule_text_en,
    coalesce(rule_by_template.rule_text_zh, rule_any_template.rule_text_zh) as rule_text_zh
from evaluations
-- each content counts once: canonical documents only (no copy, no superseded version)
inner join counted using (report_id)
left join context using (report_id)
left join rule_by_template
    on rule_by_template.rule_id = evaluations.rule_id and rule_by_template.template_code = context.template_code
left join rule_any_template on rule_any_template.rule_id = evaluations.rule_id
window same_rule as (
    partition by counted.whole_report_id, evaluations.rule_id, evaluations.applicant_type, evaluations.subject
)
-- a report published in parts: a rule one part assesses is not shown again as not assessable on the
-- parts that do not print its cells, and one no part assesses is shown once
qualify not counted.in_parts
    or evaluations.status <> 'not_assessable'
    or (count(*) filter (where evaluations.status <> 'not_assessable') over same_rule = 0
        and row_number() over (same_rule order by evaluations.report_id <> counted.whole_report_id, evaluations.report_id) = 1)
