{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- depends_on: {{ ref('int_report_fingerprint') }}
-- One content = one report.
--
-- 1. Copies: documents with the same bytes (sha256), or the same normalised main text (content_hash,
--    computed by the parser) and no two placed bodies of one kind, are one content. A copy under a
--    placed body is canonical over one under a name that places itself nowhere (a repost's); then
--    the copy ingested first (then the first source_path in byte order), so a copy found later
--    never displaces it. The others are 'duplicate' of it. Every path/URL of the content is an alias.
-- 2. Versions: where one agency has two different annual reports for the same year (a re-post,
--    a corrected version), one is kept by the rule below and the others are 'superseded' by it:
--      a. the one with figures in the national tables over one with prose figures only;
--      b. then the one with fewer failing within-report identities;
--      c. then the later published;
--      d. then the one with more figures;
--      e. then the first source_path.
--    Cross-year rules are not used here: they compare against the kept report of the year before.
--
-- An incremental build decides the changed reports (int_report_changes) among every report they
-- compete with: the scope is the changed reports, the reports of their agency-years and the copies
-- of all of those, so each window below sees its whole partition.
with
{%- if is_incremental() %}
fingerprints as (
    select report_id, bytes_key, agency_id, report_year from {{ ref('int_report_fingerprint') }}
),

changed_keys as (
    select bytes_key, agency_id, report_year from fingerprints
    where report_id in (select report_id from {{ ref('int_report_changes') }})
),

competitors as (
    select fingerprints.report_id, fingerprints.bytes_key from fingerprints
    inner join (select distinct bytes_key from changed_keys) as keys using (bytes_key)
    union
    select fingerprints.report_id, fingerprints.bytes_key from fingerprints
    inner join (select distinct agency_id, report_year from changed_keys where agency_id is not null) as keys
        using (agency_id, report_year)
),

scope as (
    select fingerprints.report_id from fingerprints
    inner join (select distinct bytes_key from competitors) as keys using (bytes_key)
    union
    select report_id from competitors
),
{%- endif %}

documents as (
    select report_id, source_path, source_url, sha256, ingested_at from {{ ref('stg_documents') }}
    {%- if is_incremental() %}
    where report_id in (select report_id from scope)
    {%- endif %}
),

reports as (
    select report_id, content_hash, doc_type, published_date, is_region_summary, title, attached_to_report_id
    from {{ ref('stg_reports') }}
),

context as (
    select report_id, agency_id, report_year from {{ ref('int_report_context') }}
),

figures as (
    select
        report_id,
        count(*) as figures,
        count(*) filter (where figure_source = 'table') as table_figures
    from {{ ref('stg_figures') }}
    where report_id in (select report_id from documents)
    group by report_id
),

within_report_rules as (
    select report_id, status from {{ ref('int_rule_report_residuals') }}
    where report_id in (select report_id from documents)
    union all
    select report_id, status from {{ ref('int_rule_applicant_residuals') }}
    where report_id in (select report_id from documents)
),

identities as (
    select
        report_id,
        count(*) filter (where status = 'fail') as identities_failed,
        count(*) filter (where status = 'pass') as identities_passed
    from within_report_rules
    group by report_id
),

keyed as (
    select
        documents.*,
        coalesce('text:' || reports.content_hash, 'bytes:' || documents.sha256) as text_key,
        reports.doc_type,
        reports.title,
        reports.attached_to_report_id,
        reports.published_date,
        coalesce(reports.is_region_summary, false) as is_region_summary,
        context.agency_id,
        context.report_year,
        coalesce(figures.figures, 0) as figures,
        coalesce(figures.table_figures, 0) as table_figures,
        coalesce(identities.identities_failed, 0) as identities_failed,
        coalesce(identities.identities_passed, 0) as identities_passed
    from documents
    left join reports using (report_id)
    left join context using (report_id)
    left join figures using (report_id)
    left join identities using (report_id)
),

-- one normalised text under two placed bodies of one kind is two reports: sibling townships publish one
-- boilerplate text (我镇…) under their own names. A copy under an unplaced name (a repost that drops the
-- county: 江口回族镇人民政府), under no agency or under a body of another kind (the parent government's
-- site) is a copy still: it joins the report of the placed body whose name ends with its name (宁陕县
-- 江口回族镇人民政府), else of the first placed body
agency_names as (
    select agency_id, agency_name, agency_kind, adcode from {{ ref('stg_agencies') }}
),

placed as (
    select agency_id, agency_name, agency_kind from agency_names where adcode is not null
),

placed_under_text as (
    select distinct keyed.text_key, placed.agency_id, placed.agency_name, placed.agency_kind
    from keyed
    inner join placed using (agency_id)
),

joins_placed as (
    select keyed.report_id, min(placed_under_text.agency_id) as agency_id
    from keyed
    inner join agency_names on agency_names.agency_id = keyed.agency_id and agency_names.adcode is null
    inner join placed_under_text
        on placed_under_text.text_key = keyed.text_key
        and ends_with(placed_under_text.agency_name, agency_names.agency_name)
    group by keyed.report_id
),

text_agencies as (
    select
        text_key,
        count(distinct agency_id) as placed_agencies,
        count(distinct agency_kind) as placed_kinds,
        min(agency_id) as first_agency_id
    from placed_under_text
    group by text_key
),

content as (
    select
        keyed.*,
        case
            when text_agencies.placed_agencies > 1 and text_agencies.placed_kinds = 1
                then keyed.text_key || '@'
                    || coalesce(placed.agency_id, joins_placed.agency_id, text_agencies.first_agency_id)
            else keyed.text_key
        end as content_key,
        placed.agency_id is not null as placed_agency
    from keyed
    left join text_agencies using (text_key)
    left join placed using (agency_id)
    left join joins_placed using (report_id)
),

-- documents with the same bytes share their content key even when one of them failed to parse
same_bytes as (
    select
        content.*,
        min(content_key) over (partition by sha256) as bytes_key
    from content
),

text_copies as (
    select
        same_bytes.*,
        first_value(report_id) over (
            partition by bytes_key order by placed_agency desc, ingested_at, source_path
        ) as content_report_id,
        list(coalesce(source_url, source_path) order by source_path) over (partition by bytes_key) as content_locations,
        count(*) over (partition by bytes_key) as copies
    from same_bytes
),

-- a page that links its tables twice (an .xls and a PDF of them) links one content in two formats: of two
-- annual reports a page links, of one agency, year and kind (a region's summary or not), one whose every
-- figure the other prints with the same value, and that prints no more, is a copy of it ('duplicate'; the
-- file with more figures is kept, then the first source_path). Without this the two files printed the same
-- cells, so page and files competed as versions and the page's prose figures were lost. A look-alike (a
-- report's 解读 repeating its figures) and a file of no known agency or year are never the copy kept
linked_files as (
    select
        files.report_id,
        coalesce(page_copy.content_report_id, files.attached_to_report_id) as page_report_id,
        files.agency_id,
        files.report_year,
        files.is_region_summary,
        files.figures,
        files.source_path
    from text_copies as files
    left join text_copies as page_copy on page_copy.report_id = files.attached_to_report_id
    where files.report_id = files.content_report_id
      and files.attached_to_report_id is not null
      and files.doc_type = 'annual_report'
      and files.agency_id is not null
      and files.report_year is not null
      and files.figures > 0
),

linked_file_figures as (
    select distinct linked_files.report_id, printed.indicator_code, printed.applicant_type, printed.value
    from linked_files
    inner join {{ ref('stg_figures') }} as printed using (report_id)
),

-- for two such files of one page, agency and year: how many of the first's figures the second prints with the same value
repeated_figures as (
    select
        repeated.report_id,
        keeping.report_id as keeping_report_id,
        count(*) as figures_repeated
    from linked_files as repeated
    -- a page may link the year before's report too, whose figures (all 0) the year's may all print
    inner join linked_files as keeping
        on keeping.page_report_id = repeated.page_report_id
        and keeping.agency_id = repeated.agency_id
        and keeping.report_year = repeated.report_year
        and keeping.is_region_summary = repeated.is_region_summary
        and keeping.report_id <> repeated.report_id
    inner join linked_file_figures as cell on cell.report_id = repeated.report_id
    inner join linked_file_figures as same
        on same.report_id = keeping.report_id
        and same.indicator_code = cell.indicator_code
        and same.applicant_type is not distinct from cell.applicant_type
        and same.value = cell.value
    group by all
),

format_copies as (
    select
        repeated.report_id,
        arg_min(keeping.report_id, (-keeping.figures, keeping.source_path)) as kept_report_id
    from repeated_figures
    inner join (select report_id, count(*) as cells from linked_file_figures group by report_id) as printed
        using (report_id)
    inner join linked_files as repeated using (report_id)
    inner join linked_files as keeping on keeping.report_id = repeated_figures.keeping_report_id
    where repeated_figures.figures_repeated = printed.cells
      and (keeping.figures > repeated.figures
           or (keeping.figures = repeated.figures and keeping.source_path < repeated.source_path))
    group by repeated.report_id
),

copies as (
    select
        text_copies.* replace (
            coalesce(format_copies.kept_report_id, text_copies.content_report_id) as content_report_id
        ),
        format_copies.kept_report_id is not null as is_format_copy
    from text_copies
    left join format_copies on format_copies.report_id = text_copies.content_report_id
),

-- a report page and the files it links to (its statistics tables as a spreadsheet, a PDF or a Word
-- file) are one report when each prints figures and no two print the same one: the page its prose, the
-- files its tables. A page that only links to its report's file, or a file that repeats the page, is
-- another version of the report and competes as one (the version with the national tables is kept)
attached_members as (
    select
        copies.report_id,
        -- a page kept as several copies (fetched again with other bytes, posted at two addresses) is
        -- its canonical copy, whichever copy links the file
        coalesce(page_copy.content_report_id, copies.report_id) as page_report_id,
        copies.attached_to_report_id is null as is_page,
        copies.agency_id,
        copies.report_year,
        copies.is_region_summary,
        copies.figures,
        copies.source_path
    from copies
    left join copies as page_copy on page_copy.report_id = copies.attached_to_report_id
    where copies.report_id = copies.content_report_id
      and copies.doc_type = 'annual_report'
      and copies.agency_id is not null
      and copies.report_year is not null
      and (copies.attached_to_report_id is not null or copies.report_id in (
          select linked_page.content_report_id
          from copies as linking
          inner join copies as linked_page on linked_page.report_id = linking.attached_to_report_id))
),

attached_shared as (
    select
        members.page_report_id,
        members.agency_id,
        members.report_year,
        members.is_region_summary,
        count(distinct (members.report_id, printed.indicator_code, printed.applicant_type))
            - count(distinct (printed.indicator_code, printed.applicant_type)) as shared_figures
    from attached_members as members
    inner join {{ ref('stg_figures') }} as printed using (report_id)
    group by all
),

attached_groups as (
    select members.page_report_id, members.agency_id, members.report_year, members.is_region_summary
    from attached_members as members
    inner join attached_shared using (page_report_id, agency_id, report_year, is_region_summary)
    group by all
    having count(*) > 1
       and count(*) filter (where members.is_page) = 1
       and min(members.figures) > 0
       and any_value(attached_shared.shared_figures) = 0
),

attached_parts as (
    select
        members.report_id,
        members.page_report_id,
        members.is_page,
        row_number() over (partition by members.page_report_id, members.is_page order by members.source_path)
            as attachment_number
    from attached_members as members
    inner join attached_groups using (page_report_id, agency_id, report_year, is_region_summary)
),

-- one report published in parts is one report: pages of one agency and year whose titles mark them as
-- parts (…年度报告（上） and …（下）, （一）/（二）, （上篇）, 上篇/下篇), or pages of one title whose files a site's
-- pager numbers (t20220208_80613.htm, then t20220208_80613_1.htm: 共2页). The first part stands for the
-- report among the agency's versions, with the figures of all its parts; the others are its 'part's and
-- count with it. Before, the parts competed as versions: a 2022 report split into 上 and 下 kept the
-- 下 only, 190 of its 204 figures
part_pages as (
    select
        report_id,
        agency_id,
        report_year,
        is_region_summary,
        title,
        figures,
        table_figures,
        identities_failed,
        coalesce(
            nullif(regexp_extract(trim(title), '[（(]([上中下一二三四五])篇?[）)]$', 1), ''),
            nullif(regexp_extract(trim(title), '([上中下])篇$', 1), '')
        ) as part_mark,
        coalesce(source_url, source_path) as location,
        try_cast(nullif(regexp_extract(coalesce(source_url, source_path), '_([0-9]{1,2})\.s?html?$', 1), '') as integer)
            as page_number,
        -- a page fetched again after the site edited it is stored twice at one address: its versions,
        -- not two parts; the latest fetched stands for the address among the parts, the others compete
        row_number() over (partition by coalesce(source_url, source_path) order by ingested_at desc, source_path desc)
            as version_at_location
    from copies
    where report_id = content_report_id
      and doc_type = 'annual_report'
      and agency_id is not null
      and report_year is not null
      and (title is not null or report_id in (select report_id from attached_parts))
),

part_keys_of_pages as (
    select
        part_pages.* exclude (version_at_location),
        case
            when version_at_location > 1 then null
            when part_mark is not null then
                'marked|' || regexp_replace(trim(title), '(?:[（(][上中下一二三四五]篇?[）)]|[上中下]篇)$', '')
            when regexp_matches(location, '\.s?html?$') then
                'paged|' || title || '|' || regexp_replace(location, '(?:_[0-9]{1,2})?\.s?html?$', '')
        end as part_title,
        case
            when part_mark is not null then strpos('上一中二下三四五', part_mark)
            else coalesce(page_number, 0)
        end as part_order
    from part_pages
),

-- the files a page links to join the page's parts (its （上）/（下） or its pager's pages), after all of them
part_keys as (
    select
        keys.* replace (
            case
                when attached_parts.report_id is null then keys.part_title
                else coalesce(page_keys.part_title, 'attached|' || attached_parts.page_report_id)
            end as part_title,
            case
                when attached_parts.report_id is null or attached_parts.is_page then keys.part_order
                else 1000 + coalesce(page_keys.part_order, 0) * 100 + attached_parts.attachment_number
            end as part_order
        )
    from part_keys_of_pages as keys
    left join attached_parts using (report_id)
    left join part_keys_of_pages as page_keys on page_keys.report_id = attached_parts.page_report_id
),

-- parts print different cells: two pages that both print one cell of the national tables are two
-- versions (or copies) of the report, not its parts, and compete as before
part_cells as (
    select
        part_keys.agency_id,
        part_keys.report_year,
        part_keys.is_region_summary,
        part_keys.part_title,
        count(*) - count(distinct (table_cells.indicator_code, table_cells.applicant_type)) as repeated_cells
    from part_keys
    inner join {{ ref('stg_figures') }} as table_cells using (report_id)
    where part_keys.part_title is not null and table_cells.figure_source = 'table'
    group by all
),

part_groups as (
    select part_keys.agency_id, part_keys.report_year, part_keys.is_region_summary, part_keys.part_title
    from part_keys
    left join part_cells using (agency_id, report_year, is_region_summary, part_title)
    where part_keys.part_title is not null
    group by all
    having count(*) > 1
       and count(distinct part_keys.part_order) = count(*)
       and coalesce(any_value(part_cells.repeated_cells), 0) = 0
),

parts as (
    select
        part_keys.report_id,
        first_value(part_keys.report_id) over whole as first_part_id,
        row_number() over whole as part_number,
        count(*) over whole as parts,
        sum(part_keys.figures) over whole as whole_figures,
        sum(part_keys.table_figures) over whole as whole_table_figures,
        sum(part_keys.identities_failed) over whole as whole_identities_failed
    from part_keys
    inner join part_groups using (agency_id, report_year, is_region_summary, part_title)
    window whole as (
        partition by part_keys.agency_id, part_keys.report_year, part_keys.is_region_summary, part_keys.part_title
        order by part_keys.part_order
        rows between unbounded preceding and unbounded following
    )
),

-- each canonical copy of an annual report (a report in parts by its first part) competes with the
-- other contents of its agency and year
wholes as (
    select
        copies.* replace (
            coalesce(parts.whole_figures, copies.figures) as figures,
            coalesce(parts.whole_table_figures, copies.table_figures) as table_figures,
            coalesce(parts.whole_identities_failed, copies.identities_failed) as identities_failed
        )
    from copies
    left join parts using (report_id)
    where parts.report_id is null or parts.first_part_id = parts.report_id
),

ranked as (
    select
        report_id,
        agency_id,
        report_year,
        table_figures,
        identities_failed,
        published_date,
        figures,
        source_path,
        first_value(report_id) over w as kept_report_id,
        first_value(table_figures > 0) over w as kept_has_tables,
        first_value(identities_failed) over w as kept_identities_failed,
        first_value(published_date) over w as kept_published_date,
        first_value(figures) over w as kept_figures,
        first_value(source_path) over w as kept_source_path
    from wholes
    where report_id = content_report_id
      and doc_type = 'annual_report'
      and agency_id is not null
      and report_year is not null
    window w as (
        partition by agency_id, report_year, is_region_summary
        order by table_figures > 0 desc, identities_failed, published_date desc nulls last, figures desc, source_path
        rows between unbounded preceding and unbounded following
    )
)

select
    copies.report_id,
    copies.source_path,
    copies.sha256,
    copies.content_key,
    copies.copies,
    case
        when copies.report_id <> copies.content_report_id then 'duplicate'
        when parts.first_part_id <> copies.report_id and ranked.kept_report_id = parts.first_part_id then 'part'
        when ranked.kept_report_id is not null and ranked.kept_report_id <> copies.report_id then 'superseded'
        else 'canonical'
    end as duplicate_status,
    case
        when copies.report_id <> copies.content_report_id then copies.content_report_id
        else coalesce(ranked.kept_report_id, copies.report_id)
    end as canonical_report_id,
    list_filter(copies.content_locations, lambda x: x <> coalesce(copies.source_url, copies.source_path)) as aliases,
    case
        when copies.report_id <> copies.content_report_id and copies.sha256 = original.sha256
            then 'same bytes as ' || original.source_path
        when copies.is_format_copy
            then 'every figure it prints is printed with the same value by ' || original.source_path || ', another file linked from the same page'
        when copies.report_id <> copies.content_report_id
            then 'same normalised text as ' || original.source_path
        when parts.first_part_id <> copies.report_id and ranked.kept_report_id = parts.first_part_id then
            'part ' || parts.part_number || ' of ' || parts.parts || ' of one report, counted with its first part ('
            || ranked.kept_source_path || ')'
        when ranked.kept_report_id is not null and ranked.kept_report_id <> copies.report_id then
            case when parts.first_part_id <> copies.report_id
                then 'part ' || parts.part_number || ' of ' || parts.parts || ' of a report whose first part is superseded: ' else '' end
            || 'another annual report of the agency for ' || ranked.report_year || ' is kept (' || ranked.kept_source_path || '): '
            || case
                when ranked.kept_has_tables and ranked.table_figures = 0 then 'it has figures in the national tables, this one prose only'
                when ranked.kept_identities_failed < ranked.identities_failed
                    then 'fewer failing identities (' || ranked.kept_identities_failed || ' against ' || ranked.identities_failed || ')'
                when ranked.kept_published_date > ranked.published_date or (ranked.published_date is null and ranked.kept_published_date is not null)
                    then 'published later (' || ranked.kept_published_date || ')'
                when ranked.kept_figures > ranked.figures
                    then 'more figures (' || ranked.kept_figures || ' against ' || ranked.figures || ')'
                else 'equal by every rule; the first source path is kept'
            end
    end as duplicate_reason,
    -- what the facts keep: each content once (the canonical copy), and of an agency's annual
    -- reports for a year only the one kept, with all its parts; look-alikes keep their rows, marked by doc_type
    copies.doc_type is not null and copies.report_id = copies.content_report_id
        and (ranked.kept_report_id is null or ranked.kept_report_id = coalesce(parts.first_part_id, copies.report_id))
        as is_counted,
    copies.identities_failed,
    copies.identities_passed,
    -- the report a document's figures count for: its first part when it is a later one, else itself
    case when duplicate_status = 'part' then canonical_report_id else copies.report_id end as whole_report_id
from copies
inner join documents as original on original.report_id = copies.content_report_id
left join parts on parts.report_id = copies.report_id
-- a part is ranked as its first part is
left join ranked on ranked.report_id = coalesce(parts.first_part_id, copies.report_id)
where {{ changed_reports_only('copies.report_id') }}
