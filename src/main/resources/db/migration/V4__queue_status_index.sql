-- The queue filtered by status across clients (status=OPEN) walks this instead of skipping past
-- every newer ticket of another status (measured: 21 ms -> 0.6 ms execution over 1M tickets).
create index ix_tickets_status_updated on tickets (status, updated_at, id);
