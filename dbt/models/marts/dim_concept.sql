-- One row per concept with the recipe of each template: which cells feed it and how
-- ('a + b' adds the printed cells, 'x else y' falls back to y when x is blank). A NULL recipe
-- means the template has no such figure: the concept is absent there, not zero.
with concepts as (
    select * from {{ ref('concepts') }}
),

sources as (
    select * from {{ ref('int_concept_sources') }}
),

groups as (
    select
        concept_code,
        template_code,
        source_kind,
        priority,
        case
            when count(*) = 1 and any_value(how) = 'direct'
                then any_value(case when source_kind = 'local_row' then 'row ~ ' || source else source end)
            else string_agg(case when sign < 0 then '- ' else '' end || source, ' + ' order by source)
        end as recipe
    from sources
    group by all
),

recipes as (
    select concept_code, template_code, source_kind, string_agg(recipe, ' else ' order by priority) as recipe
    from groups
    group by all
)

select
    concepts.concept_code,
    concepts.label_zh,
    concepts.label_en,
    concepts.unit,
    concepts.sort_order,
    concepts.description,
    max(recipes.recipe) filter (where recipes.template_code = 'gov2008') as gov2008_sources,
    max(recipes.recipe) filter (where recipes.template_code = 'gov2019') as gov2019_sources,
    max(recipes.recipe) filter (where recipes.template_code = 'gov2021') as gov2021_sources,
    max(recipes.recipe) filter (where recipes.template_code = 'other_table') as local_table_sources,
    max(recipes.recipe) filter (where recipes.source_kind = 'prose') as prose_sources
from concepts
left join recipes using (concept_code)
group by all
