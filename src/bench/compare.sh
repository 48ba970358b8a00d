#!/usr/bin/env bash
# The speed goals of the distribution, measured as a user runs it (bin/dossier of the unpacked archive:
# jlink runtime + AOT cache), alternating with WeasyPrint on the same document in one invocation, so that
# the machine's load affects both alike. Prints medians, ratios and the goals they are held to.
#
#   bash src/bench/compare.sh [ROUNDS] [BATCH]        (defaults: 5 rounds, 200 descriptions)
#
# Needs: a build (./dossier --mvn -B -q package -DskipTests, which also compiles the test classes this
# uses), WeasyPrint (Debian package weasyprint) and GNU time (/usr/bin/time, Debian package time).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"
batch="${2:-200}"
root="$(pwd)"
version="$(sed -n 's#^  <version>\(.*\)</version>#\1#p' pom.xml | head -n 1)"
home="$root/target/dossier-$version-linux-x64"
dossier="$home/bin/dossier"
for need in "$dossier" /usr/bin/time "$(command -v weasyprint || true)"; do
    if [[ -z "$need" || ! -x "$need" ]]; then
        echo "compare.sh: missing ${need:-weasyprint}; build with './dossier --mvn -B -q package -DskipTests' and install weasyprint and time" >&2
        exit 2
    fi
done
if [[ ! -d "$root/target/test-classes/dev/aidossier/bench" ]]; then
    echo "compare.sh: target/test-classes is missing; build with './dossier --mvn -B -q package -DskipTests'" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
example="$root/examples/cv-screening.yaml"
asof=2026-12-02

# the technical documentation's XHTML and style sheets, for WeasyPrint
"$dossier" render "$example" --doc technical-documentation --xhtml --as-of "$asof" -o "$work/xhtml" >/dev/null
xhtml="$work/xhtml/cv-screening-technical-documentation.xhtml"

# seconds (wall) and peak RSS (KB) of one command, appended to a file as "secs kb"
measure() {
    local into="$1"
    shift
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
        echo "compare.sh: failed: $*" >&2
        cat "$work/err" >&2
        exit 1
    }
    cat "$work/t" >>"$into"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" '{print $c}' "$2"; }

echo "AI Dossier $version, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $rounds alternating rounds"
echo "WeasyPrint: $(weasyprint --version 2>/dev/null | head -n 1)"
for ((i = 1; i <= rounds; i++)); do
    measure "$work/weasy" weasyprint "$xhtml" "$work/weasy.pdf"
    rm -rf "$work/p"
    measure "$work/pack1" "$dossier" pack "$example" --as-of "$asof" --fail-on never -o "$work/p"
    measure "$work/classify" "$dossier" classify "$example" --as-of "$asof"
    measure "$work/check" "$dossier" check "$example" --as-of "$asof" --fail-on never
done
w="$(col 1 "$work/weasy" | median)"
p="$(col 1 "$work/pack1" | median)"
c="$(col 1 "$work/classify" | median)"
k="$(col 1 "$work/check" | median)"
printf '%-58s %7s s\n' "WeasyPrint, cold render of the technical documentation" "$w"
printf '%-58s %7s s   ratio %.2f (goal <= 0.60)\n' "dossier pack, cold, one example (4 PDFs)" "$p" "$(echo "$p / $w" | bc -l)"
printf '%-58s %7s s   (goal <= 0.50 s; ratio to WeasyPrint %.2f)\n' "dossier classify, cold" "$c" "$(echo "$c / $w" | bc -l)"
printf '%-58s %7s s   (goal <= 0.80 s; ratio to WeasyPrint %.2f)\n' "dossier check, cold" "$k" "$(echo "$k / $w" | bc -l)"

# the batch: generated descriptions, packed cold, then packed again unchanged (reused)
"$home/runtime/bin/java" -cp "$root/target/dossier.jar:$root/target/test-classes" dev.aidossier.bench.GenerateBatch \
    "$batch" "$work/batch" "$root/examples" >"$work/gen"
cat "$work/gen"
measure "$work/weasy2" weasyprint "$xhtml" "$work/weasy.pdf"
measure "$work/cold" "$dossier" pack "$work/batch" --as-of 2028-09-01 --fail-on never -o "$work/out"
measure "$work/weasy2" weasyprint "$xhtml" "$work/weasy.pdf"
measure "$work/again" "$dossier" pack "$work/batch" --as-of 2028-09-01 --fail-on never -o "$work/out"
measure "$work/weasy2" weasyprint "$xhtml" "$work/weasy.pdf"
pdfs="$(find "$work/out" -name '*.pdf' | wc -l)"
cs="$(col 1 "$work/cold")"
ckb="$(col 2 "$work/cold")"
as="$(col 1 "$work/again")"
w2="$(col 1 "$work/weasy2" | median)"
printf '%-58s %7s s   %.1f descriptions/s (goal >= 12), %d PDFs, peak RSS %d MB (goal < 512)\n' \
    "dossier pack, cold, $batch descriptions" "$cs" "$(echo "$batch / $cs" | bc -l)" "$pdfs" "$((ckb / 1024))"
printf '%-58s %7s s   %.1f descriptions/s (goal >= 100)\n' "dossier pack, same $batch unchanged (reused)" "$as" "$(echo "$batch / $as" | bc -l)"
printf '%-58s %7s s   (WeasyPrint around the batch, for the load: ratio to the first median %.2f)\n' "WeasyPrint, cold, around the batch" "$w2" "$(echo "$w2 / $w" | bc -l)"
