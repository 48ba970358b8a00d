package dev.aidossier.core;

import java.util.Comparator;

/** A 1-based place in an input file. Line and column 0 mean "the file as a whole". */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line).thenComparingInt(Location::column);

    public static Location ofFile(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public int compareTo(Location o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
