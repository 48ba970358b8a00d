package dev.aidossier.load;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * Whether a text is an e-mail address a procurement office can write to: {@code local@domain}, the local
 * part words of RFC 5322 joined by dots, each an atom (atext: letters, digits and {@code !#$%&'*+-/=?^_`{|}~}, and
 * any non-ASCII character as RFC 6531 allows) or a quoted string (printable characters, a quote or backslash
 * escaped by a backslash), at most 64 characters (RFC 5321); the domain host-name labels of letters
 * and digits with inner hyphens, non-ASCII ones allowed when IDNA turns them into ASCII, at most 63
 * characters a label and 253 in all once in ASCII; or an IPv4 address literal ({@code [192.0.2.1]}, RFC 5321).
 * IPv6 literals are refused: a vendor's contact address has none. An empty text is
 * no address to check ({@code @NotBlank} says whether one is required).
 *
 * <p>Hibernate Validator's {@code @Email} check is the test oracle: every address accepted here is accepted
 * there ({@code EmailAddressTest}), so the shipped tool needs no validator library.
 */
final class EmailAddress {
    private EmailAddress() {
    }

    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\x{80}-\\x{FFFF}]";
    /** RFC 5322 qcontent: printable ASCII but the quote and the backslash, space, non-ASCII; quoted pairs only of those two. */
    private static final String QCONTENT = "(?:[ !#-\\[\\]-~\\x{80}-\\x{FFFF}]|\\\\\\\\|\\\\\")";
    private static final String WORD = "(?:" + ATEXT + "+|\"" + QCONTENT + "+\")";
    private static final Pattern LOCAL = Pattern.compile(WORD + "(?:\\." + WORD + ")*");
    private static final String LETTER_OR_DIGIT = "[A-Za-z0-9\\x{80}-\\x{FFFF}]";
    private static final Pattern DOMAIN = Pattern.compile(LETTER_OR_DIGIT + "+(?:-+" + LETTER_OR_DIGIT + "+)*"
            + "(?:\\." + LETTER_OR_DIGIT + "+(?:-+" + LETTER_OR_DIGIT + "+)*)*");

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\[((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])]");

    static boolean isValid(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        String s = text.toString();
        int at = s.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return false;
        }
        if (IPV4_LITERAL.matcher(domain).matches()) {
            return true;
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return false;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.length() > 253) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return true;
    }
}
