package dev.aidossier.report;

import dev.aidossier.core.Finding;
import dev.aidossier.core.Status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings for two CI servers that annotate the lines of a change: GitHub's workflow commands
 * ({@code ::error file=...,line=...::message}, which mark the YAML lines in a pull request) and GitLab's Code
 * Quality report (a JSON array of issues with a stable fingerprint, shown in merge requests). Both carry the
 * open findings and the upcoming ones (a requirement not met whose obligation applies from a later date:
 * a buyer judges the documentation now), the latter as notices with their date.
 */
public final class CiAnnotations {

    private CiAnnotations() {
    }

    /** The findings both formats report: open ones, and upcoming ones. */
    static boolean reported(Finding f) {
        return f.status().isOpen() || f.status() == Status.upcoming;
    }

    /**
     * GitHub Actions workflow commands, one line per finding. Paths are made relative to {@code base} (the
     * workspace the job runs in) when they lie below it, since GitHub maps annotations by repository path.
     */
    public static String github(List<Finding> findings, Path base) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            if (!reported(f)) {
                continue;
            }
            String level = f.status() == Status.upcoming ? "notice" : switch (f.severity()) {
                case error -> "error";
                case warning -> "warning";
                default -> "notice";
            };
            String title = f.ruleId() + (f.status() == Status.upcoming && f.appliesFrom() != null
                    ? " (upcoming: applies from " + f.appliesFrom() + ")" : "");
            String message = f.message() + (f.remediation() == null || f.remediation().isBlank() ? "" : "\nFix: " + f.remediation());
            out.append("::").append(level)
                    .append(" file=").append(property(relative(f.location().file(), base)))
                    .append(",line=").append(Math.max(1, f.location().line()))
                    .append(",col=").append(Math.max(1, f.location().column()))
                    .append(",title=").append(property(title))
                    .append("::").append(data(message)).append('\n');
        }
        return out.toString();
    }

    /** GitLab Code Quality report (the Code Climate issue format GitLab reads): a JSON array. */
    public static String gitlab(List<Finding> findings, Path base) {
        List<Map<String, Object>> issues = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!reported(f)) {
                continue;
            }
            String path = relative(f.location().file(), base);
            String severity = f.status() == Status.upcoming ? "info" : switch (f.severity()) {
                case error -> "major";
                case warning -> "minor";
                default -> "info";
            };
            // stable across runs and across moved lines: rule, file, YAML path and message; a repeat gets a counter
            String identity = f.ruleId() + "\u0000" + path + "\u0000" + (f.path() == null ? "" : f.path()) + "\u0000" + f.message();
            int n = seen.merge(identity, 1, Integer::sum);
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("type", "issue");
            issue.put("check_name", f.ruleId());
            issue.put("description", f.message() + (f.status() == Status.upcoming && f.appliesFrom() != null
                    ? " (upcoming: applies from " + f.appliesFrom() + ")" : ""));
            if (f.remediation() != null && !f.remediation().isBlank()) {
                issue.put("content", Json.obj("body", f.remediation()));
            }
            issue.put("categories", List.of("Compliance"));
            issue.put("severity", severity);
            issue.put("fingerprint", sha256(identity + (n > 1 ? "\u0000" + n : "")));
            issue.put("location", Json.obj("path", path, "lines", Json.obj("begin", Math.max(1, f.location().line()))));
            issues.add(issue);
        }
        return Json.write(issues);
    }

    static String relative(String file, Path base) {
        try {
            Path p = Path.of(file);
            if (p.isAbsolute() && base != null) {
                Path b = base.toAbsolutePath().normalize();
                Path n = p.normalize();
                if (n.startsWith(b)) {
                    return b.relativize(n).toString().replace('\\', '/');
                }
            }
            String s = p.normalize().toString().replace('\\', '/');
            return s.startsWith("./") ? s.substring(2) : s;
        } catch (RuntimeException e) {
            return file;
        }
    }

    /** A workflow command's message: %, CR and LF escaped. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value: as data, and ':' and ',' too. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String sha256(String s) {
        return dev.aidossier.util.Hashes.sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
