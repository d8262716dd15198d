-- What the last complete build was built with: the digest of the dbt project and its vars, and the
-- parser version of the staged rows. The Dagster build compares them with the current ones and
-- rebuilds every incremental model (--full-refresh) when either changed.
-- depends_on: {{ ref('int_report_state') }}
select
    '{{ var("models_digest") }}' as models_digest,
    '{{ var("parser_version") }}' as parser_version,
    {{ 'true' if flags.FULL_REFRESH else 'false' }} as full_refresh,
    (select count(*) from {{ ref('int_report_changes') }}) as changed_reports,
    now()::timestamp as built_at
