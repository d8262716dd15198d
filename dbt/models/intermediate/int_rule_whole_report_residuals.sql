{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- In-report identities of the reports published in parts, evaluated on the figures of all their parts
-- under the first part: a site's pager can cut a table between two parts, and each part alone would
-- fail the identities whose cells the other prints. Every part of a report is of one agency and year,
-- so an incremental build that recomputes one part recomputes them all.
{{ in_report_identities(whole_reports=true) }}
