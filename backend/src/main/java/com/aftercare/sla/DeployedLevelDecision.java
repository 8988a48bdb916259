package com.aftercare.sla;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The policy's level decision is a deployed DMN decision: a policy naming one the engine does not have would
 * fail every new ticket of its contracts at "determine level". Reported under "levelDecision". A missing
 * decision key is left to the definition's own rules ({@link PolicyDefinition#validate}).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DeployedLevelDecision.Check.class)
public @interface DeployedLevelDecision {

    String message() default "no deployed DMN decision by this key (shipped: faultLevel, faultLevelSix, faultClass)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DeployedLevelDecision, PolicyDefinition> {

        private final DecisionCatalog decisions;

        // built by Spring's validator factory, so the workflow feature's catalog is injected
        Check(DecisionCatalog decisions) {
            this.decisions = decisions;
        }

        @Override
        public boolean isValid(PolicyDefinition definition, ConstraintValidatorContext context) {
            if (definition == null || definition.levelDecision() == null || decisions.isDeployed(definition.levelDecision())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("levelDecision").addConstraintViolation();
            return false;
        }
    }
}
