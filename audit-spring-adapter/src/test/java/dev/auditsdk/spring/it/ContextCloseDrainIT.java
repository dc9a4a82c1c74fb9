// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.InMemoryActivityStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Records still queued when the application stops are written, not lost. */
class ContextCloseDrainIT {
    @Test
    void closingTheContextDrainsTheQueue() {
        InMemoryActivityStore store;
        int requests = 20;
        // A one-hour linger and a huge batch: nothing is written until the context closes.
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BlogTestApplication.class)
                .run("--server.port=0", "--audit.store=memory", "--audit.linger=1h", "--audit.batch-size=100000")) {
            store = ctx.getBean(InMemoryActivityStore.class);
            int port = ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Http http = new Http(port);
            for (int i = 0; i < requests; i++) {
                assertThat(http.send(
                                        "POST",
                                        "/api/posts",
                                        "post " + i,
                                        "Authorization",
                                        Http.basic("alice", BlogTestApplication.PASSWORD))
                                .statusCode())
                        .isEqualTo(201);
            }
            assertThat(store.size()).isZero();
        }
        assertThat(store.size()).isEqualTo(requests);
    }
}
