package dev.aidossier.cel;

import dev.aidossier.load.PlainPath;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.List;
import java.util.Map;

/**
 * The Common Expression Language environment that rule packs are written in. Expressions see:
 * <ul>
 *   <li>{@code d}: the whole description (maps, lists, strings, ints, doubles, bools);</li>
 *   <li>{@code spec}: {@code d.spec} (an empty map when absent);</li>
 *   <li>{@code facts}: the classification facts with every declared fact present (defaults filled);</li>
 *   <li>{@code c}: the classification result (tier, gpai, transparency, annexIII, roles, ...);</li>
 *   <li>{@code p}: named predicates of the classification file; {@code params}: its parameters;</li>
 *   <li>{@code effects}, {@code fired}: conclusions reached so far (classification only);</li>
 *   <li>{@code item}: the current list item of a rule with {@code each};</li>
 *   <li>{@code asOf}: the as-of date as an ISO string (ISO dates compare correctly as strings).</li>
 * </ul>
 * and two functions: {@code get(obj, 'a.b[0].c')} (the value at a path, or null) and
 * {@code substantive(value)} (a real answer, not a placeholder: see {@link Substance}).
 * CEL has no side effects and no reflection; iterations and expression size are bounded here.
 */
public final class CelEnv {

    public static final List<String> VARIABLES = List.of("d", "spec", "facts", "c", "p", "params", "effects", "fired", "item", "asOf");

