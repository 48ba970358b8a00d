package dev.aidossier.pack;

import dev.aidossier.util.Hashes;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.RegistrationRoute;
import dev.aidossier.report.JUnit;
import dev.aidossier.report.Json;
import dev.aidossier.report.Sarif;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the files of one conformity pack in memory: the PDFs, findings (JSON, SARIF, JUnit), the
 * Annex VIII registration data, and a manifest with the hash and size of every other file. Pure: the
 * same analysis gives the same bytes.
 */
public final class PackBuilder {

    /** Renders the PDFs of a pack; returns file name to bytes. Supplied by the render module. */
    public interface Documents {
        Map<String, byte[]> render(Analysis analysis, String stem) throws Exception;
    }

    private final Engine engine;
    private final String toolVersion;
    private final Documents documents;
    private final List<String> languages;
    private final boolean renderAside;

    public PackBuilder(Engine engine, String toolVersion, Documents documents) {
        this(engine, toolVersion, documents, List.of());
    }

    /** @param languages the document languages asked for (--lang), listed in the manifest; empty for none */
    public PackBuilder(Engine engine, String toolVersion, Documents documents, List<String> languages) {
        this(engine, toolVersion, documents, languages, false);
    }

    /**
     * @param renderAside whether {@link Documents#render} hands the documents to other threads and waits (pack with
     *                    fewer descriptions than workers): it then runs on a thread of its own, while this one makes
     *                    the findings, SARIF, JUnit and registration files instead of after the PDFs
     */
    public PackBuilder(Engine engine, String toolVersion, Documents documents, List<String> languages, boolean renderAside) {
        this.engine = engine;
        this.toolVersion = toolVersion;
        this.documents = documents;
        this.languages = List.copyOf(languages);
        this.renderAside = renderAside;
    }

    /** File name to content, manifest.json last; names are sorted otherwise. */
    public Map<String, byte[]> build(Analysis a, LocalDate asOf, String stem) throws Exception {
        return build(a, asOf, stem, null, List.of());
    }

    /**
     * As above, with the key under which a later run may reuse the pack ({@link PackKey}) and the evidence
     * files it covered, both recorded in the manifest; or null for none.
     */
    public Map<String, byte[]> build(Analysis a, LocalDate asOf, String stem, String reuseKey, List<PackKey.Evidence> evidence) throws Exception {
        return build(a, asOf, stem, reuseKey, evidence, null);
    }

