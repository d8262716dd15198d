{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- X-NARRATIVE: a figure stated in the prose agrees with the table of the same report, concept by
-- concept (concept_code of indicators.csv). Local tables without codes take part through the
-- uncoded_row_concepts seed; lawsuits in table four count direct suits plus suits after review.
with
-- a report published in parts is compared as one: prose in its first part, tables in the next
wholes as (
    select report_id, whole_report_id from {{ ref('int_document_identity') }}
),

figures as (
    select figures.* replace (wholes.whole_report_id as report_id)
    from {{ ref('stg_figures') }} as figures
    inner join wholes using (report_id)
    where figures.value is not null and figures.applicant_type = 'total' and {{ changed_reports_only('figures.report_id') }}
),

indicators as (
    select indicator_code, concept_code from {{ ref('indicators') }} where concept_code is not null
),

prose as (
    select figures.report_id, indicators.concept_code, figures.value, figures.value_status
    from figures inner join indicators using (indicator_code)
    where figures.figure_source = 'prose'
),

coded_tables as (
    select figures.report_id, indicators.concept_code, figures.value
    from figures inner join indicators using (indicator_code)
    where figures.figure_source = 'table'
    union all
    select report_id, 'suit_cases', sum(value)
    from figures
    where indicator_code in ('t4.suit_direct.total', 't4.suit_after_review.total')
    group by report_id
    having count(*) = 2
),

-- the changed reports' uncoded rows first: the label patterns below are matched row by row
uncoded_rows as materialized (
    select rows_.* replace (wholes.whole_report_id as report_id)
    from {{ ref('stg_uncoded_rows') }} as rows_
    inner join wholes using (report_id)
    where {{ changed_reports_only('rows_.report_id') }}
),

uncoded_tables as (
    select rows_.report_id, concepts.concept_code, min(rows_.value) as value
    from uncoded_rows as rows_
    inner join {{ ref('uncoded_row_concepts') }} as concepts
        on regexp_matches(
            regexp_replace(regexp_replace(rows_.row_label, '\s', '', 'g'), '^(其中[:：])?([0-9]+[.、．])?', ''),
            concepts.label_pattern)
    where rows_.value is not null and rows_.column_label like '%年度%' and rows_.column_label not like '%累计%'
    group by all
),

tables as (
    select * from coded_tables
    union all
    select * from uncoded_tables
    where not exists (
        select 1 from coded_tables
        where coded_tables.report_id = uncoded_tables.report_id and coded_tables.concept_code = uncoded_tables.concept_code
    )
),

rule as (
    select rule_id, any_value(severity) as severity from {{ ref('rules') }} where rule_id = 'X-NARRATIVE' group by rule_id
)

select
    prose.report_id,
    rule.rule_id,
    'total' as applicant_type,
    prose.concept_code as subject,
    true as lhs_known,
    prose.value as lhs,
    tables.value as rhs,
    prose.value - tables.value as residual,
    case
        when prose.value_status = 'approximate'
            then case when tables.value >= prose.value and tables.value <= prose.value * 1.1 then 'pass' else 'fail' end
        when abs(prose.value - tables.value) <= {{ var('count_abs_tolerance') }} then 'pass'
        else 'fail'
    end as status,
    rule.severity,
    0 as blank_operands,
    case when prose.value_status = 'approximate' then 'prose figure is approximate (余): table may exceed it by 10%' end as note
from prose
inner join tables using (report_id, concept_code)
cross join rule
