package com.aftercare.probe;

import java.net.URI;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import com.aftercare.common.Problems;
import com.aftercare.labels.Labels;

/**
 * "Check again" at a site served by a probe agent: 409 problem+json whose detail the engineer reads in their own language
 * (Accept-Language, Chinese by default), typed so a client can tell it from other conflicts.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecheckProblems {

    static final URI TYPE = URI.create("urn:aftercare:problem:recheck-by-agent");

    private final Labels labels;

    RecheckProblems(Labels labels) {
        this.labels = labels;
    }

    @ExceptionHandler(RecheckByAgentException.class)
    ResponseEntity<Object> byAgent(RecheckByAgentException e, WebRequest request) {
        String detail = labels.text(Labels.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)), "probe.recheckByAgent");
        ResponseEntity<Object> problem = Problems.of(HttpStatus.CONFLICT, detail, List.of());
        if (problem.getBody() instanceof ProblemDetail body) {
            body.setType(TYPE);
        }
        return problem;
    }
}
