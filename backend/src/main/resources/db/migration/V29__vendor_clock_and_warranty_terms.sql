-- Issue 13 (RR-2, ADR 0027): the vendor-return deadline becomes a clock the escalation process watches like every
-- other. The milestone that starts it (VENDOR_SENT) carries the deadline itself, because it is not a policy figure:
-- the repair feature computes it from the contract's return rule and the holiday calendar when the slip is written.
alter table sla_milestone add column due_at timestamp with time zone;

-- WA-1 (ADR 0027): a contract's warranty terms. Devices it covers without a warranty end of their own are in warranty
-- until accepted_on + device_warranty_months (the contracts count "两年/三年" from the project's acceptance, 验收);
-- a device installed as a replacement gets install day + replacement_warranty_months (12 unless the contract says).
-- No row: devices without a warranty end stay free (as before), replacements get 12 months.
create table warranty_terms (
    contract_id                  bigint primary key references service_contract(id),
    accepted_on                  date,
    device_warranty_months       integer,
    replacement_warranty_months  integer not null,
    version                      bigint not null default 0,
    constraint ck_warranty_terms_device check (device_warranty_months is null
        or (device_warranty_months between 1 and 120 and accepted_on is not null)),
    constraint ck_warranty_terms_replacement check (replacement_warranty_months between 1 and 120)
);
