-- KPI queries over a million tickets (issue 6: < 1 s): the backlog at asOf reads only intervals
-- still open then (at null or after asOf) instead of every interval of the client; the time to
-- complete diagnostic documentation reads only tickets that have it.
create index ix_kpi_items_open_end on kpi_items (client_id, kind, at);
create index ix_kpi_tickets_diagnostic on kpi_tickets (client_id, diagnostic_seconds, first_solved_at);
