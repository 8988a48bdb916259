-- Issue 17, "a year of cases", second part (after generate-year.sql, run by generate-year.sh): the engine's rows.
-- Hand-made engine rows would drift from what Camunda really writes, so the rows are copies: the running application
-- created one case of each stage through its API (scripts/generate-year.sh says how), and this script copies that
-- case's rows onto every generated case of the same stage, with fresh ids:
--   desk      a fault waiting at "First-line resolution" (candidate group SERVICE_DESK)      5 % of the open cases
--   callback  a consultation waiting at "Call the requester back" (SERVICE_DESK)             10 %
--   engineer  a fault dispatched to and accepted by an engineer, at "Check in on site"        85 %, spread over
--             engineer1 … engineer300 (accounts created here, password as the account "engineer")
--   closed    the engine history (ACT_HI_*) of a closed case, for the cases closed in the last 180 days; older ones
--             have none, as the product's history cleanup removes it 180 days after the process ended (ADR 0056)
-- Every id the template's rows hold for one another (executions, tasks, variables, jobs, activity instances…) maps
-- to md5(old id : ticket id) as a UUID, so the copies are wired exactly as the original; ids of shared rows (process
-- definitions, job definitions, deployments) stay. Times move with the case's receipt; the timer jobs (and the
-- variable nextEscalationAt that mirrors them) are put 1–30 days ahead, so no timer of the year fires while it is
-- measured. The template cases themselves are left as they are.
\set ON_ERROR_STOP on
begin;
-- the templates (gen_tpl) were found by generate-year.sql before it generated anything

-- the engineers the open cases are dispatched to: accounts and roster entries, as the admin pages create them
insert into app_user (username, password_hash, display_name, roles, enabled)
select 'engineer' || n, u.password_hash, '工程师 ' || n, 'ENGINEER', true
from app_user u cross join generate_series(1, 300) n where u.username = 'engineer' on conflict do nothing;
insert into engineer (username, display_name, phone)
select 'engineer' || n, '工程师 ' || n, '1390000' || lpad(n::text, 4, '0') from generate_series(1, 300) n
where not exists (select 1 from engineer e where e.username = 'engineer' || n);

-- which generated case copies which template, and how its times move
create temporary table gen_target as
select case when c.g % 20 = 0 then 'desk' when c.g % 20 in (1, 2) then 'callback' else 'engineer' end stage,
       c.id ticket_id, c.number, c.received, null::timestamp ended,
       'engineer' || (1 + c.g % 300) engineer, now() + interval '1 day' + (c.g % 30) * interval '1 day' + (c.g % 86400) * interval '1 second' job_due
from gen_case c where c.open_case
union all
select 'closed', c.id, c.number, c.received, (c.received + interval '1 day')::timestamp, null, null
from gen_case c where not c.open_case and c.received + interval '1 day' > now() - interval '180 days';
alter table gen_target add column tpl_number text, add column delta interval;
update gen_target g set tpl_number = t.tpl_number, delta = g.received - t.tpl_received from gen_tpl t where t.stage = g.stage;

-- the open cases take the template's state; an engineer's case is assigned to its engineer
update ticket k set status = t.status, request_type = t.request_type, category = t.category,
       assignee = case when t.assignee is not null then g.engineer end,
       process_instance_id = md5(t.process_instance_id || ':' || g.ticket_id)::uuid::text
from gen_target g join gen_tpl t on t.stage = g.stage
where k.id = g.ticket_id and g.stage <> 'closed';

-- the template rows: every process instance of the case (business key = case number)
create temporary table gen_tpl_proc as
select t.stage, p.id_ proc_inst_id from gen_tpl t join act_hi_procinst p on p.business_key_ = t.tpl_number;

create temporary table gen_ids (id text primary key);
create or replace function pg_temp.gen_template(tbl text, proc_col text, history_only boolean) returns void language plpgsql as $f$
begin
  execute format('create temporary table tpl_%1$s as select p.stage, x.* from %1$s x join gen_tpl_proc p on p.proc_inst_id = x.%2$s',
                 tbl, proc_col);
  if not history_only then
    execute format('delete from tpl_%s where stage = ''closed''', tbl); -- a closed case keeps engine history only
  end if;
  execute format('insert into gen_ids select distinct id_ from tpl_%s where id_ is not null on conflict do nothing', tbl);
