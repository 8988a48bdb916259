package com.aftercare.architecture.planted.beta;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/** Beta's repository, read by alpha in a planted violation. */
@NoRepositoryBean // a planted type for the rules, never a bean of the application's Spring Data scan
public interface BetaRecords extends Repository<Object, Long> {
}
