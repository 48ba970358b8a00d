#!/usr/bin/env bash
# Builds the self-contained distribution: target/dossier-VERSION-linux-x64.tar.gz, holding
#   bin/dossier         the launcher
#   runtime/            a jlink image of the JDK that runs the build, with only the modules the tool needs
#   lib/dossier.jar     the tool (the same bytes as target/dossier.jar)
#   lib/dossier.aot     the AOT cache, trained on the examples with that runtime (unless AOT=false)
#   lib/analysis.aot    the AOT cache for classify and check, trained on them alone (unless AOT=false)
#   lib/jvm.options     the JVM options the launcher and the training share
#   README.md, LICENSES/ the README, the third-party licence list and the runtime's legal notices
# and the same tree unpacked under target/dossier-VERSION-linux-x64/ (which ./dossier runs).
#
# Reproducible: every file gets the time of project.build.outputTimestamp, the archive lists them in
# name order with owner 0 and fixed modes, gzip writes no name or time. Two builds give the same bytes
# with AOT=false; the AOT cache itself is not reproducible (the JVM writes method profiles and class
# layouts that depend on the timing of the training run), see README, Distribution.
#
# Called by Maven in the package phase (exec-maven-plugin, execution 'distribution'):
#   build-dist.sh BASEDIR TARGET VERSION OUTPUT_TIMESTAMP JAVA_HOME AOT
set -euo pipefail

basedir="$1" target="$2" version="$3" timestamp="$4" jdk="$5" aot="$6"
name="dossier-$version-linux-x64"
stage="$target/$name"
archive="$target/$name.tar.gz"

# the modules the tool and its libraries use (jdeps --print-module-deps over the runtime class path),
# plus the locale data of the EU's official languages for dates and numbers in documents; java.naming for
# DSS's HTTP client of --tsa (CommonsDataLoader refers to JNDI's LDAP types: without it, NoClassDefFoundError);
# java.management for the thread CPU clock that times renders (--render-timeout)
modules="java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.localedata"
locales="en,bg,cs,da,de,el,es,et,fi,fr,ga,hr,hu,it,lt,lv,mt,nl,pl,pt,ro,sk,sl,sv"

jar="$target/dossier.jar"
if [[ ! -f "$jar" ]]; then
    echo "build-dist: $jar is missing (the shade step runs before this one)" >&2
    exit 1
fi
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null | head -n 1)"
if [[ -z "$feature" || "$feature" -lt 25 ]]; then
    echo "build-dist: the distribution needs JDK 25 or newer to build; Maven runs on '$jdk' (Java ${feature:-unknown}). Use ./dossier --mvn ... or set JAVA_HOME." >&2
    exit 1
fi
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "build-dist: the distribution is built on Linux x86-64 only; skipped on $(uname -s)-$(uname -m)" >&2; exit 0 ;;
esac

rm -rf "$stage" "$archive"
mkdir -p "$stage/bin" "$stage/lib" "$stage/LICENSES"

"$jdk/bin/jlink" --add-modules "$modules" --include-locales="$locales" \
    --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --output "$stage/runtime"
# the runtime's legal notices are symbolic links into the JDK on some builds: make them plain files
if [[ -d "$stage/runtime/legal" ]]; then
    cp -rL "$stage/runtime/legal" "$stage/LICENSES/java-runtime"
    rm -rf "$stage/runtime/legal"
fi

cp "$jar" "$stage/lib/dossier.jar"
cp "$basedir/src/dist/jvm.options" "$stage/lib/jvm.options"
cp "$basedir/src/dist/bin/dossier" "$stage/bin/dossier"
cp "$basedir/README.md" "$stage/README.md"
if [[ -f "$target/generated-sources/license/THIRD-PARTY.txt" ]]; then
    cp "$target/generated-sources/license/THIRD-PARTY.txt" "$stage/LICENSES/THIRD-PARTY.txt"
fi

# fixed times everywhere, before the training: the AOT cache records the jar's size and time
epoch="$(date -u -d "$timestamp" +%s)"
find "$stage" -exec touch -h -d "@$epoch" {} +

# one AOT cache trained on the JVM's run of AotTraining with these arguments: train CACHE [WORKLOAD]
train() {
    local cache="$1"
    shift
    local log="$target/aot-training-${cache%.aot}.log"
    # the training writes its scratch files to a temporary folder; the JVM's AOT notes go to the log
    if ! (cd "$stage" && SOURCE_DATE_EPOCH="$epoch" runtime/bin/java "@$target/aot-training.options" \
            -XX:AOTCacheOutput="lib/$cache" \
            -cp lib/dossier.jar dev.aidossier.dist.AotTraining "$basedir/examples" "$@") >"$log" 2>&1; then
        cat "$log" >&2
        echo "build-dist: the AOT training failed (log: $log)" >&2
        exit 1
    fi
    # the JVM writes the cache in a child process whose failure does not reach the training's exit status
    if [[ ! -s "$stage/lib/$cache" ]] || grep -q 'Child process failed' "$log"; then
        tail -n 30 "$log" >&2
        echo "build-dist: the JVM wrote no AOT cache lib/$cache (log: $log)" >&2
        exit 1
    fi
    rm -f "$stage/lib/$cache.config"
    touch -h -d "@$epoch" "$stage/lib/$cache"
}

if [[ "$aot" == "true" ]]; then
    # the training runs without -Djdk.reflect.useNativeAccessorOnly: with it, the JVM (25.0.3) crashes writing
    # the cache's heap objects (archiveHeapWriter.cpp guarantee); a cache trained without it serves a run with it
    grep -v -- '-Djdk.reflect.useNativeAccessorOnly' "$stage/lib/jvm.options" > "$target/aot-training.options"
    # every command (the launcher's default), and classify and check alone (a third smaller: they start faster)
    train dossier.aot
    train analysis.aot analysis
    touch -h -d "@$epoch" "$stage/lib"
fi

chmod -R u=rwX,go=rX "$stage"
chmod 0755 "$stage/bin/dossier" "$stage/runtime/bin/"*
(cd "$target" && tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
    --format=gnu -cf - "$name") | gzip -n -6 > "$archive"
echo "build-dist: $archive ($(du -h "$archive" | cut -f1))"
