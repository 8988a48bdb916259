-- Issue 13 (RR-2, ADR 0027): the vendor-return deadline becomes a clock the escalation process watches like every
-- other. The milestone that starts it (VENDOR_SENT) carries the deadline itself, because it is not a policy figure:
-- the repair feature computes it from the contract's return rule and the holiday calendar when the slip is written.
alter table sla_milestone add column due_at timestamp with time zone;

