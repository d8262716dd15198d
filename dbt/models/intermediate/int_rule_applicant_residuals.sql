{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- R-T3-APPLICANTS: in every row of table three, the 总计 column equals the sum of the six
-- applicant columns. One evaluation per report and row (subject = the row's indicator code).
with figures as (
    select * from {{ ref('stg_figures') }}
    where indicator_code like 't3.%' and value is not null and {{ changed_reports_only() }}
),

reports as (
    select report_id from {{ ref('int_report_context') }}
    where template_code in ('gov2019', 'gov2021') and {{ changed_reports_only() }}
),

rules as (
    select distinct rule_id, severity from {{ ref('rules') }} where rule_id = 'R-T3-APPLICANTS'
),

unplaced as (
    select distinct report_id, indicator_code from {{ ref('stg_unplaced_figures') }} where table_code = 't3' and {{ changed_reports_only() }}
),

rows_ as (
    select
        figures.report_id,
        figures.indicator_code,
        max(value) filter (where applicant_type = 'total') as total_value,
        count(value) filter (where applicant_type = 'total') as lhs_present,
        coalesce(sum(value) filter (where applicant_type <> 'total'), 0) as rhs,
        count(value) filter (where applicant_type <> 'total') as rhs_present
    from figures
    inner join reports using (report_id)
    group by all
)

select
    rows_.report_id,
    rules.rule_id,
    'total' as applicant_type,
    rows_.indicator_code as subject,
    rows_.lhs_present > 0 as lhs_known,
    coalesce(rows_.total_value, 0) as lhs,
    rows_.rhs,
    coalesce(rows_.total_value, 0) - rows_.rhs as residual,
    case
        when unplaced.report_id is not null then 'not_assessable'
        when rows_.lhs_present = 0 then 'not_assessable'
        when abs(coalesce(rows_.total_value, 0) - rows_.rhs) <= {{ var('count_abs_tolerance') }} then 'pass'
        else 'fail'
    end as status,
    rules.severity,
    6 - rows_.rhs_present as blank_operands,
    case
        when unplaced.report_id is not null then 'figures whose column is unknown'
        when rows_.lhs_present = 0 then 'total is blank'
        when rows_.rhs_present < 6 then (6 - rows_.rhs_present) || ' blank applicant column(s) counted as zero'
    end as note
from rows_
cross join rules
left join unplaced
    on unplaced.report_id = rows_.report_id
    and (unplaced.indicator_code = rows_.indicator_code or unplaced.indicator_code is null)
