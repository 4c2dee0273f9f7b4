# getopts: option letters, arguments, OPTIND, errors, silent mode, -- end
parse() {
    OPTIND=1
    while getopts "ab:c" opt "$@"; do
        case $opt in
            a) echo "flag a" ;;
            b) echo "b with $OPTARG" ;;
            c) echo "flag c" ;;
            \?) echo "bad option" ;;
        esac
    done
    shift $((OPTIND - 1))
    echo "operands: $*"
}
parse -a -b value file1 file2
parse -ac -bjoined rest
parse -- -a
parse -x -a 2>/dev/null
parse plain -a
silent() {
    OPTIND=1
    while getopts ":n:v" o "$@"; do
        case $o in
            n) echo "n=$OPTARG" ;;
            v) echo verbose ;;
            :) echo "missing argument for -$OPTARG" ;;
            \?) echo "unknown -$OPTARG" ;;
        esac
    done
}
silent -v -q -n 3 -n
set -- -x -y last; OPTIND=1
while getopts xy flag; do echo "positional $flag"; done
echo "OPTIND=$OPTIND"
