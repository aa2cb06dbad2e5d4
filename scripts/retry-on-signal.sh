#!/bin/sh
# Runs the command; if it was killed by a signal (exit status above 128), runs it once more.
# Any other failure, such as a compile error, is returned at once.
"$@"
status=$?
if [ "$status" -gt 128 ]; then
    echo "note: '$*' died of signal $((status - 128)); trying once more" >&2
    "$@"
    status=$?
fi
exit "$status"
