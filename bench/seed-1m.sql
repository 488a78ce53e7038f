-- One million tickets for the queue benchmark, set-based, into the running app's database.
\set ON_ERROR_STOP on
select id as acme from organizations where slug = 'acme' \gset
select id as globex from organizations where slug = 'globex' \gset
select id as t1 from users where email = 't1@northwind.test' \gset
select id as t2 from users where email = 't2@northwind.test' \gset
select id as dana from users where email = 'dana@customer.test' \gset
select id as sam from users where email = 'sam@shopper.test' \gset
insert into tickets (client_id, number, requester_id, subject, channel, severity, tier, assignee_id, status,
                     created_at, updated_at, solved_at, version)
select case when g % 2 = 0 then :acme else :globex end,
       5000000 + g,
       case when g % 2 = 0 then :dana else :sam end,
       'Bench ticket ' || g,
       (array['EMAIL','CHAT','WEB','PHONE','API'])[1 + g % 5],
       (array['P1','P2','P3','P3','P4'])[1 + g % 5],
       (array['T1','T1','T2','T3'])[1 + (g / 7) % 4],
       case g % 3 when 0 then null when 1 then :t1 else :t2 end,
       (array['NEW','OPEN','PENDING','ON_HOLD','SOLVED','CLOSED','CLOSED','SOLVED'])[1 + (g / 3) % 8],
       now() - (g % 525600) * interval '1 minute' - interval '1 hour',
       now() - (g % 525600) * interval '1 minute',
       null, 0
from generate_series(1, 1000000) g;
analyze tickets;
select count(*) as tickets from tickets;
