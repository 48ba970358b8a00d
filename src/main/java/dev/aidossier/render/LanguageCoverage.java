package dev.aidossier.render;

import dev.aidossier.analysis.Analysis;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.load.YNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the document languages cover the market: each member state of {@code spec.general.memberStates}
 * whose official languages (the table {@code rules/member-state-languages.yaml}) none of the languages the
 * documents are rendered or translated in covers is a finding {@code render.language-coverage} (a note) at
 * that member state's place in the description.
 */
public final class LanguageCoverage {

    public static final String RULE = "render.language-coverage";
    private static final String TABLE = "rules/member-state-languages.yaml";

    /** A member state: its name and its official languages that are official languages of the Union. */
    public record MemberState(String code, String name, List<String> languages) {
    }

    private LanguageCoverage() {
    }

    private static final class Holder {
        static final dev.aidossier.rules.MemberStateLanguagesFile FILE = read();
        static final Map<String, MemberState> TABLE_ = load(FILE);
    }

    /** The table, member state code to its languages, as the rules folder states it. */
    public static Map<String, MemberState> table() {
        return Holder.TABLE_;
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    /** The findings for a description whose documents are in {@code languages}; empty when every member state is covered. */
    public static List<Finding> check(Analysis a, Collection<String> languages) {
        List<Finding> out = new ArrayList<>();
        if (!(a.loaded().root() instanceof YNode.YMap root) || !(root.get("spec") instanceof YNode.YMap spec)
                || !(spec.get("general") instanceof YNode.YMap general) || !(general.get("memberStates") instanceof YNode.YList list)) {
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YNode n = list.items().get(i);
            if (!(n.toPlain() instanceof String code)) {
                continue;
            }
            MemberState ms = table().get(code);
            if (ms == null || ms.languages().stream().anyMatch(languages::contains)) {
                continue; // not a member state of the Union (the schema checks the code's form), or covered
            }
            String path = "spec.general.memberStates[" + i + "]";
            dev.aidossier.rules.MemberStateLanguagesFile.Finding f = Holder.FILE.finding();
            Map<String, String> values = Map.of("state", ms.name(), "code", code, "languages", String.join(" or ", ms.languages()),
                    "documents", String.join(", ", languages), "lang", ms.languages().get(0));
            out.add(new Finding(RULE, Severity.info, Status.failed, fill(f.message(), values), n.location(), path, List.copyOf(f.refs()),
                    fill(f.remediation(), values), null, null));
        }
        return out;
    }

    private static dev.aidossier.rules.MemberStateLanguagesFile read() {
        try (InputStream in = LanguageCoverage.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the tool");
            }
            dev.aidossier.load.DataFile<dev.aidossier.rules.MemberStateLanguagesFile> f =
                    dev.aidossier.load.DataFile.parse(in.readAllBytes(), TABLE, dev.aidossier.rules.MemberStateLanguagesFile.class);
            if (!f.ok()) {
                throw new IllegalStateException(String.join("\n", f.findings().stream().map(Finding::toText).toList()));
            }
            return f.value();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, MemberState> load(dev.aidossier.rules.MemberStateLanguagesFile file) {
        Map<String, MemberState> out = new LinkedHashMap<>();
        file.memberStates().forEach((code, ms) -> {
            for (String l : ms.languages()) {
                if (Catalogues.get(l) == null) {
                    throw new IllegalStateException(TABLE + ": " + code + " names the language '" + l + "', which has no catalogue");
                }
            }
            out.put(code, new MemberState(code, ms.name(), List.copyOf(ms.languages())));
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
