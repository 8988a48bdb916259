-- IN-4 (ADR 0041): first line guides the caller remotely for at most 5 minutes. The shipped policies now carry the
-- REMOTE_GUIDANCE clock among their service-desk clocks; a database seeded before this release holds their current
-- versions without it, so it is added there too. Changing a stored version is safe here because the clock starts only
-- at a milestone (FIRST_LINE_STARTED) that no case recorded before this release: no open case gains a late clock.
-- Policies a process owner created under other codes keep their own choice.
update sla_policy
   set definition = replace(definition, '"commonClocks":[{',
                            '"commonClocks":[{"clock":"REMOTE_GUIDANCE","target":"PT5M","pausable":false},{')
 where code in ('THREE_LEVEL', 'SIX_LEVEL', 'CLASS_ABCD', 'DESK_HOURS')
   and current_version = true
   and definition not like '%REMOTE_GUIDANCE%';
