package dev.aidossier.analysis;

import dev.aidossier.classify.Classification;
import dev.aidossier.classify.ClassificationFile;
import dev.aidossier.classify.Classifier;
import dev.aidossier.core.Finding;
import dev.aidossier.core.Location;
import dev.aidossier.load.DataFile;
import dev.aidossier.load.DescriptionLoader;
import dev.aidossier.load.Limits;
import dev.aidossier.load.Loaded;
import dev.aidossier.cel.CelEnv;
import dev.aidossier.rules.RulePackFile;
import dev.aidossier.rules.EvidenceCheck;
import dev.aidossier.rules.RulePackSource;
import dev.aidossier.rules.RuleEngine;
import dev.aidossier.rules.RuleTranslations;
import dev.aidossier.rules.ModificationFile;
import dev.aidossier.rules.RegistrationFile;
import dev.aidossier.rules.RuleFile;
import dev.aidossier.rules.Waivers;
import dev.aidossier.cel.Substance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a rule pack once and analyses descriptions with it: load, validate, classify (and, once rule
 * packs are evaluated, check). Thread-safe after construction; one instance serves a whole batch.
 */
public final class Engine {

    private final RulePackFile pack;
    private final List<RulePackFile> packs;
    private final Classifier classifier;
    private final RuleEngine rules;
    private final CelEnv cel;
    private final Substance substance;
    private final Limits limits;
    private final ModificationFile modification;
    private final RegistrationFile registration;
    private final List<byte[]> hashed; // names and contents of the pack's files, in load order
    private final java.util.function.Function<String, RuleTranslations.Texts> ruleTexts; // by language: the rules' texts and the unit titles
    private volatile String packHash; // computed on first use: hashing every file is not needed to check a description

    private Engine(List<RulePackFile> packs, Classifier classifier, RuleEngine rules, CelEnv cel, Substance substance, Limits limits,
                   List<byte[]> hashed, ModificationFile modification, RegistrationFile registration,
                   java.util.function.Function<String, RuleTranslations.Texts> ruleTexts) {
        this.ruleTexts = ruleTexts;
        this.registration = registration;
        this.hashed = hashed;
        this.modification = modification;
        this.pack = packs.get(0);
        this.packs = List.copyOf(packs);
        this.classifier = classifier;
        this.rules = rules;
        this.cel = cel;
        this.substance = substance;
        this.limits = limits;
    }

    /**
     * The rule texts of the packs in {@code lang} ({@code <pack>/i18n/<lang>.yaml}, checked at load): rule id to its
     * {@code title}, {@code message} and {@code remediation}, each only where translated; empty for none.
     */
    public Map<String, Map<String, String>> ruleTexts(String lang) {
        return ruleTexts.apply(lang).rules();
    }

    /**
     * The packs' unit titles in {@code lang} ({@code titles} of the same files: "Art13" to the Article's official title,
     * for the keys of {@code passport.titles} in pack.yaml); empty for none.
     */
    public Map<String, String> unitTitles(String lang) {
        return ruleTexts.apply(lang).titles();
    }

    /** A pack that cannot be loaded; its findings point into the pack's own files. */
    public static final class PackError extends Exception {
        private final List<Finding> findings;

