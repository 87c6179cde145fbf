#!/usr/bin/env bash
# Rebuilds src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt: the mean ResNet18 features of a varied set
# of photographs from Debian packages, which ImageEmbedder subtracts before comparing images.
#
#   bench/embedding-centre.sh
#
# The set: the photographs and illustrations of mate-backgrounds (nature/ and the Elephants photo; not the
# abstract gradients and desktop designs, near copies of one another that would pull the mean toward
# them), ukui-wallpapers and lomiri-wallpapers-20.04, and 14 photographs of python3-skimage's data
# folder (unpacked from the .deb into bench/work, not installed). Changing the set changes every
# embedding: bump ImageEmbedder.Model with it.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/ensure-debian-packages mate-backgrounds ukui-wallpapers lomiri-wallpapers-20.04
skimage="bench/work/skimage"
if [[ ! -d "$skimage/data" ]]; then
  mkdir -p bench/work/deb
  (cd bench/work/deb && apt-get download python3-skimage >&2)
  dpkg-deb -x bench/work/deb/python3-skimage_*.deb bench/work/deb/x
  mkdir -p "$skimage"
  cp -r bench/work/deb/x/usr/lib/python3/dist-packages/skimage/data "$skimage/"
fi

files=()
while IFS= read -r file; do files+=("$file"); done < <(
  {
    find /usr/share/backgrounds -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \)
    find /usr/share/backgrounds/mate/nature -type f -name '*.jpg'
    echo /usr/share/backgrounds/mate/abstract/Elephants.jpg
    for name in astronaut.png chelsea.png coffee.png rocket.jpg motorcycle_left.png hubble_deep_field.jpg \
      retina.jpg camera.png grass.png gravel.png brick.png moon.png coins.png ihc.png; do
      echo "$skimage/data/$name"
    done
  } | LC_ALL=C sort
)

dotnet run --project bench/TagMyStock.Bench -c Release -- \
  embedding-centre src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt "${files[@]}"
echo "Wrote src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt from ${#files[@]} images." >&2
