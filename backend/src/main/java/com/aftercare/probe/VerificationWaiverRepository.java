package com.aftercare.probe;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface VerificationWaiverRepository extends Repository<VerificationWaiver, Long> {
    VerificationWaiver save(VerificationWaiver waiver);
    Optional<VerificationWaiver> findFirstByTicketIdOrderByWaivedAtDescIdDesc(Long ticketId);
}
