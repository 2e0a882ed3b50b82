#!/usr/bin/env bash
# Fuzz every target for SECONDS (default 600) each, two at a time, starting
# from the committed seeds (fuzz/seeds/TARGET). Needs cargo-fuzz
# (`cargo install cargo-fuzz`). The stable toolchain has no sanitizer
# runtime for cargo-fuzz's default flags, so this builds with `-s none`
# (no sanitizer): libFuzzer's coverage guidance and Rust's own
# panics and debug assertions do the checking.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
targets=(draft config template lint audience reporters mark)

cargo fuzz build -s none
run() {
    local t=$1
    mkdir -p "corpus/$t"
    cargo fuzz run -s none "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
        > "fuzz-$t.log" 2>&1 && echo "$t: ok ($(grep -m1 'stat::number_of_executed_units' "fuzz-$t.log" | awk '{print $2}') runs)" \
        || { echo "$t: FAILED, see fuzz/fuzz-$t.log and fuzz/artifacts/$t"; return 1; }
}
status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[$i]}" & a=$!
    b=""
    if ((i + 1 < ${#targets[@]})); then run "${targets[$((i + 1))]}" & b=$!; fi
    wait $a || status=1
    if [[ -n $b ]]; then wait $b || status=1; fi
done
exit $status
