-- The queue's search box finds "ACME-1042" or "1042" by number across the caller's clients.
create index ix_tickets_number on tickets (number);
