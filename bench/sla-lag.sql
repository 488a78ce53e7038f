-- Breach events of the bench tickets numbered (from, to]: how many, over how long, and the lag
-- from each due instant to its breach event.
\set ON_ERROR_STOP on
select count(*) as breaches,
       count(distinct e.clock_id) as distinct_clocks,
       round(extract(epoch from max(e.at) - min(e.at))::numeric, 2) as span_s,
       round(count(*) / nullif(extract(epoch from max(e.at) - min(e.at)), 0)::numeric, 0) as per_second,
       round((1000 * percentile_cont(0.50) within group (order by extract(epoch from e.at - e.due_at)))::numeric, 0) as lag_p50_ms,
       round((1000 * percentile_cont(0.99) within group (order by extract(epoch from e.at - e.due_at)))::numeric, 0) as lag_p99_ms,
       round((1000 * max(extract(epoch from e.at - e.due_at)))::numeric, 0) as lag_max_ms
from sla_events e join tickets t on t.id = e.ticket_id
where e.type = 'BREACHED' and t.number > 7000000 + :from and t.number <= 7000000 + :to;
