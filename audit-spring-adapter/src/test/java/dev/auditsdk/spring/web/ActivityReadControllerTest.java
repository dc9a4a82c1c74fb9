package dev.auditsdk.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import dev.auditsdk.http.ReadScopeResolver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The read API without the MVC capture around it still records every read itself. */
class ActivityReadControllerTest {
    private final InMemoryActivityStore store = InMemoryActivityStore.create();
    private final ActivityRecorder recorder =
            ActivityRecorder.builder().store(store).mode(RecorderMode.SYNC).build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    ActivityReadController.create(store, recorder, "AUDITOR", ReadScopeResolver.allTenants()))
            .build();

    @Test
    void readsAreRecordedEvenWithoutTheInterceptor() throws Exception {
        recorder.record(ActionType.LOGIN, b -> b.actor("carol"));
        mvc.perform(get("/api/activity")
                        .param("actor", "carol")
                        .principal(() -> "ann")
                        .with(r -> {
                            r.addUserRole("AUDITOR");
                            return r;
                        }))
                .andExpect(status().isOk());
        mvc.perform(get("/api/activity").principal(() -> "bob")).andExpect(status().isForbidden());
        mvc.perform(get("/api/activity")).andExpect(status().isUnauthorized());

        List<ActivityLog> reads = store.all().stream()
                .filter(l -> l.action().equals(ActionType.READ))
                .toList();
        assertThat(reads).hasSize(3).allSatisfy(l -> {
            assertThat(l.target()).contains(Target.of("ActivityLog", "*"));
            assertThat(l.source()).isEqualTo(Source.HTTP);
        });
        assertThat(reads).extracting(l -> l.actor().orElse(null)).containsExactlyInAnyOrder("ann", "bob", null);
        assertThat(reads).filteredOn(l -> l.status() == Status.FAILED).hasSize(2);
    }

    @Test
    void aTenantsAuditorReadsOnlyTheirTenantAndAnotherTenantsIdIsNotFound() throws Exception {
        ActivityLog ofA =
                ActivityLog.builder(ActionType.CREATE).actor("a1").tenant("A").build();
        ActivityLog ofB =
                ActivityLog.builder(ActionType.CREATE).actor("b1").tenant("B").build();
        store.append(List.of(ofA, ofB));
        // the tenant of an auditor is the first letter of their name, upper-cased; "root" reads across tenants
        ReadScopeResolver scopes = ReadScopeResolver.byTenant(
                view -> view.unwrap(jakarta.servlet.http.HttpServletRequest.class)
                        .map(r -> r.getUserPrincipal().getName().substring(0, 1).toUpperCase(java.util.Locale.ROOT)),
                view -> view.unwrap(jakarta.servlet.http.HttpServletRequest.class)
                        .map(r -> r.isUserInRole("AUDITOR_ALL"))
                        .orElse(false));
        MockMvc scoped = MockMvcBuilders.standaloneSetup(
                        ActivityReadController.create(store, recorder, "AUDITOR", scopes))
                .build();

        String asA = content(
                scoped,
                scoped.perform(get("/api/activity")
                                .param("tenant", "B")
                                .principal(() -> "ann")
                                .with(r -> {
                                    r.addUserRole("AUDITOR");
                                    return r;
                                }))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(asA).contains(ofA.id().toString()).doesNotContain(ofB.id().toString());
        scoped.perform(get("/api/activity/" + ofB.id()).principal(() -> "ann").with(r -> {
                    r.addUserRole("AUDITOR");
                    return r;
                }))
                .andExpect(status().isNotFound());
        String asRoot = content(
                scoped,
                scoped.perform(get("/api/activity")
                                .param("tenant", "B")
                                .principal(() -> "root")
                                .with(r -> {
                                    r.addUserRole("AUDITOR");
                                    r.addUserRole("AUDITOR_ALL");
                                    return r;
                                }))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(asRoot).contains(ofB.id().toString()).doesNotContain(ofA.id().toString());
    }

    /** The body, also when the controller streamed it (an async dispatch under MockMvc). */
    private static String content(MockMvc mvc, MvcResult result) throws Exception {
        MvcResult done = result.getRequest().isAsyncStarted()
                ? mvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn()
                : result;
        return done.getResponse().getContentAsString();
    }
}
