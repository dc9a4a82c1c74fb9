// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.hibernate.entities.Author;
import dev.auditsdk.hibernate.entities.Post;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivityJson;
import dev.auditsdk.test.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.Configuration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A real SessionFactory on H2 and on PostgreSQL, recording into a real Jdbi store in the same database. */
class EntityChangesTest {
    @Nested
    class OnH2 extends Cases {
        @Override
        Db open() {
            String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("hib") + ";DB_CLOSE_DELAY=-1";
            return new Db(url, "sa", "", () -> {});
        }
    }

    @Nested
    class OnPostgres extends Cases {
        @Override
        Db open() {
            TestDatabases.TestDatabase db = TestDatabases.postgres();
            return new Db(db.url(), db.user(), db.password(), db::close);
        }
    }

    record Db(String url, String user, String password, Runnable drop) {}

    abstract static class Cases {
        Db db;
        SessionFactory factory;
        JdbiActivityStore store;
        ActivityRecorder recorder;
        AuditEntities audit;

        abstract Db open();

        @BeforeEach
        void start() {
            db = open();
            store = JdbiActivityStore.builder(db.url(), db.user(), db.password())
                    .createSchema(true)
                    .build();
            recorder = ActivityRecorder.builder()
                    .store(store)
                    .mode(RecorderMode.SYNC)
                    .build();
            audit = AuditEntities.builder(recorder).actor(() -> "alice").build();
            Configuration cfg =
                    new Configuration().addAnnotatedClass(Post.class).addAnnotatedClass(Author.class);
            cfg.setProperty("hibernate.connection.url", db.url());
            cfg.setProperty("hibernate.connection.username", db.user());
            cfg.setProperty("hibernate.connection.password", db.password());
            cfg.setProperty("hibernate.hbm2ddl.auto", "create");
            cfg.getProperties().putAll(audit.applyTo(new HashMap<>()));
            factory = cfg.buildSessionFactory();
        }

        @AfterEach
        void stop() {
            factory.close();
            recorder.close();
            store.close();
            db.drop().run();
        }

        private void inTx(Consumer<Session> work) {
            try (Session s = factory.openSession()) {
                s.beginTransaction();
                work.accept(s);
                s.getTransaction().commit();
            }
        }

