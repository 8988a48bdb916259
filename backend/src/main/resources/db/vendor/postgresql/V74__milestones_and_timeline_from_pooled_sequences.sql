-- Issue 17 (docs/adr/0076): a fault report writes three milestones and two timeline lines. With identity columns
-- Hibernate must insert each row the moment it is saved to learn its id, one round trip apiece; from a sequence it
-- takes the ids itself (50 per call, "pooled": a value v of the sequence stands for the ids v-49..v) and sends the
-- rows at flush as JDBC batches.
-- The existing rows keep their ids; the sequence starts 50 above the largest, so its first block begins just after it.
-- The column's default becomes the sequence, so an SQL writer that leaves the id out (scripts/generate-year.sql) takes
-- a value no block of Hibernate's can contain (each value owns its own block).

alter table sla_milestone alter column id drop identity if exists;
create sequence sla_milestone_seq increment by 50 owned by sla_milestone.id;
select setval('sla_milestone_seq', (select coalesce(max(id), 0) + 50 from sla_milestone), false);
alter table sla_milestone alter column id set default nextval('sla_milestone_seq');

alter table ticket_event alter column id drop identity if exists;
create sequence ticket_event_seq increment by 50 owned by ticket_event.id;
select setval('ticket_event_seq', (select coalesce(max(id), 0) + 50 from ticket_event), false);
alter table ticket_event alter column id set default nextval('ticket_event_seq');
