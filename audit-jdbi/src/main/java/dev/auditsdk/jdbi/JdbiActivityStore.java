// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.auditsdk.ActivityCount;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spi.TenantSelection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational {@link ActivityStore}: H2 2.x (the embedded default), PostgreSQL 13+, MariaDB 10.6+
 * and MySQL 8+, the dialect read from the connection's metadata. Appends are one idempotent
 * prepared batch per call; queries are keyset-paginated newest first; purges delete in small batches.
 *
 * <p>On PostgreSQL (with pgjdbc, the official driver) a large batch (500 records or more: a recorder
 * with a backlog) goes through
 * {@code COPY} into a temporary table of the session, then {@code INSERT … SELECT … ON CONFLICT (id)
 * DO NOTHING}: just as idempotent, and faster than the batched insert. A connection proxy or pooler that
 * does not support {@code COPY} or keeps no session temporary tables needs {@link Builder#copyBatches
 * copyBatches(false)} (a pooler that resets sessions is fine: the staging table is created again).
 *
 * <pre>{@code
 * try (var recorder = ActivityRecorder.builder().store(JdbiActivityStore.h2File(Path.of("audit"))).build()) {
 *     recorder.record(ActionType.LOGIN, b -> b.actor("alice"));
 * }
 * }</pre>
 *
 * <p>A store built while its database is unreachable starts anyway and connects on first use;
 * until then every call throws, so the recorder keeps retrying and nothing is lost. Thread-safe.
 *
 * @since 0.1
 */
