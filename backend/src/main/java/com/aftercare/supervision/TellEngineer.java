package com.aftercare.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ContractLanguage;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;

/** An in-app notification of a supervisor's action to one engineer, written (outside the app) in the contract's language. */
@Component
class TellEngineer {

    private final ContractBook contractBook;
    private final NotificationService notifications;
    private final Clock clock;

    TellEngineer(ContractBook contractBook, NotificationService notifications, Clock clock) {
        this.contractBook = contractBook;
        this.notifications = notifications;
        this.clock = clock;
    }

    void tell(Ticket ticket, String engineer, CaseEvent event) {
        Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
        notifications.send(new CaseEventMessage(ticket.getId(), event,
                contract.map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT).locale(),
                contract.map(ServiceContract::zoneId).orElse(clock.getZone()),
                List.of(new Recipient(engineer, engineer, null, null)), null));
    }
}
