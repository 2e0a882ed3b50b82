#!/usr/bin/env bash
# Batch benchmark: generates N realistic drafts (default 100,000) in a temp
# folder, then times, in the same run and on a warm cache:
#   - the floor: reading every file (cat, one process at a time via xargs);
#   - `poignee check --format json` on the whole folder, and on 10,000 for
#     the memory comparison;
#   - the peers that install from a registry here, each in one process:
#     lucid-lint (crates.io) on the whole folder; proselint (PyPI) and
#     write-good (npm) on the first SUBSET files (default 2,000), being slow.
# Prints wall time, peak memory (max RSS) and the ratios. A peer that is not
# installed is skipped with the command that installs it.
#
# usage: scripts/bench-check.sh [N] [SUBSET]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
subset=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --manifest-path "$root/Cargo.toml"
poignee="$root/target/release/poignee"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" NO_COLOR=1

echo "generating $n drafts…" >&2
python3 "$root/scripts/gen_drafts.py" "$work/all" "$n"
python3 "$root/scripts/gen_drafts.py" "$work/small" 10000
find "$work/all" -type f -name '*.md' | sort > "$work/files.txt"
head -n "$subset" "$work/files.txt" > "$work/subset.txt"
find "$work/all" "$work/small" -type f -print0 | xargs -0 cat > /dev/null   # warm the cache

# best of 3: prints "seconds max_rss_kb"
measure() {
    local best="" rss=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
        read -r s m < <(tail -n 1 "$work/time")
        if [[ -z $best ]] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=$m; fi
    done
    echo "$best $rss"
}

row() { printf '%-46s %9s s %9s MB  %s\n' "$1" "$2" "$(awk "BEGIN{printf \"%.1f\", $3/1024}")" "${4:-}"; }

cpus=$(nproc)
echo "machine: $(uname -m), $cpus cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); $("$poignee" --version)"
echo

read -r floor floor_rss < <(measure sh -c "find '$work/all' -type f -print0 | xargs -0 cat")
row "floor: read $n files (cat)" "$floor" "$floor_rss"

read -r ours ours_rss < <(measure "$poignee" check --no-saved --format json "$work/all")
row "poignee check --format json, $n files" "$ours" "$ours_rss" "$(awk "BEGIN{printf \"%.2f× the floor\", $ours/$floor}")"

read -r small small_rss < <(measure "$poignee" check --no-saved --format json "$work/small")
row "poignee check --format json, 10000 files" "$small" "$small_rss" "memory 100k/10k: $(awk "BEGIN{printf \"%.2f×\", $ours_rss/$small_rss}")"

mapfile -t files < "$work/subset.txt"
read -r ours_sub ours_sub_rss < <(measure "$poignee" check --no-saved --format json "${files[@]}")
row "poignee check, $subset files" "$ours_sub" "$ours_sub_rss"

if command -v lucid-lint > /dev/null; then
    read -r lucid lucid_rss < <(measure lucid-lint check "$work/all")
    row "lucid-lint check, $n files" "$lucid" "$lucid_rss" "$(awk "BEGIN{printf \"poignee is %.1f× faster\", $lucid/$ours}")"
else
    echo "lucid-lint: not installed (cargo install lucid-lint --locked)"
fi
if command -v proselint > /dev/null; then
    read -r prose prose_rss < <(measure proselint check "${files[@]}")
    row "proselint check, $subset files" "$prose" "$prose_rss" "$(awk "BEGIN{printf \"per file: poignee is %.0f× faster\", ($prose/$subset)/($ours/$n)}")"
else
    echo "proselint: not installed (pip install proselint)"
fi
wg="${WRITE_GOOD:-$(command -v write-good || true)}"
if [[ -n $wg ]]; then
    read -r good good_rss < <(measure "$wg" "${files[@]}")
    row "write-good, $subset files" "$good" "$good_rss" "$(awk "BEGIN{printf \"per file: poignee is %.0f× faster\", ($good/$subset)/($ours/$n)}")"
else
    echo "write-good: not installed (npm install -g write-good, or WRITE_GOOD=path)"
fi
