{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- The printed cells behind every failing rule evaluation: from a failing row of fct_reconciliation
-- to the figures on each side of the identity, with the document they were read from and their
-- evidence. Only failing rows are expanded, so the table stays as small as the problems.
with failing as (
    select report_id, rule_id, applicant_type, subject, template_code, agency_id, report_year, lhs
    from {{ ref('fct_reconciliation') }}
    where status = 'fail' and {{ changed_reports_only() }}
),

terms as (
    select * from {{ ref('int_rule_terms') }}
),

concepts as (
    select indicator_code, concept_code from {{ ref('indicators') }} where concept_code is not null
    union all
    -- lawsuits in table four are direct suits plus suits after review (as int_rule_narrative_residuals adds them)
    select indicator_code, 'suit_cases' from {{ ref('indicators') }}
    where indicator_code in ('t4.suit_direct.total', 't4.suit_after_review.total')
),

-- the documents the facts count, each under the report it counts for (a report in parts: its first part)
wholes as (
    select report_id, whole_report_id from {{ ref('int_document_identity') }} where is_counted
),

forms as (
    {{ whole_report_forms('wholes') }}
),

-- the counted reports, each of the form its parts print
context as (
    select context.* replace (forms.template_code as template_code)
    from {{ ref('int_report_context') }} as context
    inner join forms using (report_id)
),

-- last year's report of the same agency, chosen as int_rule_cross_year_residuals chooses it
previous as (
    select cur.report_id, prev.report_id as prev_report_id
    from context as cur
    inner join context as prev
        on prev.agency_id = cur.agency_id
        and prev.report_year = cur.report_year - 1
        and prev.report_id <> cur.report_id
        and prev.is_region_summary is not distinct from cur.is_region_summary
        and prev.doc_type = 'annual_report'
        and prev.template_code in ('gov2019', 'gov2021')
    where cur.doc_type = 'annual_report' and cur.template_code in ('gov2019', 'gov2021')
      and {{ changed_reports_only('cur.report_id') }}
    qualify row_number() over (partition by cur.report_id order by prev.report_id) = 1
),

-- the failing reports' figures and those of the reports of the year before, keyed twice: under the
-- document that prints them ('own') and under the report they count for ('whole': a report in parts is
-- its first part, and a rule evaluated on a report reads the cells of all its parts)
figure_rows as (
    select figures.report_id, wholes.whole_report_id, figures.indicator_code, figures.applicant_type,
           figures.value, figures.value_status, figures.evidence, figures.figure_source
    from {{ ref('fct_indicator_value') }} as figures
    inner join wholes using (report_id)
    where wholes.whole_report_id in (select report_id from failing)
       or wholes.whole_report_id in (select prev_report_id from previous where report_id in (select report_id from failing))
       or figures.report_id in (select report_id from failing)
),

figures as (
    select report_id as key_report_id, 'own' as key_kind, * from figure_rows
    union all
    select whole_report_id as key_report_id, 'whole' as key_kind, * from figure_rows
),

cells as (
    -- identities within one report: the terms of the failing part, in the row's applicant column
    select failing.*, terms.side, failing.report_id as cell_report_id, 'whole' as cell_key_kind, terms.indicator_code,
           failing.applicant_type as cell_applicant_type
    from failing
    inner join terms
        on terms.rule_id = failing.rule_id
        and terms.template_code = failing.template_code
        and terms.part_index = try_cast(replace(failing.subject, 'part ', '') as integer)
    where starts_with(failing.subject, 'part ')

    union all
    -- R-T3-APPLICANTS (a document's own rows): the row's total column against its applicant columns
    select failing.*, case when figures.applicant_type = 'total' then 'lhs' else 'rhs' end,
           failing.report_id, 'own', failing.subject, figures.applicant_type
    from failing
    inner join figures
        on figures.key_kind = 'own' and figures.key_report_id = failing.report_id and figures.indicator_code = failing.subject
    where failing.rule_id = 'R-T3-APPLICANTS'

    union all
    -- X-NARRATIVE: the prose figure the row compared (its lhs: two parts may state the concept, one of them
    -- as the table does) against the table figure(s) of the same concept, each in the document that prints it
    select failing.*, case when figures.figure_source = 'prose' then 'lhs' else 'rhs' end,
           figures.report_id, 'own', figures.indicator_code, 'total'
    from failing
    inner join concepts on concepts.concept_code = failing.subject
    inner join figures
        on figures.key_kind = 'whole'
        and figures.key_report_id = failing.report_id
        and figures.indicator_code = concepts.indicator_code
        and figures.applicant_type = 'total'
    where failing.rule_id = 'X-NARRATIVE' and (figures.figure_source <> 'prose' or figures.value = failing.lhs)

    union all
    -- X-CARRY: this year's carried over against last year's carried forward
    select failing.*, 'lhs', failing.report_id, 'whole', 't3.carried_over', failing.applicant_type
    from failing where failing.rule_id = 'X-CARRY'
    union all
    select failing.*, 'rhs', previous.prev_report_id, 'whole', 't3.carried_forward', failing.applicant_type
    from failing inner join previous using (report_id) where failing.rule_id = 'X-CARRY'

    union all
    -- X-T2-ITEMS: this year's items at the start against last year's items and change
    select failing.*, 'lhs', failing.report_id, 'whole', failing.subject, 'total'
    from failing where failing.rule_id = 'X-T2-ITEMS'
    union all
    select failing.*, 'rhs', previous.prev_report_id, 'whole', t.indicator_code, 'total'
    from failing
    inner join previous using (report_id)
    cross join unnest([failing.subject, replace(failing.subject, '.prev_items', '.change')]) as t(indicator_code)
    where failing.rule_id = 'X-T2-ITEMS'
)

select
    cells.report_id,
    cells.rule_id,
    cells.applicant_type,
    cells.subject,
    cells.agency_id,
    cells.report_year,
    cells.side,
    -- the document that prints the cell: a later part of a report in parts where that part prints it
    coalesce(figures.report_id, cells.cell_report_id) as cell_report_id,
    documents.source_path,
    documents.source_url,
    cells.indicator_code,
    cells.cell_applicant_type,
    figures.value,
    figures.value_status,
    figures.figure_source,
    figures.evidence
from cells
left join figures
    on figures.key_kind = cells.cell_key_kind
    and figures.key_report_id = cells.cell_report_id
    and figures.indicator_code = cells.indicator_code
    and figures.applicant_type = cells.cell_applicant_type
left join {{ ref('stg_documents') }} as documents
    on documents.report_id = coalesce(figures.report_id, cells.cell_report_id)
-- an addend printed blank has no figure: it counted as zero and is shown as a blank cell
