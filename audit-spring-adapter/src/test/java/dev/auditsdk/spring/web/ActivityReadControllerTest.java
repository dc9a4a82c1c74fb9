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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The read API without the MVC capture around it still records every read itself. */
class ActivityReadControllerTest {
    private final InMemoryActivityStore store = InMemoryActivityStore.create();
    private final ActivityRecorder recorder =
            ActivityRecorder.builder().store(store).mode(RecorderMode.SYNC).build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    ActivityReadController.create(store, recorder, "AUDITOR"))
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
}
