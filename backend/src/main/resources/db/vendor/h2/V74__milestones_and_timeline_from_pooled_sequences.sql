-- Issue 17 (docs/adr/0076): milestones and timeline lines take their ids from pooled sequences (increment 50, as the
-- entities' allocation size) so Hibernate can batch their inserts; see the PostgreSQL version of this migration.
-- The existing rows keep their ids; the sequence starts 50 above the largest.

alter table sla_milestone alter column id drop identity;
create sequence sla_milestone_seq start with 50 increment by 50;
alter sequence sla_milestone_seq restart with (select coalesce(max(id), 0) + 50 from sla_milestone);
alter table sla_milestone alter column id set default next value for sla_milestone_seq;

alter table ticket_event alter column id drop identity;
create sequence ticket_event_seq start with 50 increment by 50;
alter sequence ticket_event_seq restart with (select coalesce(max(id), 0) + 50 from ticket_event);
alter table ticket_event alter column id set default next value for ticket_event_seq;