end $f$;
create or replace function pg_temp.gen_copy(tbl text) returns void language plpgsql as $f$
declare
  cols text; exprs text; c record;
begin
  cols := ''; exprs := '';
  for c in select column_name n, data_type t from information_schema.columns
           where table_name = tbl and table_schema = 'public' order by ordinal_position loop
    cols := cols || ', ' || c.n;
    exprs := exprs || ', ' || case
      when c.n = 'assignee_' then 'case when x.assignee_ is not null then coalesce(g.engineer, x.assignee_) end'
      when c.n = 'duedate_' and tbl = 'act_ru_job' then 'g.job_due'
      when c.n = 'long_' then 'case when x.name_ = ''ticketId'' then g.ticket_id when x.name_ = ''nextEscalationAt'' '
                              || 'then (extract(epoch from g.job_due) * 1000)::bigint else x.long_ end'
      when c.n = 'text_' then 'case when x.name_ = ''ticketId'' then g.ticket_id::text when x.name_ = ''engineer'' and x.text_ is not null '
                              || 'then coalesce(g.engineer, x.text_) else replace(x.text_, g.tpl_number, g.number) end'
      when c.n = 'end_time_' then 'coalesce(x.end_time_ + g.delta, g.ended)'
      when c.n = 'state_' and tbl = 'act_hi_procinst' then 'case when g.ended is not null and x.state_ = ''ACTIVE'' then ''COMPLETED'' else x.state_ end'
      when c.n = 'task_state_' and tbl = 'act_hi_taskinst' then 'case when g.ended is not null then ''Completed'' else x.task_state_ end'
      when c.t = 'character varying' then format('case when x.%1$s in (select id from gen_ids) then md5(x.%1$s || '':'' || g.ticket_id)::uuid::text '
                                                 || 'else replace(x.%1$s, g.tpl_number, g.number) end', c.n)
      when c.t like 'timestamp%' then format('x.%s + g.delta', c.n)
      else 'x.' || c.n end;
  end loop;
  execute format('insert into %s (%s) select %s from tpl_%s x join gen_target g on g.stage = x.stage',
                 tbl, substr(cols, 3), substr(exprs, 3), tbl);
end $f$;
-- first all template rows (so every id is known), then the copies
create or replace function pg_temp.gen_all() returns void language plpgsql as $f$
declare r record;
begin
  for r in select * from (values ('act_hi_procinst', 'proc_inst_id_', true), ('act_hi_actinst', 'proc_inst_id_', true),
        ('act_hi_taskinst', 'proc_inst_id_', true), ('act_hi_varinst', 'proc_inst_id_', true), ('act_hi_op_log', 'proc_inst_id_', true),
        ('act_ru_execution', 'proc_inst_id_', false), ('act_ru_task', 'proc_inst_id_', false), ('act_ru_variable', 'proc_inst_id_', false),
        ('act_ru_job', 'process_instance_id_', false), ('act_ru_event_subscr', 'proc_inst_id_', false)) v(t, p, h) loop
    perform pg_temp.gen_template(r.t, r.p, r.h);
  end loop;
  for r in select * from (values ('act_hi_procinst'), ('act_hi_actinst'), ('act_hi_taskinst'), ('act_hi_varinst'), ('act_hi_op_log'),
        ('act_ru_execution'), ('act_ru_task'), ('act_ru_variable'), ('act_ru_job'), ('act_ru_event_subscr')) v(t) loop
    perform pg_temp.gen_copy(r.t);
  end loop;
end $f$;
select pg_temp.gen_all();
-- a task's candidate group (the inboxes read it): its own id, bound to the copied task
insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, tenant_id_)
select md5(l.id_ || ':' || g.ticket_id)::uuid::text, l.rev_, l.group_id_, l.type_, l.user_id_,
       md5(l.task_id_ || ':' || g.ticket_id)::uuid::text, l.proc_def_id_, l.tenant_id_
from act_ru_identitylink l join tpl_act_ru_task t on t.id_ = l.task_id_ join gen_target g on g.stage = t.stage;
commit;
-- statistics for the engine's tables (generate-year.sql analysed before they were filled: without them the planner took
-- 85,000 candidate links for one row and an inbox read took seconds) and the visibility map the open cases' index-only
-- scans need (ADR 0060), as autovacuum would leave a database that grew over a year (ADR 0064)
vacuum analyze;
