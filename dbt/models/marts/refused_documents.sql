-- every file of the raw folder that is not read as a document now, with the reason it was refused;
-- a file that held a stored document keeps that version (kept_report_id) until the file is removed
with refused as (
    select * from {{ ref('stg_refused_documents') }}
),

documents as (
    select report_id, source_path from {{ ref('stg_documents') }}
)

select
    refused.source_path,
    refused.size_bytes,
    refused.reason,
    refused.category,
    refused.refused_at,
    documents.report_id as kept_report_id
from refused
left join documents using (source_path)
order by refused.source_path
