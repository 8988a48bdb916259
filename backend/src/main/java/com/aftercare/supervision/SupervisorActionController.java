package com.aftercare.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.CurrentUser;
import com.aftercare.idempotency.IdempotencyKey;
import com.aftercare.idempotency.RememberIdempotentRequest;
import com.aftercare.idempotency.ReplayIdempotentRequest;
import com.aftercare.idempotency.RequestFingerprint;

/**
 * Supervisors act on late cases (issue 15): reassign, nudge (催办), raise the level, on one case or on several at once.
 * Supervisors and admins only (the role is checked before anything about the input or the case is said).
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SupervisorActionController {

    /** The scope of one-case actions' Idempotency-Keys in idempotent_request. */
    static final String SCOPE = "supervise";

    private final ReassignCase reassign;
    private final NudgeAssignee nudge;
    private final RaiseLevel raise;
    private final ActOnCases bulk;
    private final ListEngineerWorkloads workloads;
    private final EngineerService engineers;
    private final ReplayIdempotentRequest replay;
    private final RememberIdempotentRequest remember;
    private final TransactionTemplate transaction;

    SupervisorActionController(ReassignCase reassign, NudgeAssignee nudge, RaiseLevel raise, ActOnCases bulk,
            ListEngineerWorkloads workloads, EngineerService engineers, ReplayIdempotentRequest replay,
            RememberIdempotentRequest remember, TransactionTemplate transaction) {
        this.reassign = reassign;
        this.nudge = nudge;
        this.raise = raise;
        this.bulk = bulk;
        this.workloads = workloads;
        this.engineers = engineers;
        this.replay = replay;
        this.remember = remember;
        this.transaction = transaction;
    }

    /** engineer for a reassignment, level for a raise; reason: why (required to raise the level), or the nudge's note. */
    record SupervisorCaseAction(String engineer, String level, String reason) {
    }

    @GetMapping("/api/supervision/engineers")
    List<ListEngineerWorkloads.EngineerLoad> engineers() {
        return workloads.list();
    }

    @PostMapping("/api/supervision/cases/{id}/reassign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reassign(@PathVariable Long id, @RequestBody SupervisorCaseAction body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        requireBody(body);
        SupervisorInput.engineer(body.engineer(), engineers);
        SupervisorInput.reason(body.reason(), false);
        once("reassign", id, body, key, () -> reassign.reassign(
                new ReassignCase.Command(id, body.engineer().strip(), SupervisorInput.blank(body.reason()))));
    }

    @PostMapping("/api/supervision/cases/{id}/nudge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void nudge(@PathVariable Long id, @RequestBody(required = false) SupervisorCaseAction body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        SupervisorCaseAction action = body == null ? new SupervisorCaseAction(null, null, null) : body;
        SupervisorInput.reason(action.reason(), false);
        once("nudge", id, action, key, () -> nudge.nudge(new NudgeAssignee.Command(id, SupervisorInput.blank(action.reason()))));
    }

    @PostMapping("/api/supervision/cases/{id}/raise-level")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void raiseLevel(@PathVariable Long id, @RequestBody SupervisorCaseAction body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        requireBody(body);
        SupervisorInput.level(body.level());
        SupervisorInput.reason(body.reason(), true);
        once("raise-level", id, body, key, () -> raise.raise(new RaiseLevel.Command(id, body.level().strip(), body.reason().strip())));
    }

    /**
     * One action on several cases: 200 with each case's outcome, also when some could not be done. With an
     * Idempotency-Key a retry (or a second click) gets the first outcomes back and does nothing again.
     */
    @PostMapping("/api/supervision/bulk")
    ActOnCases.BulkOutcome bulk(@RequestBody(required = false) ActOnCases.BulkRequest body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        return bulk.act(body, key);
    }

    /** The action in one transaction, once per Idempotency-Key (a retry with the same key and request is a quiet 204). */
    private void once(String action, Long id, SupervisorCaseAction body, String key, Runnable work) {
        IdempotencyKey.check(key);
        if (key == null) {
            transaction.executeWithoutResult(s -> work.run());
            return;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", action);
        request.put("case", id);
        request.put("body", body);
        String fingerprint = RequestFingerprint.of(CurrentUser.username(), request);
        try {
            transaction.executeWithoutResult(s -> {
                if (replay.replay(SCOPE, key, fingerprint).isPresent()) {
                    return;
                }
                remember.remember(SCOPE, key, CurrentUser.username(), fingerprint, 204);
                work.run();
            });
        } catch (DataIntegrityViolationException e) {
            // a twin of this request took the key first and has done it; another request with the key is a 422
            if (replay.replay(SCOPE, key, fingerprint).isEmpty()) {
                throw e;
            }
        }
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new BadRequestException("body", "a JSON body is required");
        }
    }
}
