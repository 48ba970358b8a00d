package dev.aidossier.receivers;

import dev.aidossier.TestSupport;
import dev.aidossier.report.Json;
import dev.aidossier.schema.SchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema in an editor: yaml-language-server (what VS Code's YAML extension runs), spoken to over LSP on stdio,
 * opens a description that names the schema in its modeline, as the README tells users to. It reports an unknown key
 * and a missing required key at their lines, and offers the missing key as a completion.
 */
class YamlLanguageServerTest {

    @Test
    void diagnosticsAndCompletionFromTheSchemaModeline(@TempDir Path dir) throws Exception {
        Path server = Receivers.require("yaml-language-server", Path.of(".bin", "yaml-language-server"));
        Files.writeString(dir.resolve("dossier.schema.json"),
                Json.write(SchemaGenerator.draft07(new SchemaGenerator(TestSupport.euEngine().classifier().data()).generate())));
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("examples/cv-screening.yaml")));
        assertThat(lines).anyMatch(l -> l.equals("# yaml-language-server: $schema=dossier.schema.json"));
        int metadata = lines.indexOf("metadata:");
        int version = lines.indexOf("  version: \"2.3.0\"");
        assertThat(version).isGreaterThan(metadata);
        lines.set(version, "  "); // the required key removed: the cursor stands where it was
        lines.add(metadata + 1, "  nmae: typo");
        version++;
        Path doc = dir.resolve("desc.yaml");
        String text = String.join("\n", lines) + "\n";
        Files.writeString(doc, text);
        String uri = doc.toUri().toString();

        Process p = new ProcessBuilder(server.toString(), "--stdio").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Lsp lsp = new Lsp(p);
            lsp.request(1, "initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", dir.toUri().toString(),
                    "capabilities", Map.of("textDocument", Map.of("completion", Map.of("completionItem", Map.of("snippetSupport", false))),
                            "workspace", Map.of("configuration", true))));
            lsp.await(m -> m.path("id").asInt(-1) == 1, "initialize result");
            lsp.notify("initialized", Map.of());
            Map<String, Object> settings = Map.of("validate", true, "completion", true, "hover", true, "schemaStore", Map.of("enable", false));
            lsp.settings = settings;
            lsp.notify("workspace/didChangeConfiguration", Map.of("settings", Map.of("yaml", settings)));
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "yaml", "version", 1, "text", text)));
            lsp.request(2, "textDocument/completion", Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", version, "character", 2)));

            JsonNode completion = lsp.await(m -> m.path("id").asInt(-1) == 2, "completion result").get("result");
            JsonNode items = completion.isArray() ? completion : completion.get("items");
            List<String> labels = new ArrayList<>();
            items.forEach(i -> labels.add(i.get("label").asString()));
            assertThat(labels).contains("version").doesNotContain("name", "identifier"); // present keys are not offered again

            List<String> diagnostics = new ArrayList<>();
            lsp.await(m -> {
                if (!"textDocument/publishDiagnostics".equals(m.path("method").asString("")) || m.get("params").get("diagnostics").isEmpty()) {
                    return false;
                }
                for (JsonNode d : m.get("params").get("diagnostics")) {
                    diagnostics.add(d.get("range").get("start").get("line").asInt() + ":" + d.get("range").get("start").get("character").asInt()
                            + " " + d.get("message").asString());
                }
                return true;
            }, "diagnostics");
            assertThat(diagnostics).containsExactlyInAnyOrder(
                    (metadata + 1) + ":2 Property nmae is not allowed.",
                    metadata + ":0 Missing property \"version\".");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Just enough of a language client: Content-Length framing, answers to the server's configuration requests. */
    static final class Lsp {
        final Process process;
        final OutputStream out;
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        Map<String, Object> settings = Map.of();

        Lsp(Process process) {
            this.process = process;
            this.out = process.getOutputStream();
            Thread reader = new Thread(this::read, "lsp-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (InputStream in = process.getInputStream()) {
                while (true) {
                    int length = -1;
                    String line;
                    while (!(line = header(in)).isEmpty()) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    if (length < 0) {
                        return;
                    }
                    messages.add(Json.mapper().readTree(in.readNBytes(length)));
                }
            } catch (IOException | RuntimeException e) {
                // the server went away: await() reports what it was waiting for
            }
        }

        private static String header(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    b.write(c);
                }
            }
            if (c == -1 && b.size() == 0) {
                throw new IOException("end of stream");
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        synchronized void send(Map<String, Object> message) throws IOException {
            byte[] body = Json.write(message).getBytes(StandardCharsets.UTF_8);
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        void request(int id, String method, Object params) throws IOException {
            send(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
        }

        void notify(String method, Object params) throws IOException {
            send(Map.of("jsonrpc", "2.0", "method", method, "params", params));
        }

        /** Waits for a message the test wants, answering the server's own requests meanwhile. */
        JsonNode await(java.util.function.Predicate<JsonNode> wanted, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                JsonNode m = messages.poll(1, TimeUnit.SECONDS);
                if (m == null) {
                    assertThat(process.isAlive()).as("yaml-language-server exited while waiting for " + what).isTrue();
                    continue;
                }
                if (m.has("method") && m.has("id")) { // a request from the server
                    Object result = null;
                    if (m.get("method").asString().equals("workspace/configuration")) {
                        List<Object> r = new ArrayList<>();
                        m.get("params").get("items").forEach(i -> r.add("yaml".equals(i.path("section").asString("")) ? settings : null));
                        result = r;
                    }
                    Map<String, Object> reply = new java.util.LinkedHashMap<>();
                    reply.put("jsonrpc", "2.0");
                    reply.put("id", Json.mapper().treeToValue(m.get("id"), Object.class));
                    reply.put("result", result);
                    send(reply);
                    continue;
                }
                if (wanted.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("yaml-language-server sent no " + what + " within 90 s");
        }
    }
}
