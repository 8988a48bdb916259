package com.aftercare.ticket;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** A user task of the case finished: its form values go onto the ticket, and a line onto the timeline. */
@Service
public class RecordTaskCompletion {

    private final LoadTicket load;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordTaskCompletion(LoadTicket load, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** processKey and taskKey name the model and its activity, so the line is rendered with the form's own labels. */
    @Transactional
    public void record(Long ticketId, String processKey, String taskKey, String taskName, Map<String, Object> formValues) {
        Ticket t = load.byId(ticketId);
        formValues.forEach(t::recordFormValue);
        t.touch(clock.instant());
        // blank values say nothing to a reader; the order is the form's (the caller's map keeps it)
        List<CaseEvent.FieldValue> values = formValues.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> new CaseEvent.FieldValue(e.getKey(), e.getValue())).toList();
        timeline.record(ticketId, new CaseEvent.TaskCompleted(processKey, taskKey, taskName, values));
    }
}
