// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import dev.auditsdk.http.HttpActivityMapper;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The interceptor alone, in a plain Spring MVC dispatcher without Spring Boot, Spring Security or
 * the request filter: it opens the request's context itself.
 */
class AuditHandlerInterceptorTest {
    private static final Principal ALICE = () -> "alice";

    private final InMemoryActivityStore store = InMemoryActivityStore.create();
    private final ActivityRecorder recorder =
            ActivityRecorder.builder().store(store).mode(RecorderMode.SYNC).build();

    private MockMvc mvc(HttpActivityMapper mapper, boolean annotatedOnly) {
        return MockMvcBuilders.standaloneSetup(new InvoiceController())
                .addInterceptors(AuditHandlerInterceptor.create(recorder, mapper, annotatedOnly))
                .build();
    }

    private List<ActivityLog> records() {
        List<ActivityLog> all = new java.util.ArrayList<>(store.all());
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * MockMvc restores the thread's request attributes only when {@code perform} returns; after the
     * escaped exception they would stay on the thread, and a later test in this JVM (session
     * expiry, which runs on the test thread) would believe it is inside a request.
     */
    @AfterEach
    void clearRequestAttributes() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void recordsHandledRequestsOfKnownUsers() throws Exception {
        MockMvc mvc = mvc(HttpActivityMapper.defaults(), false);
        mvc.perform(get("/invoices/7").principal(ALICE).header("X-Request-Id", "abc-123"));
        mvc.perform(post("/invoices").principal(ALICE));
        mvc.perform(get("/invoices/7"));

        List<ActivityLog> records = records();
        assertThat(records).hasSize(2);
        ActivityLog read = records.get(0);
        assertThat(read.action()).isEqualTo(ActionType.READ);
        assertThat(read.actor()).contains("alice");
        assertThat(read.httpRoute()).contains("/invoices/{number}");
        assertThat(read.target()).contains(Target.of("Invoice", 7));
        assertThat(read.requestId()).contains("abc-123");
        assertThat(read.remarks()).contains("alice read invoice 7");
        assertThat(records.get(1).action()).isEqualTo(ActionType.CREATE);
        assertThat(records.get(1).target()).contains(Target.of("Invoice", 99));
        assertThat(records.get(1).httpStatus()).contains(200);
        assertThat(ActivityContext.active()).isEmpty();
    }

    @Test
    void anonymousRequestsOnlyWhenAsked() throws Exception {
        mvc(HttpActivityMapper.builder().recordAnonymous(true).build(), false).perform(get("/invoices/7"));
        assertThat(records())
                .singleElement()
                .satisfies(l -> assertThat(l.actor()).isEmpty());
    }

    @Test
    void noAuditAndAnnotatedModeDecideWhatIsRecorded() throws Exception {
        MockMvc all = mvc(HttpActivityMapper.defaults(), false);
        all.perform(get("/invoices/health").principal(ALICE));
        assertThat(records()).isEmpty();
        MockMvc annotated = mvc(HttpActivityMapper.defaults(), true);
        annotated.perform(post("/invoices").principal(ALICE));
        annotated.perform(get("/invoices/7").principal(ALICE));
        assertThat(records()).extracting(l -> l.httpRoute().orElse(null)).containsExactly("/invoices/{number}");
    }

    @Test
    void anEscapedExceptionIsAFailureWith500() {
        MockMvc mvc = mvc(HttpActivityMapper.defaults(), false);
        assertThatThrownBy(() -> mvc.perform(get("/invoices/broken").principal(ALICE)))
                .hasRootCauseMessage("broken");
        assertThat(records()).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(Status.FAILED);
            assertThat(l.httpStatus()).contains(500);
            assertThat(l.data()).containsEntry("exception", IllegalStateException.class.getName());
        });
        assertThat(ActivityContext.active()).isEmpty();
    }

    @Test
    void anInvalidAnnotationNeverBreaksTheRequest() throws Exception {
        mvc(HttpActivityMapper.defaults(), false)
                .perform(get("/invoices/odd").principal(ALICE))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
        assertThat(records()).isEmpty();
    }

    @RestController
    @RequestMapping("/invoices")
    static class InvoiceController {
        @GetMapping("/{number}")
        @AuditActivity(remarks = "{user} read invoice {number}", targetType = "Invoice", targetIdVariable = "number")
        String get(@PathVariable String number) {
            return number;
        }

        @PostMapping
        String create() {
            ActivityContext.current().target("Invoice", 99);
            return "created";
        }

        @GetMapping("/health")
        @NoAudit
        String health() {
            return "ok";
        }

        @GetMapping("/odd")
        @AuditActivity(action = " not a valid action name ")
        String odd() {
            return "odd";
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("broken");
        }
    }
}
