package com.aftercare.architecture.planted.beta;

import org.springframework.data.repository.Repository;

/** Beta's repository, read by alpha in a planted violation. */
public interface BetaRecords extends Repository<Object, Long> {
}
