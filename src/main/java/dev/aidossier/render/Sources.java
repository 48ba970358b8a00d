package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.analysis.Engine;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.Loaded;
import dev.aidossier.report.Json;
import dev.aidossier.report.Sarif;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a document carries inside it (PDF/A-3 associated files), so a reader can re-run the check on
 * exactly what the document shows: the description it was rendered from ({@code Source}), the findings it
 * was judged with ({@code Data}, the bytes {@code dossier check --format json} prints for that description),
 * and for the gap report the same findings as SARIF ({@code Data}).
 *
 * <p>Inside the document the description is named by its own file name ({@code cv-screening.yaml}), and the
 * findings name it so too: {@code check --format json cv-screening.yaml}, run on the extracted file in a
 * folder that holds the evidence it cites, prints the embedded findings byte for byte.
 */
final class Sources {

    static final String YAML = "application/yaml";
    static final String JSON = "application/json";
    static final String SARIF = "application/sarif+json";
    static final String FINDINGS = "findings.json";
    static final String FINDINGS_SARIF = "findings.sarif";

    private Sources() {
    }

    /** The name the description has inside the document: its file name without the folders. */
    static String name(Loaded l) {
        return l.file().replaceFirst("^.*[/\\\\]", "");
    }

    /**
     * The analysis as if the description had been checked under its embedded name: every place in a file
     * of the description's folder loses that folder (a waivers file beside it too).
     */
    static Analysis relabel(Analysis a) {
        Loaded l = a.loaded();
        String name = name(l);
        String folder = l.file().substring(0, l.file().length() - name.length());
        if (folder.isEmpty()) {
            return a;
        }
        List<Finding> fs = new ArrayList<>(a.findings().size());
        for (Finding f : a.findings()) {
            Location loc = f.location();
            String file = loc.file().startsWith(folder) ? loc.file().substring(folder.length()) : loc.file();
            fs.add(f.at(new Location(file, loc.line(), loc.column())));
        }
        fs.sort(Finding.ORDER);
        Loaded renamed = new Loaded(name, l.path(), l.root(), l.model(), l.findings(), l.bytes());
        return new Analysis(renamed, a.classification(), List.copyOf(fs));
    }

    /** The findings as {@code check --format json} prints them for the description under its embedded name. */
    static byte[] findingsJson(Engine engine, Analysis a, String toolVersion) {
        return Json.checkReport(List.of(relabel(a)), engine, toolVersion).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] findingsSarif(Engine engine, Analysis a, String toolVersion) {
        return Sarif.write(List.of(relabel(a)), engine, toolVersion).getBytes(StandardCharsets.UTF_8);
    }

    /** The files embedded in a document of this kind, in the order they are listed. */
    static List<PdfOutput.Attachment> of(DocumentKind kind, Analysis a, byte[] findingsJson, java.util.function.Supplier<byte[]> sarif) {
        List<PdfOutput.Attachment> out = new ArrayList<>();
        if (a.loaded().bytes() != null) {
            out.add(new PdfOutput.Attachment(name(a.loaded()), YAML, "Source",
                    "The description this document was rendered from", a.loaded().bytes()));
        }
        out.add(new PdfOutput.Attachment(FINDINGS, JSON, "Data",
                "The findings this document was judged with (dossier check --format json)", findingsJson));
        if (kind == DocumentKind.GAP_REPORT) {
            out.add(new PdfOutput.Attachment(FINDINGS_SARIF, SARIF, "Data",
                    "The same findings as SARIF 2.1.0 (dossier check --format sarif)", sarif.get()));
        }
        return out;
    }
}
