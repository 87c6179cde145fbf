#!/usr/bin/env bash
# Image embeddings (issue 5): the measurements behind the centre and thresholds of the ResNet18 embeddings,
# and their speed.
#
#   bench/embeddings.sh                  measure; report to stdout and bench/results/embeddings.md
#   bench/embeddings.sh --write-centre   first rebuild src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt
#
# The reference set, varied photographs and illustrations from Debian packages: mate-backgrounds (nature/
# and the Elephants photo; not the abstract gradients and desktop designs, near copies of one another that
# would pull the mean toward them), ukui-wallpapers, lomiri-wallpapers-20.04, and 14 photographs of
# python3-skimage's data folder (unpacked from the .deb into bench/work, not installed). The centre is
# their mean feature vector. Changing the set changes every embedding: bump ImageEmbedder.Model with it.
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

reference=()
while IFS= read -r file; do reference+=("$file"); done < <(
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

dotnet build bench/TagMyStock.Bench -c Release >&2
bench=(dotnet bench/TagMyStock.Bench/bin/Release/net10.0/tagmystock-bench.dll)
if [[ "${1:-}" == "--write-centre" ]]; then
  "${bench[@]}" embedding-centre src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt "${reference[@]}"
  echo "Wrote src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt from ${#reference[@]} images; rebuild before measuring." >&2
  exit 0
fi

mkdir -p bench/results
"${bench[@]}" embedding-similarity bench/work/embeddings samples "${reference[@]}" | tee bench/results/embeddings.md
