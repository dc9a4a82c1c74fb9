// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Sanitizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code audit.*} settings. Every property is documented at its field (that text becomes the
 * generated configuration metadata); the getters and setters only carry the values. Longer than
 * the house limit on purpose: the nested classes mirror the property tree, which is how the
 * configuration processor knows the groups.
 *
 * @since 0.1
 */
@ConfigurationProperties("audit")
public class AuditProperties {

    /** Whether auditing is on at all; false creates no recorder, interceptor or listener (the seed's TESTING switch). */
    private boolean enabled = true;

    /**
     * How records are written: async (queue + one writer thread, the default), sync (on the caller's
     * thread) or durable (the caller returns once the record is forced to the journal; needs journal.dir).
     */
    private RecorderMode mode = RecorderMode.ASYNC;

    /**
     * Application records made inside a Spring-managed transaction: after-commit (held until it
     * commits, discarded on rollback; the default), outbox (not available yet: fails at start-up)
     * or off (recorded at once, whatever the transaction does).
     */
    private Transactions transactions = Transactions.AFTER_COMMIT;

    /** Records that may wait for the writer. */
    private int queueCapacity = 65_536;

    /** Records per store call. */
    private int batchSize = 1000;

    /** Longest time a record waits for its batch to fill. */
    private Duration linger = Duration.ofMillis(20);

    /**
     * What to do when the queue is full: block (up to block-timeout, then drop), drop, or spill (write
     * it to the journal on the caller's thread; needs journal.dir). Every drop is counted.
     */
    private OverflowPolicy overflow = OverflowPolicy.BLOCK;

    /** How long overflow=block waits for room. */
    private Duration blockTimeout = Duration.ofMillis(50);

    /** How long closing the application context may spend draining the queue. */
    private Duration closeTimeout = Duration.ofSeconds(10);

    /**
     * Where records go: jdbc (audit-jdbi; the default when it is on the classpath), memory (the
     * default otherwise; lost on restart), log (one JSON line per record through SLF4J; no read API) or
     * kafka (the audit topic, audit.kafka.*; no read API here: a loader stores it).
     */
    private @Nullable StoreType store;

    /** Whether the store creates its table and indexes when missing. */
    private boolean createSchema = true;

    /** Keys of data entries whose values are masked, matched case-insensitively as substrings; replaces the defaults. */
    private List<String> redactKeys = new ArrayList<>(Sanitizer.DEFAULT_REDACT_KEYS);

    /**
     * Proxies (IP addresses or CIDR ranges) whose X-Forwarded-For / Forwarded headers are believed;
     * from anyone else the socket address is the client IP.
     */
    private List<String> trustedProxies = new ArrayList<>();

    /** How long records are kept, e.g. 90d; unset keeps them forever. Purged on a schedule in small batches. */
    private @Nullable Duration retention;

    /** How often the retention purge runs. */
    private Duration retentionInterval = Duration.ofHours(1);

    private final Jdbc jdbc = new Jdbc();
    private final Web web = new Web();
    private final Viewer viewer = new Viewer();
    private final Security security = new Security();
    private final Health health = new Health();

    @NestedConfigurationProperty
    private final AuditJournalProperties journal = new AuditJournalProperties();

    @NestedConfigurationProperty
    private final AuditCheckpointProperties checkpoints = new AuditCheckpointProperties();

    @NestedConfigurationProperty
    private final AuditTenantProperties tenants = new AuditTenantProperties();

    /** {@code audit.kafka.*}: the Kafka sink and loader (dev.auditsdk:audit-kafka). */
    @NestedConfigurationProperty
    private final AuditKafkaProperties kafka = new AuditKafkaProperties();

    /** {@code audit.entities.*}: field-level changes of JPA entities (dev.auditsdk:audit-hibernate). */
    @NestedConfigurationProperty
    private final AuditEntitiesProperties entities = new AuditEntitiesProperties();

    /** The label of this application instance stamped on its records (host or pod name); default none. */
    private @Nullable String instance;

    /** The value of {@code audit.enabled}. */
    public boolean isEnabled() {
        return enabled;
    }
    /** Sets {@code audit.enabled}. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
    /** The value of {@code audit.mode}. */
    public RecorderMode getMode() {
        return mode;
    }
    /** Sets {@code audit.mode}. */
    public void setMode(RecorderMode mode) {
        this.mode = mode;
    }
    /** The value of {@code audit.queue-capacity}. */
    public Transactions getTransactions() {
        return transactions;
    }

