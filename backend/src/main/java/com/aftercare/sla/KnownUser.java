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

import com.aftercare.identity.AccountService;

/**
 * Blank, or the user name of an account. A contract names its escalation contacts by user name, and a
 * misspelt one would silently send every escalation of that role to the supervisors instead.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownUser.Check.class)
public @interface KnownUser {

    String message() default "no user {name}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<KnownUser, String> {

        private final AccountService accounts;

        Check(AccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public boolean isValid(String username, ConstraintValidatorContext context) {
            if (username == null || username.isBlank() || accounts.find(username.trim()).isPresent()) {
                return true;
            }
            // a message parameter is inserted as it is, never interpreted: what a user typed stays text
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("name", username.trim());
            return false;
        }
    }
}
