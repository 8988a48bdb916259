package com.aftercare.modeling;

import java.util.Map;
import java.util.Set;

/**
 * What the server provides, as the guard's rules see it: the delegate and listener beans models may
 * name, every bean name (to tell a bean reference from a process variable), the external-task topics
 * a worker serves, the processes and decisions a model may call, the ticket statuses a step may set,
 * and for each level decision the level codes every SLA policy using it defines.
 */
record ModelFacts(
        Set<String> delegates,
        Set<String> executionListeners,
        Set<String> taskListeners,
        Set<String> allowedBeans,
        Set<String> allBeans,
        Set<String> topics,
        Set<String> processKeys,
        Set<String> decisionKeys,
        Set<String> ticketStatuses,
        Map<String, Set<String>> levelsByDecision) {
}
