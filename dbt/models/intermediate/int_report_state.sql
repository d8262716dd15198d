-- The fingerprints of this build, read by the next build's int_report_changes. It depends on every
-- incremental model, so it is written only when all of them were built: a failed build leaves the
-- previous state, and the next build recomputes the same reports again.
-- depends_on: {{ ref('int_report_changes') }}
-- depends_on: {{ ref('dim_report') }}
-- depends_on: {{ ref('fct_indicator_value') }}
-- depends_on: {{ ref('fct_reconciliation') }}
-- depends_on: {{ ref('fct_reconciliation_cell') }}
-- depends_on: {{ ref('fct_unplaced_figure') }}
-- depends_on: {{ ref('fct_agency_year_concept') }}
-- depends_on: {{ ref('mart_agency_year') }}
-- depends_on: {{ ref('mart_reports_fit_for_analysis') }}
select report_id, fingerprint, bytes_key, agency_id, report_year
from {{ ref('int_report_fingerprint') }}
