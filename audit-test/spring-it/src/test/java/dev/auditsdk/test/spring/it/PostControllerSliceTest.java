// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.auditsdk.ActionType;
import dev.auditsdk.test.AuditTrail;
import dev.auditsdk.test.spring.AutoConfigureAuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@code @WebMvcTest} slice includes none of the adapter's auto-configurations by itself: the
 * annotation brings the recorder and MVC ones, so the controller's calls are recorded.
 */
@WebMvcTest(BlogApplication.PostController.class)
@AutoConfigureAuditTrail
class PostControllerSliceTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Test
    void aControllerCallInAWebMvcTestIsAudited() throws Exception {
        mvc.perform(put("/api/posts/5").principal(() -> "carol").content("Hi")).andExpect(status().isOk());

        assertThat(trail).hasRecorded(ActionType.UPDATE).by("carol").on("Post", 5);
    }
}
