package com.aftercare.stock;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TransferRepository extends JpaRepository<Transfer, Long> {

    @Query("select t from Transfer t where (:status is null or t.status = :status) order by t.shippedAt desc, t.id desc")
    List<Transfer> list(@Param("status") TransferStatus status, Pageable page);

    /** What of a part is on the road: still the part's stock for its alarm level, in no warehouse yet. */
    @Query("select coalesce(sum(t.quantity), 0) from Transfer t where t.partId = :part and t.status = :status")
    long quantityOf(@Param("part") Long partId, @Param("status") TransferStatus status);

    @Query("select t.partId, sum(t.quantity) from Transfer t where t.status = :status group by t.partId")
    List<Object[]> quantitiesByPart(@Param("status") TransferStatus status);

    /** Per part id, what is in transit (parts with none absent). */
    default java.util.Map<Long, Long> inTransitByPart() {
        return quantitiesByPart(TransferStatus.IN_TRANSIT).stream()
                .collect(java.util.stream.Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).longValue()));
    }

    default long inTransitOf(Long partId) {
        return quantityOf(partId, TransferStatus.IN_TRANSIT);
    }

    /** The status as committed now (read after a lost optimistic race, past the stale entity in the session). */
    @Query("select t.status from Transfer t where t.id = :id")
    TransferStatus statusOf(@Param("id") long id);
}
