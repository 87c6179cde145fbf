#!/usr/bin/env bash
# Tagging benchmark (issue 5, DESIGN.md section 6): the offline engine (decode with shrink-on-load, visual
# facts, faces, ResNet18 embedding; no hint, no library) over N and 4N large JPEGs of about 20 MP, one image
# per core as `tagmystock tag` runs it, against exiftool reading the same files' metadata (the I/O floor).
# Each tool is one process for all files; the page cache is warm (the files are read once before).
#
#   bench/tagging.sh [N]        N files, default 20 (and 4N)
#
# Writes the table to stdout and to bench/results/tagging-N.md. Exits non-zero when a tool failed.
set -euo pipefail

count="${1:-20}"
if [[ ! "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/tagging.sh [N]   (N: number of files, default 20)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo_root/bench/work"
results="$repo_root/bench/results"
megapixels=20

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '%s\n' "$*" >&2; }

"$repo_root/scripts/ensure-debian-packages" libvips-tools libimage-exiftool-perl time mate-backgrounds
mkdir -p "$work/out" "$results"
cd "$work"
# shellcheck source=bench/lib/large-jpegs.sh
source "$repo_root/bench/lib/large-jpegs.sh"
# shellcheck source=bench/lib/environment.sh
source "$repo_root/bench/lib/environment.sh"

log "Building bench/TagMyStock.Bench (Release) into bench/work/bench-tool"
if ! dotnet build "$repo_root/bench/TagMyStock.Bench" -c Release -o bench-tool >out/build.log 2>&1 </dev/null; then
  tail -n 15 out/build.log >&2
  exit 1
fi

# row LABEL N COMMAND...: runs the command under /usr/bin/time, prints a table row.
row() {
  local label="$1" n="$2" line elapsed user system rss
  shift 2
  if ! /usr/bin/time -f '%e %U %S %M' -o out/time.txt "$@" >out/run.log 2>&1 </dev/null; then
    log "$label failed:"
    tail -n 15 out/run.log >&2
    return 1
  fi
  read -r elapsed user system rss <out/time.txt
  line="$(grep -o 'cpu_ms_per_image=[0-9]*' out/run.log || true)"
  awk -v label="$label" -v n="$n" -v e="$elapsed" -v u="$user" -v s="$system" -v kib="$rss" 'BEGIN {
    printf "| %s | %d | %.2f | %.1f | %.0f | %.0f |\n", label, n, e, n / e, (u + s) * 1000 / n, kib / 1024 }'
}

report() {
  local n
  echo "# Tagging benchmark: JPEGs of about $megapixels MP"
  echo
  echo "Environment: $(environment_line "exiftool $(exiftool -ver); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)")"
  echo
  echo "One run each, page cache warm. Wall time and peak RSS include the process start and, for TagMyStock, loading the models."
  echo "CPU ms per image: user + system CPU time of the whole process divided by the images."
  echo
  echo '| Tool | Files | Seconds | Images/s | CPU ms per image | Peak RSS (MB) |'
  echo '|---|---|---|---|---|---|'
  for n in "$count" $((4 * count)); do
    prepare_files "$n"
    cat "thumbs-src-$n"/*.jpg >/dev/null
    row "exiftool -fast, one process" "$n" exiftool -fast -json "thumbs-src-$n"/ || return 1
    row "TagMyStock LocalEngine, one image per core" "$n" dotnet bench-tool/tagmystock-bench.dll tagging "thumbs-src-$n"/*.jpg || return 1
  done
  echo
  echo "Target (issue 5): 15 images/s or more on 2 cores, embedding included, memory flat in the number of images."
}

report_file="$results/tagging-$count.md"
report | tee "$report_file"
log "Written to ${report_file#"$repo_root"/}"
