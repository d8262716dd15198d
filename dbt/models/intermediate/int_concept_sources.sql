-- concept_sources with one row per template: the seed names the templates a source applies to in
-- one '|'-separated cell, and the concept values and the concept recipes both join on one template.
select
    concept_code,
    unnest(string_split(template, '|')) as template_code,
    source_kind,
    source,
    how,
    sign,
    priority
from {{ ref('concept_sources') }}
