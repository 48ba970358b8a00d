package dev.aidossier.rules;

import dev.aidossier.analysis.Engine;
import dev.aidossier.TestSupport;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.Limits;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The crosswalk names only keys that exist, and every rule of the EU pack has a row. */
class CrosswalkTest {

    @Test
    void everyKeyExistsAndEveryEuRuleIsMapped() throws Exception {
        RulePackSource src = RulePackSource.directory(TestSupport.root().resolve("rules"));
        Set<String> eu = ids(Engine.load(src, "eu-ai-act", Limits.DEFAULT));
        Set<String> nist = refs(Engine.load(src, List.of("eu-ai-act", "nist-ai-rmf"), Limits.DEFAULT), "NIST-");
        Set<String> iso = refs(Engine.load(src, List.of("eu-ai-act", "iso-42001"), Limits.DEFAULT), "ISO42001-");
        assertThat(nist).hasSize(72);
        assertThat(iso).hasSize(38);
        DataFile<CrosswalkFile> cw = DataFile.load(TestSupport.root().resolve("rules/crosswalk/eu-nist-iso.yaml"), "eu-nist-iso.yaml", CrosswalkFile.class);
        assertThat(cw.findings()).isEmpty();
        Set<String> unknown = new TreeSet<>();
        Set<String> mapped = new HashSet<>();
        for (CrosswalkFile.Row r : cw.value().rows()) {
            mapped.add(r.eu());
            if (!eu.contains(r.eu())) {
                unknown.add(r.eu());
            }
            r.nist().stream().filter(k -> !nist.contains(k)).forEach(unknown::add);
            r.iso().stream().filter(k -> !iso.contains(k)).forEach(unknown::add);
        }
        assertThat(unknown).as("keys the crosswalk names that no pack has").isEmpty();
        Set<String> unmapped = new TreeSet<>(eu);
        unmapped.removeAll(mapped);
        assertThat(unmapped).as("EU rules without a crosswalk row").isEmpty();
    }

    private static Set<String> ids(Engine e) {
        Set<String> s = new HashSet<>();
        e.rules().rules().forEach(r -> s.add(r.rule().id()));
        return s;
    }

    /** The reference keys cited by the rules whose id starts with {@code prefix}. */
    private static Set<String> refs(Engine e, String prefix) {
        Set<String> s = new HashSet<>();
        e.rules().rules().stream().filter(r -> r.rule().id().startsWith(prefix)).forEach(r -> s.addAll(r.rule().refs()));
        return s;
    }
}
