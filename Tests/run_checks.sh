#!/usr/bin/env bash
# Runs checks at the same time, each with its output in a log of its own (.build/checks/NAME.log),
# then prints every log in the order the checks were given, so the suite reads the same from run
# to run whichever finished first. The lines where a check says it skipped something
# ("SKIPPED: ..." or "SKIP ...") go to .build/skipped-checks.txt for `make skipped-checks`.
# Usage: Tests/run_checks.sh NAME 'COMMAND' [NAME 'COMMAND' ...]; exits 1 when any check failed.
set -u
cd "$(dirname "$0")/.."
logs=.build/checks
rm -rf "$logs" && mkdir -p "$logs"
names=()
while [ $# -ge 2 ]; do
  name=$1 command=$2
  shift 2
  names+=("$name")
  (
    started=$(date +%s%N)
    bash -o pipefail -c "$command" >"$logs/$name.log" 2>&1
    status=$?
    echo "$status $(( ($(date +%s%N) - started) / 1000000 ))" >"$logs/$name.status"
  ) &
done
[ $# -eq 0 ] || { echo "run_checks.sh: '$1' has no command" >&2; exit 2; }
wait
failed=()
for name in "${names[@]}"; do
  read -r status milliseconds <"$logs/$name.status"
  printf '=== %s (%d.%d s) ===\n' "$name" $((milliseconds / 1000)) $((milliseconds % 1000 / 100))
  cat "$logs/$name.log"
  grep -E '^SKIP(PED)?[: ]' "$logs/$name.log" | sed -E 's/^SKIP(PED)?:? /SKIPPED: /' >>.build/skipped-checks.txt
  [ "$status" = 0 ] || failed+=("$name (exit $status)")
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
