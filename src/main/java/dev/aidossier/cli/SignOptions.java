package dev.aidossier.cli;

import dev.aidossier.sign.SignException;
import dev.aidossier.sign.Signer;
import dev.aidossier.sign.SigningKey;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The signing key of {@code sign} and {@code pack --sign}: a PKCS#12 keystore and its password, which comes
 * from the environment or a file and never from the command line (other users of the machine can read a
 * command line, and shells keep it in their history).
 */
final class SignOptions {

    /** The environment variable that holds the keystore's password. */
    static final String PASSWORD_ENV = "DOSSIER_KEYSTORE_PASSWORD";

    /** Largest password file read. */
    private static final long MAX_PASSWORD_FILE = 4096;

    /** The environment, replaceable by tests. */
    static UnaryOperator<String> env = System::getenv;

    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS#12 keystore (.p12, .pfx) holding the signing key and its certificate chain.")
    Path keystore;

    @Option(names = "--key-alias", paramLabel = "ALIAS", description = "The key to sign with, when the keystore holds more than one.")
    String alias;

    @Option(names = "--keystore-password-file", paramLabel = "FILE",
            description = "Read the keystore password from the first line of FILE (default: the environment variable " + PASSWORD_ENV + ").")
    Path passwordFile;

    @Option(names = "--tsa", paramLabel = "URL",
            description = "Time-stamp authority (RFC 3161, http or https): its time-stamp makes each signature baseline B-T instead of B-B.")
    String tsa;

    /** Refused: a password on the command line. Declared only to refuse it with the reason instead of "unknown option". */
    @Option(names = {"--keystore-password", "--password", "--storepass"}, hidden = true, arity = "0..1", fallbackValue = "", paramLabel = "-")
    String passwordOnCommandLine;

    /** Whether any signing option was given (pack accepts them only with --sign). */
    boolean any() {
        return keystore != null || alias != null || passwordFile != null || tsa != null || passwordOnCommandLine != null;
    }

    /** The signer of this run: keystore read, key chosen, certificate valid {@code now}, time-stamp authority set. */
    Signer open(Instant now) throws CommonOptions.UsageError, SignException {
        if (passwordOnCommandLine != null) {
            throw new CommonOptions.UsageError("a keystore password is never taken from the command line (other users can read it"
                    + " in the process list, and the shell keeps it in its history): set " + PASSWORD_ENV
                    + " or use --keystore-password-file FILE");
        }
        if (keystore == null) {
            throw new CommonOptions.UsageError("signing needs a key: --keystore FILE.p12");
        }
        String from;
        char[] password;
        if (passwordFile != null) {
            from = "--keystore-password-file " + passwordFile;
            password = readPasswordFile(passwordFile);
        } else {
            String v = env.apply(PASSWORD_ENV);
            if (v == null || v.isEmpty()) {
                throw new CommonOptions.UsageError("the keystore password is missing: set the environment variable " + PASSWORD_ENV
                        + " or use --keystore-password-file FILE");
            }
            from = "the environment variable " + PASSWORD_ENV;
            password = v.toCharArray();
        }
        try {
            SigningKey key = SigningKey.load(keystore, alias, password, from, now);
            return new Signer(key, tsa == null ? null : Signer.onlineTsa(tsa), tsa);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The first line of the file, without its line break; the file must be a small regular UTF-8 file. */
    private static char[] readPasswordFile(Path f) throws CommonOptions.UsageError {
        String where = "--keystore-password-file " + f;
        try {
            if (!Files.isRegularFile(f)) {
                throw new CommonOptions.UsageError(where + ": " + (Files.exists(f) ? "not a regular file" : "no such file"));
            }
            if (Files.size(f) > MAX_PASSWORD_FILE) {
                throw new CommonOptions.UsageError(where + ": " + Files.size(f) + " bytes is too large for a password file (at most " + MAX_PASSWORD_FILE + ")");
            }
            byte[] bytes = Files.readAllBytes(f);
            String s;
            try {
                s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
            int end = s.indexOf('\n');
            String line = end < 0 ? s : s.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new CommonOptions.UsageError(where + ": the first line is empty");
            }
            return line.toCharArray();
        } catch (CharacterCodingException e) {
            throw new CommonOptions.UsageError(where + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CommonOptions.UsageError(where + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
