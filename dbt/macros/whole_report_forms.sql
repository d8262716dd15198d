{#
  The form (template_code) of each report, read whole: `wholes` is a relation of (report_id,
  whole_report_id), every document under the report it counts for. A report's form is its first part's,
  or, where the first part prints no table of a form (a pager cut before the first table; a page whose
  tables are in a linked file), the form its other parts print. Before, such a report had no in-report
  rule and no cross-year rule: its first part was 'narrative'.
#}
{% macro whole_report_forms(wholes) %}
    select
        {{ wholes }}.whole_report_id as report_id,
        coalesce(
            max(context.template_code) filter (
                where context.report_id = {{ wholes }}.whole_report_id and context.template_code in ('gov2008', 'gov2019', 'gov2021')),
            min(context.template_code) filter (where context.template_code in ('gov2008', 'gov2019', 'gov2021')),
            max(context.template_code) filter (where context.report_id = {{ wholes }}.whole_report_id)
        ) as template_code
    from {{ wholes }}
    inner join {{ ref('int_report_context') }} as context using (report_id)
    group by {{ wholes }}.whole_report_id
{% endmacro %}
