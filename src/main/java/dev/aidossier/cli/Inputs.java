package dev.aidossier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the FILE arguments: files as named; directories and globs to the YAML files below them, sorted,
 * without waivers files ({@code <name>.waivers.yaml}) and translation overlays ({@code <name>.<lang>.yaml}
 * beside a {@code <name>.yaml}).
 */
final class Inputs {
    private Inputs() {
    }

    record Input(Path path, String display) {
    }

    static List<Input> expand(List<String> args) throws IOException {
        List<Input> out = new ArrayList<>();
        for (String a : args) {
            if ((a.contains("*") || a.contains("?") || a.contains("[") || a.contains("{")) && !Files.exists(Path.of(a))) {
                out.addAll(glob(a));
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(p)) {
                    found = s.filter(Files::isRegularFile)
                            .filter(f -> {
                                String n = f.getFileName().toString();
                                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".") && !n.endsWith(".waivers.yaml");
                            })
                            .filter(f -> !dev.aidossier.load.Overlay.isOverlay(f, dev.aidossier.render.Catalogues.languages()))
                            .sorted()
                            .toList();
                }
                for (Path f : found) {
                    out.add(new Input(f, f.toString()));
                }
            } else {
                out.add(new Input(p, a));
            }
        }
        return out;
    }

    /** Expands a glob such as {@code systems/**}{@code /*.yaml} from its fixed leading folder, sorted. */
    private static List<Input> glob(String pattern) throws IOException {
        String norm = pattern.replace('\\', '/');
        int firstMeta = norm.length();
        for (char ch : new char[]{'*', '?', '[', '{'}) {
            int i = norm.indexOf(ch);
            if (i >= 0) {
                firstMeta = Math.min(firstMeta, i);
            }
        }
        int slash = norm.lastIndexOf('/', firstMeta);
        Path base = slash < 0 ? Path.of(".") : Path.of(norm.substring(0, slash + 1));
        java.nio.file.PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + norm);
        List<Input> out = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(base)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = slash < 0 ? base.relativize(f) : f;
                if (m.matches(rel) && !dev.aidossier.load.Overlay.isOverlay(f, dev.aidossier.render.Catalogues.languages())) {
                    out.add(new Input(f, rel.toString()));
                }
            }
        }
        return out;
    }
}
