package dev.aidossier.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidossier.analysis.Engine;
import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.report.JUnit;
import dev.aidossier.report.Json;
import dev.aidossier.report.Sarif;
import dev.aidossier.rules.RuleEngine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * Fuzz target "check": any bytes as a description file, through the whole analysis of {@code dossier check
 * --pack all} (classification, every rule of every pack, evidence, waivers) and every output format
 * (text, JSON, SARIF, JUnit XML). Evidence paths resolve against {@code examples/}, so cited files, hashes
 * and paths that try to leave the folder are exercised too.
 */
class CheckFuzzTest {

    private static final Engine ENGINE = FuzzContract.engine(List.of("eu-ai-act", "nist-ai-rmf", "iso-42001"), true);
    private static final String DISPLAY = "examples/fuzz.yaml";
    private static final Path PATH = Path.of("examples", "fuzz.yaml").toAbsolutePath();

    @FuzzTest
    @DictionaryFile(resourcePath = "dossier.dict")
    void check(byte[] input) throws Exception {
        Loaded loaded = new DescriptionLoader(Limits.DEFAULT).load(input, DISPLAY, PATH);
        FuzzContract.loadedIsClean(loaded, DISPLAY, input);
        LocalDate asOf = input.length % 2 == 0 ? LocalDate.parse("2026-11-23") : LocalDate.parse("2028-01-01");
        Analysis a = ENGINE.analyse(loaded, asOf);
        String text = new String(input, StandardCharsets.UTF_8);
        FuzzContract.findingsAreClean(a.findings(), DISPLAY, FuzzContract.lines(input), text);
        if (loaded.model() != null) {
            // every rule reports on every description it reads: passed, failed, upcoming, waived or not applicable
            Set<String> reported = new HashSet<>();
            a.findings().forEach(f -> reported.add(f.ruleId()));
            for (RuleEngine.Compiled r : ENGINE.rules().rules()) {
                FuzzContract.check(reported.contains(r.rule().id()), "rule " + r.rule().id() + " gave no finding");
            }
        }
        // what check prints, in every format; the JSON and XML must parse
        for (Finding f : a.findings()) {
            FuzzContract.check(!f.toText().isEmpty(), "empty text finding");
        }
        String json = Json.write(Json.findings(a.findings()));
        Json.mapper().readTree(json);
        String sarif = Sarif.write(List.of(a), ENGINE, "fuzz");
        Json.mapper().readTree(sarif);
        String junit = JUnit.write(List.of(a), ENGINE);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.newDocumentBuilder().parse(new ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8)));
    }
}
