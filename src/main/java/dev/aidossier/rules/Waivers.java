package dev.aidossier.rules;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.core.Severity;
import dev.aidossier.core.Status;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YPath;
import dev.aidossier.model.Waiver;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies waivers: a failed finding whose rule is waived (reason, approver, expiry) becomes
 * {@code waived} and stays visible. An expired waiver waives nothing and is itself an error; a waiver
 * for an unknown rule is an error; one that matches nothing open is a note.
 *
 * <p>Waivers come from the description's top-level {@code waivers:} list and from a file beside it
 * named {@code <name>.waivers.yaml} ({@code kind: Waivers}).
 */
public final class Waivers {
    private Waivers() {
    }

    /** The shape of a {@code <name>.waivers.yaml} file. */
    public record WaiverFile(
            @NotNull @Pattern(regexp = "dossier/v1", message = "must be dossier/v1") String apiVersion,
            @NotNull @Pattern(regexp = "Waivers", message = "must be Waivers") String kind,
            @NotNull List<@NotNull @Valid Waiver> waivers) {
    }

    private record Placed(Waiver waiver, Location location) {
    }

    public static Path besideFile(Path description) {
        String name = description.getFileName().toString();
        String stem = name.replaceFirst("\\.ya?ml$", "");
        return description.resolveSibling(stem + ".waivers.yaml");
    }

    public static List<Finding> apply(Loaded d, List<Finding> findings, RuleEngine rules, LocalDate asOf) {
        List<Finding> out = new ArrayList<>();
        List<Placed> waivers = new ArrayList<>();
        List<Waiver> inline = d.waivers();
        for (int i = 0; i < inline.size(); i++) {
            Location loc = d.root() == null ? Location.ofFile(d.file()) : YPath.nearest(d.root(), "waivers[" + i + "]").location();
            waivers.add(new Placed(inline.get(i), loc));
        }
        if (d.path() != null) {
            Path beside = besideFile(d.path());
            if (Files.isRegularFile(beside)) {
                String display = d.file().replaceFirst("[^/\\\\]*$", "") + beside.getFileName();
                DataFile<WaiverFile> wf = DataFile.load(beside, display, WaiverFile.class);
                out.addAll(wf.findings());
                if (wf.value() != null && wf.value().waivers() != null) {
                    List<Waiver> ws = wf.value().waivers();
                    for (int i = 0; i < ws.size(); i++) {
                        YNode root = wf.root();
                        waivers.add(new Placed(ws.get(i), root == null ? Location.ofFile(display) : YPath.nearest(root, "waivers[" + i + "]").location()));
                    }
                }
            }
        }
        List<Finding> result = new ArrayList<>(findings);
        for (Placed p : waivers) {
            Waiver w = p.waiver();
            if (w == null || w.rule() == null) {
                continue;
            }
            if (blank(w.reason()) || blank(w.approver()) || w.expires() == null) {
                continue; // waives nothing: a waiver states why, who approved it and until when (schema.* reports what is missing)
            }
            boolean known = rules.rule(w.rule()) != null || findings.stream().anyMatch(f -> f.ruleId().equals(w.rule()));
            if (!known) {
                String s = dev.aidossier.util.Names.closest(w.rule(), rules.rules().stream().map(r -> r.rule().id()).toList());
                out.add(new Finding("waiver.unknown-rule", Severity.error, Status.failed, "waiver names rule '" + w.rule() + "', which the pack does not have"
                        + (s != null ? "; did you mean '" + s + "'?" : ""), p.location(), null, List.of(), "Name an existing rule id (dossier rules list).", null, null));
                continue;
            }
            if (w.expires() != null && w.expires().isBefore(asOf)) {
                out.add(new Finding("waiver.expired", Severity.error, Status.failed, "waiver of " + w.rule() + " (approved by " + w.approver()
                        + ") expired on " + w.expires() + "; the finding is open again", p.location(), null, List.of(),
                        "Fix the finding, or renew the waiver with a new expiry date and approval.", null, null));
                continue;
            }
            boolean used = false;
            for (int i = 0; i < result.size(); i++) {
                Finding f = result.get(i);
                if (f.ruleId().equals(w.rule()) && (f.status() == Status.failed || f.status() == Status.upcoming)) {
                    result.set(i, f.withStatus(Status.waived, new Finding.WaiverInfo(w.reason(), w.approver(), w.expires())));
                    used = true;
                }
            }
            if (!used) {
                out.add(new Finding("waiver.unused", Severity.info, Status.failed, "waiver of " + w.rule() + " matches no open finding; it can be removed",
                        p.location(), null, List.of(), "Remove the waiver.", null, null));
            }
        }
        result.addAll(out);
        return result;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
