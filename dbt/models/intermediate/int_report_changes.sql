-- The reports an incremental build recomputes: every report whose staged rows changed since the
-- last build (new, re-ingested, re-parsed, failed, agency re-resolved) or that left staging, and the
-- reports whose rows depend on them across documents:
--   * copies: every report with the same content (bytes_key) before or after the change, since
--     which copy is canonical and which are duplicates is decided among them;
--   * versions and cross-year rules: every report of the same agency in the same year (which
--     version is kept) or the next year (X-CARRY and X-T2-ITEMS read the kept report of the year before);
--   * then, once more, the copies and the same agency-year of those reports, so that whether a
--     dependent report is a kept canonical copy is decided among all of its competitors.
-- The comparison is with int_report_state, the fingerprints of the last build (written after every
-- incremental model succeeded). Without it, or on --full-refresh, every report is in the set.
{%- set state = adapter.get_relation(database=this.database, schema=this.schema, identifier='int_report_state') if execute else none %}

with current_ as (
    select * from {{ ref('int_report_fingerprint') }}
),

{% if state is none or flags.FULL_REFRESH %}

changes as (
    select report_id, 'full build' as change from current_
)

{% else %}

previous as (
    select report_id, fingerprint, bytes_key, agency_id, report_year from {{ state }}
),

direct as (
    select
        coalesce(current_.report_id, previous.report_id) as report_id,
        case
            when previous.report_id is null then 'new'
            when current_.report_id is null then 'removed'
            else 'changed'
        end as change
    from current_
    full outer join previous using (report_id)
    where current_.fingerprint is distinct from previous.fingerprint
),

-- the keys of the changed reports before and after the change
touched as (
    select bytes_key, agency_id, report_year from current_ where report_id in (select report_id from direct)
    union
    select bytes_key, agency_id, report_year from previous where report_id in (select report_id from direct)
),

first_hop as (
    select current_.report_id, 'same content as a changed report' as change
    from current_ inner join (select distinct bytes_key from touched) as keys using (bytes_key)
    union all
    select current_.report_id, 'same agency, same or next year as a changed report'
    from current_
    inner join (select distinct agency_id, report_year from touched where agency_id is not null) as keys
        on keys.agency_id = current_.agency_id
        and current_.report_year in (keys.report_year, keys.report_year + 1)
),

first_keys as (
    select bytes_key, agency_id, report_year
    from current_
    where report_id in (select report_id from first_hop)
),

second_hop as (
    select current_.report_id, 'same content as a dependent report' as change
    from current_ inner join (select distinct bytes_key from first_keys) as keys using (bytes_key)
    union all
    select current_.report_id, 'same agency and year as a dependent report'
    from current_
    inner join (select distinct agency_id, report_year from first_keys where agency_id is not null) as keys
        on keys.agency_id = current_.agency_id and keys.report_year = current_.report_year
),

changes as (
    select report_id, change from direct
    union all
    select report_id, min(change) from first_hop
    where report_id not in (select report_id from direct)
    group by report_id
    union all
    select report_id, min(change) from second_hop
    where report_id not in (select report_id from direct)
      and report_id not in (select report_id from first_hop)
    group by report_id
)

{% endif %}

select report_id, change from changes
