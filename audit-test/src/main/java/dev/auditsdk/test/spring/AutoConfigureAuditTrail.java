// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Replaces the application's audit recorder with an {@link dev.auditsdk.test.AuditTrail} for this
 * test class, so the test can inject the trail and assert on it. The audit store (JDBC or other) is
 * not started; the trail is cleared before each test method.
 *
 * <p>Imports {@link AuditTrailAutoConfiguration} and, when audit-spring-adapter is present, its
 * recorder, Spring MVC and Spring Security auto-configurations, so that test slices such as
 * {@code @WebMvcTest} record controller calls too.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureAuditTrail
 * class PostApiTest {
 *     @Autowired AuditTrail trail;
 *     ...
 *     assertThat(trail).hasRecorded(ActionType.UPDATE).by("alice").on("Post", "42");
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureAuditTrail {}
