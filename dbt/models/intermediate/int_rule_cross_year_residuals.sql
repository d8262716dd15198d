{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- Identities across consecutive years of one agency.
-- X-CARRY: this year's 上年结转 equals last year's 结转下年度, per applicant column.
-- X-T2-ITEMS (2019 format only): this year's 上一年项目数量 = last year's + last year's 本年增/减.
with
-- a report published in parts is one report here: its first part with the figures of all its parts
wholes as (
    select report_id, whole_report_id from {{ ref('int_document_identity') }} where is_counted
),

forms as (
    {{ whole_report_forms('wholes') }}
),

context as (
    select context.* replace (forms.template_code as template_code)
    from {{ ref('int_report_context') }} as context
    inner join forms using (report_id)
    where context.doc_type = 'annual_report' and context.agency_id is not null and context.report_year is not null
      -- the year before is the agency's counted report of that year, never a copy or a superseded version
),



rules as (
    select rule_id, any_value(severity) as severity from {{ ref('rules') }}
    where rule_id in ('X-CARRY', 'X-T2-ITEMS') group by rule_id
),

pairs as (
    select cur.report_id, prev.report_id as prev_report_id, cur.template_code, prev.template_code as prev_template
    from context as cur
    inner join context as prev
        on prev.agency_id = cur.agency_id
        and prev.report_year = cur.report_year - 1
        and prev.report_id <> cur.report_id
        and prev.is_region_summary is not distinct from cur.is_region_summary
    where cur.template_code in ('gov2019', 'gov2021') and prev.template_code in ('gov2019', 'gov2021')
      and {{ changed_reports_only('cur.report_id') }}
    -- one previous report per report, even where an agency's year was published twice
    qualify row_number() over (partition by cur.report_id order by prev.report_id) = 1
),

-- the figures of both reports of each pair only
figures as (
    select figures.* replace (wholes.whole_report_id as report_id)
    from {{ ref('stg_figures') }} as figures
    inner join wholes using (report_id)
    where figures.value is not null
      and wholes.whole_report_id in (select report_id from pairs union select prev_report_id from pairs)
),

carry as (
    select
        pairs.report_id,
        'X-CARRY' as rule_id,
        a.applicant_type,
        'carried_over vs previous carried_forward' as subject,
        cur.value as lhs_value,
        prev.value as rhs_value
    from pairs
    cross join {{ ref('applicant_types') }} as a
    left join figures as cur
        on cur.report_id = pairs.report_id and cur.indicator_code = 't3.carried_over' and cur.applicant_type = a.applicant_type
    left join figures as prev
        on prev.report_id = pairs.prev_report_id and prev.indicator_code = 't3.carried_forward' and prev.applicant_type = a.applicant_type
),

items as (
    select
        pairs.report_id,
        'X-T2-ITEMS' as rule_id,
        'total' as applicant_type,
        cur.indicator_code as subject,
        cur.value as lhs_value,
        prev_items.value + prev_change.value as rhs_value
    from pairs
    inner join figures as cur
        on cur.report_id = pairs.report_id and cur.indicator_code like 't2.%.prev_items'
    left join figures as prev_items
        on prev_items.report_id = pairs.prev_report_id and prev_items.indicator_code = cur.indicator_code
    left join figures as prev_change
        on prev_change.report_id = pairs.prev_report_id
        and prev_change.indicator_code = replace(cur.indicator_code, '.prev_items', '.change')
    where pairs.template_code = 'gov2019' and pairs.prev_template = 'gov2019'
),

evaluated as (
    select * from carry where applicant_type = 'total' or lhs_value is not null or rhs_value is not null
    union all
    select * from items
)

select
    evaluated.report_id,
    evaluated.rule_id,
    evaluated.applicant_type,
    evaluated.subject,
    evaluated.lhs_value is not null as lhs_known,
    coalesce(evaluated.lhs_value, 0) as lhs,
    coalesce(evaluated.rhs_value, 0) as rhs,
    coalesce(evaluated.lhs_value, 0) - coalesce(evaluated.rhs_value, 0) as residual,
    case
        when evaluated.lhs_value is null and evaluated.rhs_value is null then 'not_assessable'
        when evaluated.rule_id = 'X-T2-ITEMS' and evaluated.rhs_value is null then 'not_assessable'
        when abs(coalesce(evaluated.lhs_value, 0) - coalesce(evaluated.rhs_value, 0)) <= {{ var('count_abs_tolerance') }} then 'pass'
        else 'fail'
    end as status,
    rules.severity,
    (evaluated.lhs_value is null)::int + (evaluated.rhs_value is null)::int as blank_operands,
    case
        when evaluated.lhs_value is null and evaluated.rhs_value is null then 'both years blank'
        when evaluated.lhs_value is null or evaluated.rhs_value is null then 'a blank side counted as zero'
    end as note
from evaluated
inner join rules using (rule_id)
