-- The hash-chained audit trail (RP-2, RP-6; ADR 0007). One row per committed change of an audited
-- entity, written in the transaction of the change. The application never updates or deletes a row.
create table audit_log (
    seq          bigint primary key,                 -- 1, 2, 3 ... without gaps, in chain order
    occurred_at  timestamp with time zone not null,  -- when the entry was chained (the change's commit), milliseconds
    actor        varchar(100) not null,              -- the signed-in user, or "system" (timers, workers, start-up)
    entity_type  varchar(60) not null,               -- the entity's table: ticket, ticket_event, device, site, ...
    entity_id    varchar(100) not null,
    action       varchar(10) not null,
    changes      text not null,                      -- {"column":{"before":..,"after":..}}, secrets masked
    customer_id  bigint,                             -- the owning customer, for customer-scoped reading; no FK on purpose
    ticket_id    bigint,                             -- the ticket an entry belongs to (the ticket and its timeline)
    prev_hash    varchar(64) not null,               -- entry_hash of seq - 1 (64 zeros for seq 1)
    entry_hash   varchar(64) not null,               -- SHA-256 over all the fields above (AuditHash)
    constraint ck_audit_action check (action in ('CREATE', 'UPDATE', 'DELETE'))
);
create index ix_audit_entity on audit_log(entity_type, entity_id);
create index ix_audit_customer on audit_log(customer_id, seq);
create index ix_audit_ticket on audit_log(ticket_id, seq);
create index ix_audit_occurred on audit_log(occurred_at);

-- The head of the chain: one row, locked by every writing transaction (it takes the next sequence
-- numbers and the previous hash from here), so the chain has one order on H2 and PostgreSQL alike.
create table audit_chain_head (
    id         integer primary key,
    last_seq   bigint not null,
    last_hash  varchar(64) not null,
    constraint ck_audit_chain_head_single check (id = 1)
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
