# seq as GNU seq: decimals, exponents, widths, formats, separators, statuses
seq 3 | tr '\n' ' '; echo
seq 1 0.5 3 | tr '\n' ' '; echo
seq 0 0.1 0.3 | tr '\n' ' '; echo
seq 1 2.55 | tr '\n' ' '; echo
seq 1.25 3 | tr '\n' ' '; echo
seq 10 -2.5 0 | tr '\n' ' '; echo
seq 1e2 1e2 3e2 | tr '\n' ' '; echo
seq .5 2 | tr '\n' ' '; echo
seq 1. 3 | tr '\n' ' '; echo
seq -3 -1 | tr '\n' ' '; echo
seq -- -1 1 | tr '\n' ' '; echo
seq 100000000000000000000 1 100000000000000000002 | tr '\n' ' '; echo
seq -w 1 0.5 10 | tr '\n' ' '; echo
seq -w -10 4 1 | tr '\n' ' '; echo
seq -w 0.5 -0.5 -1 | tr '\n' ' '; echo
seq -w 1 4 10 | tr '\n' ' '; echo
seq --equal-width 9 10 | tr '\n' ' '; echo
seq -s, 3
seq -s '' 3
seq --separator=+ 3
seq -s: -w 9 11
seq -f '%.2f' 1 3 | tr '\n' ' '; echo
seq -f 'n%g' 1 0.5 2 | tr '\n' ' '; echo
seq 3 1 | wc -l
for bad in "abc" "1 0 5" "" "1 2 3 4" "-x 3" "--bogus 3" "1e 3"; do
    seq $bad > /dev/null 2>&1
    echo "seq $bad: status $?"
done
