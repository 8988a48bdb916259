package com.aftercare.survey;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.idempotency.IdempotencyKey;
import com.aftercare.idempotency.RememberIdempotentRequest;
import com.aftercare.idempotency.ReplayIdempotentRequest;
import com.aftercare.idempotency.RequestFingerprint;

/**
 * Callbacks and surveys (CB-1..CB-3, ADR 0045): the open list (the desk's; a customer's user sees their unit's surveys),
 * the answer (by phone at the desk, or in the portal), and a customer's results over a period (supervisors).
 */
@RestController
class SurveyController {

    private static final String SCOPE = "survey-answer";
    private static final Set<Role> ANSWER = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN, Role.CUSTOMER);
    private static final Set<Role> RESULTS = Set.of(Role.SUPERVISOR, Role.ADMIN, Role.SERVICE_DESK);

    private final ReadSurveys read;
    private final AnswerSurvey answer;
    private final ReplayIdempotentRequest replay;
    private final RememberIdempotentRequest remember;
    private final TransactionTemplate transaction;

    SurveyController(ReadSurveys read, AnswerSurvey answer, ReplayIdempotentRequest replay, RememberIdempotentRequest remember,
            TransactionTemplate transaction) {
        this.read = read;
        this.answer = answer;
        this.replay = replay;
        this.remember = remember;
        this.transaction = transaction;
    }

    @GetMapping("/api/surveys")
    List<SurveyView> open(@RequestParam(name = "overdue", defaultValue = "false") boolean overdue) {
        require(ANSWER);
        return read.open(overdue);
    }

    /** How many surveys and callbacks are open past their due time (the supervisor board's count). */
    @GetMapping("/api/surveys/overdue-count")
    Map<String, Long> overdueCount() {
        require(RESULTS);
        return Map.of("overdue", read.overdueCount());
    }

    /**
     * Answers a survey once. With an Idempotency-Key a phone's retry gets the answer back instead of a 409; without
     * one (or with another key) a second answer is a 409.
     */
    @PostMapping("/api/surveys/{id}/answer")
    SurveyView answer(@PathVariable long id, @RequestBody(required = false) AnswerSurvey.Command body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        require(ANSWER);
        if (body == null) {
            throw new BadRequestException("body", "a JSON body is required");
        }
        IdempotencyKey.check(key);
        if (key == null) {
            return answer.answer(id, body);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("survey", id);
        request.put("body", body);
        String fingerprint = RequestFingerprint.of(CurrentUser.username(), request);
        try {
            return transaction.execute(s -> {
                if (replay.replay(SCOPE, key, fingerprint).isPresent()) {
                    return read.one(id);
                }
                remember.remember(SCOPE, key, CurrentUser.username(), fingerprint, 200);
                return answer.answer(id, body);
            });
        } catch (DataIntegrityViolationException e) {
            if (replay.replay(SCOPE, key, fingerprint).isEmpty()) {
                throw e;
            }
            return read.one(id);
        }
    }

    @GetMapping("/api/surveys/results")
    ReadSurveys.Results results(@RequestParam(name = "customerId", required = false) Long customerId,
            @RequestParam(name = "from", required = false) LocalDate from,
            @RequestParam(name = "to", required = false) LocalDate to) {
        require(RESULTS);
        return read.results(customerId, from, to);
    }

    private static void require(Set<Role> allowed) {
        if (CurrentUser.roles().stream().noneMatch(allowed::contains)) {
            throw new ForbiddenException("Surveys are for the service desk, supervisors, administrators and customers' users");
        }
    }
}