public final class JdbiActivityStore implements ActivityStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiActivityStore.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Jdbi jdbi;
    private final TableName table;
    private final @Nullable Boolean createSchema;
    private final int purgeBatchSize;
    private final boolean copyBatches;
    private final @Nullable HikariDataSource ownPool;
    private final @Nullable DataSource dataSource;
    private final boolean shutdownH2;
    private final AtomicLong poison = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable Ready ready;

    private JdbiActivityStore(Builder b, Jdbi jdbi, @Nullable HikariDataSource ownPool) {
        this.jdbi = jdbi;
        this.table = b.table;
        this.createSchema = b.createSchema;
        this.purgeBatchSize = b.purgeBatchSize;
        this.copyBatches = b.copyBatches;
        this.ownPool = ownPool;
        this.dataSource = b.dataSource;
        this.shutdownH2 = b.shutdownH2;
    }

    /**
     * The embedded default: an H2 database in the file {@code path + ".mv.db"}, with its own pool and
     * the schema created.
     *
     * @throws IllegalArgumentException if the path contains {@code ;} (it would end H2's URL)
     */
    public static JdbiActivityStore h2File(Path path) {
        String file = path.toAbsolutePath().toString();
        if (file.indexOf(';') >= 0) {
            throw new IllegalArgumentException("an H2 file path must not contain ';': " + file);
        }
        // The store closes the database itself, after the recorder has drained, not H2's shutdown hook.
        String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        return builder(url, "sa", "").build();
    }

    /** A new private in-memory H2 database with the schema created, dropped by {@link #close()}. */
    public static JdbiActivityStore h2InMemory() {
        Builder b = builder("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        b.shutdownH2 = true;
        return b.build();
    }

    /** A store on the application's (or a dedicated) data source; {@link #close()} leaves it open. */
    public static Builder builder(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Builder b = new Builder(Jdbi.create(dataSource), null, null, null);
        b.dataSource = dataSource;
        return b;
    }

    /** A store on an existing {@link Jdbi}; {@link #close()} leaves it alone. */
    public static Builder builder(Jdbi jdbi) {
        return new Builder(Objects.requireNonNull(jdbi, "jdbi"), null, null, null);
    }

    /**
     * A store with its own small HikariCP pool on this URL (closed by {@link #close()}), so auditing
     * never competes with the application's pool. On PostgreSQL the pool turns on
     * {@code reWriteBatchedInserts}, and turns off {@code logServerErrorDetail} so that no driver
     * message quotes audit values.
     */
    public static Builder builder(String jdbcUrl, @Nullable String user, @Nullable String password) {
        return new Builder(null, Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password);
    }

    @Override
    public void append(List<ActivityLog> batch) {
        Objects.requireNonNull(batch, "batch");
        if (!batch.isEmpty()) {
            ready().writer().append(batch);
        }
    }

    /**
     * A refused or lost connection (a JDBC connection exception or SQLSTATE class 08, anywhere in
     * the cause chain) or a network failure is transient: the recorder then keeps the batch whole
     * instead of searching it for a bad row.
     */
    @Override
    public boolean isTransient(Throwable failure) {
        return SqlErrors.isUnavailable(failure) || ActivityStore.super.isTransient(failure);
    }

    @Override
    public ActivityPage find(ActivityQuery query) {
        return ready().queries().find(Objects.requireNonNull(query, "query"));
    }

    /** Counts in the database, reading at most {@code bound + 1} index entries or rows. */
    @Override
    public ActivityCount count(ActivityQuery query, long bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        return ready().queries().count(Objects.requireNonNull(query, "query"), bound);
    }

    /** Streams from the database in chain order, one fetch of 1,000 rows at a time. */
    @Override
    public void forEachInChainOrder(ActivityQuery query, Predicate<ActivityLog> rows) {
        ready().queries()
                .forEachInChainOrder(Objects.requireNonNull(query, "query"), Objects.requireNonNull(rows, "rows"));
    }

    @Override
    public Optional<ActivityLog> get(UUID id) {
        return ready().queries().get(Objects.requireNonNull(id, "id"));
    }

    /** Deletes in statements of at most {@link Builder#purgeBatchSize} rows, so no long lock is held. */
    @Override
    public long purgeBefore(Instant cutoff) {
        return ready().queries().purgeBefore(Objects.requireNonNull(cutoff, "cutoff"));
    }

    /** Deletes the selected tenants' records before {@code cutoff}, in the same small statements. */
    @Override
    public long purgeBefore(Instant cutoff, TenantSelection tenants) {
        return ready().queries()
                .purgeBefore(Objects.requireNonNull(cutoff, "cutoff"), Objects.requireNonNull(tenants, "tenants"));
    }

    /** Rows the database rejected for their content, isolated from their batch, logged at ERROR and skipped. */
    public long poisonRows() {
        return poison.get();
    }

    /** The database in use: {@code H2}, {@code PostgreSQL}, {@code MariaDB} or {@code MySQL}. */
    public String dialectName() {
        return ready().dialect().displayName();
    }

    /** Closes the pool this store made itself (and drops a private in-memory database); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || ownPool == null) {
            return;
        }
        if (shutdownH2) {
            try {
                jdbi.useHandle(h -> h.execute("SHUTDOWN"));
            } catch (RuntimeException e) {
                LOG.debug("H2 shutdown failed", e);
            }
        }
        ownPool.close();
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Whether appends go through COPY (for tests). */
    boolean copies() {
        return ready().writer().copies();
    }

    /** Batches stored through COPY so far (for tests). */
    long copiedBatches() {
        return ready().writer().copiedBatches();
    }

    Dialect dialect() {
        return ready().dialect();
    }

    TableName table() {
        return table;
    }

    /** Whether the store was built on exactly this data source. */
    boolean isOn(DataSource candidate) {
        return dataSource == candidate;
    }

    /** Which of {@code ids} the trail has (the outbox relay's insert-if-absent). */
    java.util.Set<UUID> presentIds(java.util.Collection<UUID> ids) throws java.sql.SQLException {
        return ready().queries().presentIds(ids);
    }

    private Ready ready() {
        Ready r = ready;
        if (r != null) {
            return r;
        }
        synchronized (this) {
            if (ready == null) {
                ready = jdbi.withHandle(h -> {
                    Dialect dialect;
                    try {
                        dialect = Dialect.of(h.getConnection().getMetaData());
                    } catch (java.sql.SQLException e) {
                        throw new ConnectionException(e);
                    }
                    if (createSchema != null ? createSchema : dialect == Dialect.H2) {
                        Schema.apply(h, dialect, table);
                    }
                    try {
                        Schema.check(h.getConnection(), dialect, table);
                    } catch (java.sql.SQLException e) {
                        throw new ConnectionException(e);
                    }
                    Queries queries = new Queries(jdbi, dialect, table, purgeBatchSize);
                    return new Ready(
                            dialect, queries, new BatchWriter(jdbi, dialect, table, queries, poison, copyBatches));
                });
            }
            return ready;
        }
    }

    private record Ready(Dialect dialect, Queries queries, BatchWriter writer) {}

    /** Configures a {@link JdbiActivityStore}. */
    public static final class Builder {
        private final @Nullable Jdbi jdbi;
        private final @Nullable String url;
        private final @Nullable String user;
        private final @Nullable String password;
        private TableName table = TableName.of(TableName.DEFAULT);
        private @Nullable Boolean createSchema;
        private int purgeBatchSize = 5000;
        private boolean copyBatches = true;
        private int maxPoolSize;
        private boolean shutdownH2;
        private @Nullable DataSource dataSource;

        private Builder(@Nullable Jdbi jdbi, @Nullable String url, @Nullable String user, @Nullable String password) {
            this.jdbi = jdbi;
            this.url = url;
            this.user = user;
            this.password = password;
        }

        /**
         * The table (default {@code activity_log}), optionally {@code schema.table}.
         *
         * @throws IllegalArgumentException unless made of plain SQL identifiers (letters, digits, '_')
         */
        public Builder tableName(String tableName) {
            this.table = TableName.of(tableName);
            return this;
        }

        /** Whether the store applies its DDL on start (default true on H2, false elsewhere). */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /** Rows deleted per statement by {@link JdbiActivityStore#purgeBefore} (default 5,000). */
        public Builder purgeBatchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("purgeBatchSize must be at least 1, got " + rows);
            }
            this.purgeBatchSize = rows;
            return this;
        }

        /**
         * Whether batches go through PostgreSQL's {@code COPY} (default true; ignored on the other
         * databases and without pgjdbc). Turn it off behind a proxy or pooler that lacks {@code COPY}
         * or session temporary tables: batches are then rewritten multi-row inserts, as idempotent.
         */
        public Builder copyBatches(boolean copyBatches) {
            this.copyBatches = copyBatches;
            return this;
        }

        /** Largest size of the store's own pool (default 4); only for a store made from a JDBC URL. */
        public Builder maxPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maxPoolSize must be at least 1, got " + size);
            }
            this.maxPoolSize = size;
            return this;
        }

        /**
         * Builds the store and, when the database is reachable, checks it, applies the schema (when
         * {@link #createSchema} says so) and checks that the table has every column the store writes.
         *
         * @throws UnsupportedOperationException for a database other than those supported
         * @throws IllegalStateException if a pool size was set for a store without its own pool, or
         *     if the table or one of its columns is missing (the message names the migration scripts to run)
         */
        public JdbiActivityStore build() {
            if (url == null && maxPoolSize > 0) {
                throw new IllegalStateException("maxPoolSize applies only to a store made from a JDBC URL");
            }
            HikariDataSource pool = url == null ? null : pool();
            JdbiActivityStore store = new JdbiActivityStore(this, jdbi != null ? jdbi : Jdbi.create(pool), pool);
            try {
                store.ready();
            } catch (ConnectionException e) {
                LOG.warn("Audit database not reachable yet; the store will connect on first use: {}", e.getMessage());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        }

        private HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setPoolName("audit-store-" + POOLS.incrementAndGet());
            config.setMaximumPoolSize(maxPoolSize > 0 ? maxPoolSize : 4);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(5_000);
            // Start even when the database is down: the recorder retries until it is back.
            config.setInitializationFailTimeout(-1);
            if (Objects.requireNonNull(url).startsWith("jdbc:postgresql:")) {
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                // Otherwise the driver quotes the failed statement with every bound value in its
                // messages, which the pool logs (a broken connection) before the store can redact them.
                config.addDataSourceProperty("logServerErrorDetail", "false");
            }
            return new HikariDataSource(config);
        }
    }
}
