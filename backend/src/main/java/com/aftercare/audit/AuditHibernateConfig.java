package com.aftercare.audit;

import java.time.Clock;
import java.util.List;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers the audit listener with Hibernate when the EntityManagerFactory is built, for every
 * entity: which ones are audited is decided by {@link AuditedTables}, not by annotations on them.
 */
@Configuration(proxyBeanMethods = false)
class AuditHibernateConfig {

    @Bean
    AuditChainWriter auditChainWriter(Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new AuditChainWriter(clock, meters);
    }

    @Bean
    AuditChangeListener auditChangeListener(AuditChainWriter writer) {
        return new AuditChangeListener(writer);
    }

    @Bean
    HibernatePropertiesCustomizer auditListenerRegistration(AuditChangeListener listener) {
        Integrator integrator = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
                EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
                registry.appendListeners(EventType.POST_INSERT, listener);
                registry.appendListeners(EventType.POST_UPDATE, listener);
                registry.appendListeners(EventType.POST_DELETE, listener);
            }

            @Override
            public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
                // nothing to release
            }
        };
        return properties -> properties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(integrator));
    }
}
