echo "script args: $# $1"
exit 7