    /**
     * As above; with {@code signing}, every PDF is signed before the manifest is made (so the manifest lists
     * the signed PDFs' hashes) and the manifest gets a detached signature, {@link PackSigning#SIGNATURE_FILE},
     * after it. The declaration is in a pack only when it may be signed (never while error-level findings are
     * open or upcoming, never as a draft), so every PDF of the pack is signed.
     */
    public Map<String, byte[]> build(Analysis a, LocalDate asOf, String stem, String reuseKey, List<PackKey.Evidence> evidence,
                                     PackSigning signing) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Object> signature = null;
        java.time.Instant signedAt = null;
        java.util.concurrent.FutureTask<Map<String, byte[]>> rendering = null;
        if (documents != null && renderAside) {
            rendering = new java.util.concurrent.FutureTask<>(() -> documents.render(a, stem));
            Thread t = new Thread(rendering, "dossier-documents");
            t.setDaemon(true);
            t.start();
        }
        Map<String, byte[]> data = data(a, asOf);
        if (documents != null) {
            Map<String, byte[]> pdfs = new TreeMap<>(rendering != null ? rendered(rendering) : documents.render(a, stem));
            if (signing != null) {
                signedAt = PackSigning.now();
                signature = signing.signPdfs(pdfs, java.util.Set.of(), signedAt);
            }
            files.putAll(pdfs);
        } else if (signing != null) {
            signedAt = PackSigning.now();
            signature = signing.signPdfs(files, java.util.Set.of(), signedAt);
        }
        files.putAll(data);
        Map<String, byte[]> out = new LinkedHashMap<>(files);
        byte[] manifest = utf8(Json.write(manifest(a, asOf, files, reuseKey, evidence, signature)));
        out.put("manifest.json", manifest);
        if (signing != null) {
            out.put(PackSigning.SIGNATURE_FILE, signing.signManifest(manifest, signedAt));
        }
        return out;
    }

    /** The PDFs rendered on another thread, or what stopped them (a RenderException as itself). */
    private static Map<String, byte[]> rendered(java.util.concurrent.FutureTask<Map<String, byte[]>> rendering) throws Exception {
        try {
            return rendering.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** The pack's files besides the PDFs and the manifest: findings (JSON, SARIF, JUnit), registration, the description. */
    private Map<String, byte[]> data(Analysis a, LocalDate asOf) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Object> findings = new LinkedHashMap<>();
        findings.put("tool", Json.obj("name", "dossier", "version", toolVersion));
        findings.put("pack", Json.obj("id", engine.pack().id(), "version", engine.pack().version()));
        if (Json.packs(engine) != null) {
            findings.put("packs", Json.packs(engine));
        }
        findings.put("file", a.loaded().file());
        findings.put("asOf", asOf.toString());
        findings.put("classification", a.classification() == null ? null : Json.classification(a.classification()));
        findings.put("findings", Json.findings(a.findings()));
        files.put("findings.json", utf8(Json.write(findings)));
        files.put("findings.sarif", utf8(Sarif.write(List.of(a), engine, toolVersion)));
        files.put("junit.xml", utf8(JUnit.write(List.of(a), engine)));
        files.put("registration.json", utf8(Json.write(Registration.of(a,
                engine.registration() == null ? null : RegistrationRoute.of(engine.registration(), a.classification())))));
        if (a.loaded().bytes() != null) {
            files.put("description.yaml", a.loaded().bytes()); // the input itself, so the pack stands alone and diff can compare packs
        }
        return files;
    }

    private Map<String, Object> manifest(Analysis a, LocalDate asOf, Map<String, byte[]> files, String reuseKey, List<PackKey.Evidence> evidence,
                                         Map<String, Object> signature) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "dossier/pack/v1");
        m.put("tool", Json.obj("name", "dossier", "version", toolVersion));
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("id", engine.pack().id());
        pack.put("version", engine.pack().version());
        pack.put("law", engine.pack().law());
        pack.put("textVersion", engine.pack().textVersion());
        pack.put("sha256", engine.packHash());
        m.put("rulePack", pack); // the primary pack; sha256 covers the files of every pack evaluated
        if (engine.packs().size() > 1) {
            m.put("rulePacks", engine.packs().stream().map(p -> Json.obj("id", p.id(), "version", p.version(), "law", p.law(),
                    "textVersion", p.textVersion())).toList());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", a.loaded().file());
        input.put("sha256", a.loaded().bytes() == null ? null : Hashes.sha256(a.loaded().bytes()));
        m.put("input", input);
        m.put("asOf", asOf.toString());
        if (!languages.isEmpty()) {
            m.put("languages", languages);
        }
        if (a.classification() != null) {
            m.put("tier", a.classification().tier());
            m.put("gpai", a.classification().gpai());
        }
        long open = a.findings().stream().filter(f -> f.status().isOpen() && f.severity() == dev.aidossier.core.Severity.error).count();
        m.put("openErrors", open);
        if (reuseKey != null) {
            m.put("reuseKey", reuseKey);
            m.put("evidence", evidence.stream().map(e -> Json.obj("path", e.path(), "sha256", e.sha256())).toList());
        }
        if (signature != null) {
            m.put("signature", signature);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        files.forEach((name, bytes) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("sha256", Hashes.sha256(bytes));
            e.put("size", bytes.length);
            if (name.endsWith(".pdf")) {
                // what the document says of itself outside its pages: the declaration's subject carries what the
                // provider must do with it (keep it 10 years, up to date, translated: Art. 47), which is not Annex V content
                PdfInfo info = PdfInfo.of(bytes);
                if (info != null) {
                    e.put("title", info.title());
                    e.put("subject", info.subject());
                    e.put("producer", info.producer());
                }
            }
            list.add(e);
        });
        m.put("files", list);
        return m;
    }

    /** The title, subject and producer of a PDF's Info dictionary (read partially: the trailer and that dictionary). */
    record PdfInfo(String title, String subject, String producer) {
        static PdfInfo of(byte[] pdf) {
            try {
                com.lowagie.text.pdf.PdfReader r = new com.lowagie.text.pdf.PdfReader(new com.lowagie.text.pdf.RandomAccessFileOrArray(pdf), null);
                try {
                    Map<String, String> info = r.getInfo();
                    return new PdfInfo(info.get("Title"), info.get("Subject"), info.get("Producer"));
                } finally {
                    r.close();
                }
            } catch (java.io.IOException | RuntimeException e) {
                return null; // the manifest lists what it can; the PDF itself is there with its hash
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
