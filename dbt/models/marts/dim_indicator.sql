with indicators as (
    select * from {{ ref('indicators') }}
)

select
    indicator_code,
    template,
    "table" as table_label,
    row_label,
    column_label,
    unit,
    parent_code,
    concept_code,
    has_applicant_types,
    description
from indicators
