#!/bin/sh
# A stand-in for a real back-office script: prints what it does and writes a small report file.
echo "collecting figures for ${1:-today}"
echo "figures: 3 invoices, 1 credit note" > "${VIBE_RUN_FOLDER:-.}/report.txt"
echo "report written to ${VIBE_RUN_FOLDER:-.}/report.txt"
