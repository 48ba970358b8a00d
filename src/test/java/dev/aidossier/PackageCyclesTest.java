package dev.aidossier;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages depend on each other in one direction (load → model → classify → rules → analysis →
 * report/render → pack → cli): a package that reaches back to one that depends on it is a cycle, and the
 * flow is no longer readable. Dependencies are read from the sources (imports and fully qualified names).
 */
class PackageCyclesTest {

    private static final Pattern USE = Pattern.compile("\\bdev\\.aidossier\\.([a-z0-9]+)\\.[A-Z]");

    @Test
    void thePackagesHaveNoCycle() throws IOException {
        Path root = Path.of("src/main/java/dev/aidossier");
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String pkg = rel.getName(0).toString();
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        assertThat(deps).containsKeys("analysis", "classify", "render", "rules", "pack", "cli");
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            // a path from a dependency of start back to start is a cycle through start
            for (String first : deps.get(start)) {
                Deque<List<String>> todo = new ArrayDeque<>();
                todo.add(List.of(start, first));
                Set<String> seen = new TreeSet<>();
                while (!todo.isEmpty()) {
                    List<String> path = todo.poll();
                    String last = path.get(path.size() - 1);
                    if (last.equals(start)) {
                        cycles.add(String.join(" -> ", path));
                        break;
                    }
                    if (!seen.add(last)) {
                        continue;
                    }
                    for (String next : deps.getOrDefault(last, Set.of())) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        todo.add(longer);
                    }
                }
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }
}
