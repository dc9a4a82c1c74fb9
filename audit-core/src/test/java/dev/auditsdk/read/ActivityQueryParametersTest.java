package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityQueryParametersTest {
    private static ActivityQuery parse(String... nameValuePairs) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String name = nameValuePairs[i];
            String[] old = params.getOrDefault(name, new String[0]);
            String[] values = java.util.Arrays.copyOf(old, old.length + 1);
            values[old.length] = nameValuePairs[i + 1];
            params.put(name, values);
        }
        return ActivityQueryParameters.parse(params);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login failed", "Login Failed", "LOGIN_FAILED", "login_failed", " LOGIN FAILED "})
    void builtInActionNamesMatchInAnyCase(String name) {
        assertThat(parse("action", name).actions()).containsExactly(ActionType.LOGIN_FAILED);
    }

    @Test
    void actionsMayBeRepeatedOrCommaSeparated() {
        assertThat(parse("action", "create,Delete").actions())
                .containsExactlyInAnyOrder(ActionType.CREATE, ActionType.DELETE);
        assertThat(parse("action", "Create", "action", "delete").actions())
                .containsExactlyInAnyOrder(ActionType.CREATE, ActionType.DELETE);
        assertThat(parse("action", "create, ,Approve").actions())
                .containsExactlyInAnyOrder(ActionType.CREATE, ActionType.of("Approve"));
        assertThat(parse("action", " ").actions()).isEmpty();
    }

    @Test
    void timesOutsideYears1To9999AreABadParameterNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("from", "+294277-01-01T00:00:00Z"))
                .withMessageContaining("'from'")
                .withMessageContaining("9999-12-31T23:59:59.999999Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("to", "-0001-01-01T00:00:00Z"))
                .withMessageContaining("'to'");
    }

    @Test
    void clientIpAndSourceFilter() {
        ActivityQuery q = parse("clientIp", " 203.0.113.7 ", "source", "AUTH");
        assertThat(q.clientIp()).contains("203.0.113.7");
        assertThat(q.source()).contains(dev.auditsdk.Source.AUTH);
        assertThat(parse("source", "app").source()).contains(dev.auditsdk.Source.APP);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("source", "kafka"))
                .withMessageContaining("'source'")
                .withMessageContaining("http, auth or app");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("clientIp", "1", "clientIp", "2"))
                .withMessageContaining("'clientIp'");
    }

    @Test
    void customActionsMatchExactly() {
        assertThat(parse("action", "approve").actions()).containsExactly(ActionType.of("approve"));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-29, 2026-11-29T00:00:00Z",
        "2026-11-29T10:15:30Z, 2026-11-29T10:15:30Z",
        "2026-11-29T10:15:30.123456Z, 2026-11-29T10:15:30.123456Z",
        "2026-11-29T12:15:30+02:00, 2026-11-29T10:15:30Z",
        "2026-11-29T05:15:30-05:00, 2026-11-29T10:15:30Z",
        "2026-11-29T11:15:30+01:00[Europe/Paris], 2026-11-29T10:15:30Z",
        "2026-11-29T10:15:30, 2026-11-29T10:15:30Z",
        "2026-11-29T10:15, 2026-11-29T10:15:00Z"
    })
    void timesAreInstantsOffsetsLocalTimesAsUtcOrDates(String value, String expected) {
        assertThat(parse("from", value).from()).contains(Instant.parse(expected));
        assertThat(parse("to", value).to()).contains(Instant.parse(expected));
    }

    @Test
    void readsEveryFilter() {
        ActivityQuery q = parse(
                "actor",
                "alice",
                "loginName",
                "mallory",
                "status",
                "failed",
                "targetType",
                "Post",
                "targetId",
                "7",
                "requestId",
                "r-1",
                "tenant",
                "acme",
                "q",
                "title",
                "limit",
                "25",
                "cursor",
                "abc",
                "unknown",
                "ignored");
        assertThat(q.actor()).contains("alice");
        assertThat(q.loginName()).contains("mallory");
        assertThat(q.status()).contains(Status.FAILED);
        assertThat(q.targetType()).contains("Post");
        assertThat(q.targetId()).contains("7");
        assertThat(q.requestId()).contains("r-1");
        assertThat(q.tenant()).contains("acme");
        assertThat(q.text()).contains("title");
        assertThat(q.limit()).isEqualTo(25);
        assertThat(q.cursor()).contains("abc");
        assertThat(parse("status", "Success").status()).contains(Status.SUCCESS);
        assertThat(parse("actor", "  ").actor()).isEmpty();
        assertThat(parse().limit()).isEqualTo(ActivityQuery.DEFAULT_LIMIT);
        assertThat(parse("limit", "1000").limit()).isEqualTo(1000);
        assertThat(parse("limit", "5000").limit()).isEqualTo(ActivityQuery.MAX_LIMIT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "status|maybe|status",
                "from|yesterday|from",
                "to|2026-13-01|to",
                "from|2026-11-29 10:00:00|from",
                "from|2026-11-29T10:00:00 02:00|from",
                "limit|0|limit",
                "limit|ten|limit",
                "limit|99999999999|limit",
                "limit|-5|limit",
            })
    void badValuesNameTheirParameter(String name, String value, String named) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(name, value))
                .withMessageContaining(named);
    }

    @Test
    void singleValuedParametersMayNotRepeat() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("actor", "a", "actor", "b"))
                .withMessageContaining("'actor'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("action", "Login\u0007"))
                .withMessageContaining("'action'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("action", "Create,".concat("x".repeat(65))))
                .withMessageContaining("'action'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("actor", "x".repeat(256)))
                .withMessageContaining("'actor'");
    }

    @Test
    void whatTheBuilderRefusesIsAnIllegalArgumentNamingTheParameters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("from", "2026-03-02", "to", "2026-03-01"))
                .withMessageContaining("from")
                .withMessageContaining("to");
    }

    @Test
    void describesTheGivenFiltersButNotTheCursor() {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("cursor", new String[] {"secret-cursor"});
        params.put("action", new String[] {"Create", "Delete"});
        params.put("actor", new String[] {"alice"});
        params.put("format", new String[] {"csv"});
        assertThat(ActivityQueryParameters.describe(params))
                .containsExactly(Map.entry("actor", "alice"), Map.entry("action", List.of("Create", "Delete")));
    }
}
