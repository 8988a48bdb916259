package com.aftercare.field;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The customer's side of the field steps, in the portal (and for staff on the ticket page): review the recovery
 * plan, confirm the completed work remotely.
 */
@RestController
@Tag(name = "Tasks")
class FieldStepController {

    private final ReviewPlan reviewPlan;
    private final ConfirmCompletion confirmCompletion;

    FieldStepController(ReviewPlan reviewPlan, ConfirmCompletion confirmCompletion) {
        this.reviewPlan = reviewPlan;
        this.confirmCompletion = confirmCompletion;
    }

    @PostMapping("/api/tickets/{id}/plan-review")
    @Operation(summary = "The customer approves the recovery plan, or sends it back with a reason (FW-4); the desk may answer for them")
    ResponseEntity<Void> reviewPlan(@PathVariable Long id, @RequestBody ReviewPlan.PlanReview body) {
        reviewPlan.review(id, body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tickets/{id}/completion-confirmation")
    @Operation(summary = "The customer's tester confirms the completed work remotely (VC-2), or says it is not done")
    ResponseEntity<Void> confirmCompletion(@PathVariable Long id, @RequestBody ConfirmCompletion.CompletionConfirmation body) {
        confirmCompletion.confirm(id, body);
        return ResponseEntity.noContent().build();
    }
}
