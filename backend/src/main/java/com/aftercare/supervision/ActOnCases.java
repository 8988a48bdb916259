package com.aftercare.supervision;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import com.aftercare.common.UnprocessableException;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.CurrentUser;
import com.aftercare.idempotency.IdempotencyKey;
import com.aftercare.idempotency.RequestFingerprint;
import com.aftercare.ticket.FindTicket;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One supervisor action on several cases (issue 15): each case in its own transaction, so a case that cannot be
 * done (closed, nobody to nudge, already at that level) is reported and the others are still done. The shared input
 * (action, engineer, level, reason) is checked before any case is touched: bad input changes nothing. With an
 * Idempotency-Key the request is done once: the key is taken (committed) before the first row, and a retry or a
 * double click gets the first request's outcomes back (or a 409 while it is still at work).
 */
@Service
class ActOnCases {

    private static final Logger log = LoggerFactory.getLogger(ActOnCases.class);
    static final int MAX_CASES = 100;

    enum Action { REASSIGN, NUDGE, RAISE_LEVEL }

    record BulkRequest(String action, List<Long> ticketIds, String engineer, String level, String reason) {
    }

    /** ok false: code says why (a {@link CannotAct.Code}, NOT_FOUND, INVALID with field, or FAILED). */
    record BulkRowOutcome(Long ticketId, String number, boolean ok, String code, String field, String detail) {
    }

    record BulkOutcome(String action, int done, int failed, boolean replayed, List<BulkRowOutcome> rows) {
    }

    private final ReassignCase reassign;
    private final NudgeAssignee nudge;
    private final RaiseLevel raise;
    private final EngineerService engineers;
    private final FindTicket tickets;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate rowTransaction;
    private final ObjectMapper json;
    private final Clock clock;

    ActOnCases(ReassignCase reassign, NudgeAssignee nudge, RaiseLevel raise, EngineerService engineers, FindTicket tickets,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.reassign = reassign;
        this.nudge = nudge;
        this.raise = raise;
        this.engineers = engineers;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.rowTransaction = new TransactionTemplate(transactions);
        this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    BulkOutcome act(BulkRequest request, String idempotencyKey) {
        IdempotencyKey.check(idempotencyKey);
        Action action = check(request);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(request.ticketIds()));
        String fingerprint = RequestFingerprint.of(CurrentUser.username(), request);
        if (idempotencyKey != null) {
            Optional<BulkOutcome> earlier = takeKey(idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<BulkRowOutcome> rows = new ArrayList<>();
        for (Long id : ids) {
            rows.add(actOn(action, id, request));
        }
        int done = (int) rows.stream().filter(BulkRowOutcome::ok).count();
        BulkOutcome outcome = new BulkOutcome(action.name(), done, rows.size() - done, false, rows);
        if (idempotencyKey != null) {
            jdbc.update("update supervisor_bulk_action set outcome = ? where idempotency_key = ?", write(outcome), idempotencyKey);
        }
        return outcome;
    }

    private Action check(BulkRequest r) {
        if (r == null) {
            throw new BadRequestException("body", "a JSON body is required");
        }
        Action action;
        try {
            action = r.action() == null ? null : Action.valueOf(r.action());
        } catch (IllegalArgumentException e) {
            action = null;
        }
        if (action == null) {
            throw new BadRequestException("action", "one of REASSIGN, NUDGE, RAISE_LEVEL");
        }
        if (r.ticketIds() == null || r.ticketIds().isEmpty() || r.ticketIds().size() > MAX_CASES
                || r.ticketIds().stream().anyMatch(id -> id == null || id <= 0)) {
            throw new BadRequestException("ticketIds", "1 to " + MAX_CASES + " case ids");
        }
        SupervisorInput.reason(r.reason(), action == Action.RAISE_LEVEL);
        if (action == Action.REASSIGN) {
            SupervisorInput.engineer(r.engineer(), engineers);
        }
        if (action == Action.RAISE_LEVEL) {
            SupervisorInput.level(r.level());
        }
        return action;
    }

    private BulkRowOutcome actOn(Action action, Long id, BulkRequest r) {
        try {
            rowTransaction.executeWithoutResult(status -> {
                switch (action) {
                    case REASSIGN -> reassign.reassign(new ReassignCase.Command(id, r.engineer().strip(), SupervisorInput.blank(r.reason())));
                    case NUDGE -> nudge.nudge(new NudgeAssignee.Command(id, SupervisorInput.blank(r.reason())));
                    case RAISE_LEVEL -> raise.raise(new RaiseLevel.Command(id, r.level().strip(), r.reason().strip()));
                }
            });
            return new BulkRowOutcome(id, number(id), true, null, null, null);
        } catch (CannotAct e) {
            return new BulkRowOutcome(id, number(id), false, e.code().name(), null, e.getMessage());
        } catch (NotFoundException e) {
            return new BulkRowOutcome(id, null, false, "NOT_FOUND", null, e.getMessage());
        } catch (BadRequestException e) {
            return new BulkRowOutcome(id, number(id), false, "INVALID", e.errors().isEmpty() ? null : e.errors().get(0).field(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Bulk {} on case {} failed", action, id, e);
            return new BulkRowOutcome(id, number(id), false, "FAILED", null, e.getMessage());
        }
    }

    private String number(Long id) {
        try {
            return tickets.getVisible(id).getNumber();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Takes the key for this request (committed at once), or answers with the earlier request's outcome. */
    private Optional<BulkOutcome> takeKey(String key, String fingerprint) {
        try {
            rowTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into supervisor_bulk_action (idempotency_key, caller, fingerprint, created_at) values (?, ?, ?, ?)",
                    key, CurrentUser.username(), fingerprint, Timestamp.from(clock.instant())));
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            List<String[]> earlier = jdbc.query("select fingerprint, outcome from supervisor_bulk_action where idempotency_key = ?",
                    (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, key);
            if (earlier.isEmpty() || !earlier.get(0)[0].equals(fingerprint)) {
                throw new UnprocessableException(IdempotencyKey.HEADER,
                        "already used for a different request or by another caller; send a new key for a new request");
            }
            if (earlier.get(0)[1] == null) {
                throw ConflictException.of("sameRequestRunning");
            }
            BulkOutcome first = read(earlier.get(0)[1]);
            return Optional.of(new BulkOutcome(first.action(), first.done(), first.failed(), true, first.rows()));
        }
    }

    private String write(BulkOutcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BulkOutcome read(String stored) {
        try {
            return json.readValue(stored, BulkOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
