# shellcheck shell=bash
# The embeddings' reference set (sourced by bench/embeddings.sh and scripts/quantize-embedding-model): varied
# photographs and illustrations from Debian packages: mate-backgrounds (nature/ and the Elephants photo; not the
# abstract gradients and desktop designs, near copies of one another that would pull the mean toward them),
# ukui-wallpapers, lomiri-wallpapers-20.04, and 14 photographs of python3-skimage's data folder (unpacked from the
# .deb into bench/work, not installed). The centre is their mean feature vector, and the quantised network's
# activation ranges are measured over them. Changing the set changes every embedding: bump ImageEmbedder.Model with it.
#
# embedding_reference_files: installs what is missing and prints the files, one per line, sorted. Run from the
# repository's root: the skimage photos are named relative to it.
embedding_reference_files() {
  local skimage="bench/work/skimage" name
  scripts/ensure-debian-packages mate-backgrounds ukui-wallpapers lomiri-wallpapers-20.04 >&2
  if [[ ! -d "$skimage/data" ]]; then
    mkdir -p bench/work/deb
    (cd bench/work/deb && apt-get download python3-skimage >&2)
    dpkg-deb -x bench/work/deb/python3-skimage_*.deb bench/work/deb/x
    mkdir -p "$skimage"
    cp -r bench/work/deb/x/usr/lib/python3/dist-packages/skimage/data "$skimage/"
  fi
  {
    find /usr/share/backgrounds -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \)
    find /usr/share/backgrounds/mate/nature -type f -name '*.jpg'
    echo /usr/share/backgrounds/mate/abstract/Elephants.jpg
    for name in astronaut.png chelsea.png coffee.png rocket.jpg motorcycle_left.png hubble_deep_field.jpg \
      retina.jpg camera.png grass.png gravel.png brick.png moon.png coins.png ihc.png; do
      echo "$skimage/data/$name"
    done
  } | LC_ALL=C sort
}
