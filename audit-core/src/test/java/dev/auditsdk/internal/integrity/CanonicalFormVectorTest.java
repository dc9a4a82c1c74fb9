package dev.auditsdk.internal.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The known-answer vectors published in RELIABILITY.md ("Canonical form and a test vector"): fixed
 * records, their exact canonical bytes and chain hashes, written down as literals so that neither
 * the library nor this test can drift without one of them failing. Another implementation checks
 * itself against the same constants.
 */
class CanonicalFormVectorTest {
    static final String CHAIN_ID = "0190c3b2-0000-7000-8000-00000000c4a1";
    static final long SEQ = 42;
    static final String PREV_HASH = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    /** Canonical form version 2 (schema version 2): every field, login name included. */
    static final String V2_TEXT = "{\"action\":\"Login\",\"actor\":\"u-1001\",\"actorName\":\"Alice Liddell\","
            + "\"chainId\":\"0190c3b2-0000-7000-8000-00000000c4a1\",\"clientIp\":\"203.0.113.9\","
            + "\"data\":{\"big\":9007199254740993,\"flags\":[true,false,null],\"half\":1.5,\"huge\":1000000000000000000000,"
            + "\"nested\":{\"k\":\"v\",\"zero\":0},\"word\":\"é😀\"},\"durationMs\":12,\"httpMethod\":\"POST\","
            + "\"httpPath\":\"/login\",\"httpRoute\":\"/login\",\"httpStatus\":302,"
            + "\"id\":\"0190c3b2-7a3e-7c1e-9d5e-3f1a2b3c4d5e\",\"loginName\":\"alice\","
            + "\"occurredAt\":\"2026-11-26T16:30:00.123456Z\","
            + "\"remarks\":\"say \\\"hi\\\" \\\\ tab\\t line\\n bell\\u0007 ü 😀\",\"requestId\":\"req-7f3a\","
            + "\"schemaVersion\":2,\"seq\":42,\"source\":\"auth\",\"status\":\"SUCCESS\",\"targetId\":\"1001\","
            + "\"targetType\":\"User\",\"tenant\":\"acme\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"v\":2}";

    static final String V2_HASH = "84ba19dc327a94f095f406d273ba691bc324307901ab99371aa3fa8a988321cd";

    /** The same record as the first of its chain: nothing follows the canonical bytes. */
    static final String V2_HASH_WITHOUT_PREV = "7f1af78e19b45edfc710438a3ffd03969aab7cc19ac43633658109f54def24ef";

    /** Canonical form version 3 (schema version 3): the same record with an instance label. */
    static final String V3_TEXT = V2_TEXT.replace(
                    ",\"loginName\":\"alice\"", ",\"instance\":\"web-7f9c\",\"loginName\":\"alice\"")
            .replace("\"schemaVersion\":2", "\"schemaVersion\":3")
            .replace("\"v\":2}", "\"v\":3}");

    static final String V3_HASH = "16e7f46d4f023ec3282450282c238dd7f12b4d5935dea9864166a2fc598c7fa7";

    /** Canonical form version 1: the same record as written before login names (schema version 1). */
    static final String V1_TEXT = V2_TEXT.replace(",\"loginName\":\"alice\"", "")
            .replace("\"schemaVersion\":2", "\"schemaVersion\":1")
            .replace("\"v\":2}", "\"v\":1}");

    static final String V1_HASH = "82518c0501ec62b6a49ef51549d8c7b225a2c83f0e36e43c77bd527ee294c287";

    static ActivityLog record(int schemaVersion, @Nullable String loginName) {
        return record(schemaVersion, loginName, null);
    }

