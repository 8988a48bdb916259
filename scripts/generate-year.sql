-- Issue 17, "a year of cases": fills a migrated Aftercare PostgreSQL database with a year of a large integrator's work
-- (docs/benchmarks.md "A year of cases"). Run through scripts/generate-year.sh, which sets the scale:
--   :cases   cases received in the year      (1,000,000 at full scale)
--   :open    of them still open                (100,000)
--   :devices installed devices               (200,000)
-- Bulk SQL (generate_series, one INSERT … SELECT per table): the app's own tables only. Closed cases get their
-- timeline (created, resolved, closed) and milestones; open cases their milestones and the board's clock rows
-- (board_clock, as ticket.CacheClocks writes them). The engine's rows follow in generate-year-engine.sql (same session:
-- it reads gen_case).
\set ON_ERROR_STOP on
begin;
insert into customer (name) select '客户单位 ' || g from generate_series(1, 400) g on conflict do nothing;
insert into site (customer_id, name, address, region)
select c.id, '站点 ' || c.id || '-' || s, '某市某区某路 ' || s || ' 号', case when s % 3 = 0 then 'COUNTY' else 'CITY' end
from customer c cross join generate_series(1, 10) s on conflict do nothing;
create temporary table gen_site as select id, row_number() over (order by id) rn from site;
create index on gen_site (rn);
insert into device (site_id, type, name, serial_number)
select s.id, (array['CAMERA','CAMERA','CAMERA','NVR','SWITCH','UPS','SERVER','OTHER'])[1 + d % 8],
       '设备 ' || d, 'GEN-SN-' || d
from generate_series(1, :devices) d join gen_site s on s.rn = 1 + d % (select count(*) from gen_site);

create temporary table gen_device as select id, site_id, row_number() over (order by id) rn from device where serial_number like 'GEN-SN-%';
create index on gen_device (rn);
-- the year: received evenly over 365 days before now; the newest :open cases are the open ones
create temporary table gen_case as
select g, nextval('ticket_seq') id, now() - (g::double precision / :cases) * interval '365 days' received,
       g <= :open open_case, 1 + g % 3 lvl
from generate_series(1, :cases) g;
insert into ticket (id, number, channel, requester_name, requester_phone, site_id, device_id, category, impact, urgency,
        level_code, status, assignee, title, description, created_at, updated_at, received_at, policy_id,
        response_due, resolution_due, responded_at, resolved_at, closed_at, clocks_cached_at, version)
select c.id, 'GEN-' || lpad(c.id::text, 9, '0'), (array['HOTLINE','WEB','ON_SITE','EMAIL','MONITORING'])[1 + c.g % 5], '报修人 ' || c.g % 5000,
       '1380000' || lpad((c.g % 10000)::text, 4, '0'), d.site_id, d.id, 'DEFECT',
       (array['HIGH','MEDIUM','LOW'])[c.lvl], (array['HIGH','MEDIUM','LOW'])[c.lvl], c.lvl::text,
       case when c.open_case then (array['AT_DESK','AWAITING_DISPATCH','DISPATCHED','IN_PROGRESS','VERIFYING','AWAITING_CALLBACK'])[1 + c.g % 6]
            else 'CLOSED' end,
       case when c.g % 6 >= 2 then 'engineer' || (1 + c.g % 300) end,
       '摄像机无图像 ' || c.g, '早上八点起黑屏，录像中断', c.received, c.received, c.received,
       (select id from sla_policy where code = 'THREE_LEVEL' and current_version),
       c.received + (array[interval '15 minutes', interval '30 minutes', interval '2 hours'])[c.lvl],
       c.received + (array[interval '4 hours', interval '24 hours', interval '72 hours'])[c.lvl],
       case when not c.open_case then c.received + interval '10 minutes' end,
       case when not c.open_case then c.received + interval '3 hours' end,
       case when not c.open_case then c.received + interval '1 day' end,
       c.received, 0
from gen_case c join gen_device d on d.rn = 1 + c.g % :devices;

insert into ticket_event (ticket_id, occurred_at, actor, type, message)
select c.id, c.received + o.after, o.actor, o.kind, o.message
from gen_case c cross join (values (interval '0', 'desk', 'CREATED', '电话报修'),
        (interval '3 hours', 'engineer', 'RESOLVED', '更换电源适配器'),
        (interval '1 day', 'desk', 'CLOSED', '回访确认')) o(after, actor, kind, message)
where o.kind = 'CREATED' or not c.open_case;
insert into sla_milestone (ticket_id, kind, occurred_at, actor)
select c.id, m.kind, c.received + m.after, 'desk'
from gen_case c cross join (values ('RECEIVED', interval '0'), ('RESPONDED', interval '10 minutes'),
        ('RESOLVED', interval '3 hours'), ('CLOSED', interval '1 day')) m(kind, after)
where m.kind = 'RECEIVED' or not c.open_case;

-- the open cases' live clocks, as CacheClocks keeps them: response and resolution running from receipt
insert into board_clock (ticket_id, clock, state, due_at, at_risk_at, escalation_level)
select c.id, k.clock, 'RUNNING', c.received + k.target[c.lvl], c.received + k.target[c.lvl] * 0.8, 0
from gen_case c cross join (values ('RESPONSE', array[interval '15 minutes', interval '30 minutes', interval '2 hours']),
        ('RESOLUTION', array[interval '4 hours', interval '24 hours', interval '72 hours'])) k(clock, target)
where c.open_case;
commit;
analyze;
