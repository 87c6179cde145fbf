# Large JPEGs for the benchmarks, sourced by bench/thumbnails.sh and bench/tagging.sh (DESIGN.md section 6):
# Debian's mate-backgrounds photos enlarged to about $megapixels MP with a little sensor-like noise, saved
# at quality 92, which is what a camera or an upscaler delivers to a stock contributor (5-6 MB each).
# Needs: megapixels set, the working directory bench/work, libvips-tools and mate-backgrounds installed.
# Optional, for another kind of file: jpeg_kind (a name for its folders, default none), jpeg_save (vips
# jpegsave options, default --Q 92), noise_sigma (default 12).

shopt -s nullglob
sources=(/usr/share/backgrounds/mate/nature/*.jpg /usr/share/backgrounds/mate/abstract/Elephants*.jpg)
shopt -u nullglob

# large_source PHOTO: prints large/NAME (large-KIND/NAME for a jpeg_kind), the photo enlarged (made once, then reused).
large_source() {
  local photo="$1" name scale width height
  local folder="large${jpeg_kind:+-$jpeg_kind}"
  name="$folder/$(basename "$photo" | tr '[:upper:]' '[:lower:]')"
  if [[ ! -f "$name" ]]; then
    mkdir -p "$folder"
    scale="$(awk -v w="$(vipsheader -f width "$photo")" -v h="$(vipsheader -f height "$photo")" -v mp="$megapixels" \
      'BEGIN { printf "%.4f", sqrt(mp * 1e6 / (w * h)) }')"
    vips resize "$photo" "$folder/enlarged.v" "$scale"
    width="$(vipsheader -f width "$folder/enlarged.v")"
    height="$(vipsheader -f height "$folder/enlarged.v")"
    vips gaussnoise "$folder/noise.v" "$width" "$height" --sigma "${noise_sigma:-12}" --mean 0
    vips add "$folder/enlarged.v" "$folder/noise.v" "$folder/noisy.v"
    vips cast "$folder/noisy.v" "$folder/clipped.v" uchar
    # shellcheck disable=SC2086 # jpeg_save is a list of options
    vips jpegsave "$folder/clipped.v" "$name.tmp.jpg" ${jpeg_save:---Q 92}
    mv "$name.tmp.jpg" "$name"
    rm -f "$folder"/*.v
  fi
  printf '%s' "$name"
}

# prepare_files N: thumbs-src-N/ (thumbs-src-KIND-N/ for a jpeg_kind) holds N distinct large JPEGs, copied
# from the enlarged photos in turn.
prepare_files() {
  local n="$1" dir i large=()
  dir="$(files_dir "$n")"
  if [[ -f "$dir.ready" ]]; then return; fi
  if ((${#sources[@]} == 0)); then
    printf 'No source JPEGs in /usr/share/backgrounds/mate: is mate-backgrounds installed?\n' >&2
    return 1
  fi
  printf 'Preparing %s JPEGs of about %s MP in bench/work/%s\n' "$n" "$megapixels" "$dir" >&2
  for photo in "${sources[@]}"; do large+=("$(large_source "$photo")"); done
  rm -rf "$dir"
  mkdir -p "$dir"
  for ((i = 1; i <= n; i++)); do
    cp "${large[(i - 1) % ${#large[@]}]}" "$dir/photo-$(printf '%04d' "$i")-$(basename "${large[(i - 1) % ${#large[@]}]}")"
  done
  touch "$dir.ready"
}

# files_dir N: the folder prepare_files N fills.
files_dir() { printf 'thumbs-src%s-%s' "${jpeg_kind:+-$jpeg_kind}" "$1"; }
