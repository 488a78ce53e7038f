-- 100,000 published articles for client acme (half public), one version each, to measure list
-- pages and the search rebuild stream over a large library. Run against a demo database.
insert into articles (client_id, kind, status, version, audience, title, published_version, published_title, published_at,
                      created_by, created_at, updated_at)
select o.id, 'HOW_TO', 'PUBLISHED', 1, case when g % 2 = 0 then 'PUBLIC' else 'INTERNAL' end,
       'Seeded article ' || g || case when g % 100 = 0 then ' invoice export' else ' settings' end, 1,
       'Seeded article ' || g || case when g % 100 = 0 then ' invoice export' else ' settings' end,
       now() - (g || ' minutes')::interval, u.id, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
from generate_series(1, 100000) g
cross join (select id from organizations where slug = 'acme') o
cross join (select id from users where email = 't2@northwind.test') u;
insert into article_versions (article_id, version, title, body, audience, spec, author_id, note, created_at)
select a.id, 1, a.title, '# ' || a.title || E'\n\n1. Open the settings.\n2. Change the value.\n3. Save.', a.audience, null,
       a.created_by, null, a.created_at
from articles a where a.title like 'Seeded article %';
analyze articles;
analyze article_versions;