    public void setTransactions(Transactions transactions) {
        this.transactions = transactions;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }
    /** Sets {@code audit.queue-capacity}. */
    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }
    /** The value of {@code audit.batch-size}. */
    public int getBatchSize() {
        return batchSize;
    }
    /** Sets {@code audit.batch-size}. */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
    /** The value of {@code audit.linger}. */
    public Duration getLinger() {
        return linger;
    }
    /** Sets {@code audit.linger}. */
    public void setLinger(Duration linger) {
        this.linger = linger;
    }
    /** The value of {@code audit.overflow}. */
    public OverflowPolicy getOverflow() {
        return overflow;
    }
    /** Sets {@code audit.overflow}. */
    public void setOverflow(OverflowPolicy overflow) {
        this.overflow = overflow;
    }
    /** The value of {@code audit.block-timeout}. */
    public Duration getBlockTimeout() {
        return blockTimeout;
    }
    /** Sets {@code audit.block-timeout}. */
    public void setBlockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
    }
    /** The value of {@code audit.close-timeout}. */
    public Duration getCloseTimeout() {
        return closeTimeout;
    }
    /** Sets {@code audit.close-timeout}. */
    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }
    /** The value of {@code audit.store}. */
    public @Nullable StoreType getStore() {
        return store;
    }
    /** Sets {@code audit.store}. */
    public void setStore(@Nullable StoreType store) {
        this.store = store;
    }
    /** The value of {@code audit.create-schema}. */
    public boolean isCreateSchema() {
        return createSchema;
    }
    /** Sets {@code audit.create-schema}. */
    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }
    /** The value of {@code audit.redact-keys}. */
    public List<String> getRedactKeys() {
        return redactKeys;
    }
    /** Sets {@code audit.redact-keys}. */
    public void setRedactKeys(List<String> redactKeys) {
        this.redactKeys = redactKeys;
    }
    /** The value of {@code audit.trusted-proxies}. */
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }
    /** Sets {@code audit.trusted-proxies}. */
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }
    /** The value of {@code audit.retention}. */
    public @Nullable Duration getRetention() {
        return retention;
    }
    /** Sets {@code audit.retention}. */
    public void setRetention(@Nullable Duration retention) {
        this.retention = retention;
    }
    /** The value of {@code audit.retention-interval}. */
    public Duration getRetentionInterval() {
        return retentionInterval;
    }
    /** Sets {@code audit.retention-interval}. */
    public void setRetentionInterval(Duration retentionInterval) {
        this.retentionInterval = retentionInterval;
    }
    /** The {@code audit.jdbc.*} group. */
    public Jdbc getJdbc() {
        return jdbc;
    }
    /** The {@code audit.web.*} group. */
    public Web getWeb() {
        return web;
    }
    /** The {@code audit.viewer.*} group. */
    public Viewer getViewer() {
        return viewer;
    }
    /** The {@code audit.security.*} group. */
    public Security getSecurity() {
        return security;
    }
    /** The {@code audit.health.*} group. */
    public Health getHealth() {
        return health;
    }
    /** The {@code audit.journal.*} group. */
    public AuditJournalProperties getJournal() {
        return journal;
    }
    /** The {@code audit.checkpoints.*} group. */
    public AuditCheckpointProperties getCheckpoints() {
        return checkpoints;
    }
    /** The {@code audit.tenants.*} group. */
    public AuditTenantProperties getTenants() {
        return tenants;
    }

    /** The {@code audit.kafka.*} group. */
    public AuditKafkaProperties getKafka() {
        return kafka;
    }

    /** The {@code audit.entities.*} group. */
    public AuditEntitiesProperties getEntities() {
        return entities;
    }

    /** The value of {@code audit.instance}. */
    public @Nullable String getInstance() {
        return instance;
    }

    /** Sets {@code audit.instance}. */
    public void setInstance(@Nullable String instance) {
        this.instance = instance;
    }

    /** How records made inside a transaction wait for it ({@code audit.transactions}). */
    public enum Transactions {
        /** Held until the transaction commits, discarded on rollback. */
        AFTER_COMMIT,
        /**
         * Inserted into audit-jdbi's outbox table inside the transaction, then relayed into the trail;
         * needs {@code audit.jdbc.use-application-datasource=true}.
         */
        OUTBOX,
        /** Recorded at once. */
        OFF
    }

    /** The kinds of store the auto-configuration can make. */
    public enum StoreType {
        /** The relational store of audit-jdbi. */
        JDBC,
        /** An in-memory store: tests and demos; lost on restart. */
        MEMORY,
        /** One JSON line per record through SLF4J; write-only (no read API). */
        LOG,
        /** The audit topic in Kafka (dev.auditsdk:audit-kafka, audit.kafka.*); write-only, a loader stores it. */
        KAFKA
    }

    /** {@code audit.jdbc.*}: the audit database, separate from the application's by default. */
    public static class Jdbc {
        /** JDBC URL of the audit database; default an embedded H2 file ./audit-data/audit under the working directory. */
        private @Nullable String url;

        /** User of the audit database. */
        private @Nullable String username;

        /** Password of the audit database. */
        private @Nullable String password;

        /** Write to the application's own DataSource instead of a separate audit database (url, username and password are then ignored). */
        private boolean useApplicationDatasource;

        /** Table name. */
        private String tableName = "activity_log";

        /** Largest size of the audit database's own connection pool. */
        private int maxPoolSize = 4;

        /** Rows deleted per statement by the retention purge. */
        private int purgeBatchSize = 1000;

        /** On PostgreSQL, write batches of 500 or more records through COPY; false for a proxy without COPY. */
        private boolean copyBatches = true;

        /** The value of {@code audit.jdbc.url}. */
        public @Nullable String getUrl() {
            return url;
        }
        /** Sets {@code audit.jdbc.url}. */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }
        /** The value of {@code audit.jdbc.username}. */
        public @Nullable String getUsername() {
            return username;
        }
        /** Sets {@code audit.jdbc.username}. */
        public void setUsername(@Nullable String username) {
            this.username = username;
        }
        /** The value of {@code audit.jdbc.password}. */
        public @Nullable String getPassword() {
            return password;
        }
        /** Sets {@code audit.jdbc.password}. */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }
        /** The value of {@code audit.jdbc.use-application-datasource}. */
        public boolean isUseApplicationDatasource() {
            return useApplicationDatasource;
        }
        /** Sets {@code audit.jdbc.use-application-datasource}. */
        public void setUseApplicationDatasource(boolean v) {
            this.useApplicationDatasource = v;
        }
        /** The value of {@code audit.jdbc.table-name}. */
        public String getTableName() {
            return tableName;
        }
        /** Sets {@code audit.jdbc.table-name}. */
        public void setTableName(String tableName) {
            this.tableName = tableName;
        }
        /** The value of {@code audit.jdbc.max-pool-size}. */
        public int getMaxPoolSize() {
            return maxPoolSize;
        }
        /** Sets {@code audit.jdbc.max-pool-size}. */
        public void setMaxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
        }
        /** The value of {@code audit.jdbc.purge-batch-size}. */
        public int getPurgeBatchSize() {
            return purgeBatchSize;
        }
        /** Sets {@code audit.jdbc.purge-batch-size}. */
        public void setPurgeBatchSize(int purgeBatchSize) {
            this.purgeBatchSize = purgeBatchSize;
        }
        /** The value of {@code audit.jdbc.copy-batches}. */
        public boolean isCopyBatches() {
            return copyBatches;
        }
        /** Sets {@code audit.jdbc.copy-batches}. */
        public void setCopyBatches(boolean copyBatches) {
            this.copyBatches = copyBatches;
        }
    }

    /** {@code audit.web.*}: the Spring MVC capture and the read API. */
    public static class Web {
        /** Whether the MVC interceptor is registered. */
        private boolean enabled = true;

        /** all: every handler method is recorded unless @NoAudit; annotated: only handlers annotated @AuditActivity. */
        private WebMode mode = WebMode.ALL;

        /** Ant-style path patterns never recorded, e.g. /actuator/**. */
        private List<String> excludePaths = new ArrayList<>(List.of("/actuator/**", "/error"));

        /** Record requests without an authenticated user too (the seed records only authenticated users). */
        private boolean recordAnonymous;

        /** Record requests that the security filter chain answered with 401 or 403 before any handler ran. */
        private boolean recordDenied = true;

        /** Header carrying the caller's correlation id; a new id is made when absent. */
        private String requestIdHeader = "X-Request-Id";

        private final ReadApi readApi = new ReadApi();

        /** The value of {@code audit.web.enabled}. */
        public boolean isEnabled() {
            return enabled;
        }
        /** Sets {@code audit.web.enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
        /** The value of {@code audit.web.mode}. */
        public WebMode getMode() {
            return mode;
        }
        /** Sets {@code audit.web.mode}. */
        public void setMode(WebMode mode) {
            this.mode = mode;
        }
        /** The value of {@code audit.web.exclude-paths}. */
        public List<String> getExcludePaths() {
            return excludePaths;
        }
        /** Sets {@code audit.web.exclude-paths}. */
        public void setExcludePaths(List<String> excludePaths) {
            this.excludePaths = excludePaths;
        }
        /** The value of {@code audit.web.record-anonymous}. */
        public boolean isRecordAnonymous() {
            return recordAnonymous;
        }
        /** Sets {@code audit.web.record-anonymous}. */
        public void setRecordAnonymous(boolean recordAnonymous) {
            this.recordAnonymous = recordAnonymous;
        }
        /** The value of {@code audit.web.record-denied}. */
        public boolean isRecordDenied() {
            return recordDenied;
        }
        /** Sets {@code audit.web.record-denied}. */
        public void setRecordDenied(boolean recordDenied) {
            this.recordDenied = recordDenied;
        }
        /** The value of {@code audit.web.request-id-header}. */
        public String getRequestIdHeader() {
            return requestIdHeader;
        }
        /** Sets {@code audit.web.request-id-header}. */
        public void setRequestIdHeader(String requestIdHeader) {
            this.requestIdHeader = requestIdHeader;
        }
        /** The {@code audit.web.read-api.*} group. */
        public ReadApi getReadApi() {
            return readApi;
        }
    }

    /** Which handlers the MVC interceptor records. */
    public enum WebMode {
        /** Every handler method except those annotated {@code @NoAudit} (the seed's planned middleware). */
        ALL,
        /** Only handlers annotated {@code @AuditActivity} (the seed's opt-in mixin). */
        ANNOTATED
    }

    /** {@code audit.web.read-api.*}: {@code GET /api/activity}. */
    public static class ReadApi {
        /** Whether GET {path} and GET {path}/{id} are served. */
        private boolean enabled;

        /** Path of the read API. */
        private String path = "/api/activity";

        /** Role a caller needs to read (checked with HttpServletRequest.isUserInRole, i.e. authority ROLE_<role> in Spring Security). */
        private String role = "AUDITOR";

        /** The value of {@code audit.web.read-api.enabled}. */
        public boolean isEnabled() {
            return enabled;
        }
        /** Sets {@code audit.web.read-api.enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
        /** The value of {@code audit.web.read-api.path}. */
        public String getPath() {
            return path;
        }
        /** Sets {@code audit.web.read-api.path}. */
        public void setPath(String path) {
            this.path = path;
        }
        /** The value of {@code audit.web.read-api.role}. */
        public String getRole() {
            return role;
        }
        /** Sets {@code audit.web.read-api.role}. */
        public void setRole(String role) {
            this.role = role;
        }
    }

    /** {@code audit.viewer.*}: the trail viewer page of audit-viewer, over the read API and behind its role. */
    public static class Viewer {
        /** Whether the viewer page is served (needs audit-viewer on the classpath and the read API enabled). */
        private boolean enabled;

        /** Path of the viewer page. */
        private String path = "/audit";

        /** The value of {@code audit.viewer.enabled}. */
        public boolean isEnabled() {
            return enabled;
        }
        /** Sets {@code audit.viewer.enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
        /** The value of {@code audit.viewer.path}. */
        public String getPath() {
            return path;
        }
        /** Sets {@code audit.viewer.path}. */
        public void setPath(String path) {
            this.path = path;
        }
    }

    /** {@code audit.security.*}: the Spring Security listeners. */
    public static class Security {
        /** Whether logins, failed logins and logouts are recorded. */
        private boolean enabled = true;

        /** Record a Logout when an authenticated HTTP session times out (registers Spring Security's HttpSessionEventPublisher). */
        private boolean sessionExpiry = true;

        /** The value of {@code audit.security.enabled}. */
        public boolean isEnabled() {
            return enabled;
        }
        /** Sets {@code audit.security.enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
        /** The value of {@code audit.security.session-expiry}. */
        public boolean isSessionExpiry() {
            return sessionExpiry;
        }
        /** Sets {@code audit.security.session-expiry}. */
        public void setSessionExpiry(boolean sessionExpiry) {
            this.sessionExpiry = sessionExpiry;
        }
    }

    /** {@code audit.health.*}: the health indicator. */
    public static class Health {
        /** The writer counts as stuck when the oldest queued record is older than this. */
        private Duration stuckAfter = Duration.ofSeconds(30);

        /** How long the indicator stays DOWN after a record was dropped or given up. */
        private Duration lossWindow = Duration.ofMinutes(5);

        /** The value of {@code audit.health.stuck-after}. */
        public Duration getStuckAfter() {
            return stuckAfter;
        }
        /** Sets {@code audit.health.stuck-after}. */
        public void setStuckAfter(Duration stuckAfter) {
            this.stuckAfter = stuckAfter;
        }
        /** The value of {@code audit.health.loss-window}. */
        public Duration getLossWindow() {
            return lossWindow;
        }
        /** Sets {@code audit.health.loss-window}. */
        public void setLossWindow(Duration lossWindow) {
            this.lossWindow = lossWindow;
        }
    }
}
