package dev.aidossier.receivers;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real programs that receive the tool's outputs, installed pinned by {@code .ci/run} from
 * {@code .ci/receivers/package.json} ({@code npm ci --prefix .ci/receivers}). A test that needs one skips when it is
 * absent on a developer's machine, and fails when {@code DOSSIER_RECEIVERS=required} (as {@code .ci/run} sets), so
 * CI can never pass by skipping.
 */
public final class Receivers {
    private Receivers() {
    }

    public static final Path DIR = Path.of(".ci", "receivers", "node_modules");

    /** The receiver's executable, or the test is skipped (or failed, in CI) when it is not installed. */
    public static Path require(String what, Path relative) {
        Path p = DIR.resolve(relative);
        if (!Files.isRegularFile(p)) {
            String why = what + " is not installed (" + p + "); run: npm ci --prefix .ci/receivers";
            if ("required".equals(System.getenv("DOSSIER_RECEIVERS"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return p.toAbsolutePath();
    }

    public record Result(int exit, String output) {
    }

    /** Runs a receiver with a time limit; its stdout and stderr together. */
    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("receiver", ".log");
        try {
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail(command.get(0) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
