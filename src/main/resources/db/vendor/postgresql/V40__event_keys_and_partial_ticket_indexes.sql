-- PostgreSQL only (H2 has no partial indexes; there the older keys stay beside V39's, harmless).
-- The composite key of V39 covers both: the ticket exists, and the event's client is the ticket's
-- (whose own key guarantees the organization).
alter table ticket_events drop constraint ticket_events_ticket_id_fkey;
alter table ticket_events drop constraint ticket_events_client_id_fkey;

-- Only tickets with a running SLA clock have a due time, and only follow-ups name an original:
-- every query on these columns asks for non-null values (the by-due queue says "sla_due_at is
-- not null"), so the other tickets — most of them, and every imported one — need no entry.
drop index ix_tickets_sla_due;
create index ix_tickets_sla_due on tickets (sla_due_at, id) where sla_due_at is not null;
drop index ix_tickets_client_sla_due;
create index ix_tickets_client_sla_due on tickets (client_id, sla_due_at, id) where sla_due_at is not null;
drop index ix_tickets_follow_up;
create index ix_tickets_follow_up on tickets (follow_up_of) where follow_up_of is not null;
