{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- Every candidate value of every concept in every parsed report: one row per report, concept and
-- source group of concept_sources (a table cell or a sum of table cells, a local-table row, a
-- prose figure). fct_agency_year_concept picks one candidate per agency, year and concept.
with sources as (
    select * from {{ ref('int_concept_sources') }}
),

-- how many cells a group has, so a sum can say how many of them were printed
group_sizes as (
    select concept_code, template_code, source_kind, priority, count(*) as terms_total
    from sources
    group by all
),

reports as (
    select report_id, template_code, report_year from {{ ref('int_report_context') }}
    where {{ changed_reports_only() }}
),

figures as (
    select report_id, indicator_code, value, value_status, evidence, figure_source
    from {{ ref('stg_figures') }}
    where applicant_type = 'total' and value is not null and {{ changed_reports_only() }}
),

coded_terms as (
    select
        reports.report_id,
        sources.concept_code,
        sources.template_code,
        sources.source_kind,
        sources.priority,
        sources.source as term,
        sources.sign * figures.value as value,
        figures.value_status,
        figures.evidence
    from reports
    inner join sources
        on sources.template_code = reports.template_code
        or (sources.template_code = 'any' and sources.source_kind = 'prose')
    inner join figures
        on figures.report_id = reports.report_id
        and figures.indicator_code = sources.source
        and figures.figure_source = case sources.source_kind when 'prose' then 'prose' else 'table' end
    where sources.source_kind in ('table', 'prose')
),

-- a local table's row is read in the column of the year reported on: a column naming no other year
-- and not a running total (历年累计); a column naming the year beats one naming none
-- the changed reports' uncoded rows first: the row patterns below are matched row by row
uncoded_rows as materialized (
    select * from {{ ref('stg_uncoded_rows') }} where {{ changed_reports_only() }}
),

local_cells as (
    select
        reports.report_id,
        sources.concept_code,
        sources.template_code,
        sources.source_kind,
        sources.priority,
        rows_.row_label,
        rows_.column_label,
        rows_.value,
        rows_.evidence,
        case when contains(coalesce(rows_.column_label, ''), cast(reports.report_year as varchar)) then 1 else 2 end
            as column_rank
    from reports
    inner join sources
        on sources.template_code = reports.template_code and sources.source_kind = 'local_row'
    inner join uncoded_rows as rows_
        on rows_.report_id = reports.report_id
        and regexp_matches(
            regexp_replace(regexp_replace(rows_.row_label, '\s', '', 'g'), '^(其中[:：])?([0-9]+[.、．])?', ''),
            sources.source)
    where rows_.value is not null
      and coalesce(rows_.column_label, '') not like '%累计%'
      and coalesce(rows_.column_label, '') not like '%上年%'
      and len(list_filter(
            regexp_extract_all(coalesce(rows_.column_label, ''), '(?:19|20)[0-9]{2}'),
            lambda y: y <> cast(reports.report_year as varchar))) = 0
),

local_best as (
    select * from local_cells
    qualify column_rank = min(column_rank) over (partition by report_id, concept_code, priority)
),

-- the same row printed twice with different figures is ambiguous: no candidate rather than a guess
local_terms as (
    select
        report_id,
        concept_code,
        any_value(template_code) as template_code,
        'local_row' as source_kind,
        priority,
        'local row ' || string_agg(distinct regexp_replace(row_label, '\s', '', 'g'), ' / ')
            || ' [' || string_agg(distinct coalesce(column_label, ''), ' / ') || ']' as term,
        any_value(value) as value,
        'reported' as value_status,
        string_agg(distinct evidence, ' ; ') as evidence
    from local_best
    group by report_id, concept_code, priority
    having count(distinct value) = 1
),

coded_groups as (
    select
        coded_terms.report_id,
        coded_terms.concept_code,
        coded_terms.template_code,
        coded_terms.source_kind,
        coded_terms.priority,
        string_agg(coded_terms.term, ' + ' order by coded_terms.term) as source_indicators,
        sum(coded_terms.value) as value,
        case
            when bool_or(coded_terms.value_status = 'inferred') then 'inferred'
            when bool_or(coded_terms.value_status = 'approximate') then 'approximate'
            else 'reported'
        end as value_status,
        -- a sum names each cell's code beside its evidence, so every addend can be found in the document
        case
            when count(*) = 1 then any_value(coded_terms.evidence)
            else string_agg(coded_terms.term || ': ' || coded_terms.evidence, ' ; ' order by coded_terms.term)
        end as evidence,
        count(*) as terms_printed,
        any_value(group_sizes.terms_total) as terms_total
    from coded_terms
    inner join group_sizes using (concept_code, template_code, source_kind, priority)
    group by all
)

select
    report_id,
    concept_code,
    source_kind,
    case when source_kind = 'prose' then 'prose' else 'table' end as figure_source,
    priority,
    source_indicators,
    value,
    value_status,
    evidence,
    terms_printed,
    terms_total
from coded_groups
union all
select
    report_id,
    concept_code,
    source_kind,
    'table' as figure_source,
    priority,
    term as source_indicators,
    value,
    value_status,
    evidence,
    1 as terms_printed,
    1 as terms_total
from local_terms
