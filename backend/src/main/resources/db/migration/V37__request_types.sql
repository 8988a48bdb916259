-- Issue 15, request types (IN-3; ADR 0037): a case is a fault (the fault-intake model, as before), a consultation,
-- a complaint or a service request from a small catalogue (footage extraction, parts purchase, upgrade). Each type
-- runs its own model; request_due is the due time of the type's own clock (the complaint's reply, the service
-- request's fulfilment, the consultation's answer), computed when the model starts it. Cases opened before this
-- release are faults.
alter table ticket add column request_type varchar(20) default 'FAULT' not null;
alter table ticket add column service_item varchar(30);
alter table ticket add column request_due timestamp with time zone;
create index ix_ticket_request_type on ticket(request_type);
