{#
  The in-report identities (R-S-*, R-T3-BALANCE, R-T3-OUTCOMES, R-T4-*), evaluated per report, rule
  part and applicant type. A blank total makes a rule not assessable; blank addends count as zero and
  `blank_operands` says how many there were. Figures whose column is unknown make the applicant types
  they may belong to not assessable.

  whole_reports=false: each document on its own figures (int_rule_report_residuals: what ranks a
  report's versions). whole_reports=true: each report published in parts on the figures of all its parts,
  under its first part (int_rule_whole_report_residuals: what the marts show), since a site's pager can
  cut a table between two parts.
#}
{% macro in_report_identities(whole_reports=false) %}
with
{%- if whole_reports %}
-- the documents of the reports in more than one part, each under its report (its first part)
wholes as (
    select report_id, whole_report_id from {{ ref('int_document_identity') }}
    where whole_report_id in (
        select whole_report_id from {{ ref('int_document_identity') }} where report_id <> whole_report_id)
      and {{ changed_reports_only() }}
),
{%- endif %}

terms as (
    select * from {{ ref('int_rule_terms') }}
),

reports as (
{%- if whole_reports %}
    {{ whole_report_forms('wholes') }}
{%- else %}
    select report_id, template_code from {{ ref('int_report_context') }}
    where {{ changed_reports_only() }}
{%- endif %}
),

applicants as (
    select applicant_type from {{ ref('applicant_types') }}
),

figures as (
{%- if whole_reports %}
    -- a cell printed by two parts is read once, from the first part that prints it
    select wholes.whole_report_id as report_id, figures.indicator_code, figures.applicant_type, figures.value
    from {{ ref('stg_figures') }} as figures
    inner join wholes using (report_id)
    where figures.value is not null
    qualify row_number() over (
        partition by wholes.whole_report_id, figures.indicator_code, figures.applicant_type
        order by figures.report_id <> wholes.whole_report_id, figures.report_id) = 1
{%- else %}
    select report_id, indicator_code, applicant_type, value
    from {{ ref('stg_figures') }}
    where value is not null and {{ changed_reports_only() }}
{%- endif %}
),

unplaced as (
{%- if whole_reports %}
    select unplaced.* replace (wholes.whole_report_id as report_id)
    from {{ ref('stg_unplaced_figures') }} as unplaced
    inner join wholes using (report_id)
{%- else %}
    select * from {{ ref('stg_unplaced_figures') }} where {{ changed_reports_only() }}
{%- endif %}
),

grid as (
    select reports.report_id, terms.*, applicants.applicant_type
    from reports
    inner join terms on terms.template_code = reports.template_code
    inner join applicants on applicants.applicant_type = 'total' or terms.per_applicant_type
),

valued as (
    select
        grid.*,
        figures.value,
        exists (
            select 1 from unplaced
            where unplaced.report_id = grid.report_id
              and (
                  (unplaced.indicator_code = grid.indicator_code and list_contains(unplaced.candidates, grid.applicant_type))
                  or (unplaced.indicator_code is null and list_contains(unplaced.candidates, grid.indicator_code))
              )
        ) as has_unplaced
    from grid
    left join figures
        on figures.report_id = grid.report_id
        and figures.indicator_code = grid.indicator_code
        and figures.applicant_type = grid.applicant_type
),

aggregated as (
    select
        report_id,
        rule_id,
        severity,
        part_index,
        op,
        applicant_type,
        bool_or(unit = '万元') as is_money,
        coalesce(sum(value) filter (where side = 'lhs'), 0) as lhs,
        coalesce(sum(value) filter (where side = 'rhs'), 0) as rhs,
        count(value) filter (where side = 'lhs') as lhs_present,
        count(value) filter (where side = 'rhs') as rhs_present,
        count(*) - count(value) as blank_operands,
        bool_or(has_unplaced) as has_unplaced
    from valued
    group by all
)

select
    report_id,
    rule_id,
    applicant_type,
    'part ' || part_index as subject,
    lhs_present > 0 as lhs_known,
    lhs,
    rhs,
    lhs - rhs as residual,
    case
        when has_unplaced then 'not_assessable'
        when lhs_present = 0 then 'not_assessable'
        when op = '<=' and rhs_present = 0 then 'not_assessable'
        when op = '<=' then case when lhs <= rhs + {{ var('count_abs_tolerance') }} then 'pass' else 'fail' end
        when {{ within_tolerance('lhs', 'rhs', 'is_money') }} then 'pass'
        else 'fail'
    end as status,
    severity,
    blank_operands,
    case
        when has_unplaced then 'figures whose column is unknown'
        when lhs_present = 0 then 'total is blank'
        when blank_operands > 0 then blank_operands || ' blank operand(s) counted as zero'
    end as note
from aggregated
-- an applicant column with nothing printed in it is not a rule evaluation
where applicant_type = 'total' or lhs_present + rhs_present > 0 or has_unplaced
{% endmacro %}
