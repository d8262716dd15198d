{#
  Incremental builds by report. Every heavy per-report model is `incremental` with
  `incremental_strategy='replace_reports'`: on an incremental run it computes rows for the reports
  of `int_report_changes` only (the reports whose staged rows changed, the removed ones, and the
  reports whose rows depend on them), deletes every row of those reports from the table and inserts
  the new rows. A report that now has no rows (removed, no longer counted) thus loses its old rows,
  which delete+insert on the new rows' keys would keep. A first build or `--full-refresh` builds the
  whole table from every report.
#}

{#- The condition that keeps a model's input to the reports of this run: true on a full build. -#}
{% macro changed_reports_only(column='report_id') -%}
    {%- if is_incremental() -%}
        {{ column }} in (select report_id from {{ ref('int_report_changes') }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- The custom incremental strategy: replace every row of the changed reports (and, for the models
    chosen per agency and year, every row of their agency-years). What it replaced is written to
    intermediate.incremental_rows, one row per model: the rows deleted and the rows inserted by the
    last incremental build, so a build can be shown to have touched the changed reports only. -#}
{% macro get_incremental_replace_reports_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set source = arg_dict['temp_relation'] -%}
    {%- set key = arg_dict['unique_key'] or 'report_id' -%}
    {%- set dest_cols_csv = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    {%- set log = api.Relation.create(database=target.database, schema='intermediate', identifier='incremental_rows') -%}
    {%- set replaced -%}
        {{ key }} in (select report_id from {{ ref('int_report_changes') }})
        {%- if config.get('replace_agency_years') %}
        or (agency_id, report_year) in ({{ changed_agency_years() }})
        {%- endif %}
    {%- endset -%}
    create table if not exists {{ log }} (
        model varchar, changed_reports bigint, rows_deleted bigint, rows_inserted bigint, rows_kept bigint,
        built_at timestamp);
    delete from {{ log }} where model = '{{ target.identifier }}';
    insert into {{ log }}
    select '{{ target.identifier }}',
           (select count(*) from {{ ref('int_report_changes') }}),
           (select count(*) from {{ target }} where {{ replaced }}),
           (select count(*) from {{ source }}),
           (select count(*) from {{ target }} where not coalesce(({{ replaced }}), false)),
           now()::timestamp;

    delete from {{ target }} where {{ replaced }};

    insert into {{ target }} ({{ dest_cols_csv }})
    select {{ dest_cols_csv }} from {{ source }}
{%- endmacro %}

{#- The agency-years of the changed reports (as staged now): the grain fct_agency_year_concept and
    mart_agency_year are replaced by, since one report of an agency-year is chosen among all of them. -#}
{% macro changed_agency_years() -%}
    select distinct agency_id, report_year
    from {{ ref('int_report_fingerprint') }}
    where report_id in (select report_id from {{ ref('int_report_changes') }})
      and agency_id is not null and report_year is not null
{%- endmacro %}

{% macro in_changed_agency_years(agency_column='agency_id', year_column='report_year') -%}
    {%- if is_incremental() -%}
        ({{ agency_column }}, {{ year_column }}) in ({{ changed_agency_years() }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
