package dev.aidossier.cel;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a checked CEL AST (expression tree, source positions, references and types)
 * for the {@link AstCache}. Reading it builds CEL's own AST objects directly; the equivalent route
 * through the {@code cel.expr.CheckedExpr} protobuf loads and JIT-compiles a few hundred protobuf
 * classes and methods, which a cold start pays on its critical path.
 *
 * <p>It covers what the rule packs' expressions contain (every expression kind, constants other than
 * the deprecated duration and timestamp literals, simple, list, map, type, type-parameter and opaque
 * types). Writing anything else throws {@link Unsupported}; such an expression is left out of the cache
 * and compiled at run time. A test checks that every cached AST equals the compiler's.
 */
final class AstCodec {

    /** An AST this codec cannot write; the expression is then compiled at run time. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static final CelExpr.ExprKind.Kind[] EXPR_KINDS = CelExpr.ExprKind.Kind.values();
    private static final CelConstant.Kind[] CONSTANT_KINDS = CelConstant.Kind.values();
    private static final CelKind[] TYPE_KINDS = CelKind.values();

    private AstCodec() {
    }

    // ---- writing (build time) ----

    static byte[] write(CelAbstractSyntaxTree ast) throws Unsupported {
        if (!ast.isChecked()) {
            throw new Unsupported("not type-checked");
        }
        CelSource source = ast.getSource();
        if (!source.getMacroCalls().isEmpty() || !source.getExtensions().isEmpty()) {
            throw new Unsupported("macro calls or source extensions");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeUTF(source.getDescription());
            writePositions(out, source.getPositionsMap());
            expr(out, ast.getExpr());
            out.writeInt(ast.getReferenceMap().size());
            for (Map.Entry<Long, CelReference> e : new java.util.TreeMap<>(ast.getReferenceMap()).entrySet()) {
                out.writeLong(e.getKey());
                CelReference r = e.getValue();
                out.writeUTF(r.name());
                out.writeInt(r.overloadIds().size());
                for (String id : r.overloadIds()) {
                    out.writeUTF(id);
                }
                out.writeBoolean(r.value().isPresent());
                if (r.value().isPresent()) {
                    constant(out, r.value().get());
                }
            }
            out.writeInt(ast.getTypeMap().size());
            for (Map.Entry<Long, CelType> e : new java.util.TreeMap<>(ast.getTypeMap()).entrySet()) {
                out.writeLong(e.getKey());
                type(out, e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return buf.toByteArray();
    }

    private static void writePositions(DataOutputStream out, Map<Long, Integer> positions) throws IOException {
        out.writeInt(positions.size());
        for (Map.Entry<Long, Integer> p : new java.util.TreeMap<>(positions).entrySet()) {
            out.writeLong(p.getKey());
            out.writeInt(p.getValue());
        }
    }

    private static void expr(DataOutputStream out, CelExpr e) throws IOException, Unsupported {
        out.writeLong(e.id());
        CelExpr.ExprKind.Kind kind = e.getKind();
        out.writeByte(kind.ordinal());
        switch (kind) {
            case NOT_SET -> {
            }
            case CONSTANT -> constant(out, e.constant());
            case IDENT -> out.writeUTF(e.ident().name());
            case SELECT -> {
                expr(out, e.select().operand());
                out.writeUTF(e.select().field());
                out.writeBoolean(e.select().testOnly());
            }
            case CALL -> {
                out.writeBoolean(e.call().target().isPresent());
                if (e.call().target().isPresent()) {
                    expr(out, e.call().target().get());
                }
                out.writeUTF(e.call().function());
                exprs(out, e.call().args());
            }
            case LIST -> {
                exprs(out, e.list().elements());
                out.writeInt(e.list().optionalIndices().size());
                for (int i : e.list().optionalIndices()) {
                    out.writeInt(i);
                }
            }
            case STRUCT -> {
                out.writeUTF(e.struct().messageName());
                out.writeInt(e.struct().entries().size());
                for (CelExpr.CelStruct.Entry en : e.struct().entries()) {
                    out.writeLong(en.id());
                    out.writeUTF(en.fieldKey());
                    expr(out, en.value());
                    out.writeBoolean(en.optionalEntry());
                }
            }
            case MAP -> {
                out.writeInt(e.map().entries().size());
                for (CelExpr.CelMap.Entry en : e.map().entries()) {
                    out.writeLong(en.id());
                    expr(out, en.key());
                    expr(out, en.value());
                    out.writeBoolean(en.optionalEntry());
                }
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                out.writeUTF(c.iterVar());
                out.writeUTF(c.iterVar2());
                expr(out, c.iterRange());
                out.writeUTF(c.accuVar());
                expr(out, c.accuInit());
                expr(out, c.loopCondition());
                expr(out, c.loopStep());
                expr(out, c.result());
            }
            default -> throw new Unsupported("expression kind " + kind);
        }
    }

    private static void exprs(DataOutputStream out, List<CelExpr> list) throws IOException, Unsupported {
        out.writeInt(list.size());
        for (CelExpr x : list) {
            expr(out, x);
        }
    }

    private static void constant(DataOutputStream out, CelConstant c) throws IOException, Unsupported {
        CelConstant.Kind kind = c.getKind();
        out.writeByte(kind.ordinal());
        switch (kind) {
            case NOT_SET, NULL_VALUE -> {
            }
            case BOOLEAN_VALUE -> out.writeBoolean(c.booleanValue());
            case INT64_VALUE -> out.writeLong(c.int64Value());
            case UINT64_VALUE -> out.writeLong(c.uint64Value().longValue());
            case DOUBLE_VALUE -> out.writeDouble(c.doubleValue());
            case STRING_VALUE -> writeLongString(out, c.stringValue());
            case BYTES_VALUE -> {
                byte[] b = c.bytesValue().toByteArray();
                out.writeInt(b.length);
                out.write(b);
            }
            default -> throw new Unsupported("constant kind " + kind);
        }
    }

    private static void type(DataOutputStream out, CelType t) throws IOException, Unsupported {
        CelKind kind = t.kind();
        out.writeByte(kind.ordinal());
        switch (kind) {
            case LIST -> {
                if (!((ListType) t).hasElemType()) {
                    throw new Unsupported("list type without element type");
                }
                type(out, ((ListType) t).elemType());
            }
            case MAP -> {
                type(out, ((MapType) t).keyType());
                type(out, ((MapType) t).valueType());
            }
            case TYPE -> {
                if (t.parameters().size() != 1) {
                    throw new Unsupported("type of type without its parameter");
                }
                type(out, ((TypeType) t).type());
            }
            case TYPE_PARAM -> out.writeUTF(t.name());
            case OPAQUE -> {
                if (!(t instanceof OpaqueType)) {
                    throw new Unsupported("type " + t.getClass().getName());
                }
                out.writeUTF(t.name());
                out.writeInt(t.parameters().size());
                for (CelType p : t.parameters()) {
                    type(out, p);
                }
            }
            default -> {
                if (!t.equals(simple(kind))) {
                    throw new Unsupported("type " + t);
                }
            }
        }
    }

    /** The simple type of a kind, or null. */
    private static CelType simple(CelKind kind) {
        return switch (kind) {
            case ERROR -> SimpleType.ERROR;
            case DYN -> SimpleType.DYN;
            case ANY -> SimpleType.ANY;
            case BOOL -> SimpleType.BOOL;
            case BYTES -> SimpleType.BYTES;
            case DOUBLE -> SimpleType.DOUBLE;
            case DURATION -> SimpleType.DURATION;
            case INT -> SimpleType.INT;
            case NULL_TYPE -> SimpleType.NULL_TYPE;
            case STRING -> SimpleType.STRING;
            case TIMESTAMP -> SimpleType.TIMESTAMP;
            case UINT -> SimpleType.UINT;
            default -> null;
        };
    }

