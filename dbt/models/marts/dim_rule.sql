-- One row per reconciliation rule and template set: the identity, its scope and severity, and what
-- it says in English (rules.csv) and Chinese (rule_texts.csv).
with rules as (
    select * from {{ ref('rules') }}
),

texts as (
    select * from {{ ref('rule_texts') }}
)

select
    rules.rule_id,
    rules.template,
    rules.scope,
    rules.severity,
    rules.expression,
    rules.per_applicant_type,
    rules.description as rule_text_en,
    texts.rule_text_zh
from rules
left join texts using (rule_id)
