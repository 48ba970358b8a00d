package dev.aidossier.sign;

/** A signature that cannot be made, with a message for the user (a keystore, a key, a file, a timestamp authority). */
public final class SignException extends Exception {
    public SignException(String message) {
        super(message, null, false, false);
    }

    public SignException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
