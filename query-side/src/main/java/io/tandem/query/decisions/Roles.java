package io.tandem.query.decisions;

import java.util.Locale;

/** How roles read in sentences: {@code PRODUCT_MANAGER} is "Product Manager". */
final class Roles {

    private Roles() {
    }

    static String display(String role) {
        if (role == null || role.isBlank()) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        for (String word : role.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                words.append(words.isEmpty() ? "" : " ")
                     .append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return words.toString();
    }

    /**
     * The sentence's subject: {@code pm (Product Manager)}; {@code pm} without a role; {@code someone} without an
     * actor.
     */
    static String subject(String actor, String role) {
        String who = actor == null || actor.isBlank() ? "someone" : actor;
        String as = display(role);
        return as.isEmpty() ? who : who + " (" + as + ")";
    }
}
