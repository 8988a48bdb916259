package com.aftercare.supervision;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.engineer.EngineerService;
import com.aftercare.ticket.SearchTickets;
import com.aftercare.ticket.Ticket;

/** The reassign picker (issue 15): every engineer who may be given work, with their region and open jobs (open cases they hold). */
@Service
class ListEngineerWorkloads {

    record EngineerLoad(String username, String displayName, String team, String region, long openJobs) {
    }

    private final EngineerService engineers;
    private final SearchTickets searchTickets;

    ListEngineerWorkloads(EngineerService engineers, SearchTickets searchTickets) {
        this.engineers = engineers;
        this.searchTickets = searchTickets;
    }

    @Transactional(readOnly = true)
    List<EngineerLoad> list() {
        Map<String, Long> open = searchTickets.openTickets().stream().map(Ticket::getAssignee).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return engineers.available().stream()
                .map(e -> new EngineerLoad(e.getUsername(), e.getDisplayName(), e.getTeam() == null ? null : e.getTeam().getName(),
                        e.getRegion() == null ? null : e.getRegion().name(), open.getOrDefault(e.getUsername(), 0L)))
                .toList();
    }
}
