/** The Hibernate integrator and listeners behind {@code AuditEntities}. Not API. */
@NullMarked
package dev.auditsdk.hibernate.internal;

import org.jspecify.annotations.NullMarked;
