package dev.aidossier.load;

import org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our e-mail check against Hibernate Validator's {@code @Email}, the oracle the tool shipped with before:
 * every address we accept it accepts too (we are stricter, never laxer), and the addresses a vendor writes
 * are accepted by both.
 */
class EmailAddressTest {

    private static final EmailValidator HV = new EmailValidator();

    private static boolean hv(String s) {
        return HV.isValid(s, null);
    }

    @Test
    void ordinaryAddressesAreAccepted() {
        for (String s : List.of("compliance@talentlens.eu", "first.last@example.com", "a+tag@sub.example.co.uk", "x@localhost",
                "o'brien@example.ie", "info@bücher.de", "dpo@xn--bcher-kva.de", "ΑΙ@παράδειγμα.ελ", "a-b_c@my-host.example",
                "user@a-b--c.example", "q@" + "a".repeat(63) + ".eu", "j@[192.168.0.1]", "\"quoted local\"@example.com", "\"a\\\"b\".c@example.com")) {
            assertThat(EmailAddress.isValid(s)).as(s).isTrue();
            assertThat(hv(s)).as("oracle: " + s).isTrue();
        }
        assertThat(EmailAddress.isValid("")).isTrue(); // @NotBlank decides whether one is required
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String s : List.of("no-at-sign", "@example.com", "user@", "user@.example.com", "user@example.com.", "user@-example.com",
                "user@example-.com", "us er@example.com", "user..x@example.com", ".user@example.com", "user.@example.com",
                "a@b@c", "user@exa mple.com", "user@[192.0.2.256]", "user@[IPv6:2001:db8::1]", "\"\"@example.com", "\"a\\b\"@example.com", "user@" + "a".repeat(64) + ".eu",
                "x".repeat(65) + "@example.com", "user@" + ("a".repeat(60) + ".").repeat(5) + "eu", "user@exam_ple.com",
                "user@ex!ample.com", "user@example..com", "user\n@example.com")) {
            assertThat(EmailAddress.isValid(s)).as(s).isFalse();
        }
    }

    /** Random strings built from the characters that matter: whatever we accept, the oracle accepts. */
    @Test
    void neverLaxerThanHibernateValidator() {
        String alphabet = "aZ019.-_@+!#$%&'*/=?^`{|}~\"[]():;, \\üßΩ\u00ad\u200b\u0080\uffff";
        Random r = new Random(42);
        List<String> laxer = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(16);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            // most random strings have no single @ where it matters: put one in half of them
            if (r.nextBoolean()) {
                sb.insert(r.nextInt(sb.length() + 1), "x@y");
            }
            String s = sb.toString();
            if (EmailAddress.isValid(s)) {
                accepted++;
                if (!hv(s)) {
                    laxer.add(s);
                }
            }
        }
        assertThat(accepted).as("accepted random strings (the test must exercise acceptance)").isGreaterThan(1000);
        assertThat(laxer).as("accepted here, refused by Hibernate Validator").isEmpty();
    }
}
