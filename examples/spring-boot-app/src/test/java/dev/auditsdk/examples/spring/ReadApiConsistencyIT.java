// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.examples.readcases.ReadApiCase;
import dev.auditsdk.examples.readcases.ReadApiConsistency;
import dev.auditsdk.examples.readcases.Seeds;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read API, the JSON Lines export and the CSV export of the running app select the same
 * records in the same order for every parameter set of {@link ReadApiCase#all()}, or all answer 400.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blog.demo-password=" + ReadApiConsistencyIT.PASSWORD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiConsistencyIT {
    static final String PASSWORD = "read-consistency-pw";

    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> "./target/it-data/read-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    ReadApiConsistency check;

    @BeforeAll
    void seed() {
        List<ActivityLog> seeds = Seeds.records();
        seeds.forEach(recorder::record);
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        HttpUser auditor = HttpUser.basic(port, "auditor", PASSWORD);
        check = ReadApiConsistency.of(auditor::get, seeds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.auditsdk.examples.readcases.ReadApiCase#all")
    void apiAndBothExportsSelectTheSameRecords(ReadApiCase c) throws Exception {
        check.check(c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"format=xlsx", "format=", "format=csv&format=jsonl", "format=json"})
    void unknownFormatsAreABadRequest(String query) throws Exception {
        check.checkBadFormat(query);
    }
}
