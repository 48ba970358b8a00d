package dev.aidossier.render;

import dev.aidossier.Engine;
import dev.aidossier.rules.CrosswalkFile;

import java.util.List;

/**
 * What the regulatory passport and the Regulatory Interoperability Plan are judged against: an engine
 * holding every framework's pack (the first is the primary one, whose classification is used) and the
 * crosswalks between them.
 */
public record Frameworks(Engine engine, List<CrosswalkFile> crosswalks) {
    public Frameworks {
        crosswalks = List.copyOf(crosswalks);
    }
}
