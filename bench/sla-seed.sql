-- 1,000,000 open tickets, each with a running first-response clock and its WARNING and BREACH
-- timers due days ahead (so nothing fires until bench/sla.sh moves some of them), set-based.
\set ON_ERROR_STOP on
select id as acme from organizations where slug = 'acme' \gset
select id as globex from organizations where slug = 'globex' \gset
select id as dana from users where email = 'dana@customer.test' \gset
select id as sam from users where email = 'sam@shopper.test' \gset
insert into tickets (client_id, number, requester_id, subject, channel, severity, tier, assignee_id, status,
                     created_at, updated_at, solved_at, version, sla_clock, sla_warn_at, sla_due_at)
select case when g % 2 = 0 then :acme else :globex end,
       7000000 + g,
       case when g % 2 = 0 then :dana else :sam end,
       'SLA bench ticket ' || g,
       (array['EMAIL','CHAT','WEB','PHONE','API'])[1 + g % 5],
       (array['P1','P2','P3','P3','P4'])[1 + g % 5],
       (array['T1','T1','T2'])[1 + (g / 7) % 3],
       null,
       (array['NEW','OPEN'])[1 + g % 2],
       now() - interval '1 hour', now() - interval '1 hour', null, 0,
       'FIRST_RESPONSE',
       now() + interval '1 day' + (g % 2592000) * interval '1 second' * 0.8,
       now() + interval '1 day' + (g % 2592000) * interval '1 second'
from generate_series(1, 1000000) g;

insert into sla_clocks (ticket_id, client_id, clock, tier, channel, severity, target_ms, business_time, calendar_id,
                        warning_percent, actions, state, warned, breached, started_at, elapsed_ms, segment_started_at,
                        warn_at, due_at, breached_at, stopped_at)
select id, client_id, 'FIRST_RESPONSE', tier, channel, severity, 14400000, false, null,
       80, 'NOTIFY_LEAD', 'RUNNING', false, false, created_at, 0, created_at,
       sla_warn_at, sla_due_at, null, null
from tickets where number > 7000000;

insert into sla_timers (clock_id, kind, due_at)
select id, 'WARNING', warn_at from sla_clocks where ticket_id in (select id from tickets where number > 7000000)
union all
select id, 'BREACH', due_at from sla_clocks where ticket_id in (select id from tickets where number > 7000000);

analyze tickets;
analyze sla_clocks;
analyze sla_timers;
select (select count(*) from tickets where status in ('NEW', 'OPEN')) as open_tickets,
       (select count(*) from sla_clocks where state = 'RUNNING') as running_clocks,
       (select count(*) from sla_timers) as timers;
