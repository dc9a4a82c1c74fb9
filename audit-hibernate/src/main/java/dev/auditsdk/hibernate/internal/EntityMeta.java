// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate.internal;

import dev.auditsdk.ChangeOptions;
import dev.auditsdk.hibernate.AuditIgnore;
import dev.auditsdk.hibernate.AuditMask;
import dev.auditsdk.hibernate.AuditedEntity;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;

/** What the listener needs of one audited entity type, read once from its mapping and annotations. */
final class EntityMeta {
    final String name;
    final String[] properties;
    final Type[] types;
    final boolean[] ignored;
    final ChangeOptions options;

    private EntityMeta(EntityPersister persister, ChangeOptions base) {
        Class<?> type = persister.getMappedClass();
        this.name = persister.getJpaEntityName();
        this.properties = persister.getPropertyNames();
        this.types = persister.getPropertyTypes();
        this.ignored = new boolean[properties.length];
        List<String> masked = new ArrayList<>();
        List<String> ignoredNames = new ArrayList<>();
        for (int i = 0; i < properties.length; i++) {
            if (annotated(type, properties[i], AuditIgnore.class)) {
                ignored[i] = true;
                ignoredNames.add(properties[i]);
            } else if (annotated(type, properties[i], AuditMask.class)) {
                masked.add(properties[i]);
            }
        }
        // ignored properties are dropped before the diff; the pattern also keeps them out of nested values
        this.options = base.toBuilder()
                .ignore(ignoredNames.toArray(String[]::new))
                .mask(masked.toArray(String[]::new))
                .build();
    }

    static EntityMeta of(EntityPersister persister, ChangeOptions base) {
        return new EntityMeta(persister, base);
    }

    static boolean isAudited(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(AuditedEntity.class)) {
                return true;
            }
        }
        return false;
    }

    /** On the field or on its getter, anywhere up the class hierarchy. */
    private static boolean annotated(Class<?> type, String property, Class<? extends Annotation> a) {
        String getter =
                property.isEmpty() ? "" : property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(property) && f.isAnnotationPresent(a)) {
                    return true;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if ((m.getName().equals("get" + getter) || m.getName().equals("is" + getter))
                        && m.isAnnotationPresent(a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
