// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.auditsdk.ActionType;
import dev.auditsdk.Status;
import dev.auditsdk.test.AuditTrail;
import dev.auditsdk.test.spring.AutoConfigureAuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The Spring Boot example of audit-test/README.md, verbatim. */
// README-BEGIN
@SpringBootTest(classes = BlogApplication.class)
@AutoConfigureAuditTrail
class PostApiTest {
    @Autowired
    WebApplicationContext context;

    @Autowired
    AuditTrail trail;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void retitlingAPostIsAudited() throws Exception {
        mvc.perform(put("/api/posts/42").principal(() -> "alice").content("Hello"))
                .andExpect(status().isOk());

        assertThat(trail)
                .hasRecorded(ActionType.UPDATE)
                .by("alice")
                .on("Post", "42")
                .withStatus(Status.SUCCESS)
                .withRemarksContaining("alice retitled post 42");
    }

    @Test
    void retitlingAMissingPostIsAuditedAsFailed() throws Exception {
        mvc.perform(put("/api/posts/404").principal(() -> "bob").content("Hello"))
                .andExpect(status().isNotFound());

        assertThat(trail).hasRecorded(ActionType.UPDATE).by("bob").withStatus(Status.FAILED);
        assertThat(trail).hasRecordedExactly(1); // the trail is cleared before each test
    }
}
// README-END
