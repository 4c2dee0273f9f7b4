# set -e, set -u, set -x, set -o pipefail, set -o, $-
set -o pipefail
false | true; echo "pipefail: $?"
true | false | true; echo "pipefail middle: $?"
set +o pipefail
false | true; echo "no pipefail: $?"
case $- in *e*) echo "e on";; *) echo "e off";; esac
sh -c 'set -e; echo before; false; echo not reached'; echo "set -e status $?"
sh -c 'set -e; false || echo "|| saves"; echo still here'
sh -c 'set -e; if false; then :; fi; echo "if condition is not fatal"'
sh -c 'set -e; ! true; echo "negation is not fatal"'
sh -c 'set -e; false && true; echo "&& left side is not fatal"'
sh -c 'set -e; f() { false; echo "not in f"; }; f; echo "not after f"'; echo "status $?"
sh -c 'set -e; (false); echo "not after subshell"'; echo "subshell status $?"
sh -c 'set -e; x=$(false); echo "assignment of failing substitution is fatal"'; echo "status $?"
sh -c 'set -e; while false; do :; done; echo "while condition is not fatal"'
sh -c 'set -u; echo "${unset_var:-default ok}"; echo $unset_var; echo not reached' 2>/dev/null || echo "set -u failed"
sh -c 'set -u; set -- a; echo "$1 $#"; echo "$@"'
sh -c 'set -x; echo traced; x=1' 2>&1
sh -c 'set -ex; echo a' 2>&1
set -o | grep -c errexit
sh -c 'set -o errexit; false; echo no'; echo "-o errexit status $?"
sh -c 'set -o nounset; echo $nope' 2>/dev/null || echo "-o nounset failed"
sh -c 'set -f; echo /e*'
sh -c 'set -a; exported_auto=yes; sh -c "echo \$exported_auto"'
sh -c 'set -n; echo not run'; echo "noexec status $?"
sh -c 'set -v; echo verbose' 2>&1
sh -c 'set -- a b c; set -e; echo "$#"'
set -e
echo "errexit in script"
false || true
echo "end"