        private List<ActivityLog> records() {
            return store.find(ActivityQuery.latest()).items().stream()
                    .sorted(ActivityLog.NEWEST_FIRST.reversed())
                    .toList();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Map<String, Object>> changes(ActivityLog log) {
            Map<String, Map<String, Object>> out = new HashMap<>();
            ((List<Map<String, Object>>) log.data().get("changes")).forEach(c -> out.put((String) c.get("path"), c));
            return out;
        }

        private Long newPost(String title) {
            Post p = new Post(title);
            p.price = new BigDecimal("1.50");
            inTx(s -> s.persist(p));
            return p.id;
        }

        @Test
        void insertUpdateDeleteMakeOneRecordEachWithTheRealValues() {
            Long id = newPost("Old");
            inTx(s -> s.find(Post.class, id).title = "New");
            inTx(s -> s.remove(s.find(Post.class, id)));

            List<ActivityLog> logs = records();
            assertThat(logs)
                    .extracting(ActivityLog::action)
                    .containsExactly(ActionType.CREATE, ActionType.UPDATE, ActionType.DELETE);
            assertThat(logs).allSatisfy(l -> {
                assertThat(l.target().orElseThrow().type()).isEqualTo("Post");
                assertThat(l.target().orElseThrow().id()).isEqualTo(String.valueOf(id));
                assertThat(l.actor()).contains("alice");
                assertThat(l.data()).containsKey("transactionId");
            });
            assertThat(changes(logs.get(0)).get("title"))
                    .containsEntry("old", null)
                    .containsEntry("new", "Old");
            assertThat(changes(logs.get(1))).containsOnlyKeys("title");
            assertThat(changes(logs.get(1)).get("title"))
                    .containsEntry("old", "Old")
                    .containsEntry("new", "New");
            assertThat(changes(logs.get(2)).get("title"))
                    .containsEntry("old", "New")
                    .containsEntry("new", null);
        }

        @Test
        void aRolledBackTransactionRecordsNothing() {
            try (Session s = factory.openSession()) {
                s.beginTransaction();
                s.persist(new Post("never"));
                s.flush();
                s.getTransaction().rollback();
            }
            assertThat(records()).isEmpty();
        }

        @Test
        void severalFlushesInOneTransactionMakeOneRecord() {
            Long id = newPost("v1");
            inTx(s -> {
                Post p = s.find(Post.class, id);
                p.title = "v2";
                s.flush();
                p.title = "v3";
                p.price = new BigDecimal("2");
                s.flush();
            });
            List<ActivityLog> updates = records().stream()
                    .filter(l -> l.action().equals(ActionType.UPDATE))
                    .toList();
            assertThat(updates).hasSize(1);
            assertThat(changes(updates.get(0)).get("title"))
                    .containsEntry("old", "v1")
                    .containsEntry("new", "v3");
        }

        @Test
        void aMergedDetachedEntityHasItsRealOldValues() {
            Long id = newPost("Stored");
            Post detached = new Post("Merged");
            detached.id = id;
            detached.price = new BigDecimal("1.5"); // same value, other scale: no change
            inTx(s -> s.merge(detached));
            ActivityLog update = records().get(1);
            assertThat(update.action()).isEqualTo(ActionType.UPDATE);
            assertThat(changes(update)).containsOnlyKeys("title");
            assertThat(changes(update).get("title"))
                    .containsEntry("old", "Stored")
                    .containsEntry("new", "Merged");
        }

        @Test
        void maskedAndIgnoredValuesNeverReachTheTable() throws SQLException {
            Long id = newPost("t");
            inTx(s -> {
                Post p = s.find(Post.class, id);
                p.reviewerNote = "SECRET-NOTE-1";
                p.apiToken = "SECRET-TOKEN-1";
                p.cachedHtml = "SECRET-CACHE-1";
            });
            inTx(s -> {
                Post p = s.find(Post.class, id);
                p.reviewerNote = "SECRET-NOTE-2";
                p.apiToken = "SECRET-TOKEN-2";
                p.cachedHtml = "SECRET-CACHE-2";
            });
            List<ActivityLog> updates = records().stream()
                    .filter(l -> l.action().equals(ActionType.UPDATE))
                    .toList();
            assertThat(updates).hasSize(2);
            assertThat(changes(updates.get(1)).get("reviewerNote"))
                    .containsEntry("old", "[REDACTED]")
                    .containsEntry("new", "[REDACTED]");
            assertThat(changes(updates.get(1)).get("apiToken")).containsEntry("masked", true);
            assertThat(changes(updates.get(1))).doesNotContainKey("cachedHtml");
            assertThat(dump()).contains("[REDACTED]").doesNotContain("SECRET-");
        }

        @Test
        void aHugeTextAndALargeCollectionStayBounded() {
            Post p = new Post("big");
            p.body = "x".repeat(1_000_000);
            for (long i = 0; i < 10_000; i++) {
                p.relatedIds.add(i);
            }
            inTx(s -> s.persist(p));
            ActivityLog insert = records().get(0);
            assertThat(ActivityJson.dataToJson(insert.data()).length()).isLessThan(16_000);
            assertThat((String) changes(insert).get("body").get("new")).endsWith("...[truncated]");
            assertThat(changes(insert).get("relatedIds").get("new").toString()).contains("...[truncated]");
        }

        @Test
        void associationsAreIdsAndLazyCollectionsAreNotLoaded() {
            Author a = new Author("ann");
            Post p = new Post("with author");
            inTx(s -> {
                s.persist(a);
                p.author = a;
                s.persist(p);
            });
            inTx(s -> {
                Post loaded = s.find(Post.class, p.id);
                loaded.title = "renamed";
                assertThat(org.hibernate.Hibernate.isInitialized(loaded.relatedIds))
                        .isFalse();
            });
            try (Session s = factory.openSession()) {
                // nothing above loaded the collection: it still reads as not loaded
                assertThat(records().get(1).data().toString()).doesNotContain("relatedIds");
            }
            assertThat(changes(records().get(0)).get("author").get("new")).isEqualTo(a.id.intValue());
        }

        @Test
        void bulkAndNativeWritesLogAWarningOnce() {
            newPost("bulk");
            String log = capturingStderr(() -> inTx(s -> {
                s.createMutationQuery("update Post set title = 'b'").executeUpdate();
                s.createMutationQuery("update Post set title = 'c'").executeUpdate();
            }));
            assertThat(log).containsOnlyOnce("wrote audited entity Post").contains("NOT recorded");
        }

        @Test
        void aStatelessSessionsWritesAreRecordedWithAWarning() {
            Long id = newPost("s1");
            String log = capturingStderr(() -> {
                try (StatelessSession s = factory.openStatelessSession()) {
                    s.beginTransaction();
                    Post p = s.get(Post.class, id);
                    p.title = "s2";
                    s.update(p);
                    s.getTransaction().commit();
                }
            });
            assertThat(log).contains("StatelessSession");
            ActivityLog update = records().get(1);
            assertThat(update.data()).containsEntry("oldValuesUnknown", true);
            assertThat(changes(update).get("title")).containsEntry("new", "s2");
        }

        private static String capturingStderr(Runnable r) {
            PrintStream old = System.err;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                r.run();
            } finally {
                System.setErr(old);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private String dump() throws SQLException {
            StringBuilder out = new StringBuilder();
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select * from activity_log")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        @Nullable Object v = rs.getObject(i);
                        out.append(v).append('|');
                    }
                }
            }
            return out.toString();
        }
    }
}
