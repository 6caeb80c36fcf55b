#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing:
#   chromium               end-to-end tests of the task pane (playwright-core drives it)
#   libxml2-utils          xmllint, for ../shared/tools/validate-manifest
#   libreoffice-calc-nogui soffice, recalculates the written workbooks to check the formulas
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -eq 0 ]; then
  echo "Pacchetti di sistema già presenti."
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" >/dev/null
echo "Installati: ${need[*]}"
