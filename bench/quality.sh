#!/usr/bin/env bash
# Tagging quality (issue 5): the offline engine over the evaluation set in tests/evaluation (39 photographs
# with hand-written reference keywords, other true words, a hint and an AI-style prompt each), in four modes:
# pixels only, pixels + hint, pixels + AI prompt, pixels + a library of the other images (leave-one-out).
# Reports precision of the first ten and of all keywords, recall against the references and the share of
# acceptable titles (the rules: tests/evaluation/README.md), then every image's keywords as judged.
#
#   bench/quality.sh
#
# Writes to stdout and bench/results/quality.md. The same measures are asserted by
# tests/TagMyStock.Vision.Tests/TaggingQualityTests.cs.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=bench/lib/environment.sh
source bench/lib/environment.sh

mkdir -p bench/work bench/results
echo "Building bench/TagMyStock.Bench (Release) into bench/work/bench-tool" >&2
if ! dotnet build bench/TagMyStock.Bench -c Release -o bench/work/bench-tool >bench/work/quality-build.log 2>&1 </dev/null; then
  tail -n 15 bench/work/quality-build.log >&2
  exit 1
fi

{
  echo "# Tagging quality on the evaluation set (tests/evaluation)"
  echo
  echo "Environment: $(environment_line "$(find tests/evaluation/images -name "*.jpg" | wc -l) evaluation images")"
  echo
  dotnet bench/work/bench-tool/tagmystock-bench.dll quality tests/evaluation
} | tee bench/results/quality.md
echo "Written to bench/results/quality.md" >&2
