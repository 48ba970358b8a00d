package dev.aidossier.rules;

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

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    public CelEnv(Substance substance) {
        CelOptions options = CelOptions.current()
                .comprehensionMaxIterations(10_000)
                .maxExpressionCodePointSize(4_000)
                .maxParseRecursionDepth(64)
                .enableHeterogeneousNumericComparisons(true)
                .build();
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration("get",
                                CelOverloadDecl.newGlobalOverload("get_dyn_string", SimpleType.DYN, SimpleType.DYN, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("substantive",
                                CelOverloadDecl.newGlobalOverload("substantive_dyn", SimpleType.BOOL, SimpleType.DYN)));
        for (String v : VARIABLES) {
            builder.addVar(v, v.equals("asOf") ? SimpleType.STRING : SimpleType.DYN);
        }
        compiler = builder.build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addFunctionBindings(
                        CelFunctionBinding.from("get_dyn_string", Object.class, String.class, CelEnv::getOrNull),
                        CelFunctionBinding.from("substantive_dyn", Object.class, substance::isSubstantive))
                .build();
    }

    /** Loads and initialises CEL's classes (parser, checker, runtime) so the first real compile is fast. */
    public static void warmUp() {
        try {
            new CelEnv(Substance.lenient()).compile("size(spec) > 0 && get(spec, 'a.b') == null && [1].exists(x, x == 1)");
        } catch (CompileError e) {
            throw new IllegalStateException(e);
        }
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
     * dynamic; a number, string, list or map would only fail once a description is checked.
     */
    public Program compileCondition(String expression) throws CompileError {
        CelValidationResult r = compiler.compile(expression);
        if (!r.hasError()) {
            try {
                dev.cel.common.types.CelType t = r.getAst().getResultType();
                if (t != SimpleType.BOOL && t != SimpleType.DYN) {
                    throw new CompileError("the expression gives " + t.name() + ", not true or false");
                }
            } catch (CelValidationException e) {
                throw new CompileError(e.getMessage());
            }
        }
        return compile(expression);
    }

    public Program compile(String expression) throws CompileError {
        CelValidationResult r = compiler.compile(expression);
        if (r.hasError()) {
            throw new CompileError(r.getErrorString().replace('\n', ' ').replaceAll(" +", " "));
        }
        try {
            CelAbstractSyntaxTree ast = r.getAst();
            return new Program(runtime.createProgram(ast), expression);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new CompileError(e.getMessage());
        }
    }
}
