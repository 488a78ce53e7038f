-- SPEC §14 history exchange. Imported tickets keep their external id in tickets.external_id, unique
-- per client since V1 (ux_tickets_external), which makes an import idempotent.
-- The export walks one client's tickets by creation, keyset on (created_at, id).
create index ix_tickets_client_created on tickets (client_id, created_at, id);
