{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail', replace_agency_years=true) }}
-- depends_on: {{ ref('int_report_changes') }}
-- depends_on: {{ ref('int_report_fingerprint') }}
-- One value per agency, year and concept, read off one report: the agency's canonical annual
-- report of the year. In that report a table figure beats a prose figure (the prose figure is kept
-- beside it, with the reason); among table sources the lowest priority of concept_sources wins.
with reports as (
    select * from {{ ref('dim_report') }}
),

-- Only canonical annual reports count, with their parts: not a copy of another document (duplicate),
-- not a version replaced by another report of the same agency and year (superseded), not quarantined.
-- A report published in parts is read as one (whole_report_id: its first part).
usable_reports as (
    select
        report_id,
        case when duplicate_status = 'part' then canonical_report_id else report_id end as whole_report_id,
        source_path,
        agency_id,
        report_year,
        template_code,
        published_date,
        is_region_summary
    from reports
    where doc_type = 'annual_report'
      and {{ in_changed_agency_years() }}
      and parse_status = 'parsed'
      and duplicate_status in ('canonical', 'part')
      and quarantine_reason is null
      and agency_id is not null
      and report_year is not null
),

candidates as (
    select candidates.*, usable_reports.whole_report_id, usable_reports.source_path as part_path
    from {{ ref('int_concept_values') }} as candidates
    inner join usable_reports using (report_id)
),

table_figures as (
    select whole_report_id as report_id, count(*) as table_candidates
    from candidates
    where figure_source = 'table'
    group by whole_report_id
),

-- The identity model keeps one canonical report per agency and year; should two remain, the one
-- with more table figures (then the later published) is read, so no figure is counted twice.
-- (a report in parts is of the form its parts print: its first part may print no table)
forms as (
    {{ whole_report_forms('usable_reports') }}
),

year_reports as (
    select
        usable_reports.* exclude (whole_report_id, source_path) replace (forms.template_code as template_code),
        count(*) over (partition by agency_id, report_year) as canonical_reports
    from usable_reports
    inner join forms using (report_id)
    left join table_figures using (report_id)
    where usable_reports.report_id = usable_reports.whole_report_id
    qualify row_number() over (
        partition by agency_id, report_year
        order by coalesce(table_figures.table_candidates, 0) desc, published_date desc nulls last, report_id
    ) = 1
),

-- of a report in parts, a concept printed in two parts is read from the first that prints it
ranked as (
    select
        candidates.*,
        year_reports.agency_id,
        year_reports.report_year,
        year_reports.template_code,
        year_reports.is_region_summary,
        year_reports.canonical_reports,
        row_number() over (
            partition by candidates.whole_report_id, candidates.concept_code
            order by
                case candidates.figure_source when 'table' then 0 else 1 end,
                candidates.priority,
                case candidates.source_kind when 'table' then 0 else 1 end,
                candidates.report_id <> candidates.whole_report_id,
                candidates.part_path
        ) as choice
    from candidates
    inner join year_reports on year_reports.report_id = candidates.whole_report_id
),

prose as (
    select whole_report_id, concept_code, value as prose_value, source_indicators as prose_source
    from ranked
    where figure_source = 'prose'
    qualify row_number() over (partition by whole_report_id, concept_code order by priority, part_path) = 1
),

concepts as (
    select concept_code, unit from {{ ref('concepts') }}
)

select
    chosen.agency_id,
    chosen.report_year,
    chosen.concept_code,
    chosen.value,
    concepts.unit,
    chosen.value_status,
    chosen.report_id,
    chosen.template_code,
    chosen.figure_source,
    chosen.source_kind,
    chosen.source_indicators,
    chosen.evidence,
    concat_ws('; ',
        case
            when chosen.figure_source = 'prose' then 'no table figure in the report: prose figure'
            when prose.prose_value is null then 'table figure'
            when prose.prose_value = chosen.value then 'table figure; the prose of the same report agrees'
            else 'table beats prose of the same report: the prose (' || prose.prose_source || ') says '
                || rtrim(rtrim(format('{:.4f}', prose.prose_value), '0'), '.')
        end,
        case when chosen.source_kind = 'local_row' then 'row of a local table, in the column of the year' end,
        case when chosen.priority > 1
            then 'the preferred cells are blank: fallback ' || chosen.source_indicators end,
        case when chosen.terms_printed < chosen.terms_total
            then 'sum of ' || chosen.terms_printed || ' of ' || chosen.terms_total
                || ' cells printed (blank cells counted as zero)' end,
        case when chosen.value_status = 'approximate' then 'approximate figure (余)' end,
        case when chosen.value_status = 'inferred' then 'a cell inferred from the identities, not printed' end,
        case when chosen.report_id <> chosen.whole_report_id
            then 'printed in a later part of the report (' || chosen.part_path || ')' end,
        case when chosen.canonical_reports > 1
            then 'one of ' || chosen.canonical_reports
                || ' canonical reports of the year: read the one with the most table figures' end
    ) as choice_reason,
    case when chosen.figure_source = 'table' then prose.prose_value end as prose_value,
    chosen.is_region_summary
from ranked as chosen
left join prose
    on prose.whole_report_id = chosen.whole_report_id and prose.concept_code = chosen.concept_code
inner join concepts on concepts.concept_code = chosen.concept_code
where chosen.choice = 1
