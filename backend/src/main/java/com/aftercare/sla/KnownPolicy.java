package com.aftercare.sla;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** The code of an SLA policy that has a current version; the message lists the codes there are. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownPolicy.Check.class)
public @interface KnownPolicy {

    String message() default "unknown SLA policy; one of {codes}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<KnownPolicy, String> {

        private final PolicyCatalog policies;

        Check(PolicyCatalog policies) {
            this.policies = policies;
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            if (policies.hasCurrent(code)) {
                return true;
            }
            // a message parameter is inserted as it is, never interpreted
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("codes",
                    policies.currentPolicies().stream().map(PolicyVersion::code).toList().toString());
            return false;
        }
    }
}
