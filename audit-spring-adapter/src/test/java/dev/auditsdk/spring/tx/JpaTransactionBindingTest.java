// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.jdbi.JdbiOutbox;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SpringTransactionBinding} under a {@link JpaTransactionManager} with Hibernate on H2, the
 * audit store on the same database: after-commit records wait for the JPA commit and go with its
 * rollback; the outbox writes on the JPA transaction's own JDBC connection.
 */
class JpaTransactionBindingTest {
    /** The business entity. */
    @Entity(name = "Shipment")
    public static class Shipment {
        @Id
        private Long id;

        protected Shipment() {}

        Shipment(long id) {
            this.id = id;
        }
    }

    private DataSource ds;
    private LocalContainerEntityManagerFactoryBean factory;
    private EntityManager em;
    private TransactionTemplate tx;
    private JdbiActivityStore store;

    @BeforeEach
    void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jpa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        ds = h2;
        factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(ds);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setManagedTypes(
                org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes.of(Shipment.class.getName()));
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create"));
        factory.afterPropertiesSet();
        EntityManagerFactory emf = factory.getObject();
        em = SharedEntityManagerCreator.createSharedEntityManager(emf);
        JpaTransactionManager tm = new JpaTransactionManager(emf);
        // Exposes the JPA transaction's JDBC connection to DataSourceUtils (the outbox writes on it).
        tm.setDataSource(ds);
        tx = new TransactionTemplate(tm);
        store = JdbiActivityStore.builder(ds).createSchema(true).build();
    }

    @AfterEach
    void stop() {
        store.close();
        factory.destroy();
    }

    private long shipments() {
        return em.createQuery("SELECT COUNT(s) FROM Shipment s", Long.class).getSingleResult();
    }

    private long audited() {
        return store.count(ActivityQuery.builder().build(), 1000).value();
    }

    @Test
    void afterCommitRecordsWaitForTheJpaCommitAndGoWithItsRollback() {
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .closeSinkOnClose(false)
                .mode(RecorderMode.SYNC)
                .transactions(SpringTransactionBinding.create())
                .build()) {
            tx.executeWithoutResult(status -> {
                em.persist(new Shipment(1));
                recorder.record(ActionType.CREATE, b -> b.actor("clerk").target("Shipment", 1));
                em.flush();
                assertThat(audited()).as("before the commit").isZero();
            });
            assertThat(audited()).isEqualTo(1);

            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                        em.persist(new Shipment(2));
                        recorder.record(ActionType.CREATE, b -> b.actor("clerk").target("Shipment", 2));
                        throw new IllegalStateException("out of stock");
                    }))
                    .hasMessage("out of stock");
            assertThat(shipments()).isEqualTo(1);
            assertThat(audited()).isEqualTo(1);
            assertThat(recorder.stats().discarded()).isEqualTo(1);
            assertThat(recorder.stats().held()).isZero();
        }
    }

    @Test
    void theOutboxWritesOnTheJpaTransactionsConnection() {
        AtomicReference<JdbiOutbox> box = new AtomicReference<>();
        AtomicReference<Connection> used = new AtomicReference<>();
        SpringTransactionBinding binding = SpringTransactionBinding.outbox(logs -> {
            Connection c = DataSourceUtils.getConnection(ds);
            used.set(c);
            box.get().insert(c, logs);
        });
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                        .store(store)
                        .closeSinkOnClose(false)
                        .mode(RecorderMode.SYNC)
                        .transactions(binding)
                        .build();
                JdbiOutbox outbox =
                        JdbiOutbox.builder(store, recorder).sharedDataSource(ds).build()) {
            box.set(outbox);
            AtomicReference<Connection> jpa = new AtomicReference<>();
            tx.executeWithoutResult(status -> {
                em.persist(new Shipment(3));
                recorder.record(ActionType.CREATE, b -> b.actor("clerk").target("Shipment", 3));
                jpa.set(em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c));
            });
            assertThat(used.get()).isSameAs(jpa.get());
            assertThat(outbox.lag().rows()).isEqualTo(1);

            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                        em.persist(new Shipment(4));
                        recorder.record(ActionType.CREATE, b -> b.actor("clerk").target("Shipment", 4));
                        status.setRollbackOnly();
                        throw new IllegalStateException("cancelled");
                    }))
                    .hasMessage("cancelled");
            assertThat(outbox.lag().rows()).isEqualTo(1);
            assertThat(outbox.relayOnce()).isEqualTo(1);
            assertThat(audited()).isEqualTo(1);
            assertThat(shipments()).isEqualTo(1);
        }
    }
}
