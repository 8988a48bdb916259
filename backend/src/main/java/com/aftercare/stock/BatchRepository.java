package com.aftercare.stock;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BatchRepository extends JpaRepository<Batch, Long> {

    /** The batches an issue takes from, oldest first (FIFO: received date, then the order they were booked in). */
    @Query("select b from Batch b where b.partId = :part and b.warehouseId = :warehouse and b.remaining > 0"
            + " order by b.receivedOn asc, b.id asc")
    List<Batch> fifo(@Param("part") Long partId, @Param("warehouse") Long warehouseId);

    List<Batch> findByWarehouseIdAndRemainingGreaterThanOrderByPartIdAscReceivedOnAscIdAsc(Long warehouseId, int remaining);

    List<Batch> findByRemainingGreaterThanOrderByReceivedOnAscIdAsc(int remaining);

    List<Batch> findByRemainingGreaterThanAndReceivedOnBeforeOrderByReceivedOnAscIdAsc(int remaining, LocalDate before);

    /**
     * Takes quantity from the batch only if it still has that many: the database decides, under the row's lock, so
     * of two issues racing for the last unit exactly one gets 1 back (the other 0). Never below zero.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Batch b set b.remaining = b.remaining - :quantity where b.id = :id and b.remaining >= :quantity")
    int take(@Param("id") Long id, @Param("quantity") int quantity);

    /** Adds delta (negative: removes) unless the result would be below zero; 1 when done. */
    @Modifying(flushAutomatically = true)
    @Query("update Batch b set b.remaining = b.remaining + :delta where b.id = :id and b.remaining + :delta >= 0")
    int adjust(@Param("id") Long id, @Param("delta") int delta);

    @Query("select coalesce(sum(b.remaining), 0) from Batch b where b.partId = :part")
    long totalOf(@Param("part") Long partId);

    @Query("select b.remaining from Batch b where b.id = :id")
    int remainingOf(@Param("id") Long id);
}