        public PackError(List<Finding> findings) {
            super(findings.isEmpty() ? "rule pack could not be loaded" : findings.get(0).toText(), null, false, false);
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    public static Engine load(RulePackSource source, String packId, Limits limits) throws PackError {
        return load(source, List.of(packId), limits);
    }

    /**
     * Loads one or more packs; the first is the primary one (its classification and identity are used),
     * the rules of all are evaluated together.
     */
    public static Engine load(RulePackSource source, List<String> packIds, Limits limits) throws PackError {
        return load(source, packIds, limits, true);
    }

    /**
     * Loads packs; with {@code withRules} false only the classification is read (what classify and schema
     * need), which saves reading and compiling every rule on a cold start.
     */
    public static Engine load(RulePackSource source, List<String> packIds, Limits limits, boolean withRules) throws PackError {
        // Warm the CEL runtime on another core while this one reads and validates the pack files:
        // both are one-off start-up costs of several hundred milliseconds.
        java.util.concurrent.CompletableFuture<Void> celWarmUp = CelEnv.warmUpInBackground();
        List<Finding> problems = new ArrayList<>();
        List<byte[]> hashed = new ArrayList<>();
        RulePackFile primary = null;
        Classifier classifier = null;
        CelEnv primaryCel = null;
        Substance primarySubstance = null;
        List<RuleEngine> engines = new ArrayList<>();
        // First read and validate every file (this thread), then compile (after the warm-up).
        record Read(RulePackFile pack, DataFile<ClassificationFile> classification, List<DataFile<RuleFile>> ruleFiles) {
        }
        ModificationFile modification = null;
        RegistrationFile registration = null;
        List<Read> reads = new ArrayList<>();
        List<RuleTranslations.Read> translations = new ArrayList<>();
        for (String packId : packIds) {
            DataFile<RulePackFile> pf = read(source, packId + "/pack.yaml", RulePackFile.class, problems, hashed, null);
            if (pf == null || !pf.ok()) {
                continue;
            }
            RulePackFile pack = pf.value();
            checkPatterns(pf, problems);
            DataFile<ClassificationFile> cf = null;
            if (reads.isEmpty()) {
                // a framework pack (NIST AI RMF, ISO/IEC 42001) may reuse the EU pack's classification facts
                String classificationPath = pack.classification() != null ? packId + "/" + pack.classification()
                        : pack.classificationFrom() != null ? pack.classificationFrom() + "/classification.yaml" : null;
                if (classificationPath == null) {
                    problems.add(Finding.error("rules.pack", "pack '" + packId + "' names no classification (classification or classificationFrom)",
                            Location.ofFile(source.display(packId + "/pack.yaml")), "classification"));
                } else {
                    cf = read(source, classificationPath, ClassificationFile.class, problems, hashed,
                            named(pf, pack.classification() != null ? "classification" : "classificationFrom"));
                }
                if (pack.modification() != null) {
                    DataFile<ModificationFile> mf = read(source, packId + "/" + pack.modification(), ModificationFile.class, problems, hashed,
                            named(pf, "modification"));
                    modification = mf != null && mf.ok() ? mf.value() : null;
                }
                if (pack.registration() != null) {
                    DataFile<RegistrationFile> rf = read(source, packId + "/" + pack.registration(), RegistrationFile.class, problems, hashed,
                            named(pf, "registration"));
                    registration = rf != null && rf.ok() ? rf.value() : null;
                    if (registration != null) {
                        checkPoints(rf, problems);
                    }
                }
            }
            List<DataFile<RuleFile>> ruleFiles = new ArrayList<>();
            List<String> names = withRules ? pack.ruleFiles() : List.<String>of();
            for (int i = 0; i < names.size(); i++) {
                DataFile<RuleFile> f = read(source, packId + "/" + names.get(i), RuleFile.class, problems, hashed, named(pf, "ruleFiles[" + i + "]"));
                if (f != null) {
                    ruleFiles.add(f);
                }
            }
            reads.add(new Read(pack, cf, ruleFiles));
            if (withRules && !source.isBundled()) {
                // its rule texts in other languages, for a pack of the user's own: checked now, with everything else (the
                // bundled ones, which the tests check, are read on first use, one language at a time). Not in the pack
                // hash: a translation changes no verdict; the pack's reuse key counts a --rules folder file by file, and
                // the bundled texts are part of the build
                translations.addAll(RuleTranslations.read(source, packId, pack.translations() == null ? List.of() : pack.translations(), problems));
            }
        }
        dev.aidossier.util.Trace.mark("pack files read");
        celWarmUp.join();
        dev.aidossier.util.Trace.mark("CEL warm-up joined");
        for (Read r : reads) {
            RulePackFile pack = r.pack();
            Substance substance = substanceOf(pack);
            CelEnv cel = new CelEnv(substance);
            if (primary == null) {
                primary = pack;
                primaryCel = cel;
                primarySubstance = substance;
                if (r.classification() != null) {
                    classifier = Classifier.load(r.classification(), cel, problems);
                }
            }
            Map<String, LocalDate> dates = pack.dates() == null ? Map.of() : pack.dates();
            engines.add(RuleEngine.compile(pack.id(), r.ruleFiles(), cel, substance, dates, pack.links(), pack.references(), problems));
        }
        dev.aidossier.util.Trace.mark("compiled");
        RuleEngine rules = RuleEngine.combine(engines, problems);
        // the packs' rule texts in other languages, checked against the rules they translate
        Map<String, RuleTranslations.Texts> texts = problems.isEmpty() ? RuleTranslations.check(translations, rules, problems) : Map.of();
        java.util.function.Function<String, RuleTranslations.Texts> textsOf = source.isBundled() && withRules
                ? bundledTexts(source, reads.stream().map(Read::pack).toList(), rules) : lang -> texts.getOrDefault(lang, RuleTranslations.Texts.NONE);
        if (!problems.isEmpty() || classifier == null) {
            problems.sort(Finding.ORDER); // bean validation reports in no fixed order
            throw new PackError(problems);
        }
        return new Engine(reads.stream().map(Read::pack).toList(), classifier, rules, primaryCel, primarySubstance, limits, List.copyOf(hashed), modification, registration, textsOf);
    }

    /** The bundled packs' rule texts, read and checked per language on first use (a check or classify never needs them). */
    private static java.util.function.Function<String, RuleTranslations.Texts> bundledTexts(RulePackSource source,
                                                                                                  List<RulePackFile> packs, RuleEngine rules) {
        Map<String, RuleTranslations.Texts> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return lang -> cache.computeIfAbsent(lang, l -> {
            List<Finding> problems = new ArrayList<>();
            List<RuleTranslations.Read> reads = new ArrayList<>();
            for (RulePackFile p : packs) {
                if (p.translations() != null && p.translations().contains(l)) {
                    reads.addAll(RuleTranslations.read(source, p.id(), List.of(l), problems));
                }
            }
            Map<String, RuleTranslations.Texts> texts = RuleTranslations.check(reads, rules, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the bundled rule texts in " + l + " cannot be used: " + problems.get(0).toText());
            }
            return texts.getOrDefault(l, RuleTranslations.Texts.NONE);
        });
    }

    /** Each Annex VIII point of the registration file names exactly one way of answering it. */
    private static void checkPoints(DataFile<RegistrationFile> rf, List<Finding> problems) {
        RegistrationFile.Sections s = rf.value().sections();
        for (Map.Entry<String, List<RegistrationFile.Point>> e : Map.of("a", s.a(), "b", s.b(), "c", s.c()).entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                if (e.getValue().get(i).answers() != 1) {
                    String path = "sections." + e.getKey() + "[" + i + "]";
                    problems.add(Finding.error("rules.schema", path + " (" + e.getValue().get(i).point()
                                    + ") must name exactly one of path, party, fields, text or conditions: true",
                            dev.aidossier.load.YPath.nearest(rf.root(), path).location(), path));
                }
            }
        }
    }

