-- No query reads ticket events by (client, type, time): KPIs read their own facts, the ticket page
-- and the export read by ticket (ix_ticket_events_ticket), the KPI projection by id. The index only
-- cost every event written (about a fifth of a history import's COPY time into ticket_events).
drop index ix_ticket_events_client_type_at;
