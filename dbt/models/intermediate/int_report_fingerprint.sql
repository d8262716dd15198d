-- One row per report known to staging with a digest of every staged row the marts read about it
-- alone (its document, its parse, its parse error, its agency's names and place), and the keys that
-- tie it to other reports: the content it shares with copies (bytes_key, as int_document_identity
-- groups copies) and its agency and year (versions of one year, cross-year rules).
-- Figures, unplaced figures and uncoded rows are written with the report: parsed_at stands for them.
with documents as (
    select * from {{ ref('stg_documents') }}
),

reports as (
    select * from {{ ref('stg_reports') }}
),

errors as (
    select * from {{ ref('stg_parse_errors') }}
),

agencies as (
    select agency_id, agency_name, province, prefecture, county, adcode from {{ ref('stg_agencies') }}
),

joined as (
    select
        coalesce(documents.report_id, reports.report_id, errors.report_id) as report_id,
        coalesce(documents.sha256, reports.sha256, errors.sha256) as sha256,
        coalesce('text:' || reports.content_hash, 'bytes:' || coalesce(documents.sha256, reports.sha256, errors.sha256))
            as content_key,
        agencies.agency_id,
        reports.report_year,
        md5(concat_ws('|',
            coalesce(documents::varchar, ''),
            coalesce(reports::varchar, ''),
            coalesce(errors::varchar, ''),
            coalesce(agencies::varchar, ''))) as fingerprint
    from documents
    full outer join reports on reports.report_id = documents.report_id
    full outer join errors on errors.report_id = coalesce(documents.report_id, reports.report_id)
    left join agencies on agencies.agency_id = reports.agency_id
)

select
    report_id,
    fingerprint,
    -- documents with the same bytes share their content key even when one of them failed to parse
    min(content_key) over (partition by sha256) as bytes_key,
    agency_id,
    report_year
from joined
