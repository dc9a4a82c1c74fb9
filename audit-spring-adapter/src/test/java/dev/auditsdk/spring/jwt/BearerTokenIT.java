// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Status;
import dev.auditsdk.spi.ActivityJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bearer/JWT requests: the token's subject is the actor, a token is never a login, a bad token is a failed one. */
@SpringBootTest(
        classes = JwtTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "audit.store=memory")
class BearerTokenIT {
    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    private final HttpClient client = HttpClient.newHttpClient();

    private int get(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hello"))
                .header("Authorization", "Bearer " + token)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String token(String subject, byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private List<ActivityLog> records(int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            recorder.flush(Duration.ofSeconds(5));
            return store.size() >= atLeast;
        });
        List<ActivityLog> all = new java.util.ArrayList<>(store.all());
        java.util.Collections.reverse(all);
        return all;
    }

    @Test
    void tokenSubjectIsTheActorAndATokenIsNeverALogin() throws Exception {
        String good = token("carol", JwtTestApplication.SECRET);
        assertThat(get(good)).isEqualTo(200);
        assertThat(get(good)).isEqualTo(200);
        String forged = token("mallory", "a-different-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        assertThat(get(forged)).isEqualTo(401);

        List<ActivityLog> records = records(3);
        assertThat(records)
                .extracting(ActivityLog::action)
                .containsExactly(ActionType.READ, ActionType.READ, ActionType.LOGIN_FAILED);
        assertThat(records.subList(0, 2)).allSatisfy(l -> {
            assertThat(l.actor()).contains("carol");
            assertThat(l.status()).isEqualTo(Status.SUCCESS);
        });
        ActivityLog failed = records.get(2);
        assertThat(failed.actor()).isEmpty();
        assertThat(failed.data()).doesNotContainKey("username");
        // The token (which is the bearer authentication's "name") never reaches the record.
        assertThat(ActivityJson.toJson(failed)).doesNotContain(forged).doesNotContain(forged.substring(0, 30));
    }
}
