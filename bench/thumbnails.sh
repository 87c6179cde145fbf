#!/usr/bin/env bash
# Thumbnail benchmark (DESIGN.md section 6): a 512 px JPEG thumbnail (quality 82, no metadata) of each of
# N large JPEGs (about 20 MP), made by TagMyStock's ThumbnailMaker and by vipsthumbnail, each as one
# process for all files, one file after the other, side by side in one run on the same files.
#
#   bench/thumbnails.sh [N]        N files, default 60
#
# Writes the table to stdout and to bench/results/thumbnails-N.md. Exits non-zero when a tool failed or
# wrote files that are not 512 px thumbnails.
set -euo pipefail

count="${1:-60}"
if [[ ! "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/thumbnails.sh [N]   (N: number of files, default 60)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo_root/bench/work"
results="$repo_root/bench/results"
runs=5
size=512
quality=82
megapixels=20
tools=(vipsthumbnail tagmystock)
declare -A label=([vipsthumbnail]='vipsthumbnail, one process' [tagmystock]='TagMyStock ThumbnailMaker, one process')

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '%s\n' "$*" >&2; }

"$repo_root/scripts/ensure-debian-packages" libvips-tools hyperfine jq time mate-backgrounds
mkdir -p "$work" "$results"
cd "$work"

# shellcheck source=bench/lib/large-jpegs.sh
source "$repo_root/bench/lib/large-jpegs.sh"
# shellcheck source=bench/lib/environment.sh
source "$repo_root/bench/lib/environment.sh"

# The bench console (bench/TagMyStock.Bench), which calls the gallery's ThumbnailMaker as the app does.
build_bench_tool() {
  log "Building bench/TagMyStock.Bench (Release) into bench/work/bench-tool"
  rm -rf bench-tool
  if ! dotnet build "$repo_root/bench/TagMyStock.Bench" -c Release -o bench-tool >out/build.log 2>&1 </dev/null; then
    log "The bench console could not be built; its log (bench/work/out/build.log) ends with:"
    tail -n 15 out/build.log >&2
    return 1
  fi
}

# tool_command TOOL: sets tool_cmd to the shell command that writes the thumbnails of thumbs-src-N/ into out/TOOL/.
tool_command() {
  case "$1" in
    # '>' : only ever shrink, as ThumbnailMaker does. vipsthumbnail writes relative to each input's folder,
    # so the output path is absolute.
    vipsthumbnail) tool_cmd="vipsthumbnail -s '${size}x${size}>' -o '$work/out/vipsthumbnail/%s.jpg[Q=$quality,strip]' thumbs-src-$count/*.jpg" ;;
    tagmystock) tool_cmd="dotnet bench-tool/tagmystock-bench.dll thumbnails out/tagmystock thumbs-src-$count/*.jpg" ;;
  esac
}

