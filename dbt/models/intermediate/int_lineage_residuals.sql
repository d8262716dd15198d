{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- X-LINEAGE: the count and the sum of figures per report are the same in staging and in the fact
-- table, so nothing parsed is lost or duplicated on the way to the marts.
with staged as (
    select report_id, count(*) as n, coalesce(sum(value), 0) as total
    from {{ ref('stg_figures') }} where {{ changed_reports_only() }} group by report_id
),

fact as (
    select report_id, count(*) as n, coalesce(sum(value), 0) as total
    from {{ ref('fct_indicator_value') }} where {{ changed_reports_only() }} group by report_id
),

rule as (
    select rule_id, any_value(severity) as severity from {{ ref('rules') }} where rule_id = 'X-LINEAGE' group by rule_id
)

select
    coalesce(staged.report_id, fact.report_id) as report_id,
    rule.rule_id,
    'total' as applicant_type,
    'figure count' as subject,
    true as lhs_known,
    coalesce(staged.n, 0)::double as lhs,
    coalesce(fact.n, 0)::double as rhs,
    -- count and sum differences together: zero only when nothing was lost or duplicated
    abs(coalesce(staged.n, 0) - coalesce(fact.n, 0)) + abs(coalesce(staged.total, 0) - coalesce(fact.total, 0)) as residual,
    case
        when coalesce(staged.n, 0) = coalesce(fact.n, 0) and abs(coalesce(staged.total, 0) - coalesce(fact.total, 0)) < 1e-6 then 'pass'
        else 'fail'
    end as status,
    rule.severity,
    0 as blank_operands,
    'staged sum ' || coalesce(staged.total, 0) || ', fact sum ' || coalesce(fact.total, 0) as note
from staged
full outer join fact using (report_id)
cross join rule
