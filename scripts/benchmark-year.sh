#!/usr/bin/env bash
# p50/p95 of the supervisor board's SQL on a generated year (scripts/generate-year.sh), as SupervisorBoardService
# sends it (ADR 0066): the count of matching cases, the page of ids in board order (unfiltered, overdue, at risk, by
# level), the two GROUP BY counts. Needs the schema of V69.
#   scripts/benchmark-year.sh <database> [runs]        (default 50 runs per query)
# Measures the database's part only (psql \timing, client on the same host); the page's clock replay and JSON are
# in the application (docs/benchmarks.md).
set -euo pipefail
db=${1:?database name}
runs=${2:-50}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
RISK="case when c.state = 'PAUSED' then c.paused_risk when c.due_at < now() then 'OVERDUE' when c.at_risk_at <= now() then 'AT_RISK' else 'OK' end"
declare -A Q
# what the case keeps (V69, ADR 0066): overdue now, worst risk, the span in which a clock can be at risk
OVERDUE="(t.board_due < now() or t.board_paused_risk = 'OVERDUE')"
WORST="case when $OVERDUE then 2 when t.board_at_risk_at <= now() or t.board_paused_risk = 'AT_RISK' then 1 else 0 end"
SPAN="(t.board_paused_risk is not null or t.board_at_risk_at <= now() and (t.board_risk_until is null or t.board_risk_until >= now()))"
Q[board_matching]="select count(*) from ticket t where t.status <> 'CLOSED'"
Q[board_page]="select t.id from ticket t where t.status <> 'CLOSED' order by t.board_due nulls last, t.number limit 50 offset 0"
Q[board_page_filtered]="select t.id from ticket t join site s on s.id = t.site_id where t.status <> 'CLOSED' and t.level_code = '2' and s.region = 'CITY' and $OVERDUE and exists (select 1 from board_clock c where c.ticket_id = t.id and c.clock = 'RESPONSE' and $RISK = 'OVERDUE') order by t.board_due nulls last, t.number limit 50 offset 0"
Q[board_overdue_matching]="select count(*) from ticket t where t.status <> 'CLOSED' and $OVERDUE"
Q[board_overdue_page]="select t.id from ticket t where t.status <> 'CLOSED' and $OVERDUE order by t.board_due nulls last, t.number limit 50 offset 0"
Q[board_at_risk_matching]="select count(*) from ticket t where t.status <> 'CLOSED' and $SPAN and exists (select 1 from board_clock c where c.ticket_id = t.id and $RISK = 'AT_RISK')"
Q[board_at_risk_page]="select t.id from ticket t where t.status <> 'CLOSED' and $SPAN and exists (select 1 from board_clock c where c.ticket_id = t.id and $RISK = 'AT_RISK') order by t.board_due nulls last, t.number limit 50 offset 0"
Q[board_level_page3]="select t.id from ticket t where t.status <> 'CLOSED' order by t.level_code nulls last, t.board_due nulls last, t.number limit 50 offset 100"
Q[board_counts_level]="select coalesce(w.level_code, '-') lvl, count(*) open_count, sum(case when w.worst = 1 then 1 else 0 end) at_risk, sum(case when w.worst = 2 then 1 else 0 end) overdue from (select t.level_code, $WORST worst from ticket t where t.status <> 'CLOSED') w group by coalesce(w.level_code, '-') order by lvl"
Q[board_counts_clock]="select c.clock, sum(case when c.state = 'PAUSED' then 0 else 1 end) running, sum(case when c.state = 'PAUSED' then 1 else 0 end) paused, sum(case when $RISK = 'AT_RISK' then 1 else 0 end) at_risk, sum(case when $RISK = 'OVERDUE' then 1 else 0 end) overdue from board_clock c join ticket t on t.id = c.ticket_id where t.status <> 'CLOSED' group by c.clock"
Q[uncached_check]="select id from ticket where clocks_cached_at is null and status <> 'CLOSED' order by id"
printf '%-22s %8s %8s\n' query p50_ms p95_ms
for name in board_matching board_page board_page_filtered board_overdue_matching board_overdue_page board_at_risk_matching \
    board_at_risk_page board_level_page3 board_counts_level board_counts_clock uncached_check; do
  times=$( { echo '\timing on'; for i in $(seq "$runs"); do echo "${Q[$name]};"; done; } | psql -q -d "$db" -o /dev/null 2>&1 \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n)
  n=$(echo "$times" | wc -l)
  p50=$(echo "$times" | sed -n "$(( (n + 1) / 2 ))p")
  p95=$(echo "$times" | sed -n "$(( (n * 95 + 99) / 100 ))p")
  printf '%-22s %8s %8s\n' "$name" "$p50" "$p95"
done