    /** Strings longer than writeUTF's 64 KB limit are possible in constants. */
    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True when the two ASTs are the same: expression, references, types and source. */
    static boolean same(CelAbstractSyntaxTree a, CelAbstractSyntaxTree b) {
        return a.getExpr().equals(b.getExpr()) && a.getReferenceMap().equals(b.getReferenceMap()) && a.getTypeMap().equals(b.getTypeMap())
                && a.getSource().getDescription().equals(b.getSource().getDescription())
                && a.getSource().getPositionsMap().equals(b.getSource().getPositionsMap())
                && a.getSource().getLineOffsets().equals(b.getSource().getLineOffsets())
                && a.getSource().getContent().toString().equals(b.getSource().getContent().toString())
                && a.getSource().getMacroCalls().equals(b.getSource().getMacroCalls());
    }

    // ---- reading (run time) ----

    /** The checked AST of {@code expression} written by {@link #write}. */
    static CelAbstractSyntaxTree read(byte[] bytes, String expression) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String description = in.readUTF();
        int np = in.readInt();
        Map<Long, Integer> positions = new LinkedHashMap<>(np * 2);
        for (int i = 0; i < np; i++) {
            positions.put(in.readLong(), in.readInt());
        }
        CelExpr root = expr(in);
        int nr = in.readInt();
        Map<Long, CelReference> refs = new HashMap<>(nr * 2);
        for (int i = 0; i < nr; i++) {
            long id = in.readLong();
            CelReference.Builder r = CelReference.newBuilder().setName(in.readUTF());
            int no = in.readInt();
            for (int k = 0; k < no; k++) {
                r.addOverloadIds(in.readUTF());
            }
            if (in.readBoolean()) {
                r.setValue(constant(in));
            }
            refs.put(id, r.build());
        }
        int nt = in.readInt();
        Map<Long, CelType> types = new HashMap<>(nt * 2);
        for (int i = 0; i < nt; i++) {
            types.put(in.readLong(), type(in));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        CelSource source = CelSource.newBuilder(expression).setDescription(description).addPositionsMap(positions).build();
        return CelAbstractSyntaxTree.newCheckedAst(root, source, refs, types);
    }

