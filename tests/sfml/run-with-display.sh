#!/bin/sh
# Runs the window tests on the display there is, or on a virtual one (Xvfb).
# usage: run-with-display.sh XVFB_RUN TEST_BINARY [ARGS...]
xvfb_run="$1"
shift
if [ -n "$DISPLAY" ]; then
  exec "$@"
fi
case "$xvfb_run" in
  ""|*NOTFOUND)
    echo "The window tests need a display, and there is none (DISPLAY is not set) and no xvfb-run to make one." >&2
    echo "Install it (apt-get install xvfb) or run them on a desktop." >&2
    exit 1 ;;
esac
exec "$xvfb_run" -a -s "-screen 0 1920x1080x24" "$@"
