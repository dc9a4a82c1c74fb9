package dev.auditsdk.examples.spring;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stand-in for the Spring adapter's store and read API until it lands; removed then. */
@Configuration(proxyBeanMethods = false)
class InterimAuditConfig {
    @Bean
    ActivityStore activityStore() {
        return InMemoryActivityStore.create();
    }

    @Bean(destroyMethod = "close")
    ActivityRecorder activityRecorder(ActivityStore store) {
        return ActivityRecorder.builder().store(store).build();
    }

    @RestController
    static class ReadApi {
        private final ActivityStore store;

        ReadApi(ActivityStore store) {
            this.store = store;
        }

        @GetMapping("/api/activity")
        Map<String, @Nullable Object> find(HttpServletRequest request) {
            var b = ActivityQueryParams.filters(request).cursor(request.getParameter("cursor"));
            String limit = request.getParameter("limit");
            if (limit != null && !limit.isBlank()) {
                b.limit(Integer.parseInt(limit));
            }
            ActivityPage page = store.find(b.build());
            List<Map<String, @Nullable Object>> items = page.items().stream().map(ActivityLog.class::cast).map(l -> {
                Map<String, @Nullable Object> row = new LinkedHashMap<>(ActivityRows.row(l));
                row.values().removeIf(Objects::isNull);
                return row;
            }).toList();
            Map<String, @Nullable Object> body = new LinkedHashMap<>();
            body.put("items", items);
            body.put("nextCursor", page.nextCursor().orElse(null));
            return body;
        }
    }
}
