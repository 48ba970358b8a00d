package dev.aidossier.render;

import dev.aidossier.TestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each document carries the description it was rendered from and the findings it was judged with, as PDF/A-3
 * associated files; extracted, the description checks to exactly the embedded findings; and {@code check}
 * reads a PDF's embedded description.
 */
class EmbeddedSourcesTest {

    static final String AS_OF = "2026-12-02";
    static Path out;
    static Path example = TestSupport.examples().resolve("cv-screening.yaml");

    @BeforeAll
    static void render() throws IOException {
        out = Files.createTempDirectory("dossier-embedded");
        TestSupport.Run r = TestSupport.run("render", example.toString(), "--doc", "all", "--as-of", AS_OF, "-o", out.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    record Embedded(String name, String relationship, String subtype, long size, boolean dated, byte[] bytes) {
    }

    /** The associated files of the catalog's /AF, each checked to be in the EmbeddedFiles name tree as well. */
    static List<Embedded> associated(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            COSArray af = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            assertThat(af).as(pdf + ": catalog /AF").isNotNull();
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> inTree = new LinkedHashMap<>(tree.getNames());
            List<COSDictionary> treeSpecs = inTree.values().stream().map(PDComplexFileSpecification::getCOSObject).toList();
            List<Embedded> list = new java.util.ArrayList<>();
            for (int i = 0; i < af.size(); i++) {
                COSBase b = af.get(i);
                assertThat(b).as("each /AF entry is an indirect reference").isInstanceOf(COSObject.class);
                COSDictionary d = (COSDictionary) ((COSObject) b).getObject();
                assertThat(treeSpecs).as("the file spec is also in the EmbeddedFiles name tree").contains(d);
                PDComplexFileSpecification spec = new PDComplexFileSpecification(d);
                PDEmbeddedFile f = spec.getEmbeddedFile();
                assertThat(spec.getFileUnicode()).isEqualTo(spec.getFile());
                list.add(new Embedded(spec.getFileUnicode(), d.getNameAsString(COSName.getPDFName("AFRelationship")), f.getSubtype(),
                        f.getSize(), f.getModDate() != null && f.getCreationDate() != null, f.toByteArray()));
            }
            return list;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"technical-documentation", "declaration", "gap-report", "instructions", "passport", "interoperability-plan"})
    void everyDocumentCarriesItsDescriptionAndFindings(String doc) throws IOException {
        List<Embedded> files = associated(out.resolve("cv-screening-" + doc + ".pdf"));
        assertThat(files).extracting(Embedded::name).startsWith("cv-screening.yaml", "findings.json");
        Embedded yaml = files.get(0);
        assertThat(yaml.relationship()).isEqualTo("Source");
        assertThat(yaml.subtype()).isEqualTo("application/yaml");
        assertThat(yaml.bytes()).isEqualTo(Files.readAllBytes(example));
        assertThat(yaml.size()).isEqualTo(yaml.bytes().length);
        assertThat(yaml.dated()).isTrue();
        Embedded json = files.get(1);
        assertThat(json.relationship()).isEqualTo("Data");
        assertThat(json.subtype()).isEqualTo("application/json");
        assertThat(json.size()).isEqualTo(json.bytes().length);
        String j = new String(json.bytes(), StandardCharsets.UTF_8);
        assertThat(j).contains("\"file\" : \"cv-screening.yaml\"", "\"ruleId\" : \"EUAIA-");
        if (doc.equals("gap-report")) {
            assertThat(files).hasSize(3);
            assertThat(files.get(2).name()).isEqualTo("findings.sarif");
            assertThat(files.get(2).subtype()).isEqualTo("application/sarif+json");
            assertThat(new String(files.get(2).bytes(), StandardCharsets.UTF_8)).contains("\"version\" : \"2.1.0\"", "\"uri\" : \"cv-screening.yaml\"");
        } else {
            assertThat(files).hasSize(2);
        }
        if (doc.equals("passport") || doc.equals("interoperability-plan")) {
            // judged against every framework: the findings of check --pack all
            assertThat(j).contains("\"packs\"", "nist-ai-rmf", "iso-42001");
        }
    }

    /** The extracted description, checked in a folder with the evidence it cites, gives the embedded findings. */
    @ParameterizedTest
    @ValueSource(strings = {"technical-documentation", "gap-report", "passport"})
    void theExtractedDescriptionChecksToTheEmbeddedFindings(String doc, @TempDir Path dir) throws IOException {
        List<Embedded> files = associated(out.resolve("cv-screening-" + doc + ".pdf"));
        Files.write(dir.resolve("cv-screening.yaml"), files.get(0).bytes());
        TestSupport.copyTree(TestSupport.examples().resolve("evidence"), dir.resolve("evidence"));
        List<String> args = new java.util.ArrayList<>(List.of("check", "--format", "json", "--as-of", AS_OF));
        if (doc.equals("passport")) {
            args.addAll(List.of("--pack", "all"));
        }
        args.add(dir.resolve("cv-screening.yaml").toString());
        TestSupport.Run r = TestSupport.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        // check names the file as it was given; inside the document it is named without a folder
        String checked = r.out().replace(dir + java.io.File.separator, "");
        assertThat(checked).isEqualTo(new String(files.get(1).bytes(), StandardCharsets.UTF_8));
        if (doc.equals("gap-report")) {
            TestSupport.Run s = TestSupport.run("check", "--format", "sarif", "--as-of", AS_OF, dir.resolve("cv-screening.yaml").toString());
            // check names a file outside the folder it ran in by its absolute file: URI; inside the document the
            // description is a relative URI under SRCROOT, as for a check run in the extracted folder
            String sarif = s.out().replaceAll("(\\n\\s*)\"uri\" : \"" + java.util.regex.Pattern.quote(dir.resolve("cv-screening.yaml").toUri().toString()) + "\"",
                    "$1\"uri\" : \"cv-screening.yaml\",$1\"uriBaseId\" : \"SRCROOT\"");
            assertThat(sarif).contains("\"uri\" : \"cv-screening.yaml\"", "\"id\" : \"EUAIA-ANXIV-1A-PURPOSE\"")
                    .isEqualTo(new String(files.get(2).bytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The round trip with the real receivers: poppler's pdfdetach extracts the files, and the tool, started in
     * that folder as a user would, prints the embedded findings byte for byte.
     */
    @Test
    void pdfdetachAndACheckInTheExtractedFolderGiveTheSameBytes(@TempDir Path dir) throws Exception {
        if (!onPath("pdfdetach")) {
            // skipped on a developer's machine without poppler-utils; CI (.ci/run) installs it and may not skip
            assertThat(System.getenv("DOSSIER_RECEIVERS")).as("pdfdetach (poppler-utils) is not installed").isNotEqualTo("required");
            assumeTrue(false, "pdfdetach (poppler-utils) is not installed");
        }
        Path pdf = out.resolve("cv-screening-technical-documentation.pdf");
        Process list = new ProcessBuilder("pdfdetach", "-list", pdf.toString()).redirectErrorStream(true).start();
        String listed = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).isZero();
        assertThat(listed).contains("2 embedded files", "1: cv-screening.yaml", "2: findings.json");
        Process save = new ProcessBuilder("pdfdetach", "-saveall", "-o", dir.toString(), pdf.toString()).redirectErrorStream(true).start();
        save.getInputStream().readAllBytes();
        assertThat(save.waitFor()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("cv-screening.yaml"))).isEqualTo(Files.readAllBytes(example));
        TestSupport.copyTree(TestSupport.examples().resolve("evidence"), dir.resolve("evidence"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process check = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.aidossier.cli.Main",
                "check", "--format", "json", "--as-of", AS_OF, "cv-screening.yaml")
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] printed = check.getInputStream().readAllBytes();
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).isZero();
        assertThat(printed).isEqualTo(Files.readAllBytes(dir.resolve("findings.json")));
    }

    @Test
    void checkReadsTheDescriptionEmbeddedInAPdf() {
        Path pdf = out.resolve("cv-screening-gap-report.pdf");
        TestSupport.Run fromPdf = TestSupport.run("check", "--as-of", AS_OF, "--format", "json", pdf.toString());
        TestSupport.Run fromYaml = TestSupport.run("check", "--as-of", AS_OF, "--format", "json", example.toString());
        // the same findings, named in the PDF; evidence is looked for beside the PDF, where there is none
        assertThat(fromPdf.out()).contains("\"file\" : \"" + pdf + "#cv-screening.yaml\"", "\"ruleId\" : \"evidence.missing\"");
        assertThat(fromPdf.exit()).isEqualTo(1);
        assertThat(fromYaml.exit()).isZero();
        List<String> ruleIds = fromYaml.out().lines().filter(l -> l.contains("\"ruleId\"") && !l.contains("evidence.")).toList();
        List<String> pdfRuleIds = fromPdf.out().lines().filter(l -> l.contains("\"ruleId\"") && !l.contains("evidence.")).toList();
        assertThat(pdfRuleIds).hasSizeGreaterThan(100).isEqualTo(ruleIds);
        TestSupport.Run text = TestSupport.run("check", "--as-of", AS_OF, pdf.toString());
        assertThat(text.out()).contains(pdf + "#cv-screening.yaml:");
    }

    @Test
    void aPdfWithoutAnEmbeddedDescriptionIsAClearError(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain.pdf");
        Files.writeString(plain, "not a PDF at all\n");
        TestSupport.Run r = TestSupport.run("check", plain.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains(plain + ":1:1: error [pdf.source] " + plain + " is not a readable PDF");
        assertThat(r.err()).doesNotContain("Exception");

        // a real PDF that carries no description: one written without attachments
        Path bare = dir.resolve("bare.pdf");
        try (PDDocument d = new PDDocument()) {
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            d.save(bare.toFile());
        }
        TestSupport.Run b = TestSupport.run("check", bare.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.out()).contains(bare + ":1:1: error [pdf.source] " + bare + " embeds no description");
    }

    @Test
    void theEmbeddedDescriptionKeepsTheSizeLimit() {
        Path pdf = out.resolve("cv-screening-instructions.pdf");
        TestSupport.Run r = TestSupport.run("check", "--max-file-size", "1000", pdf.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("error [yaml.limit] the embedded description cv-screening.yaml is larger than 1000 bytes (--max-file-size)");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
