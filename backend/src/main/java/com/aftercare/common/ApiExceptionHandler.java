package com.aftercare.common;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.aftercare.labels.Labels;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves as RFC 7807 problem+json. Bad input names its fields in "errors" so a form
 * can mark them; nothing here leaks stack traces.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Labels labels;

    ApiExceptionHandler(Labels labels) {
        this.labels = labels;
    }

    /** A problem text in the caller's language (Accept-Language; Chinese when absent, as the product's users are). */
    private String words(WebRequest request, String key, java.util.Map<String, ?> args) {
        java.util.Locale language = Labels.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        java.util.Map<String, Object> worded = new java.util.LinkedHashMap<>();
        args.forEach((name, value) -> worded.put(name, value instanceof Labelled l
                ? labels.find(language, l.group(), l.code()).orElse(l.code())
                : value));
        return labels.text(language, "problem." + key, worded);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e, WebRequest request) {
        if (e.reason() != null) {
            String field = e.errors().get(0).field();
            String message = words(request, e.reason(), e.args());
            return problem(HttpStatus.BAD_REQUEST, message, List.of(new BadRequestException.FieldError(field, message)));
        }
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        String detail = e.reason() == null ? e.getMessage() : words(request, e.reason(), e.args());
        return problem(HttpStatus.CONFLICT, detail, List.of());
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<Object> unprocessable(UnprocessableException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                List.of(new BadRequestException.FieldError(e.field(), e.reason())));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(RuntimeException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, words(request, "concurrentChange", java.util.Map.of()), List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.info("Rejected by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, words(request, "duplicateValue", java.util.Map.of()), List.of());
    }

    @ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
    ResponseEntity<Object> forbidden(RuntimeException e) {
        String detail = e instanceof ForbiddenException ? e.getMessage() : "Your role may not do this";
        return problem(HttpStatus.FORBIDDEN, detail, List.of());
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException e) {
        List<BadRequestException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return new BadRequestException.FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                }).toList();
        return problem(HttpStatus.BAD_REQUEST, errors.stream().map(x -> x.field() + ": " + x.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid"), errors);
    }

    /** Last resort: log it with a reference the user can quote, never leak internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (BusyDatabase.isLockWait(e)) {
            log.warn("Request refused while the database was busy (lock wait or deadlock): {}", e.toString());
            ResponseEntity<Object> busy = problem(HttpStatus.SERVICE_UNAVAILABLE, words(request, "busyRetry", java.util.Map.of()),
                    List.of());
            return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "2").body(busy.getBody());
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, words(request, "serverError", java.util.Map.of("reference", reference)),
                List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getName() + ": invalid value '" + e.getValue() + "'",
                List.of(new BadRequestException.FieldError(e.getName(), "invalid value '" + e.getValue() + "'")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(fe -> errors.add(new BadRequestException.FieldError(fe.getField(), fe.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(ge -> errors.add(new BadRequestException.FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        String detail = errors.stream().map(x -> x.field() + ": " + x.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return problem(HttpStatus.BAD_REQUEST, detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return problem(HttpStatus.BAD_REQUEST, u.getPropertyName() + ": unknown field",
                    List.of(new BadRequestException.FieldError(u.getPropertyName(), "unknown field")));
        }
        if (cause instanceof InvalidFormatException f) {
            String field = fieldPath(f);
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? " (allowed: " + String.join(", ", enumNames(f.getTargetType())) + ")"
                    : "";
            String message = "invalid value '" + f.getValue() + "'" + allowed;
            return problem(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new BadRequestException.FieldError(field, message)));
        }
        if (cause instanceof ControlCharacterException c) {
            String field = fieldPath(c);
            return problem(HttpStatus.BAD_REQUEST, field + ": " + c.getOriginalMessage(),
                    List.of(new BadRequestException.FieldError(field, c.getOriginalMessage())));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m);
            return problem(HttpStatus.BAD_REQUEST, field + ": wrong type",
                    List.of(new BadRequestException.FieldError(field, "wrong type")));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", List.of());
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
    }

    private static List<String> enumNames(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail, List<BadRequestException.FieldError> errors) {
        return Problems.of(status, detail, errors);
    }
}
