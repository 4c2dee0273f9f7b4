# test and [: what a malformed expression says and its status (2), as bash --posix says it
# (the shell's own "bash: line N:" prefix is cut off: only the message is compared)
msg() {
    "$@" 2>&1 | sed 's/.*\(\[\|test\): //'
    "$@" 2>/dev/null
    echo "status $?"
}
msg [ abc -lt 2 ]
msg test 3 -gt x
msg [ a b c ]
msg [ a = b c ]
msg [ -n a b c ]
msg [ 1 -eq 1 x ]
msg [ a b ]
msg test 1 -eq 1 -o
msg [ a -o b -a c ]
msg [ ! a = b ]
msg [ "(" a ")" ]
msg test -z
msg [ 010 -eq 8 ]
msg [ " 12 " -eq 12 ]
