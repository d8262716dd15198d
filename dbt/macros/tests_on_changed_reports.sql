{#
  Data tests of an incremental model test the rows this build wrote: the rows of the reports in
  int_report_changes (every report on a first build or --full-refresh, when the change set lists
  them all). Rows of other reports were tested by the build that wrote them and have not changed
  since, so a build over a few changed reports does not scan every fact table of the warehouse.
  Tables rebuilt whole (dimensions, seeds, the change set itself) and the staging views are tested
  whole: staging tests run before this build's change set exists. A test's own `where` config still applies.
#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set conditions = [] -%}
    {%- if where -%}
        {%- do conditions.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- if execute and is_replaced_by_report(relation) -%}
        {%- set changes = api.Relation.create(database=relation.database, schema='intermediate',
                                              identifier='int_report_changes') -%}
        {%- do conditions.append('report_id in (select report_id from ' ~ changes ~ ')') -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ conditions | join(' and ') ~ ') dbt_subquery') -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- Whether a relation is one of the incremental models whose rows are replaced by report. -#}
{% macro is_replaced_by_report(relation) -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.alias == relation.identifier and node.schema == relation.schema -%}
            {%- if node.config.materialized == 'incremental' and node.config.incremental_strategy == 'replace_reports' -%}
                {%- do return(true) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do return(false) -%}
{%- endmacro %}
