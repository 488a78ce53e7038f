-- 1,000,000 solved tickets of one client (acme) over a year, with their KPI facts (kpi_tickets)
-- and what they have many of (kpi_items: escalations, CSAT answers, logged time, open intervals),
-- set-based, into the running app's database. The projection that normally writes these facts from
-- ticket events is measured by the KPI tests; this measures the queries over a million of them.
\set ON_ERROR_STOP on
select id as acme from organizations where slug = 'acme' \gset
select id as dana from users where email = 'dana@customer.test' \gset
select min(id) as team from teams \gset
select max(id) as team2 from teams \gset
select min(id) as category from categories where client_id = :acme \gset
select string_agg(id::text, ',') as agents from users where email like '%@northwind.test' \gset
\timing on
insert into tickets (client_id, number, requester_id, subject, channel, severity, tier, status,
                     created_at, updated_at, solved_at, version)
select :acme, 7000000 + g, :dana, 'KPI bench ticket ' || g,
       (array['EMAIL','CHAT','WEB','PHONE','API'])[1 + g % 5], (array['P1','P2','P3','P3','P4'])[1 + g % 5],
       (array['T1','T1','T1','T2','T2','T3'])[1 + g % 6], 'CLOSED',
       timestamptz '2025-01-01' + (g % 525600) * interval '1 minute' + (g % 97) * interval '1 second',
       timestamptz '2025-01-01' + (g % 525600) * interval '1 minute' + interval '3 hours',
       timestamptz '2025-01-01' + (g % 525600) * interval '1 minute' + interval '3 hours', 0
from generate_series(1, 1000000) g;

create temporary table bench_ids as
select id, row_number() over (order by id) as g from tickets where number > 7000000 and client_id = :acme;

insert into kpi_tickets (ticket_id, client_id, channel, category_id, created_at, created_tier, first_solved_at, resolution_tier,
                         agent_id, team_id, team_kind, first_escalated_at, reopened_at, follow_up_at, knowledge_at,
                         t1_arrived_at, t2_arrived_at, t3_arrived_at, t1_escalated_at, t2_escalated_at, t3_escalated_at, event_count)
select t.id, :acme, t.channel, :category + b.g % 4, t.created_at, 'T1', t.solved_at,
       (array['T1','T1','T1','T2','T2','T3'])[1 + b.g % 6],
       (string_to_array(:'agents', ','))[1 + b.g % 5]::bigint,
       case when b.g % 3 = 0 then :team2 else :team end,
       case when b.g % 3 = 0 then 'INTERNAL' else 'EXTERNAL' end,
       case when b.g % 6 >= 3 then t.created_at + interval '1 hour' end,
       case when b.g % 13 = 0 then t.solved_at + interval '2 days' end,
       case when b.g % 29 = 0 then t.solved_at + interval '3 days' end,
       case when b.g % 17 = 0 then t.solved_at + interval '1 hour' end,
       t.created_at,
       case when b.g % 6 >= 3 then t.created_at + interval '1 hour' end,
       case when b.g % 6 = 5 then t.created_at + interval '2 hours' end,
       case when b.g % 6 >= 3 then t.created_at + interval '1 hour' end,
       case when b.g % 6 = 5 then t.created_at + interval '2 hours' end,
       null, 8
from tickets t join bench_ids b on b.id = t.id;

-- items: escalations (out of T1 for half, out of T2 for a sixth), CSAT on a third, time on every ticket, one open interval each
insert into kpi_items (ticket_id, client_id, kind, first_solved_at, channel, category_id, resolution_tier, agent_id, team_id, team_kind,
                       tier, to_tier, started_at, at, decision, decided_at, amount)
select k.ticket_id, k.client_id, 'ESCALATION', k.first_solved_at, k.channel, k.category_id, k.resolution_tier, k.agent_id, k.team_id,
       k.team_kind, 'T1', 'T2', k.created_at, k.t1_escalated_at, null, null, 3600
from kpi_tickets k where k.client_id = :acme and k.t1_escalated_at is not null
union all
select k.ticket_id, k.client_id, 'ESCALATION', k.first_solved_at, k.channel, k.category_id, k.resolution_tier, k.agent_id, k.team_id,
       k.team_kind, 'T2', 'T3', k.t2_arrived_at, k.t2_escalated_at,
       case when k.ticket_id % 7 = 0 then 'RETURNED' else 'ACCEPTED' end, k.t2_escalated_at + interval '30 minutes', 3600
from kpi_tickets k where k.client_id = :acme and k.t2_escalated_at is not null
union all
select k.ticket_id, k.client_id, 'CSAT', k.first_solved_at, k.channel, k.category_id, k.resolution_tier, k.agent_id, k.team_id,
       k.team_kind, null, null, null, k.first_solved_at + interval '1 hour', null, null, 1 + k.ticket_id % 5
from kpi_tickets k where k.client_id = :acme and k.ticket_id % 3 = 0
union all
select k.ticket_id, k.client_id, 'TIME', k.first_solved_at, k.channel, k.category_id, k.resolution_tier, k.agent_id, k.team_id,
       k.team_kind, k.resolution_tier, null, null, k.first_solved_at, null, null, 5 + k.ticket_id % 40
from kpi_tickets k where k.client_id = :acme
union all
select k.ticket_id, k.client_id, 'OPEN', k.first_solved_at, k.channel, k.category_id, k.resolution_tier, k.agent_id, k.team_id,
       k.team_kind, null, null, k.created_at, case when k.ticket_id % 50 = 0 then null else k.first_solved_at end, null, null,
       extract(epoch from k.created_at)::bigint
from kpi_tickets k where k.client_id = :acme;
analyze tickets;
analyze kpi_tickets;
analyze kpi_items;
-- facts written by hand, past the projection: it marks every day stale and sums the days (KpiRollup)
update kpi_state set rollup_ready = false where id = 1;
select count(*) as kpi_tickets from kpi_tickets;
select kind, count(*) from kpi_items group by kind order by kind;
