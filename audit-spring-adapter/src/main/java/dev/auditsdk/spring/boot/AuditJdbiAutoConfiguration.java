// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivitySink;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The relational store of audit-jdbi, when it is on the classpath and {@code audit.store} is
 * {@code jdbc} or unset. By default a separate audit database with its own small pool: the H2 file
 * {@code ./audit-data/audit} (needs the H2 driver), or {@code audit.jdbc.url}; with
 * {@code audit.jdbc.use-application-datasource=true} the application's own {@link DataSource}.
 *
 * @since 0.1
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
        })
@ConditionalOnClass(name = "dev.auditsdk.jdbi.JdbiActivityStore")
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "audit.store", havingValue = "jdbc", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditJdbiAutoConfiguration {
    /** Where the embedded default database lives, relative to the working directory. */
    static final String DEFAULT_H2_FILE = "audit-data/audit";

    /** The store; Spring closes it (and its own pool) after the recorder has drained into it. */
    @Bean
    @ConditionalOnMissingBean(ActivitySink.class)
    JdbiActivityStore auditJdbiActivityStore(AuditProperties properties, ObjectProvider<DataSource> dataSources) {
        AuditProperties.Jdbc jdbc = properties.getJdbc();
        JdbiActivityStore.Builder builder;
        if (jdbc.isUseApplicationDatasource()) {
            DataSource dataSource = dataSources.getIfUnique();
            if (dataSource == null) {
                throw new IllegalStateException(
                        "audit.jdbc.use-application-datasource=true, but the application has no "
                                + "single DataSource bean");
            }
            builder = JdbiActivityStore.builder(dataSource);
        } else if (jdbc.getUrl() != null && !jdbc.getUrl().isBlank()) {
            builder = JdbiActivityStore.builder(jdbc.getUrl(), jdbc.getUsername(), jdbc.getPassword())
                    .maxPoolSize(jdbc.getMaxPoolSize());
        } else {
            if (!ClassUtils.isPresent("org.h2.Driver", getClass().getClassLoader())) {
                throw new IllegalStateException(
                        "The default audit database is an embedded H2 file: add com.h2database:h2, "
                                + "or set audit.jdbc.url (or audit.jdbc.use-application-datasource=true, or audit.store=memory)");
            }
            String url = "jdbc:h2:file:" + Path.of(DEFAULT_H2_FILE).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
            builder = JdbiActivityStore.builder(url, "sa", "").maxPoolSize(jdbc.getMaxPoolSize());
        }
        return builder.tableName(jdbc.getTableName())
                .createSchema(properties.isCreateSchema())
                .purgeBatchSize(jdbc.getPurgeBatchSize())
                .copyBatches(jdbc.isCopyBatches())
                .build();
    }
}
