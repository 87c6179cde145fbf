#!/usr/bin/env bash
# Upload memory benchmark (DESIGN.md section 6): 10 concurrent uploads of 50 MB JPEGs (8000×6000, 48 MP)
# to POST /api/images, each its own curl process, against the server's resident memory just before them
# (after a warm-up upload). Uploads are streamed, so the peak should grow by far less than the bytes in flight.
#
#   bench/upload-memory.sh [UPLOADS [NAME=VALUE...]]   concurrent uploads, default 10; then environment
#                                                      variables for the server, to try a setting (the
#                                                      report then goes to stdout only)
#
# Writes the table to stdout and to bench/results/upload-memory-UPLOADS.md. Exits non-zero when the app
# failed or an upload was not stored.
set -euo pipefail

uploads="${1:-10}"
server_environment=("${@:2}")
if [[ ! "$uploads" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/upload-memory.sh [UPLOADS]   (UPLOADS: concurrent uploads, default 10)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo_root/bench/work"
results="$repo_root/bench/results"
width=8000
height=6000
# Noise per band, like a high-ISO photograph's; each file is saved at the highest JPEG quality that keeps it
# within 55 MB, so every file is about 50 MB (the upload limit is 60 MiB).
noise_sigma=10
max_bytes=55000000

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=bench/lib/webapp.sh
source "$repo_root/bench/lib/webapp.sh"

"$repo_root/scripts/ensure-debian-packages" libvips-tools sqlite3 curl jq mate-backgrounds
mkdir -p "$work/out" "$results"
cd "$work"
data="$work/upload-data"
trap stop_web EXIT

shopt -s nullglob
sources=(/usr/share/backgrounds/mate/nature/*.jpg)
shopt -u nullglob
if ((${#sources[@]} == 0)); then
  log "No source JPEGs in /usr/share/backgrounds/mate/nature: is mate-backgrounds installed?"
  exit 1
fi

# prepare_files N: uploads/upload-K.jpg for K = 0 (the warm-up) to N, each a different photo enlarged to
# 8000×6000 with per-band noise, at quality 100 or the highest under 55 MB: about 50 MB of valid JPEG each.
prepare_files() {
  local k photo file quality
  mkdir -p uploads
  for ((k = 0; k <= $1; k++)); do
    file="uploads/upload-$k.jpg"
    [[ -f "$file" ]] && continue
    photo="${sources[k % ${#sources[@]}]}"
    log "Making $file from $(basename "$photo")"
    vips thumbnail "$photo" uploads/enlarged.v "$width" --height "$height" --size force
    vips gaussnoise uploads/noise-r.v "$width" "$height" --sigma "$noise_sigma" --mean 0 --seed "$((k * 3))"
    vips gaussnoise uploads/noise-g.v "$width" "$height" --sigma "$noise_sigma" --mean 0 --seed "$((k * 3 + 1))"
    vips gaussnoise uploads/noise-b.v "$width" "$height" --sigma "$noise_sigma" --mean 0 --seed "$((k * 3 + 2))"
    vips bandjoin "uploads/noise-r.v uploads/noise-g.v uploads/noise-b.v" uploads/noise.v
    vips add uploads/enlarged.v uploads/noise.v uploads/noisy.v
    vips cast uploads/noisy.v uploads/clipped.v uchar
    for quality in 100 98 96 94 92 90 88 86 84 82 80 78 76 74 72 70; do
      vips jpegsave uploads/clipped.v "$file.tmp.jpg" --Q "$quality"
      (($(stat -c %s "$file.tmp.jpg") <= max_bytes)) && break
    done
    mv "$file.tmp.jpg" "$file"
    rm -f uploads/*.v
  done
}

# status_kib FIELD: a field of the server's /proc status, in KiB.
status_kib() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$web_pid/status"; }

# upload K: posts uploads/upload-K.jpg; its JSON answer goes to out/upload-K.json.
upload() {
  curl -sS -b "$data.jar" -H "RequestVerificationToken: $token" -F "files=@uploads/upload-$1.jpg;type=image/jpeg" \
    -o "out/upload-$1.json" -w '%{http_code}' "$web_url/api/images" >"out/upload-$1.status"
}

# uploaded_ok K: the upload answered 200 with one stored file.
uploaded_ok() {
  [[ "$(cat "out/upload-$1.status")" == 200 ]] && [[ "$(jq -r 'length' "out/upload-$1.json")" == 1 ]] &&
    [[ "$(jq -r '.[0].status' "out/upload-$1.json")" == stored ]]
}

# wait_for_derivatives: until no image of the account is still waiting for its thumbnail (at most 5 minutes).
wait_for_derivatives() {
  local i
  for ((i = 0; i < 600; i++)); do
    [[ "$(sqlite3 "$data/tagmystock.db" '.timeout 5000' "SELECT count(*) FROM Images WHERE Derivatives = 'Pending';")" == 0 ]] && return
    sleep 0.5
  done
  log "Thumbnails still pending after 5 minutes."
  return 1
}

prepare_files "$uploads"
file_mb="$(find uploads -name 'upload-[1-9]*.jpg' -printf '%s\n' | sort -n | awk '{ s[NR] = $1 } END { printf "%.1f–%.1f", s[1] / 1e6, s[NR] / 1e6 }')"
total_mb="$(for ((k = 1; k <= uploads; k++)); do stat -c %s "uploads/upload-$k.jpg"; done | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }')"
publish_web
start_web "$data" "${server_environment[@]}"
sign_up "$data.jar" "bench-upload@example.com"
curl -fsS -b "$data.jar" -c "$data.jar" -o out/upload-gallery.html "$web_url/gallery"
token="$(form_token out/upload-gallery.html)"

log "Warm-up upload"
upload 0
if ! uploaded_ok 0; then
  log "The warm-up upload failed: $(cat out/upload-0.status) $(cat out/upload-0.json)"
  exit 1
fi
wait_for_derivatives
sleep 2
baseline_kib="$(status_kib VmRSS)"
# Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS, so the peak read afterwards is that of the uploads.
echo 5 >"/proc/$web_pid/clear_refs"

log "$uploads concurrent uploads of $file_mb MB ($total_mb MB in all)"
started="$(date +%s.%N)"
pids=()
for ((k = 1; k <= uploads; k++)); do
  upload "$k" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
upload_seconds="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
uploads_peak_kib="$(status_kib VmHWM)"
after_uploads_kib="$(status_kib VmRSS)"
log "Waiting for the thumbnails and previews"
wait_for_derivatives
derivatives_peak_kib="$(status_kib VmHWM)"

answered_stored=0
for ((k = 1; k <= uploads; k++)); do
  if uploaded_ok "$k"; then
    answered_stored=$((answered_stored + 1))
  else
    log "Upload $k was not stored: $(cat "out/upload-$k.status") $(cat "out/upload-$k.json")"
  fi
done
stored="$(sqlite3 "$data/tagmystock.db" "SELECT count(*) FROM Images WHERE Derivatives = 'Ready';")"
originals="$(find "$data" -type f -name 'original.jpg' | wc -l)"
stored_bytes_ok=1
for ((k = 1; k <= uploads; k++)); do
  if ! cmp -s "uploads/upload-$k.jpg" "$(find "$data" -type f -path "*/$(jq -r '.[0].imageId' "out/upload-$k.json" | tr -d '-')/original.jpg")"; then
    stored_bytes_ok=0
  fi
done
stop_web

report() {
  awk -v n="$uploads" -v base="$baseline_kib" -v peak="$uploads_peak_kib" -v after="$after_uploads_kib" -v dpeak="$derivatives_peak_kib" \
    -v files="$file_mb" -v total="$total_mb" -v secs="$upload_seconds" -v env="$environment" -v stored="$stored" -v originals="$originals" \
    -v same="$stored_bytes_ok" -v answered="$answered_stored" -v url="$web_url" 'BEGIN {
    printf "# Upload memory benchmark: %d concurrent uploads of %s MB JPEGs\n\n", n, files
    printf "Environment: %s\n\n", env
    printf "The Release publish, ASPNETCORE_ENVIRONMENT=Production, SQLite and local blobs in a scratch data folder, on %s.\n", url
    printf "%d curl processes post one JPEG each (8000×6000, JPEG quality 100 or the highest within 55 MB; %s MB in all) to `POST /api/images` at once, with the session\n", n, total
    printf "and antiforgery cookies and the page'"'"'s token in the RequestVerificationToken header. The baseline is the server'"'"'s RSS after a\n"
    printf "warm-up upload of the same kind and its thumbnails; its peak (VmHWM) is reset to it just before the uploads.\n\n"
    printf "| Measure | MB | Growth over the baseline (MB) |\n|---|---|---|\n"
    printf "| RSS before the uploads (baseline) | %.0f | |\n", base / 1024
    printf "| Peak RSS during the uploads (%.1f s) | %.0f | %.0f |\n", secs, peak / 1024, (peak - base) / 1024
    printf "| RSS when the last upload was answered | %.0f | %.0f |\n", after / 1024, (after - base) / 1024
    printf "| Peak RSS until the thumbnails and previews of all %d were made | %.0f | %.0f |\n\n", n, dpeak / 1024, (dpeak - base) / 1024
    printf "Stored: %d of %d uploads answered \"stored\", %d images with their thumbnails in the database, %d originals on disk", answered, n, stored, originals
    printf " (the warm-up included); stored originals %s the uploaded files byte for byte.\n\n", same ? "equal" : "DIFFER FROM"
    printf "Target (DESIGN.md section 6): peak memory grows by less than 150 MB with 10 concurrent 50 MB uploads.\n"
  }'
}

environment="$(environment_line "${server_environment[*]:+server environment: ${server_environment[*]}; }curl $(curl --version | head -n 1 | cut -d' ' -f2); libvips $(vips --version | cut -d- -f2) (to make the files)")"
if ((${#server_environment[@]} > 0)); then
  report
else
  report_file="$results/upload-memory-$uploads.md"
  report | tee "$report_file"
  log "Written to ${report_file#"$repo_root"/}"
fi

if ((answered_stored != uploads)) || ((stored != uploads + 1)) || ((originals != uploads + 1)) || ((!stored_bytes_ok)); then
  log "Not every upload was stored intact."
  exit 1
fi
