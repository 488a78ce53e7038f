-- An event's client is its ticket's client: one foreign key now says so, (ticket_id, client_id) ->
-- tickets (id, client_id). On PostgreSQL it replaces the two single-column keys (V40 there): each
-- key is a lookup per inserted row, and events are the most written rows (eight per imported ticket).
alter table tickets add constraint ux_tickets_id_client unique (id, client_id);
alter table ticket_events add constraint fk_ticket_events_ticket_client
    foreign key (ticket_id, client_id) references tickets (id, client_id);
