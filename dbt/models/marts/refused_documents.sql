-- every file of the raw folder that is not in dim_report, with the reason it was refused
with refused as (
    select * from {{ ref('stg_refused_documents') }}
)

select
    source_path,
    size_bytes,
    reason,
    category,
    refused_at
from refused
order by source_path
