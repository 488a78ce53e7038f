-- PostgreSQL only. The state index serves the review queue of held messages (state = 'HELD');
-- sent messages, nearly all of them and every imported one, need no entry in it.
drop index ix_messages_state;
create index ix_messages_state on messages (state, id) where state <> 'SENT';