    static ActivityLog record(int schemaVersion, @Nullable String loginName, @Nullable String instance) {
        Map<String, @Nullable Object> nested = new LinkedHashMap<>();
        nested.put("zero", -0.0);
        nested.put("k", "v");
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("word", "é😀");
        data.put("half", 1.50);
        data.put("huge", 1e21);
        data.put("big", 9_007_199_254_740_993L);
        data.put("flags", Arrays.asList(true, false, null));
        data.put("nested", nested);
        return ActivityLog.builder(ActionType.LOGIN)
                .schemaVersion(schemaVersion)
                .id(UUID.fromString("0190c3b2-7a3e-7c1e-9d5e-3f1a2b3c4d5e"))
                .occurredAt(Instant.parse("2026-11-26T16:30:00.123456Z"))
                .actor("u-1001")
                .actorName("Alice Liddell")
                .tenant("acme")
                .loginName(loginName)
                .instance(instance)
                .status(Status.SUCCESS)
                .remarks("say \"hi\" \\ tab\t line\n bell\u0007 ü 😀")
                .target("User", "1001")
                .clientIp("203.0.113.9")
                .userAgent("Mozilla/5.0 (X11; Linux x86_64)")
                .requestId("req-7f3a")
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .httpMethod("POST")
                .httpPath("/login")
                .httpRoute("/login")
                .httpStatus(302)
                .durationMs(12L)
                .data(data)
                .source(Source.AUTH)
                .build();
    }

    @Test
    void version3RecordHasThePublishedBytesAndHash() {
        ActivityLog log = record(ActivityLog.CURRENT_SCHEMA_VERSION, "alice", "web-7f9c");

        assertThat(ActivityLog.CURRENT_SCHEMA_VERSION).isEqualTo(3);
        assertThat(new String(CanonicalForm.bytes(log, CHAIN_ID, SEQ), StandardCharsets.UTF_8))
                .isEqualTo(V3_TEXT);
        assertThat(HashChain.hash(log, CHAIN_ID, SEQ, PREV_HASH)).isEqualTo(V3_HASH);
    }

    @Test
    void version2RecordStillHasThePublishedBytesAndHash() {
        ActivityLog log = record(2, "alice");

        assertThat(new String(CanonicalForm.bytes(log, CHAIN_ID, SEQ), StandardCharsets.UTF_8))
                .isEqualTo(V2_TEXT);
        assertThat(HashChain.hash(log, CHAIN_ID, SEQ, PREV_HASH)).isEqualTo(V2_HASH);
    }

    @Test
    void version1RecordStillHashesAsBefore() {
        ActivityLog log = record(1, null);

        assertThat(new String(CanonicalForm.bytes(log, CHAIN_ID, SEQ), StandardCharsets.UTF_8))
                .isEqualTo(V1_TEXT);
        assertThat(HashChain.hash(log, CHAIN_ID, SEQ, PREV_HASH)).isEqualTo(V1_HASH);
    }

    @Test
    void publishedHashesAreSha256OfThePublishedBytesAndPrevHash() throws Exception {
        // Computed with the JDK alone, so the constants above agree with the stated definition.
        assertThat(sha256(V2_TEXT, PREV_HASH)).isEqualTo(V2_HASH);
        assertThat(sha256(V1_TEXT, PREV_HASH)).isEqualTo(V1_HASH);
        assertThat(sha256(V3_TEXT, PREV_HASH)).isEqualTo(V3_HASH);
    }

    @Test
    void anInstanceAddedToAVersion2RowChangesItsHash() {
        ActivityLog tampered = record(2, "alice", "web-7f9c");

        assertThat(HashChain.hash(tampered, CHAIN_ID, SEQ, PREV_HASH)).isNotEqualTo(V2_HASH);
    }

    @Test
    void aLoginNameAddedToAVersion1RowChangesItsHash() {
        ActivityLog tampered = record(1, "mallory");

        assertThat(HashChain.hash(tampered, CHAIN_ID, SEQ, PREV_HASH)).isNotEqualTo(V1_HASH);
    }

    @Test
    void theFirstRecordOfAChainHashesWithoutPrev() throws Exception {
        ActivityLog log = record(2, "alice");

        assertThat(sha256(V2_TEXT, "")).isEqualTo(V2_HASH_WITHOUT_PREV);
        assertThat(HashChain.hash(log, CHAIN_ID, SEQ, "")).isEqualTo(V2_HASH_WITHOUT_PREV);
    }

    static String sha256(String canonical, String prevHash) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(canonical.getBytes(StandardCharsets.UTF_8));
        md.update(HexFormat.of().parseHex(prevHash));
        return HexFormat.of().formatHex(md.digest());
    }
}
