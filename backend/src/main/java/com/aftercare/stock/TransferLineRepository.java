package com.aftercare.stock;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TransferLineRepository extends JpaRepository<TransferLine, Long> {

    List<TransferLine> findByTransferIdInOrderByIdAsc(Collection<Long> transferIds);

    List<TransferLine> findByTransferIdOrderByIdAsc(Long transferId);
}
