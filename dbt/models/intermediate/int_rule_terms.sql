-- The in-report rules of rules.csv read as data: one row per rule, template, part, side and
-- indicator code. `t3.denied.*` expands to every code of that family in the template; `;`
-- separates independent parts (R-S-BYHEAD); `<=` marks an inequality.
with rules as (
    select * from {{ ref('rules') }}
    where scope = 'report' and rule_id not in ('R-T3-APPLICANTS', 'X-NARRATIVE')
),

by_template as (
    select rules.*, trim(t.template_code) as template_code
    from rules, unnest(string_split(rules.template, '|')) as t(template_code)
),

parts as (
    select
        by_template.*,
        p.part_index,
        trim(string_split(by_template.expression, ';')[p.part_index]) as part
    from by_template, unnest(range(1, len(string_split(by_template.expression, ';')) + 1)) as p(part_index)
),

sides as (
    select
        *,
        case when contains(part, '<=') then '<=' else '=' end as op
    from parts
),

split as (
    select
        rule_id, template_code, severity, per_applicant_type, part_index, op,
        trim(split_part(part, op, 1)) as lhs_expr,
        trim(split_part(part, op, 2)) as rhs_expr
    from sides
),

terms as (
    select split.*, 'lhs' as side, trim(t.term) as term
    from split, unnest(string_split(split.lhs_expr, '+')) as t(term)
    union all
    select split.*, 'rhs' as side, trim(t.term) as term
    from split, unnest(string_split(split.rhs_expr, '+')) as t(term)
)

select
    terms.rule_id,
    terms.template_code,
    terms.severity,
    terms.per_applicant_type,
    terms.part_index,
    terms.op,
    terms.side,
    terms.term,
    indicators.indicator_code,
    indicators.unit
from terms
inner join {{ ref('indicators') }} as indicators
    on (
        indicators.indicator_code = terms.term
        or (ends_with(terms.term, '.*') and starts_with(indicators.indicator_code, rtrim(terms.term, '*')))
    )
    and list_contains(string_split(indicators.template, '|'), terms.template_code)
