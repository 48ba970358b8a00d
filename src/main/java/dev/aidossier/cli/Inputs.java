package dev.aidossier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the FILE arguments: files as named; directories to the YAML files below them, sorted. */
final class Inputs {
    private Inputs() {
    }

    record Input(Path path, String display) {
    }

    static List<Input> expand(List<String> args) throws IOException {
        List<Input> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(p)) {
                    found = s.filter(Files::isRegularFile)
                            .filter(f -> {
                                String n = f.getFileName().toString();
                                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".") && !n.endsWith(".waivers.yaml");
                            })
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
}
