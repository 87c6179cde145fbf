#!/usr/bin/env bash
# Image embeddings (issue 5): the measurements behind the centre and thresholds of the ResNet18 embeddings,
# and their speed.
#
#   bench/embeddings.sh                  measure; report to stdout and bench/results/embeddings.md
#   bench/embeddings.sh --write-centre   first rebuild src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt
#
# The reference set is bench/lib/embedding-reference.sh's: the centre is its mean feature vector.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=bench/lib/embedding-reference.sh
source bench/lib/embedding-reference.sh
reference=()
while IFS= read -r file; do reference+=("$file"); done < <(embedding_reference_files)

dotnet build bench/TagMyStock.Bench -c Release >&2
bench=(dotnet bench/TagMyStock.Bench/bin/Release/net10.0/tagmystock-bench.dll)
if [[ "${1:-}" == "--write-centre" ]]; then
  "${bench[@]}" embedding-centre src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt "${reference[@]}"
  echo "Wrote src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt from ${#reference[@]} images; rebuild before measuring." >&2
  exit 0
fi

mkdir -p bench/results
"${bench[@]}" embedding-similarity bench/work/embeddings samples "${reference[@]}" | tee bench/results/embeddings.md
