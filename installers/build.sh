#!/usr/bin/env bash
# Builds the installers with jpackage (JDK 17): a self-contained app-image for this platform, then its package
# (.deb on Linux, .msi on Windows with WiX 3 on the PATH, .dmg on macOS). Each carries its own Java runtime, the
# PyTorch natives of the platform it is built on, the default models and demo files (assets/), a .mid file
# association and a menu entry with the icon. jpackage cannot cross-build: run it on each platform.
#
#   installers/build.sh              # app-image and the platform's package, under target/installer/
#   installers/build.sh app-image    # the app-image only
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cd "$root"
what="${1:-all}"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)"
[ -f target/musai-studio-*.jar ] 2>/dev/null || mvn -B package -DskipTests
out=target/installer
input="$out/input"
rm -rf "$out"
mkdir -p "$input"
cp target/musai-studio-*.jar "$input/musai-studio.jar"
cp target/lib/*.jar "$input/"
cp -r assets "$input/assets"
cp LICENSE README.md "$input/"

case "$(uname -s)" in
  Linux) platform=linux; icon=assets/icons/musai-256.png; package=deb ;;
  Darwin) platform=macos; icon="$out/musai.icns"; package=dmg
    mkdir -p "$out/musai.iconset"
    for s in 16 32 64 128 256 512; do cp "assets/icons/musai-$s.png" "$out/musai.iconset/icon_${s}x${s}.png"; done
    iconutil -c icns -o "$icon" "$out/musai.iconset" ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows; icon=assets/icons/musai.ico; package=msi ;;
  *) echo "build.sh: unknown platform $(uname -s)" >&2; exit 2 ;;
esac

# the same options the musai script passes (docs/decisions/0006, 0013); $APPDIR is where jpackage puts the input
common=(--name musai-studio --app-version "$version" --vendor "MusAI Studio"
  --description "Make and use a MIDI-generating model on your own machine"
  --copyright "MIT License" --icon "$icon"
  --input "$input" --main-jar musai-studio.jar --main-class org.musai.studio.StudioLauncher
  --java-options -Dai.djl.offline=true
  --java-options --add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED
  --java-options --add-modules=jdk.incubator.vector
  --java-options "-Dmusai.home=\$APPDIR"
  --add-launcher musai=installers/musai-cli.properties)

jpackage --type app-image --dest "$out" "${common[@]}"
echo "app-image: $out/musai-studio"
[ "$what" = app-image ] && exit 0

packaging=(--file-associations "installers/$platform/midi.properties" --license-file LICENSE)
case "$platform" in
  linux) packaging+=(--linux-package-name musai-studio --linux-shortcut --linux-menu-group "AudioVideo;Audio;Midi"
    --linux-app-category sound --linux-deb-maintainer "musai@localhost"
    --resource-dir installers/linux) ;;  # the menu entry passes the files it opens (%F) and says "MusAI Studio"
  windows) packaging+=(--win-menu --win-menu-group "MusAI Studio" --win-shortcut --win-dir-chooser) ;;
  macos) packaging+=(--mac-package-name "MusAI Studio") ;;
esac
jpackage --type "$package" --dest "$out" --verbose --app-image "$out/musai-studio" "${packaging[@]}" \
  --icon "$icon" --name musai-studio --app-version "$version" --vendor "MusAI Studio" \
  --description "Make and use a MIDI-generating model on your own machine"
ls -la "$out"/*."$package"
