#!/usr/bin/env bash
# The Java modules the app image's runtime needs, as jdeps sees them (after `mvn -B -Pdist package`).
# Compare with dist.modules in pom.xml.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=target/dist
jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$dist/javafx-modules" --add-modules javafx.controls \
  "$dist"/input/*.jar
