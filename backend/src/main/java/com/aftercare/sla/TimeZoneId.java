package com.aftercare.sla;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Null (the default zone), or a time zone id Java knows, e.g. Asia/Shanghai. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Check.class)
public @interface TimeZoneId {

    String message() default "not a time zone id, e.g. Asia/Shanghai";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<TimeZoneId, String> {

        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            if (zone == null) {
                return true;
            }
            try {
                ZoneId.of(zone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
