with applicant_types as (
    select * from {{ ref('applicant_types') }}
)

select applicant_type, label_zh, group_zh, description
from applicant_types
