-- A contract's office hours (5x8 working windows), e.g. '08:30-12:00,13:30-17:00'; null = 09:00-12:00,13:00-18:00.
alter table service_contract add column working_hours varchar(200);

-- The contract terms a ticket's clocks run on, copied when it is opened, so a later contract change
-- reaches open tickets only when someone applies it to them (POST /api/contracts/{customerId}/apply-to-open).
alter table ticket add column calendar_kind varchar(20);
alter table ticket add column calendar_zone varchar(60);
alter table ticket add column working_hours varchar(200);

-- Tickets opened before this version keep the terms of the contract they name, as they are now.
-- Tickets without a contract stay null and run on the configured default (aftercare.sla.default-calendar).
update ticket set
    calendar_kind = (select c.calendar from service_contract c where c.id = ticket.contract_id),
    calendar_zone = (select c.zone from service_contract c where c.id = ticket.contract_id)
where contract_id is not null;
