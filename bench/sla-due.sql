-- Makes the BREACH timers of the bench tickets numbered (from, to] due: at :start (epoch seconds)
-- plus one :rate-th of a second per clock, so :rate breaches fall due per second.
\set ON_ERROR_STOP on
create temporary table moved as
select c.id as clock_id,
       to_timestamp(:start + (row_number() over (order by c.id) - 1) / :rate::numeric) as due
from sla_clocks c join tickets t on t.id = c.ticket_id
where t.number > 7000000 + :from and t.number <= 7000000 + :to;
update sla_timers s set due_at = m.due from moved m where s.clock_id = m.clock_id and s.kind = 'BREACH';
update sla_clocks c set due_at = m.due from moved m where c.id = m.clock_id;
select count(*) as moved, min(due) as first_due, max(due) as last_due from moved;