    private static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(10_000)
            .maxExpressionCodePointSize(4_000)
            .maxParseRecursionDepth(64)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private static final List<CelFunctionDecl> FUNCTIONS = List.of(
            CelFunctionDecl.newFunctionDeclaration("get",
                    CelOverloadDecl.newGlobalOverload("get_dyn_string", SimpleType.DYN, SimpleType.DYN, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration("substantive",
                    CelOverloadDecl.newGlobalOverload("substantive_dyn", SimpleType.BOOL, SimpleType.DYN)));

    /** Compiled by {@link #warmUp()}; the build puts it in the AST cache with the packs' expressions. */
    static final String WARM_UP = "size(spec) > 0 && get(spec, 'a.b') == null && [1].exists(x, x == 1)";

    /** Set to {@code false} to compile every expression, ignoring the ASTs computed at build time. */
    public static final String CACHE_PROPERTY = "dossier.celAstCache";

    private final CelRuntime runtime;
    private final boolean cached;

    public CelEnv(Substance substance) {
        this(substance, !"false".equals(System.getProperty(CACHE_PROPERTY)));
    }

    // CEL wants immutable function bindings (they are shared between threads); Substance is: final fields, copied lists
    @SuppressWarnings("Immutable")
    CelEnv(Substance substance, boolean cached) {
        this.cached = cached;
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addFunctionBindings(
                        CelFunctionBinding.from("get_dyn_string", Object.class, String.class, CelEnv::getOrNull),
                        CelFunctionBinding.from("substantive_dyn", Object.class, substance::isSubstantive))
                .build();
    }

    /**
     * The compiler (parser and type checker) is only needed for expressions whose checked AST was not
     * computed at build time (see {@link AstCache}), so it is built on first use: it is the larger half
     * of CEL's classes.
     */
    private static final class Compiler {
        static final CelCompiler INSTANCE = build();

        private static CelCompiler build() {
            var builder = CelCompilerFactory.standardCelCompilerBuilder()
                    .setOptions(OPTIONS)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addFunctionDeclarations(FUNCTIONS);
            for (String v : VARIABLES) {
                builder.addVar(v, v.equals("asOf") ? SimpleType.STRING : SimpleType.DYN);
            }
            return builder.build();
        }
    }

    /**
     * Everything that decides how an expression compiles: the CEL version, the options, the variables,
     * the functions and the macros. The AST cache records its SHA-256 and is ignored when it differs, so a
     * change to any of them makes every expression compile instead of giving a stale AST.
     */
    static String fingerprint() {
        StringBuilder sb = new StringBuilder("dossier CEL environment 1; cel ").append(celVersion()).append("; options ").append(OPTIONS)
                .append("; variables");
        for (String v : VARIABLES) {
            sb.append(' ').append(v).append(':').append(v.equals("asOf") ? SimpleType.STRING : SimpleType.DYN);
        }
        return sb.append("; functions ").append(FUNCTIONS).append("; macros standard").toString();
    }

    private static String celVersion() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = CelEnv.class.getResourceAsStream("/dev/aidossier/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            // an unknown version still gives a consistent key, and the cache is written by the same build
        }
        return p.getProperty("cel", "unknown");
    }

    /** Loads and initialises CEL's classes (runtime, and the compiler when the AST cache misses) so the first real compile is fast. */
    public static void warmUp() {
        try {
            new CelEnv(Substance.lenient()).compile(WARM_UP);
        } catch (CompileError e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARM_STARTED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.CompletableFuture<Void> WARM = new java.util.concurrent.CompletableFuture<>();

    /** Runs {@link #warmUp()} once per JVM: in this thread if no other thread has started it, else waits for it. */
    public static void warmUpOnce() {
        if (!WARM_STARTED.compareAndSet(false, true)) {
            WARM.join();
            return;
        }
        try {
            dev.aidossier.util.Trace.mark("CEL warm-up");
            warmUp();
            dev.aidossier.util.Trace.mark("CEL warm-up done");
            WARM.complete(null);
        } catch (RuntimeException | Error e) {
            WARM.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Starts {@link #warmUpOnce()} on a daemon thread unless it has started; the future completes when it
     * is done. The command line starts it before parsing its arguments, so it runs on the other core while
     * the command and the pack files are read.
     */
    public static java.util.concurrent.CompletableFuture<Void> warmUpInBackground() {
        if (!WARM_STARTED.get()) {
            Thread t = new Thread(() -> {
                try {
                    warmUpOnce();
                } catch (RuntimeException | Error e) {
                    // reported to whoever joins the future
                }
            }, "dossier-cel-warm-up");
            t.setDaemon(true);
            t.start();
        }
        return WARM;
    }

    /** CEL has no Java null: an absent value is its own null value. */
    private static Object getOrNull(Object root, String path) {
        Object v = PlainPath.get(root, path);
        return v == null ? dev.cel.common.values.NullValue.NULL_VALUE : v;
    }

    /** A compiled expression. */
    public static final class Program {
        private final CelRuntime.Program program;
        private final String source;

        Program(CelRuntime.Program program, String source) {
            this.program = program;
            this.source = source;
        }

        public String source() {
            return source;
        }

        /** Evaluates to a boolean; a missing key or a type mismatch is an {@link EvalError}. */
        public boolean test(Map<String, ?> vars) throws EvalError {
            Object r = eval(vars);
            if (r instanceof Boolean b) {
                return b;
            }
            throw new EvalError("expression did not give true or false but " + (r == null ? "null" : r.getClass().getSimpleName()));
        }

        public Object eval(Map<String, ?> vars) throws EvalError {
            try {
                return program.eval(vars);
            } catch (CelEvaluationException e) {
                throw new EvalError(e.getMessage());
            }
        }
    }

    /** An expression that could not be evaluated for a given description. */
    public static final class EvalError extends Exception {
        public EvalError(String message) {
            super(message, null, false, false);
        }
    }

    /** An expression that does not compile; the message names the column inside the expression. */
    public static final class CompileError extends Exception {
        public CompileError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Compiles a condition (a rule's {@code when}, {@code where} or {@code check}): as {@link #compile}, and
     * the expression must give true or false. {@code dyn} passes, since values of the description are
     * dynamic; a number, string, list or map would only fail once a description is checked. An expression
     * found in the AST cache was checked when the cache was built from the bundled packs.
     */
    public Program compileCondition(String expression) throws CompileError {
        CelAbstractSyntaxTree ast = cached ? AstCache.bundled().lookup(expression) : null;
        if (ast == null) {
            ast = check(expression);
            dev.cel.common.types.CelType t = ast.getResultType();
            if (t != SimpleType.BOOL && t != SimpleType.DYN) {
                throw new CompileError("the expression gives " + t.name() + ", not true or false");
            }
        }
        try {
            return new Program(runtime.createProgram(ast), expression);
        } catch (CelEvaluationException e) {
            throw new CompileError(e.getMessage());
        }
    }

    /** A program for the expression: from the AST cache when it holds the expression, else compiled here. */
    public Program compile(String expression) throws CompileError {
        CelAbstractSyntaxTree ast = cached ? AstCache.bundled().lookup(expression) : null;
        if (ast == null) {
            ast = check(expression);
        }
        try {
            return new Program(runtime.createProgram(ast), expression);
        } catch (CelEvaluationException e) {
            throw new CompileError(e.getMessage());
        }
    }

    /** Parses and type-checks an expression in this environment. */
    /**
     * Type-checks these expressions (and the warm-up one) and writes their ASTs to the cache file the jar
     * ships ({@link AstCache}); an expression that does not compile is left out, as is one the codec
     * cannot round-trip. Returns the expressions left out. The build's side of the cache.
     */
    public static java.util.List<String> writeAstCache(java.util.Collection<String> expressions, java.nio.file.Path out) throws java.io.IOException {
        java.util.Set<String> all = new java.util.TreeSet<>(expressions);
        all.add(WARM_UP);
        java.util.Map<String, CelAbstractSyntaxTree> asts = new java.util.LinkedHashMap<>();
        for (String e : all) {
            try {
                asts.put(e, check(e));
            } catch (CompileError ex) {
                // reported by the pack load; never cached
            }
        }
        return AstCache.write(asts, out);
    }

    static CelAbstractSyntaxTree check(String expression) throws CompileError {
        CelValidationResult r = Compiler.INSTANCE.compile(expression);
        if (r.hasError()) {
            throw new CompileError(r.getErrorString().replace('\n', ' ').replaceAll(" +", " "));
        }
        try {
            return r.getAst();
        } catch (CelValidationException e) {
            throw new CompileError(e.getMessage());
        }
    }
}
