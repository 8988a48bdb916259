-- Issue 13, FW-5 (docs/adr/0028): the owner's representative signs for a replaced part handed back to them, on the
-- engineer's phone with the signature pad of ADR 0021; the drawing is a SIGNATURE attachment of the same case.
-- Hand-overs recorded before this version have no signature (null).
alter table part_handover add column signature_attachment_id bigint references attachment(id);
