-- KPI facts gain the ticket's queue (filter and grouping: the parallel-run report compares teams on
-- one queue) and the time to complete diagnostic documentation (SPEC §7: from first arrival at T2 to
-- the escalation into T3 whose template was complete, i.e. not returned for missing information).
alter table kpi_tickets add column queue_id bigint;
alter table kpi_tickets add column diagnostic_seconds bigint;
alter table kpi_items add column queue_id bigint;
create index ix_kpi_tickets_queue on kpi_tickets (client_id, queue_id, first_solved_at);
-- facts projected before this version lack both: project every ticket again
delete from kpi_items;
delete from kpi_tickets;
update kpi_state set last_event_id = 0;
