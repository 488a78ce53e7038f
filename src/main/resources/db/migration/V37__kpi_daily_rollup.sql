-- KPIs over a million tickets in < 1 s (issue 6): additive daily sums of the KPI facts, one row per
-- client, day of the first solve (UTC), queue, grouping dimension and group. A question reads them for
-- whole days whose every fact happened by its asOf and whose window has elapsed, and the facts for the
-- rest (the last windowDays, partial days, days not summed yet). Kept by the KPI projection (KpiRollup).

-- cohort counts; reopen_days / break_days: whole days from the first solve to the first reopen / to the
-- first reopen or follow-up (-1 before it, null: none within 90 days, the longest window), so any window
-- of whole days is applied when the rows are read
create table kpi_daily_tickets (
    client_id    bigint      not null,
    solved_on    date        not null,
    queue_id     bigint,
    dimension    varchar(10) not null,
    grp          varchar(40),
    reopen_days  int,
    break_days   int,
    tickets      bigint      not null,
    unescalated  bigint      not null,
    knowledge    bigint      not null,
    at_t1        bigint      not null,
    at_t2        bigint      not null,
    at_t3        bigint      not null,
    out_t1       bigint      not null,
    out_t2       bigint      not null,
    out_t3       bigint      not null
);
create index ix_kpi_daily_tickets on kpi_daily_tickets (client_id, dimension, solved_on);

-- sums over the escalations, CSAT answers and logged time of the cohort tickets
create table kpi_daily_items (
    client_id    bigint      not null,
    solved_on    date        not null,
    queue_id     bigint,
    dimension    varchar(10) not null,
    grp          varchar(40),
    esc_s_t1     bigint      not null,
    esc_s_t2     bigint      not null,
    esc_s_t3     bigint      not null,
    esc_n_t1     bigint      not null,
    esc_n_t2     bigint      not null,
    esc_n_t3     bigint      not null,
    decided      bigint      not null,
    accepted     bigint      not null,
    csat_n_t1    bigint      not null,
    csat_n_t2    bigint      not null,
    csat_n_t3    bigint      not null,
    csat_good_t1 bigint      not null,
    csat_good_t2 bigint      not null,
    csat_good_t3 bigint      not null,
    csat_n       bigint      not null,
    csat_good    bigint      not null,
    min_t1       bigint      not null,
    min_t2       bigint      not null,
    min_t3       bigint      not null,
    minutes      bigint      not null
);
create index ix_kpi_daily_items on kpi_daily_items (client_id, dimension, solved_on);

-- per client and day: whether the sums are stale (facts of the day changed since) and the latest moment
-- of any fact summed (an asOf before it needs the facts)
create table kpi_daily_days (
    client_id      bigint  not null,
    solved_on      date    not null,
    dirty          boolean not null,
    latest_fact_at timestamp with time zone,
    primary key (client_id, solved_on)
);
create index ix_kpi_daily_days_dirty on kpi_daily_days (dirty, client_id, solved_on);

-- false: facts exist that no day row knows of (this upgrade, a bench seed): the projection marks every
-- day of every client stale and sums them, queries read only facts meanwhile
alter table kpi_state add column rollup_ready boolean default false not null;
