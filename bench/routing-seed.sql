-- Routing benchmark data (issue 9): 500 agents in 10 teams (every third team internal to acme),
-- 50 routed queues of acme (round robin, least loaded, skills in turn; every fifth co-managed by
-- two teams), each agent available around the clock with three skills, and 25,000 open tickets
-- already assigned so each agent's load is a real sum. Set-based; PostgreSQL.
\set ON_ERROR_STOP on
select id as acme from organizations where slug = 'acme' \gset
select id as northwind from organizations where slug = 'northwind' \gset
select id as dana from users where email = 'dana@customer.test' \gset

insert into users (email, name, org_id, active, created_at)
select 'bench-agent-' || g || '@northwind.test', 'Bench Agent ' || g, :northwind, true, now() from generate_series(1, 500) g;

insert into teams (org_id, name, kind)
select case when g % 3 = 0 then :acme else :northwind end, 'Bench team ' || g,
       case when g % 3 = 0 then 'INTERNAL' else 'EXTERNAL' end
from generate_series(1, 10) g;

insert into team_members (team_id, user_id)
select t.id, u.id from users u join teams t on t.name = 'Bench team ' || (1 + (substring(u.email from 'bench-agent-([0-9]+)@')::int - 1) % 10)
where u.email like 'bench-agent-%';

insert into grants (user_id, client_id, tier) select id, :acme, 'T1' from users where email like 'bench-agent-%';
insert into grants (user_id, client_id, tier)
select id, :acme, 'T2' from users where email like 'bench-agent-%' and substring(email from 'bench-agent-([0-9]+)@')::int % 2 = 0;

insert into queues (client_id, slug, name) select :acme, 'bq-' || g, 'Bench queue ' || g from generate_series(1, 50) g;

insert into routing_queues (queue_id, client_id, strategy, dedicated, reassign_on_breach, updated_at)
select q.id, :acme, (array['ROUND_ROBIN', 'LEAST_LOADED', 'SKILLS'])[1 + substring(q.slug from 4)::int % 3], false, true, now()
from queues q where q.client_id = :acme and q.slug like 'bq-%';

insert into queue_teams (queue_id, team_id)
select q.id, t.id from queues q join teams t on t.name = 'Bench team ' || (1 + (substring(q.slug from 4)::int - 1) % 10)
where q.client_id = :acme and q.slug like 'bq-%';
insert into queue_teams (queue_id, team_id)
select q.id, t.id from queues q join teams t on t.name = 'Bench team ' || (1 + substring(q.slug from 4)::int % 10)
where q.client_id = :acme and q.slug like 'bq-%' and substring(q.slug from 4)::int % 5 = 0;

insert into agent_availability (user_id, status, capacity, time_zone, shift_start, shift_end, work_days, updated_at)
select id, 'AVAILABLE', 1000, 'UTC', time '00:00', time '00:00', '1234567', now() from users where email like 'bench-agent-%';

insert into agent_skills (user_id, kind, skill, level)
select id, 'LANGUAGE', (array['en', 'de', 'fr', 'es'])[1 + substring(email from 'bench-agent-([0-9]+)@')::int % 4],
       1 + substring(email from 'bench-agent-([0-9]+)@')::int % 5
from users where email like 'bench-agent-%';
insert into agent_skills (user_id, kind, skill, level)
select id, 'CATEGORY', (array['authentication', 'integrations', 'billing', 'performance', 'data-import'])[1 + substring(email from 'bench-agent-([0-9]+)@')::int % 5],
       1 + substring(email from 'bench-agent-([0-9]+)@')::int % 3
from users where email like 'bench-agent-%';
insert into agent_skills (user_id, kind, skill, level)
select id, 'PRODUCT', 'acme-cloud', 2 from users where email like 'bench-agent-%' and substring(email from 'bench-agent-([0-9]+)@')::int % 2 = 1;

-- 25,000 open tickets, 50 per agent on average, in the agents' queues
insert into tickets (client_id, number, requester_id, subject, channel, severity, tier, queue_id, assignee_id, status,
                     created_at, updated_at, version)
select :acme, 8000000 + g, :dana, 'Routing bench ticket ' || g, 'WEB', (array['P1', 'P2', 'P3', 'P3', 'P4'])[1 + g % 5], 'T1',
       (select id from queues where client_id = :acme and slug = 'bq-' || (1 + g % 50)),
       (select id from users where email = 'bench-agent-' || (1 + g % 500) || '@northwind.test'),
       (array['NEW', 'OPEN', 'PENDING'])[1 + g % 3], now() - interval '1 hour', now() - interval '1 hour', 0
from generate_series(1, 25000) g;

-- as autovacuum would: the visibility map lets load sums read the (assignee, status, severity) index alone
vacuum analyze tickets;
analyze users;
analyze grants;
analyze agent_availability;
analyze agent_skills;
