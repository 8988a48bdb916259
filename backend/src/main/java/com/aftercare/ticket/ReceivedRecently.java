package com.aftercare.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * When a report says the call came in: not in the future (a minute of clock skew allowed) and at most
 * seven days ago, a call typed in late rather than a backfill of history. Null means "now".
 */
@Documented
@Constraint(validatedBy = ReceivedRecently.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReceivedRecently {

    /** How far back a report may be dated. */
    Duration MAX_AGO = Duration.ofDays(7);

    String message() default "must be within the last 7 days";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring builds it with the application's Clock, so tests and the SLA maths agree on "now". */
    class Validator implements ConstraintValidator<ReceivedRecently, Instant> {

        private final Clock clock;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(Instant receivedAt, ConstraintValidatorContext context) {
            if (receivedAt == null) {
                return true;
            }
            Instant now = clock.instant();
            if (receivedAt.isAfter(now.plusSeconds(60))) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not be in the future").addConstraintViolation();
                return false;
            }
            return !receivedAt.isBefore(now.minus(MAX_AGO));
        }
    }
}
