package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.change.AnnounceChange;
import com.aftercare.change.OpenChangeWindow;
import com.aftercare.change.TellChangeOverrun;

/**
 * The service tasks of change-request.bpmn (RP-5); each calls one use case. The bean names are the model's delegate
 * expressions; changeId is the one variable they read.
 */
@Configuration
class ChangeSteps {

    /** announceChange: the customer hears of the window, the scope and the fallback (again when it moved). */
    @Bean
    JavaDelegate changeNoticeDelegate(AnnounceChange announce) {
        return execution -> announce.announce(changeId(execution.getVariable("changeId")));
    }

    /** openWindow: the window has started; the implementer carries the change out. */
    @Bean
    JavaDelegate changeWindowDelegate(OpenChangeWindow open) {
        return execution -> open.open(changeId(execution.getVariable("changeId")));
    }

    /** tellOverrun: the window ended with no outcome; the supervisors hear of it once. */
    @Bean
    JavaDelegate changeOverrunDelegate(TellChangeOverrun tell) {
        return execution -> tell.tell(changeId(execution.getVariable("changeId")));
    }

    private static long changeId(Object value) {
        return ((Number) value).longValue();
    }
}
