package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    /**
     * Written out, not derived from the method name: Hibernate 6.6 translates a derived query (a criteria tree) to SQL
     * anew on every call, a query string once; this one runs on every report (ADR 0091).
     */
    @Query("select t from Ticket t where t.idempotencyKey = :key")
    Optional<Ticket> findByIdempotencyKey(@Param("key") String idempotencyKey);

    /** The case number of a ticket id, for the log context (CaseNumberInLogs). */
    @Query("select t.number from Ticket t where t.id = :id and t.number is not null")
    Optional<String> findNumber(@Param("id") Long id);

    /** Level code (null: none) and its number of open cases, for the metrics (OpenCasesGauge). */
    @Query("select t.level, count(t) from Ticket t where t.status <> com.aftercare.ticket.TicketStatus.CLOSED group by t.level")
    List<Object[]> countOpenByLevel();

    @EntityGraph(attributePaths = { "site", "device" })
    @Query("select t from Ticket t where t.id = :id")
    Optional<Ticket> findWithSiteAndDevice(@Param("id") Long id);

    @EntityGraph(attributePaths = { "site", "device" })
    @Query(value = """
            select t from Ticket t
            where (:status is null or t.status = :status)
              and (:siteId is null or t.site.id = :siteId)
              and (:customerId is null or t.site.customer.id = :customerId)
              and (:assignee is null or t.assignee = :assignee)
              and (:requestType is null or t.requestType = :requestType)
              and (:overdue = false or (t.status <> com.aftercare.ticket.TicketStatus.CLOSED and (
                   (t.respondedAt is null and t.responseDue < :now)
                or (t.resolvedAt is null and t.resolutionDue < :now))))""",
            countQuery = """
            select count(t) from Ticket t
            where (:status is null or t.status = :status)
              and (:siteId is null or t.site.id = :siteId)
              and (:customerId is null or t.site.customer.id = :customerId)
              and (:assignee is null or t.assignee = :assignee)
              and (:requestType is null or t.requestType = :requestType)
              and (:overdue = false or (t.status <> com.aftercare.ticket.TicketStatus.CLOSED and (
                   (t.respondedAt is null and t.responseDue < :now)
                or (t.resolvedAt is null and t.resolutionDue < :now))))""")
    Page<Ticket> search(@Param("customerId") Long customerId, @Param("status") TicketStatus status, @Param("siteId") Long siteId,
            @Param("assignee") String assignee, @Param("requestType") RequestType requestType,
            @Param("overdue") boolean overdue, @Param("now") Instant now, Pageable pageable);

    /** Many tickets with what a list row shows (issue 15: the search answers ids, the page is loaded in one query). */
    @EntityGraph(attributePaths = { "site", "device" })
    @Query("select t from Ticket t where t.id in :ids")
    List<Ticket> findWithSiteAndDeviceByIdIn(@Param("ids") java.util.Collection<Long> ids);

    @Query("select t.id from Ticket t where t.status <> com.aftercare.ticket.TicketStatus.CLOSED and t.policyId in :policyIds")
    List<Long> findOpenIdsByPolicyIdIn(@Param("policyIds") java.util.Collection<Long> policyIds);

    /** A customer's open tickets, the ones a contract change may be applied to. */
    @Query("select t from Ticket t where t.status <> com.aftercare.ticket.TicketStatus.CLOSED and t.site.customer.id = :customerId"
            + " order by t.id")
    List<Ticket> findOpenOfCustomer(@Param("customerId") Long customerId);

    /** Open tickets with what the supervisor board shows (site for region and name). */
    @EntityGraph(attributePaths = { "site" })
    @Query("select t from Ticket t where t.status <> com.aftercare.ticket.TicketStatus.CLOSED")
    List<Ticket> findOpenWithSite();

    /** Tickets opened before SLA policies existed (database upgraded from the foundation release). */
    @EntityGraph(attributePaths = { "site" })
    @Query("select t from Ticket t where t.policyId is null")
    List<Ticket> findWithoutPolicy();

    /**
     * Tickets whose requester's phone, with spaces, dashes, brackets and the plus sign taken out, ends with the
     * given digits (a whole number or its last digits), newest first; customerId null for staff (issue 15).
     */
    @EntityGraph(attributePaths = { "site", "site.customer", "device" })
    @Query("""
            select t from Ticket t
            where replace(replace(replace(replace(replace(t.requesterPhone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', '')
                  like :pattern
              and (:customerId is null or t.site.customer.id = :customerId)
            order by t.receivedAt desc, t.id desc""")
    List<Ticket> findByRequesterPhoneLike(@Param("pattern") String pattern, @Param("customerId") Long customerId,
            Pageable pageable);

    /** The open cases on one device, oldest first (the intake form's warning). */
    @EntityGraph(attributePaths = { "site", "device" })
    @Query("select t from Ticket t where t.device.id = :deviceId and t.status <> com.aftercare.ticket.TicketStatus.CLOSED"
            + " and (:customerId is null or t.site.customer.id = :customerId) order by t.receivedAt, t.id")
    List<Ticket> findOpenOnDevice(@Param("deviceId") Long deviceId, @Param("customerId") Long customerId);

    /** CB-1: the faults closed in [from, to), with their customer, for the satisfaction sample (survey.PickSampleSurveys). */
    @Query("""
            select new com.aftercare.ticket.ClosedFaults$ClosedFault(t.id, t.number, t.site.customer.id, t.closedAt)
            from Ticket t where t.status = com.aftercare.ticket.TicketStatus.CLOSED
            and t.requestType = com.aftercare.ticket.RequestType.FAULT and t.closedAt >= :from and t.closedAt < :to
            order by t.id""")
    List<ClosedFaults.ClosedFault> findFaultsClosedBetween(@Param("from") java.time.Instant from, @Param("to") java.time.Instant to);

    /**
     * A customer's cases that were received before {@code to} and were still open at {@code from} or closed after it:
     * every case a report of [from, to) speaks of (issue 16, RP-1), oldest first.
     */
    @EntityGraph(attributePaths = { "site", "device" })
    @Query("""
            select t from Ticket t
            where t.site.customer.id = :customerId and t.receivedAt < :to
              and (t.closedAt is null or t.closedAt >= :from)
            order by t.receivedAt, t.id""")
    List<Ticket> findOfCustomerBetween(@Param("customerId") Long customerId, @Param("from") Instant from, @Param("to") Instant to);

    /** Open cases per device among the given ones (device id, count): the configuration graph marks what is down now. */
    @Query("select t.device.id, count(t) from Ticket t where t.device.id in :deviceIds"
            + " and t.status <> com.aftercare.ticket.TicketStatus.CLOSED group by t.device.id")
    List<Object[]> countOpenOnDevices(@Param("deviceIds") java.util.Collection<Long> deviceIds);

    /**
     * The faults and service requests on a device that were open at some time in [from, to), latest first: the cases
     * whose work may change its settings (a consultation or a complaint does not).
     */
    @Query("select t.number from Ticket t where t.device.id = :deviceId and t.receivedAt < :to"
            + " and t.requestType in (com.aftercare.ticket.RequestType.FAULT, com.aftercare.ticket.RequestType.SERVICE_REQUEST)"
            + " and (t.closedAt is null or t.closedAt > :from) order by t.receivedAt desc, t.id desc")
    List<String> openOnDeviceDuring(@Param("deviceId") Long deviceId, @Param("from") Instant from, @Param("to") Instant to,
            Pageable page);

    /** A device's cases, newest first (its record page). */
    @Query("select t from Ticket t where t.device.id = :deviceId order by t.receivedAt desc, t.id desc")
    List<Ticket> ofDevice(@Param("deviceId") Long deviceId, Pageable page);

    /** (all, not closed) cases of a device. */
    @Query("select count(t), sum(case when t.status <> com.aftercare.ticket.TicketStatus.CLOSED then 1 else 0 end)"
            + " from Ticket t where t.device.id = :deviceId")
    List<Object[]> countOfDevice(@Param("deviceId") Long deviceId);

    /** Several cases by id with their device (a case's name on another feature's page). */
    @EntityGraph(attributePaths = { "device" })
    @Query("select t from Ticket t where t.id in :ids")
    List<Ticket> findWithDeviceByIdIn(@Param("ids") java.util.Collection<Long> ids);

    /** Cases of one type reported on any of the devices in [from, to), oldest first (what followed a change). */
    @Query("select t from Ticket t where t.device.id in :deviceIds and t.requestType = :type and t.receivedAt >= :from"
            + " and t.receivedAt < :to order by t.receivedAt asc, t.id asc")
    List<Ticket> findOnDevicesBetween(@Param("deviceIds") java.util.Collection<Long> deviceIds, @Param("type") RequestType type,
            @Param("from") Instant from, @Param("to") Instant to, Pageable page);
}
