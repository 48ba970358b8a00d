package dev.aidossier.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.TemplateScalarModel;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FreeMarker side of rendering, configured as a sandbox: templates see only maps, lists and scalars
 * (no Java objects, so no method calls), {@code ?api} and {@code ?new} are off, {@code ?eval} and
 * {@code ?interpret} are refused at load (they would run text from the description as template code),
 * output is HTML-escaped, and templates are read only from the user's {@code --templates} folder (never
 * through a link leading out of it) and then from the bundled {@code templates/} on the classpath.
 */
final class Templates {

    static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;
    private static final Pattern FORBIDDEN = Pattern.compile("\\?\\s*(eval|interpret)\\b");

    private final Configuration cfg;
    private final Path userDir;

    Templates(Path userDir) throws RenderException {
        this.userDir = userDir;
        cfg = new CheckedConfiguration();
        TemplateLoader bundled = new ClassTemplateLoader(Templates.class.getClassLoader(), "templates");
        TemplateLoader loader = bundled;
        if (userDir != null) {
            if (!Files.isDirectory(userDir)) {
                throw RenderException.template("--templates: '" + userDir + "' is not a directory", null);
            }
            try {
                // allowLinking=false: a symbolic link leading out of the folder is not followed
                FileTemplateLoader user = new FileTemplateLoader(userDir.toFile(), false);
                loader = new MultiTemplateLoader(new TemplateLoader[]{user, bundled});
            } catch (IOException e) {
                throw RenderException.template("--templates: cannot use '" + userDir + "': " + e.getMessage(), e);
            }
        }
        cfg.setTemplateLoader(new GuardedLoader(loader));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setObjectWrapper(new PlainWrapper());
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((te, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        // fixed locale, zone and number format: the same input gives the same text on every machine
        cfg.setLocale(Locale.ENGLISH);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setSharedVariable("breakable", new BreakableMethod());
        cfg.setSharedVariable("fill", new FillMethod());
    }

    /**
     * A configuration whose templates visit an (empty) instruction at the start of every loop iteration, so that
     * the render's time budget is checked even in a loop without a body ({@code <#list 1.. as i></#list>}).
     * FreeMarker's own post-processor for thread interruption inserts them; each template gets them once, when
     * it is first handed out (templates are cached and shared between threads).
     */
    private static final class CheckedConfiguration extends Configuration {
        private final java.util.Set<Template> checked = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

        CheckedConfiguration() {
            super(VERSION);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding, boolean parseAsFTL,
                                    boolean ignoreMissing) throws IOException {
            Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (t != null) {
                synchronized (checked) {
                    if (checked.add(t)) {
                        freemarker.core._CoreAPI.addThreadInterruptedChecks(t);
                    }
                }
            }
            return t;
        }
    }

    /**
     * Renders {@code name} with the data model; every template problem names its file:line:column. The output
     * is bounded by {@code budget}'s limits: its size (a counting writer that refuses to grow past it) and its
     * processor time (checked at every instruction and every write); a template that exhausts the memory or
     * the stack is stopped too. Each is an error at the template's instruction that was running.
     */
    String process(String name, Map<String, Object> model, RenderBudget budget) throws RenderException {
        Tracer tracer = new Tracer(budget);
        budget.template = where(name, null, null);
        budget.locator = el -> place(el, name);
        try {
            Template t = cfg.getTemplate(name);
            BoundedWriter out = new BoundedWriter(budget.limits().maxOutputChars(), budget, tracer, -1);
            freemarker.core.Environment env = t.createProcessingEnvironment(model, out);
            env.setTemplateProcessingTracer(tracer);
            env.process();
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw RenderException.template("template '" + name + "' not found" + (userDir != null ? " in " + userDir + " or" : "")
                    + " among the bundled templates", e);
        } catch (ParseException e) {
            throw syntaxError(e);
        } catch (TemplateRefused e) {
            throw RenderException.template(e.getMessage(), e);
        } catch (TemplateException e) {
            TemplateRefused f = causeOf(e, TemplateRefused.class);
            if (f != null) {
                throw RenderException.template(f.getMessage(), e);
            }
            ParseException pe = causeOf(e, ParseException.class);
            if (pe != null) {
                throw syntaxError(pe); // a template that #import or #include names: its own place, not the directive's
            }
            if (causeOf(e, TooMuchOutput.class) != null) {
                throw tooMuchOutput(name, tracer, budget);
            }
            if (causeOf(e, RenderBudget.Exhausted.class) != null) {
                throw timeout(name, tracer, budget);
            }
            String msg = e.getMessageWithoutStackTop();
            throw RenderException.template(where(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber())
                    + ": template error: " + firstLine(msg), e);
        } catch (RenderBudget.Exhausted e) {
            throw timeout(name, tracer, budget);
        } catch (TooMuchOutput e) {
            throw tooMuchOutput(name, tracer, budget);
        } catch (StackOverflowError e) {
            // a macro or function that calls itself without end; FreeMarker has no depth limit of its own
            throw stopped(name, tracer, "render.recursion", "macros or functions call each other too deeply"
                    + " (a #macro or #function that calls itself without end?)", "its macros or functions call each other too deeply");
        } catch (OutOfMemoryError e) {
            // everything the template built is garbage once this frame is left; the message needs little memory
            throw stopped(name, tracer, "render.memory", "the template used up the memory the tool has (" + heapMb()
                    + " MB) (a value that grows without end, such as a string doubled in a loop?)", "it used up the memory");
        } catch (IOException e) {
            throw RenderException.template("cannot read template '" + name + "': " + e.getMessage(), e);
        } catch (SecurityException e) {
            // FileTemplateLoader refuses a symbolic link whose target lies outside the folder
            throw RenderException.template(userDir + ": " + linkName(e, name) + " is a link leading out of the templates folder; it is not followed", e);
        }
    }

    private static String linkName(SecurityException e, String fallback) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher x = Pattern.compile("([^/\\\\]+) resolves to").matcher(m);
        return x.find() ? x.group(1) : fallback;
    }

    private RenderException syntaxError(ParseException e) {
        return RenderException.template(where(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                + ": template syntax error: " + firstLine(e.getEditorMessage()), e);
    }

    private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static long heapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private RenderException tooMuchOutput(String name, Tracer tracer, RenderBudget budget) {
        return stopped(name, tracer, "render.output-limit", "the template wrote more than " + budget.limits().maxOutputChars()
                + " characters of XHTML, the limit of --max-output-size (a #list or macro without end? raise the limit"
                + " if the document is really this large)", "it wrote more XHTML than --max-output-size allows");
    }

    private RenderException timeout(String name, Tracer tracer, RenderBudget budget) {
        return stopped(name, tracer, "render.timeout", "the template was still running after " + budget.limits().timeoutText()
                + " s of processor time, the limit of --render-timeout (a #list, macro or function without end? raise the"
                + " limit if the document is really this large)", "it ran longer than --render-timeout allows");
    }

    /** A template stopped by a limit: a finding at the instruction that was running (or the template), exit code 2. */
    private RenderException stopped(String name, Tracer tracer, String rule, String finding, String summary) {
        dev.aidossier.core.Location at = place(tracer.last, name);
        return RenderException.withFindings(where(name, null, null) + " was stopped: " + summary,
                List.of(dev.aidossier.core.Finding.error(rule, finding, at, null)));
    }

    /** The place of a template instruction as the user knows it, or the template itself (line 1) when unknown. */
    dev.aidossier.core.Location place(freemarker.core.TemplateProcessingTracer.TracedElement el, String fallback) {
        if (el == null || el.getTemplate() == null) {
            return dev.aidossier.core.Location.ofFile(where(fallback, null, null));
        }
        return new dev.aidossier.core.Location(where(el.getTemplate().getSourceName(), null, null), Math.max(1, el.getBeginLine()),
                Math.max(1, el.getBeginColumn()));
    }

    /**
     * The place in the templates of the text a render of {@code name} writes at {@code offset} of its XHTML: the
     * template renders again (it is deterministic) until it writes that character. Inside static text the line
     * and column of the character itself; inside an interpolation such as {@code ${x}}, its start. Null when
     * not found.
     */
    dev.aidossier.core.Location placeOf(String name, Map<String, Object> model, int offset, RenderLimits limits) {
        RenderBudget budget = RenderBudget.start(limits);
        Tracer tracer = new Tracer(budget);
        try {
            Template t = cfg.getTemplate(name);
            BoundedWriter out = new BoundedWriter(limits.maxOutputChars(), budget, tracer, offset);
            freemarker.core.Environment env = t.createProcessingEnvironment(model, out);
            env.setTemplateProcessingTracer(tracer);
            env.process();
        } catch (Found f) {
            return f.place;
        } catch (TemplateException e) {
            Found f = causeOf(e, Found.class);
            if (f != null) {
                return f.place;
            }
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return null; // only a help for the message
        }
        return null;
    }

    /** Thrown by the probing writer when it reaches the offset sought. */
    private static final class Found extends IOException {
        final transient dev.aidossier.core.Location place;

        Found(dev.aidossier.core.Location place) {
            super(null, null);
            this.place = place;
        }
    }

    /** Follows the instruction being run (for messages) and checks the time budget at each. */
    private static final class Tracer implements freemarker.core.TemplateProcessingTracer {
        final RenderBudget budget;
        volatile TracedElement last;
        /** How much output there was when {@link #last} began. */
        long lastStart;
        BoundedWriter out;

        Tracer(RenderBudget budget) {
            this.budget = budget;
        }

        @Override
        public void enterElement(freemarker.core.Environment env, TracedElement element) {
            last = element;
            budget.at = element;
            lastStart = out == null ? 0 : out.count;
            budget.check();
        }

        @Override
        public void exitElement(freemarker.core.Environment env, TracedElement element) {
            // the place of an error is the innermost instruction entered last
        }
    }

    /** The template produced more than the limit of characters: a loop without end, most likely. */
    static final class TooMuchOutput extends IOException {
        TooMuchOutput() {
            super("output limit reached");
        }
    }

    /**
     * A writer that keeps at most {@code max} characters and fails past them, so a runaway template stops instead
     * of filling the heap; it checks the time budget at each write. As a probe ({@code probe >= 0}) it finds the
     * template instruction that writes the character at that offset.
     */
    private final class BoundedWriter extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder(64 * 1024);
        private final long max;
        private final RenderBudget budget;
        private final Tracer tracer;
        private final long probe;
        long count;

        BoundedWriter(long max, RenderBudget budget, Tracer tracer, long probe) {
            this.max = max;
            this.budget = budget;
            this.tracer = tracer;
            this.probe = probe;
            tracer.out = this;
        }

        private void room(int len) throws IOException {
            if (count + len > max) {
                throw new TooMuchOutput();
            }
            budget.check();
        }

        private void reached(CharSequence chunk, int off, int len) throws Found {
            if (probe >= 0 && count + len > probe) {
                sb.append(chunk, off, off + (int) (probe - count));
                throw new Found(at(tracer.last, sb.substring((int) Math.min(tracer.lastStart, sb.length()))));
            }
        }

        /** The place of the probed character: inside static text, counted from the text's start. */
        private dev.aidossier.core.Location at(freemarker.core.TemplateProcessingTracer.TracedElement el, String written) {
            dev.aidossier.core.Location p = place(el, "template");
            if (el == null || !el.getClass().getSimpleName().equals("TextBlock")) {
                return p;
            }
            int nl = written.lastIndexOf('\n');
            long lines = written.chars().filter(c -> c == '\n').count();
            return nl < 0 ? new dev.aidossier.core.Location(p.file(), p.line(), p.column() + written.length())
                    : new dev.aidossier.core.Location(p.file(), p.line() + (int) lines, written.length() - nl);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            room(len);
            reached(java.nio.CharBuffer.wrap(buf), off, len);
            sb.append(buf, off, len);
            count += len;
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            room(len);
            reached(str, off, len);
            sb.append(str, off, off + len);
            count += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** A template's place as the user knows it: their folder, or the bundled {@code templates/}. */
    String where(String sourceName, Integer line, Integer column) {
        String file = sourceName == null ? "template" : display(sourceName);
        return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column));
    }

    private String display(String sourceName) {
        if (userDir != null && Files.isRegularFile(userDir.resolve(sourceName))) {
            return userDir.resolve(sourceName).toString();
        }
        return "templates/" + sourceName;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        String t = s.strip();
        // FreeMarker's messages end with a long tip section after a line of '----'; keep the substance
        int cut = t.indexOf("\n----");
        if (cut > 0) {
            t = t.substring(0, cut).strip();
        }
        // ... and name the loader object (with its identity hash, different on every run)
        cut = t.indexOf("The name was interpreted by this TemplateLoader");
        if (cut > 0) {
            t = t.substring(0, cut).strip();
        }
        return t.replaceAll("\\s*\\n\\s*", " ");
    }

    /** Refuses templates that use {@code ?eval} or {@code ?interpret}, or that are not UTF-8, naming the place. */
    private final class GuardedLoader implements TemplateLoader {
        private final TemplateLoader delegate;

        GuardedLoader(TemplateLoader delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            return delegate.findTemplateSource(name);
        }

        @Override
        public long getLastModified(Object templateSource) {
            return delegate.getLastModified(templateSource);
        }

        @Override
        public Reader getReader(Object templateSource, String encoding) throws IOException {
            StringBuilder sb = new StringBuilder();
            try (Reader r = delegate.getReader(templateSource, encoding)) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) > 0) {
                    sb.append(buf, 0, n);
                }
            }
            String text = sb.toString();
            String name = templateSource.toString().replaceAll("^.*?([^/\\\\]+\\.(ftl[hx]?|css))\\b.*$", "$1");
            int bad = text.indexOf('\uFFFD');
            if (bad >= 0) {
                // the reader replaced bytes that are not UTF-8; say so instead of printing the replacement character
                int[] lc = lineAndColumn(text, bad);
                throw new TemplateRefused(where(name, lc[0], lc[1]) + ": the template is not valid UTF-8 here; save it as UTF-8");
            }
            Matcher m = FORBIDDEN.matcher(text);
            if (m.find()) {
                int[] lc = lineAndColumn(text, m.start());
                throw new TemplateRefused(where(name, lc[0], lc[1]) + ": ?" + m.group(1)
                        + " is not allowed in templates (it would run text from the description as template code)");
            }
            return new StringReader(text);
        }

        @Override
        public void closeTemplateSource(Object templateSource) throws IOException {
            delegate.closeTemplateSource(templateSource);
        }
    }

    private static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[]{line, col};
    }

    /** A template refused when it is loaded (?eval, ?interpret, bytes that are not UTF-8); the message names the place. */
    static final class TemplateRefused extends IOException {
        TemplateRefused(String message) {
            super(message);
        }
    }

    /**
     * Wraps only what the data model is made of: maps, lists, strings, numbers, booleans. Anything else is a
     * defect of the data model and fails loudly instead of exposing a Java object to templates.
     */
    static final class PlainWrapper extends DefaultObjectWrapper {
        PlainWrapper() {
            super(VERSION);
            setUseAdaptersForContainers(true);
        }

        @Override
        public TemplateModel wrap(Object obj) throws TemplateModelException {
            if (obj == null || obj instanceof TemplateModel || obj instanceof String || obj instanceof Number
                    || obj instanceof Boolean || obj instanceof Map || obj instanceof List) {
                return super.wrap(obj);
            }
            throw new TemplateModelException("templates see only maps, lists and scalars, not " + obj.getClass().getName());
        }

        @Override
        protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
            throw new TemplateModelException("templates see only maps, lists and scalars, not " + obj.getClass().getName());
        }
    }

    /** {@code breakable(s)}: the text with invisible line-break opportunities inside long tokens. */
    static final class BreakableMethod implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List args) throws TemplateModelException {
            if (args.size() != 1) {
                throw new TemplateModelException("breakable(text) takes one argument");
            }
            Object a = args.get(0);
            if (a == null) {
                return "";
            }
            String s;
            if (a instanceof TemplateScalarModel sm) {
                s = sm.getAsString();
            } else if (a instanceof freemarker.template.TemplateNumberModel nm) {
                s = String.valueOf(nm.getAsNumber());
            } else {
                throw new TemplateModelException("breakable(text) needs a string");
            }
            return Breaks.insert(s);
        }
    }

    /**
     * {@code fill(template, {"path": ..., "problem": ...})}: a rule's message template with its placeholders filled in
     * one pass (a value that itself contains "{path}" stays as it is); a placeholder with no value stays as written.
     */
    static final class FillMethod implements TemplateMethodModelEx {
        private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z]+)\\}");

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List args) throws TemplateModelException {
            if (args.size() != 2 || !(args.get(0) instanceof TemplateScalarModel t) || !(args.get(1) instanceof freemarker.template.TemplateHashModel h)) {
                throw new TemplateModelException("fill(template, values) takes a string and a hash");
            }
            java.util.regex.Matcher m = PLACEHOLDER.matcher(t.getAsString());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                freemarker.template.TemplateModel v = h.get(m.group(1));
                String s = v instanceof TemplateScalarModel sv ? sv.getAsString() : m.group();
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(s));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
