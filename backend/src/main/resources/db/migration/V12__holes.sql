-- Issue 10 item 11: an Idempotency-Key is bound to the request it first came with (caller and content),
-- so the same key with a different report is refused instead of answered with the first ticket.
-- Tickets reported before this column existed keep null: their key replays as it always did.
alter table ticket add column idempotency_fingerprint varchar(64);
