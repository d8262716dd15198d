{{ config(materialized='incremental', incremental_strategy='replace_reports', unique_key='report_id',
          on_schema_change='fail') }}
-- depends_on: {{ ref('int_report_changes') }}
-- In-report identities evaluated per document, on its own figures: what ranks a report's versions
-- (int_document_identity). The marts show them per report (int_rule_whole_report_residuals).
{{ in_report_identities(whole_reports=false) }}