# verify TOOL: out/TOOL/ holds N JPEGs, and each has a longest edge of exactly 512 px.
verify() {
  local tool="$1" written file longest
  written="$(find "out/$tool" -maxdepth 1 -type f -name '*.jpg' | wc -l)"
  if ((written != count)); then
    log "${label[$tool]} wrote $written of $count thumbnails into bench/work/out/$tool."
    return 1
  fi
  for file in "out/$tool"/*.jpg; do
    longest="$(vipsheader -f width "$file")"
    (($(vipsheader -f height "$file") > longest)) && longest="$(vipsheader -f height "$file")"
    if ((longest != size)); then
      log "${label[$tool]}: $file has a longest edge of $longest px, expected $size."
      return 1
    fi
  done
}

declare -A failed=() peak_rss=() thumbnail_bytes=()
mkdir -p out
prepare_files "$count"
megabytes="$(find "thumbs-src-$count" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')"
log "$count files, $megabytes MB"
build_bench_tool || failed[tagmystock]=1

# One checked run of each tool, which also warms the page cache and gives the peak RSS.
for tool in "${tools[@]}"; do
  [[ -n "${failed[$tool]:-}" ]] && continue
  tool_command "$tool"
  rm -rf "out/$tool"
  mkdir -p "out/$tool"
  log "Checked run: ${label[$tool]}"
  if ! /usr/bin/time -f '%M' -o "out/$tool.rss" bash -c "$tool_cmd" >"out/$tool.log" 2>&1 </dev/null || ! verify "$tool"; then
    log "${label[$tool]} failed: $tool_cmd"
    tail -n 15 "out/$tool.log" >&2
    failed[$tool]=1
    continue
  fi
  peak_rss[$tool]="$(tail -n 1 "out/$tool.rss")"
  thumbnail_bytes[$tool]="$(find "out/$tool" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')"
done

# hyperfine alternates nothing by itself, so the tools run in turn, one run each, $runs rounds: drift on a
# shared machine then hits both alike. Each run starts from an empty output folder (outside the timing).
declare -A seconds=()
for ((run = 1; run <= runs; run++)); do
  for tool in "${tools[@]}"; do
    [[ -n "${failed[$tool]:-}" ]] && continue
    tool_command "$tool"
    log "Run $run of $runs: ${label[$tool]}"
    hyperfine --runs 1 --style none --prepare "rm -rf out/$tool && mkdir -p out/$tool && sync" \
      --export-json "out/$tool.json" "$tool_cmd" >/dev/null 2>&1 </dev/null || { failed[$tool]=1; continue; }
    seconds[$tool]+="$(jq '.results[0].mean' "out/$tool.json") "
  done
done

median() { tr -s ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }


table_row() {
  local tool="$1" secs reference=""
  if [[ -n "${failed[$tool]:-}" ]]; then
    printf '| %s | %d | %s | failed, see the log above | | | | |\n' "${label[$tool]}" "$count" "$megabytes"
    return
  fi
  secs="$(median <<<"${seconds[$tool]}")"
  [[ -z "${failed[vipsthumbnail]:-}" ]] && reference="$(median <<<"${seconds[vipsthumbnail]}")"
  awk -v name="${label[$tool]}" -v n="$count" -v mb="$megabytes" -v s="$secs" -v all="${seconds[$tool]}" \
    -v kib="${peak_rss[$tool]}" -v bytes="${thumbnail_bytes[$tool]}" -v ref="$reference" 'BEGIN {
      split(all, v, " "); lo = v[1]; hi = v[1]
      for (i in v) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
      printf "| %s | %d | %s | %.2f (%.2f–%.2f) | %.1f | %.0f | %.0f | %s |\n", name, n, mb, s, lo, hi, n / s,
        kib / 1024, bytes / n / 1024, (ref == "") ? "–" : sprintf("%.2f", s / ref)
    }'
}

report() {
  echo "# Thumbnail benchmark: $count JPEGs of about $megapixels MP, $megabytes MB"
  echo
  echo "Environment: $environment_line"
  echo
  echo "Median of $runs runs (fastest–slowest in brackets), the two tools in turn, on the same files (page cache warm)."
  echo "Each run writes a ${size} px JPEG (quality $quality, no metadata) of every file into an empty folder, one file after the other."
  echo
  echo '| Tool | Files | MB | Seconds | Files/s | Peak RSS (MB) | KB per thumbnail | × vipsthumbnail |'
  echo '|---|---|---|---|---|---|---|---|'
  for tool in "${tools[@]}"; do table_row "$tool"; done
  echo
  echo "Target (DESIGN.md section 6): TagMyStock within 1.20× vipsthumbnail."
}

environment_line="$(environment_line "vipsthumbnail on $(vipsthumbnail --vips-version) (Debian); TagMyStock on libvips $(dotnet bench-tool/tagmystock-bench.dll libvips-version 2>/dev/null || echo unknown) (NetVips.Native)")"
report_file="$results/thumbnails-$count.md"
report | tee "$report_file"
log "Written to ${report_file#"$repo_root"/}"
rm -rf out/vipsthumbnail out/tagmystock

if ((${#failed[@]} > 0)); then
  log "Failed: ${!failed[*]}"
  exit 1
fi
