// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bidi overrides and invisible characters would let a row pose as another user in a viewer
 * ({@code "\u202eecila\u202c"} shows as "alice"): the sanitizer escapes them in every text column.
 */
class InvisibleCharactersTest {
    private static final Sanitizer SANITIZER = Sanitizer.defaults();

    /** Every character the viewer must not render as-is: bidi controls, zero-width, separators, BOM, other Cf. */
    static List<Integer> invisible() {
        List<Integer> cs = new java.util.ArrayList<>();
        for (int c = 0x202A; c <= 0x202E; c++) {
            cs.add(c);
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            cs.add(c);
        }
        for (int c = 0x200B; c <= 0x200F; c++) {
            cs.add(c);
        }
        // line/paragraph separators, BOM, Arabic letter mark, soft hyphen, word joiner, a tag character
        cs.addAll(List.of(0x2028, 0x2029, 0xFEFF, 0x061C, 0x00AD, 0x2060, 0xE0041));
        return cs;
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("invisible")
    void escapesInEveryTextField(int codePoint) {
        String c = new String(Character.toChars(codePoint));
        String hostile = c + "ecila" + c;
        ActivityLog log = SANITIZER.sanitize(ActivityLog.builder(ActionType.UPDATE)
                .actor(hostile)
                .actorName(hostile)
                .remarks("by " + hostile)
                .target("Post", hostile)
                .userAgent(hostile)
                .httpPath("/p/" + hostile)
                .build());
        List<Function<ActivityLog, String>> fields = List.of(
                l -> l.actor().orElseThrow(),
                l -> l.actorName().orElseThrow(),
                l -> l.remarks().orElseThrow(),
                l -> l.target().orElseThrow().id(),
                l -> l.userAgent().orElseThrow(),
                l -> l.httpPath().orElseThrow());
        String escaped = escape(codePoint);
        for (Function<ActivityLog, String> field : fields) {
            String value = field.apply(log);
            assertThat(value).doesNotContain(c).contains(escaped + "ecila" + escaped);
            assertThat(value.chars()).allMatch(u -> u >= 0x20 && u < 0x7F);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visible")
    void leavesVisibleTextAlone(String text) {
        assertThat(SANITIZER.text(text, 255)).isEqualTo(text);
    }

    static List<String> visible() {
        return List.of("alice", "Zoë Åström", "Дмитрий", "山田太郎", "😀 emoji", "עברית", "العربية");
    }

    /** The escape syntax of control characters: {@code \\uXXXX} per UTF-16 unit. */
    private static String escape(int codePoint) {
        StringBuilder sb = new StringBuilder();
        for (char unit : Character.toChars(codePoint)) {
            sb.append(String.format("\\u%04x", (int) unit));
        }
        return sb.toString();
    }
}
