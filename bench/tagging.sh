#!/usr/bin/env bash
# Tagging benchmark (issue 5, DESIGN.md section 6): the offline engine (decode with shrink-on-load, visual
# facts, faces, ResNet18 embedding, visible text; no hint, no library) over N and 4N large JPEGs of about
# 20 MP, one image per core as `tagmystock tag` runs it, against exiftool reading the same files' metadata
# (the I/O floor) and djpeg decoding them at 1/8 scale (the JPEG decode floor: shrink-on-load still has to
# undo the entropy coding of every block). The page cache is warm (the files are read once before).
# Then the CPU time of each stage of the engine, one stage after the other on one thread, over the N files.
# Then the same over 4N lighter files (about 12 MP, quality 90, 4:2:0 chroma: what a phone writes), the other end
# of the 12-24 MP range the target names.
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

"$repo_root/scripts/ensure-debian-packages" libvips-tools libimage-exiftool-perl libjpeg-turbo-progs time mate-backgrounds
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

# compare_rows N: the three tools' rows over files_dir N, read once beforehand so that the page cache is warm.
compare_rows() {
  local n="$1" dir
  dir="$(files_dir "$n")"
  cat "$dir"/*.jpg >/dev/null
  row "exiftool -fast, one process" "$n" exiftool -fast -json "$dir"/ || return 1
  row "djpeg -scale 1/8, one process per file, 2 at a time" "$n" \
    sh -c 'printf "%s\0" "$@" | xargs -0 -n 1 -P 2 djpeg -scale 1/8 -outfile /dev/null' sh "$dir"/*.jpg || return 1
  row "TagMyStock LocalEngine, one image per core" "$n" dotnet bench-tool/tagmystock-bench.dll tagging "$dir"/*.jpg
}

# stage_table DIR: the CPU time of each stage of the engine over the files of DIR.
stage_table() {
  local dir="$1"
  echo "CPU time per stage, $(find "$dir" -name '*.jpg' | wc -l) files: each stage in turn on one thread (process CPU time, so libvips' and ONNX Runtime's threads count); the first file once more beforehand, unmeasured."
  echo "The text detection and recognition run only on the images the screening lets through; the detection includes decoding the file again at 640 pixels when the first decode stopped short of that (a coarse 1/8 decode of a 12-16 MP JPEG)."
  echo
  echo '| Stage | Mean CPU ms | Min | Max |'
  echo '|---|---|---|---|'
  if ! dotnet bench-tool/tagmystock-bench.dll tagging-stages "$dir"/*.jpg >out/stages.log 2>&1 </dev/null; then
    log "tagging-stages failed:"
    tail -n 15 out/stages.log >&2
    return 1
  fi
  sed -n 's/^stage=\([a-z_]*\) cpu_ms_mean=\([0-9.]*\) cpu_ms_min=\([0-9.]*\) cpu_ms_max=\([0-9.]*\)$/| \1 | \2 | \3 | \4 |/p' out/stages.log | tr '_' ' '
  sed -n 's/^stage=total cpu_ms_mean=\([0-9.]*\) images=\([0-9]*\) screened_in=\([0-9]*\) text_boxes=\([0-9]*\)$/| total | \1 | | |\n\nImages the text screening let through: \3 of \2 (text boxes read: \4)./p' out/stages.log
}

report() {
  local n
  echo "# Tagging benchmark: JPEGs of about $megapixels MP"
  echo
  echo "Environment: $(environment_line "exiftool $(exiftool -ver); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)")"
  echo
  echo "One run each, page cache warm. Wall time and peak RSS include the process start and, for TagMyStock, loading the models."
  echo "CPU ms per image: user + system CPU time of the whole process (djpeg: of all its processes) divided by the images."
  echo
  echo '| Tool | Files | Seconds | Images/s | CPU ms per image | Peak RSS (MB) |'
  echo '|---|---|---|---|---|---|'
  for n in "$count" $((4 * count)); do
    prepare_files "$n"
    compare_rows "$n" || return 1
  done
  echo
  stage_table "$(files_dir "$count")" || return 1

  echo
  echo "## Lighter files: about 12 MP, quality 90, 4:2:0 chroma (what a phone writes)"
  echo
  echo '| Tool | Files | Seconds | Images/s | CPU ms per image | Peak RSS (MB) |'
  echo '|---|---|---|---|---|---|'
  megapixels=12 jpeg_kind=phone jpeg_save="--Q 90 --subsample-mode on" noise_sigma=6
  prepare_files $((4 * count))
  compare_rows $((4 * count)) || return 1
  echo
  stage_table "$(files_dir $((4 * count)))" || return 1
  echo
  echo "Target (issue 5): 15 images/s or more on 2 cores, embedding included, memory flat in the number of images."
}

report_file="$results/tagging-$count.md"
report | tee "$report_file"
log "Written to ${report_file#"$repo_root"/}"
