package dev.aidossier.bench;

import dev.aidossier.load.Limits;
import dev.aidossier.load.TreePatch;
import dev.aidossier.load.YNode;
import dev.aidossier.load.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes N descriptions of varied size made from the examples (renamed, with their data-set, metric and
 * risk lists repeated 1-6 times), and the examples' evidence beside them: the batch the pack benchmarks
 * measure. Uses only classes of the tool's jar and {@code TestSupport}, so the benchmark script can run it on
 * the distribution's runtime: {@code java -cp target/dossier.jar:target/test-classes dev.aidossier.bench.GenerateBatch N DIR}.
 */
public final class GenerateBatch {
    private GenerateBatch() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path in = Path.of(args[1]);
        long total = generate(n, Path.of(args.length > 2 ? args[2] : "examples"), in);
        System.out.printf("generated %d descriptions, %.1f KB on average, in %s%n", n, total / 1024.0 / n, in);
    }

    /** Writes the batch into {@code in} (created), returns the total size of the descriptions in bytes. */
    public static long generate(int n, Path examplesDir, Path in) throws IOException {
        Files.createDirectories(in);
        List<Path> examples;
        try (Stream<Path> s = Files.list(examplesDir)) {
            examples = s.filter(dev.aidossier.TestSupport::isDescription).sorted().toList();
        }
        Path evidence = examplesDir.resolve("evidence");
        if (Files.isDirectory(evidence)) {
            dev.aidossier.TestSupport.copyTree(evidence, in.resolve("evidence"));
        }
        long totalBytes = 0;
        for (int i = 0; i < n; i++) {
            Path src = examples.get(i % examples.size());
            YNode root = new YamlReader(Limits.DEFAULT).read(src, src.toString()).root();
            root = TreePatch.set(root, "metadata.name", "Generated system " + i);
            int copies = 1 + (i % 6);
            for (String list : List.of("spec.datasets", "spec.metrics", "spec.riskManagement.risks")) {
                Object plain = dev.aidossier.load.PlainPath.get(root.toPlain(), list);
                if (plain instanceof List<?> l && !l.isEmpty()) {
                    List<Object> grown = new ArrayList<>();
                    for (int c = 0; c < copies; c++) {
                        for (Object o : l) {
                            if (o instanceof Map<?, ?> m && m.containsKey("name") && c > 0) {
                                Map<Object, Object> copy = new LinkedHashMap<>(m);
                                copy.put("name", m.get("name") + " (" + c + ")");
                                grown.add(copy);
                            } else {
                                grown.add(o);
                            }
                        }
                    }
                    root = TreePatch.set(root, list, grown);
                }
            }
            String yaml = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().writeValueAsString(root.toPlain());
            Path out = in.resolve(String.format("system-%03d.yaml", i));
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
            totalBytes += Files.size(out);
        }
        return totalBytes;
    }
}