    /** The patterns of pack.yaml (passport, reference keys) must compile; a bad one is an error at its place. */
    private static void checkPatterns(DataFile<RulePackFile> pf, List<Finding> problems) {
        RulePackFile.Passport p = pf.value().passport();
        RulePackFile.References refs = pf.value().references();
        for (String[] field : new String[][]{{"passport.unit", p == null ? null : p.unit()}, {"passport.group", p == null ? null : p.group()},
                {"passport.row", p == null ? null : p.row()}, {"references.pattern", refs == null ? null : refs.pattern()}}) {
            if (field[1] == null) {
                continue;
            }
            try {
                java.util.regex.Pattern.compile(field[1]);
            } catch (java.util.regex.PatternSyntaxException e) {
                String path = field[0];
                problems.add(Finding.error("rules.schema", path + " is not a valid regular expression: " + e.getDescription(),
                        dev.aidossier.load.YPath.nearest(pf.root(), path).location(), path));
            }
        }
        List<RulePackFile.Provision> provisions = refs == null || refs.provisions() == null ? List.of() : refs.provisions();
        for (int i = 0; i < provisions.size(); i++) {
            String path = "references.provisions[" + i + "].match";
            try {
                if (java.util.regex.Pattern.compile(provisions.get(i).match()).matcher("").groupCount() < 1) {
                    problems.add(Finding.error("rules.schema", path + " must capture the provision's number in a group ({n})",
                            dev.aidossier.load.YPath.nearest(pf.root(), path).location(), path));
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.add(Finding.error("rules.schema", path + " is not a valid regular expression: " + e.getDescription(),
                        dev.aidossier.load.YPath.nearest(pf.root(), path).location(), path));
            }
        }
    }

    private static Substance substanceOf(RulePackFile pack) {
        RulePackFile.SubstanceConfig s = pack.substance();
        if (s == null) {
            return Substance.lenient();
        }
        return new Substance(s.placeholders() == null ? List.of() : s.placeholders(), s.minWords() == null ? 1 : s.minWords());
    }

    /** Where pack.yaml names a file (its entry under {@code path}), for a file that cannot be read. */
    private static Location named(DataFile<RulePackFile> pf, String path) {
        return pf.root() == null ? Location.ofFile(pf.file()) : dev.aidossier.load.YPath.nearest(pf.root(), path).location();
    }

    /**
     * Reads one file of a pack. {@code namedAt} is where pack.yaml names it: a file that is missing is
     * reported there, where it can be fixed, rather than at line 1 of a file that does not exist.
     */
    private static <T> DataFile<T> read(RulePackSource source, String relative, Class<T> type, List<Finding> problems,
                                        List<byte[]> hashed, Location namedAt) {
        String display = source.display(relative);
        try {
            byte[] bytes = source.read(relative);
            if (bytes == null) {
                problems.add(namedAt == null
                        ? Finding.error("rules.io", "rule pack not found: " + display + " does not exist", Location.ofFile(display), null)
                        : Finding.error("rules.io", "file not found: " + display, namedAt, null));
                return null;
            }
            // the pack hash covers every file's name and content, in load order
            hashed.add(relative.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            hashed.add(bytes);
            DataFile<T> f = DataFile.parse(bytes, display, type);
            problems.addAll(f.findings());
            return f;
        } catch (IOException e) {
            problems.add(Finding.error("rules.io", "cannot read rule file: " + e.getMessage(), namedAt == null ? Location.ofFile(display) : namedAt, null));
            return null;
        }
    }

    /** SHA-256 over the names and contents of every file of the pack. */
    public String packHash() {
        String h = packHash;
        if (h == null) {
            java.security.MessageDigest md = dev.aidossier.util.Hashes.sha256();
            for (int i = 0; i < hashed.size(); i += 2) {
                md.update(hashed.get(i));
                md.update((byte) 0);
                md.update(hashed.get(i + 1));
            }
            h = java.util.HexFormat.of().formatHex(md.digest());
            packHash = h;
        }
        return h;
    }

    public RulePackFile pack() {
        return pack;
    }

    /** Every pack loaded, the primary one first, in the order they were named. */
    public List<RulePackFile> packs() {
        return packs;
    }

    /** The loaded pack with this id (a rule's own pack, {@link RuleEngine.Compiled#pack()}), or the primary one. */
    public RulePackFile pack(String id) {
        for (RulePackFile p : packs) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return pack;
    }

    public Classifier classifier() {
        return classifier;
    }

    /** What diff weighs as a substantial modification, from the primary pack; null when its pack.yaml names no such file. */
    public ModificationFile modification() {
        return modification;
    }

    /** Who is registered in the EU database and how (Art. 49), from the primary pack; null when its pack.yaml names no such file. */
    public RegistrationFile registration() {
        return registration;
    }

    public RuleEngine rules() {
        return rules;
    }

    public CelEnv cel() {
        return cel;
    }

    public Substance substance() {
        return substance;
    }

    public Loaded load(Path file, String display) {
        return new DescriptionLoader(limits).load(file, display);
    }


    public Analysis analyse(Path file, String display, LocalDate asOf) {
        return analyse(load(file, display), asOf);
    }

    /** Load, validate and classify only: what {@code dossier classify} reports. */
    public Analysis classify(Path file, String display, LocalDate asOf) {
        return classify(load(file, display), asOf);
    }

    /** As {@link #classify(Path, String, LocalDate)}, for a description already loaded (e.g. from bytes). */
    public Analysis classify(Loaded loaded, LocalDate asOf) {
        dev.aidossier.util.Trace.mark("description loaded");
        List<Finding> findings = new ArrayList<>(loaded.findings());
        Classification c = null;
        if (loaded.model() != null) {
            c = classifier.classify(loaded, asOf);
            findings.addAll(c.findings());
        }
        findings.sort(Finding.ORDER);
        return new Analysis(loaded, c, List.copyOf(findings));
    }

    public Analysis analyse(Loaded loaded, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>(loaded.findings());
        Classification c = null;
        if (loaded.model() != null) {
            c = classifier.classify(loaded, asOf);
            findings.addAll(c.findings());
            List<Finding> ruleFindings = new ArrayList<>(rules.evaluate(loaded, c, asOf));
            ruleFindings.addAll(EvidenceCheck.check(loaded, pack().evidence() == null ? List.of() : pack().evidence().refs()));
            findings.addAll(Waivers.apply(loaded, ruleFindings, rules, asOf));
        }
        findings.sort(Finding.ORDER);
        return new Analysis(loaded, c, List.copyOf(findings));
    }
}
