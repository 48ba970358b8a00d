package dev.aidossier.cli;

import dev.aidossier.core.Finding;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.load.Overlay;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The translation overlays of a description for the languages of a command ({@code --lang}), as the commands report them. */
final class Overlays {
    private Overlays() {
    }

    /**
     * The overlays of {@code languages}; null, after printing each error at the overlay's {@code file:line:column},
     * when one of them cannot be applied.
     */
    static Map<String, Overlay> load(Loaded description, Collection<String> languages, Limits limits, PrintWriter err) {
        Map<String, Overlay> overlays = Overlay.forLanguages(description, languages, limits);
        boolean bad = false;
        for (Overlay o : overlays.values()) {
            for (Finding f : o.problems()) {
                err.println(f.toText());
                bad = true;
            }
        }
        return bad ? null : overlays;
    }

    /**
     * One line per language written whose documents show untranslated free text: how many values, where the
     * translations go, and the command that lists them.
     */
    static List<String> notes(Map<String, Overlay> overlays, Collection<String> writtenLanguages) {
        List<String> out = new ArrayList<>();
        for (Overlay o : overlays.values()) {
            if (!writtenLanguages.contains(o.language()) || o.untranslated().isEmpty()) {
                continue;
            }
            int n = o.untranslated().size();
            String values = n + (n == 1 ? " free-text value is" : " free-text values are");
            out.add(o.file() == null
                    ? values + " shown as written in the " + o.language() + " documents, marked as not translated: no overlay "
                      + "<name>." + o.language() + ".yaml translates them (dossier check --lang " + o.language() + " lists them)"
                    : values + " not translated in " + o.file() + ": shown as written, marked (dossier check --lang "
                      + o.language() + " lists them)");
        }
        return out;
    }
}
