with source as (
    select * from {{ source('staging', 'reports') }}
),

documents as (
    select report_id, source_path, source_url, ingested_at from {{ source('staging', 'documents') }}
),

attachment_pages as (
    select * from {{ ref('stg_attachment_pages') }}
),

-- the page each attachment was fetched from: the stored version of the page that links to it (an older
-- provenance log names its URL only: then that URL's latest stored version), when it is an annual
-- report and no attachment itself (links are followed one level deep)
page_candidates as (
    select attachment_pages.source_path, page_documents.report_id, page_documents.ingested_at
    from attachment_pages
    inner join documents as page_documents on page_documents.source_path = attachment_pages.page_path
    union all
    select attachment_pages.source_path, page_documents.report_id, page_documents.ingested_at
    from attachment_pages
    inner join documents as page_documents on page_documents.source_url = attachment_pages.page_url
    where attachment_pages.page_path is null
),

pages as (
    select attached.report_id, arg_max(candidates.report_id, (candidates.ingested_at, candidates.report_id))
        as page_report_id
    from documents as attached
    inner join page_candidates as candidates using (source_path)
    inner join source as page_reports on page_reports.report_id = candidates.report_id
    where page_reports.doc_type = 'annual_report'
      and candidates.report_id not in (
          select report_id from documents where source_path in (select source_path from attachment_pages))
      and candidates.report_id <> attached.report_id
    group by attached.report_id
),

linked as (
    select
        source.*,
        pages.page_report_id,
        source.doc_type = 'annual_report' and pages.page_report_id is not null as inherits
    from source
    left join pages using (report_id)
),

renamed as (
    select
        source.report_id,
        source.sha256,
        source.title,
        -- a file read as an annual report that names no agency or year of its own (a page's statistics
        -- tables alone name neither) is its page's: the page is the report it was published with
        case when inherits then coalesce(source.agency_id, page.agency_id) else source.agency_id end as agency_id,
        case when inherits and source.agency_id is null then page.agency_name else source.agency_name end as agency_name,
        case when inherits then coalesce(source.report_year, page.report_year) else source.report_year end as report_year,
        source.published_date,
        source.doc_type,
        source.doc_type_reason,
        source.template_code,
        -- a region's summary report is one with its files: tables alone do not say what they sum up
        case when inherits then source.is_region_summary or coalesce(page.is_region_summary, false)
            else source.is_region_summary end as is_region_summary,
        source.page_url,
        source.content_hash,
        nullif(source.warnings, '') as parse_warnings,
        source.parser_version,
        source.parsed_at,
        source.page_report_id as attached_to_report_id,
        case when inherits then nullif(concat_ws(', ',
            case when source.report_year is null and page.report_year is not null then 'report_year' end,
            case when source.agency_id is null and page.agency_id is not null then 'agency' end
        ), '') end as taken_from_page
    from linked as source
    left join source as page on page.report_id = source.page_report_id
)

select * from renamed
