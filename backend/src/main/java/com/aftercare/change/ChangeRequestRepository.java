package com.aftercare.change;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    /** Staff: every change (of one status, or all), newest window first. */
    @Query("select c from ChangeRequest c where (:status is null or c.status = :status) order by c.plannedStart desc, c.id desc")
    List<ChangeRequest> list(@Param("status") ChangeStatus status, Pageable page);

    long countByStatus(ChangeStatus status);

    /** The unit's other changes still to come or under way whose windows overlap [start, end). */
    @Query("select c from ChangeRequest c where c.customerId = :customerId and c.id <> :id and c.status in :active"
            + " and c.plannedStart < :end and c.plannedEnd > :start order by c.plannedStart, c.id")
    List<ChangeRequest> overlapping(@Param("customerId") long customerId, @Param("id") long id,
            @Param("start") java.time.Instant start, @Param("end") java.time.Instant end,
            @Param("active") java.util.Collection<ChangeStatus> active, Pageable page);

    /** Finished changes with no customer sign-off whose outcome came before the given moment, oldest outcome first. */
    @Query("select c from ChangeRequest c where c.status = com.aftercare.change.ChangeStatus.DONE and c.confirmedAt is null"
            + " and c.finishedAt < :before order by c.finishedAt asc, c.id asc")
    List<ChangeRequest> unconfirmedFinishedBefore(@Param("before") java.time.Instant before, Pageable page);

    @Query("select count(c) from ChangeRequest c where c.status = com.aftercare.change.ChangeStatus.DONE and c.confirmedAt is null"
            + " and c.finishedAt < :before")
    long countUnconfirmedFinishedBefore(@Param("before") java.time.Instant before);

    /**
     * Started changes (in their window or done) naming the device whose window (to its outcome, or to its planned end
     * while there is none) overlaps [from, to), latest first: what explains a change of the device's configuration then.
     */
    @Query("select c from ChangeRequest c where c.deviceIds is not null and concat(',', c.deviceIds, ',') like :pattern"
            + " and c.status in (com.aftercare.change.ChangeStatus.IN_PROGRESS, com.aftercare.change.ChangeStatus.DONE)"
            + " and c.plannedStart < :to and coalesce(c.finishedAt, c.plannedEnd) > :from order by c.plannedStart desc, c.id desc")
    List<ChangeRequest> touchingDevice(@Param("pattern") String pattern, @Param("from") java.time.Instant from,
            @Param("to") java.time.Instant to, Pageable page);

    /** Every change naming the device, latest window first (the device's record page). */
    @Query("select c from ChangeRequest c where c.deviceIds is not null and concat(',', c.deviceIds, ',') like :pattern"
            + " order by c.plannedStart desc, c.id desc")
    List<ChangeRequest> namingDevice(@Param("pattern") String pattern, Pageable page);

    /** Changes in their window whose window has ended with no outcome. */
    @Query("select count(c) from ChangeRequest c where c.status = com.aftercare.change.ChangeStatus.IN_PROGRESS and c.plannedEnd < :now")
    long countOverrun(@Param("now") java.time.Instant now);

    /** A customer: their unit's changes that they have been told of, newest window first. */
    @Query("select c from ChangeRequest c where c.customerId = :customerId and c.announcedAt is not null"
            + " and (:status is null or c.status = :status) order by c.plannedStart desc, c.id desc")
    List<ChangeRequest> announcedTo(@Param("customerId") long customerId, @Param("status") ChangeStatus status, Pageable page);

    /**
     * The unit's changes naming a configuration item (its id in the comma-separated list), newest window first;
     * announcedOnly for a customer's user, who sees only the changes they were told of.
     */
    @Query("select c from ChangeRequest c where c.customerId = :customerId and c.configItemIds is not null"
            + " and concat(',', c.configItemIds, ',') like :pattern and (:announcedOnly = false or c.announcedAt is not null)"
            + " order by c.plannedStart desc, c.id desc")
    List<ChangeRequest> naming(@Param("customerId") long customerId, @Param("pattern") String pattern,
            @Param("announcedOnly") boolean announcedOnly, Pageable page);

    /**
     * Windows overlapping [from, to), earliest first; customerId set: that unit's announced changes only (a
     * customer's user), null: every unit's (staff).
     */
    @Query("select c from ChangeRequest c where c.plannedStart < :to and c.plannedEnd > :from"
            + " and (:status is null or c.status = :status)"
            + " and (:customerId is null or (c.customerId = :customerId and c.announcedAt is not null))"
            + " order by c.plannedStart asc, c.id asc")
    List<ChangeRequest> overlappingRange(@Param("from") java.time.Instant from, @Param("to") java.time.Instant to,
            @Param("status") ChangeStatus status, @Param("customerId") Long customerId, Pageable page);
}
