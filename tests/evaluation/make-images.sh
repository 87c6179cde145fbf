#!/usr/bin/env bash
# Rebuilds tests/evaluation/images/ from the Debian packages named in tests/evaluation/README.md: each photo
# downscaled to at most 1024 px on its longest side (never enlarged), JPEG quality 85, metadata stripped.
# The checked-in copies are what the evaluation uses; this script documents how they were made.
#
#   tests/evaluation/make-images.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
work="$repo_root/bench/work/evaluation-sources"
mkdir -p "$work"
"$repo_root/scripts/ensure-debian-packages" libvips-tools

packages=(mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 plasma-workspace-wallpapers python3-skimage)
for package in "${packages[@]}"; do
  if [[ ! -d "$work/$package" ]]; then
    (cd "$work" && apt-get download "$package" >&2)
    mkdir -p "$work/$package"
    dpkg-deb -x "$work/${package}"_*.deb "$work/$package"
  fi
done

mate="$work/mate-backgrounds/usr/share/backgrounds/mate/nature"
lomiri="$work/lomiri-wallpapers-16.04/usr/share/backgrounds"
kleiber="$work/lomiri-wallpapers-20.04/usr/share/backgrounds"
plasma="$work/plasma-workspace-wallpapers/usr/share/wallpapers"
skimage="$work/python3-skimage/usr/lib/python3/dist-packages/skimage/data"

# evaluation name <- source file
sources=(
  "orange-flower-petals.jpg=$mate/FreshFlower.jpg"
  "red-marigold-flower.jpg=$mate/Garden.jpg"
  "yellow-flower-close-up.jpg=$mate/YellowFlower.jpg"
  "green-leaf-veins.jpg=$mate/Blinds.jpg"
  "green-grass-blades.jpg=$mate/GreenMeadow.jpg"
  "raindrops-on-green-leaves.jpg=$mate/RainDrops.jpg"
  "dandelion-seeds-on-orange-bokeh.jpg=$mate/TwoWings.jpg"
  "dandelion-clocks-in-meadow.jpg=$lomiri/seeding_by_Clements_Engelhardt.jpg"
  "autumn-forest-below-mountain.jpg=$lomiri/aitzgorri_by_Aitzol_Berasategi.jpg"
  "mountain-trail-picos-de-europa.jpg=$lomiri/picosdeeuropa_by_Aitzol_Berasategi.jpg"
  "sunset-over-mountain-summit.jpg=$lomiri/sunset_by_Aitzol_Berasategi.jpg"
  "rowing-boats-on-lake-at-sunset.jpg=$plasma/EveningGlow/contents/images/2560x1600.jpg"
  "lake-at-dusk-with-reeds.jpg=$plasma/summer_1am/contents/images/2560x1600.jpg"
  "wooden-pier-in-fog.jpg=$plasma/ColdRipple/contents/images/2560x1600.jpg"
  "path-through-pine-forest.jpg=$plasma/Path/contents/images/2560x1600.jpg"
  "forest-stream-over-rocks.jpg=$lomiri/life_by_Aitzol_Berasategi.jpg"
  "haircap-moss-from-above.jpg=$plasma/OneStandsOut/contents/images/2560x1600.jpg"
  "fallen-maple-leaf-in-autumn.jpg=$plasma/FallenLeaf/contents/images/2560x1600.jpg"
  "nuthatch-on-tree-trunk.jpg=$kleiber/Kleiber_by_Lukas_Baubkus.jpg"
  "bridge-cables-over-estuary.jpg=$lomiri/Bridge_by_Sander_Klootwijk.jpg"
  "fig-in-red-bowl.jpg=$lomiri/Picture_0B_by_freespace.jpg"
  "paint-brushes.jpg=$lomiri/Picture_1A_by_freespace.jpg"
  "two-dogs-in-window.jpg=$lomiri/friends_by_Aitzol_Berasategi.jpg"
  "water-drop-splash.jpg=$mate/Aqua.jpg"
  "dune-grass-by-the-sea.jpg=$mate/Dune.jpg"
  "ladybird-among-forget-me-nots.jpg=$mate/LadyBird.jpg"
  "storm-over-highway.jpg=$mate/Storm.jpg"
  "astronaut-portrait.jpg=$skimage/astronaut.png"
  "tabby-cat.jpg=$skimage/chelsea.png"
  "espresso-cup.jpg=$skimage/coffee.png"
  "rocket-on-launch-pad.jpg=$skimage/rocket.jpg"
  "red-motorcycle-left.jpg=$skimage/motorcycle_left.png"
  "red-motorcycle-right.jpg=$skimage/motorcycle_right.png"
  "photographer-with-camera.jpg=$skimage/camera.png"
  "hubble-deep-field.jpg=$skimage/hubble_deep_field.jpg"
  "ancient-coins.jpg=$skimage/coins.png"
  "brick-wall.jpg=$skimage/brick.png"
  "grass-texture.jpg=$skimage/grass.png"
  "gravel-texture.jpg=$skimage/gravel.png"
)

rm -f "$here/images/"*.jpg
for entry in "${sources[@]}"; do
  name="${entry%%=*}"
  vipsthumbnail "${entry#*=}" --size '1024x1024>' -o "$here/images/$name[Q=85,strip,optimize_coding]"
done
du -ch "$here/images/"*.jpg | tail -n 1