    private static CelExpr expr(DataInputStream in) throws IOException {
        long id = in.readLong();
        return switch (EXPR_KINDS[in.readByte()]) {
            case NOT_SET -> CelExpr.ofNotSet(id);
            case CONSTANT -> CelExpr.ofConstant(id, constant(in));
            case IDENT -> CelExpr.ofIdent(id, in.readUTF());
            case SELECT -> {
                CelExpr operand = expr(in);
                yield CelExpr.ofSelect(id, operand, in.readUTF(), in.readBoolean());
            }
            case CALL -> {
                java.util.Optional<CelExpr> target = in.readBoolean() ? java.util.Optional.of(expr(in)) : java.util.Optional.empty();
                String function = in.readUTF();
                yield CelExpr.ofCall(id, target, function, exprs(in));
            }
            case LIST -> {
                ImmutableList<CelExpr> elements = exprs(in);
                int n = in.readInt();
                ImmutableList.Builder<Integer> optional = ImmutableList.builderWithExpectedSize(n);
                for (int i = 0; i < n; i++) {
                    optional.add(in.readInt());
                }
                yield CelExpr.ofList(id, elements, optional.build());
            }
            case STRUCT -> {
                String name = in.readUTF();
                int n = in.readInt();
                ImmutableList.Builder<CelExpr.CelStruct.Entry> entries = ImmutableList.builderWithExpectedSize(n);
                for (int i = 0; i < n; i++) {
                    long eid = in.readLong();
                    String key = in.readUTF();
                    CelExpr value = expr(in);
                    entries.add(CelExpr.ofStructEntry(eid, key, value, in.readBoolean()));
                }
                yield CelExpr.ofStruct(id, name, entries.build());
            }
            case MAP -> {
                int n = in.readInt();
                ImmutableList.Builder<CelExpr.CelMap.Entry> entries = ImmutableList.builderWithExpectedSize(n);
                for (int i = 0; i < n; i++) {
                    long eid = in.readLong();
                    CelExpr key = expr(in);
                    CelExpr value = expr(in);
                    entries.add(CelExpr.ofMapEntry(eid, key, value, in.readBoolean()));
                }
                yield CelExpr.ofMap(id, entries.build());
            }
            case COMPREHENSION -> {
                String iterVar = in.readUTF();
                String iterVar2 = in.readUTF();
                CelExpr range = expr(in);
                String accuVar = in.readUTF();
                CelExpr init = expr(in);
                CelExpr condition = expr(in);
                CelExpr step = expr(in);
                CelExpr result = expr(in);
                yield CelExpr.ofComprehension(id, iterVar, iterVar2, range, accuVar, init, condition, step, result);
            }
        };
    }

    private static ImmutableList<CelExpr> exprs(DataInputStream in) throws IOException {
        int n = in.readInt();
        ImmutableList.Builder<CelExpr> out = ImmutableList.builderWithExpectedSize(n);
        for (int i = 0; i < n; i++) {
            out.add(expr(in));
        }
        return out.build();
    }

    private static CelConstant constant(DataInputStream in) throws IOException {
        return switch (CONSTANT_KINDS[in.readByte()]) {
            case NOT_SET -> CelConstant.ofNotSet();
            case NULL_VALUE -> CelConstant.ofValue(NullValue.NULL_VALUE);
            case BOOLEAN_VALUE -> CelConstant.ofValue(in.readBoolean());
            case INT64_VALUE -> CelConstant.ofValue(in.readLong());
            case UINT64_VALUE -> CelConstant.ofValue(UnsignedLong.fromLongBits(in.readLong()));
            case DOUBLE_VALUE -> CelConstant.ofValue(in.readDouble());
            case STRING_VALUE -> CelConstant.ofValue(readLongString(in));
            case BYTES_VALUE -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield CelConstant.ofValue(CelByteString.of(b));
            }
            default -> throw new IOException("unexpected constant kind");
        };
    }

    private static CelType type(DataInputStream in) throws IOException {
        CelKind kind = TYPE_KINDS[in.readByte()];
        return switch (kind) {
            case LIST -> ListType.create(type(in));
            case MAP -> {
                CelType key = type(in);
                yield MapType.create(key, type(in));
            }
            case TYPE -> TypeType.create(type(in));
            case TYPE_PARAM -> TypeParamType.create(in.readUTF());
            case OPAQUE -> {
                String name = in.readUTF();
                int n = in.readInt();
                ImmutableList.Builder<CelType> params = ImmutableList.builderWithExpectedSize(n);
                for (int i = 0; i < n; i++) {
                    params.add(type(in));
                }
                yield OpaqueType.create(name, params.build());
            }
            default -> {
                CelType t = simple(kind);
                if (t == null) {
                    throw new IOException("unexpected type kind " + kind);
                }
                yield t;
            }
        };
    }
}
