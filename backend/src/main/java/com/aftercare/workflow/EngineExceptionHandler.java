package com.aftercare.workflow;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.Problems;

/** The engine's own exceptions, as problem+json: they stay in the workflow feature with the engine calls. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before the catch-all in common.ApiExceptionHandler
class EngineExceptionHandler {

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingException e) {
        return Problems.of(HttpStatus.CONFLICT, "Someone else changed this case at the same time; reload and try again", List.of());
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ResponseEntity<Object> alreadyClaimed(TaskAlreadyClaimedException e) {
        return Problems.of(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    /** Safety net behind FormValues: a model constraint the API check did not know about. */
    @ExceptionHandler(FormFieldValidatorException.class)
    ResponseEntity<Object> formField(FormFieldValidatorException e) {
        String field = e.getId() == null ? "form" : e.getId();
        return Problems.of(HttpStatus.BAD_REQUEST, field + ": " + e.getMessage(),
                List.of(new BadRequestException.FieldError(field, e.getMessage())));
    }
}
