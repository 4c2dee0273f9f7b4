# awk against GNU awk 5.2.1 (expected output written by tools/gnu-expected)
awk '{ print $1 }' people.txt
awk '{ print $NF, NF, NR }' people.txt
awk '$2 > 29' people.txt
awk '$3 == "paris" { print $1 }' people.txt
awk '/o/ { n++ } END { print n }' people.txt
awk '{ s += $2 } END { print s, s / NR }' people.txt
awk -f prog.awk people.txt
awk 'NR == 2, NR == 4 { print NR ": " $0 }' people.txt
awk '/bob/,/dave/' people.txt
awk 'NR % 2' people.txt
awk '!($3 in seen) { seen[$3]; print $3 }' people.txt
awk '{ $2 = $2 + 1; print }' people.txt
awk 'BEGIN { OFS = "-" } { $1 = $1; print }' people.txt
awk '{ NF = 2; print }' people.txt
awk '{ $5 = "x"; print; print NF }' people.txt | head -2
awk -F, '{ print NF ": " $2 }' data.csv
awk 'BEGIN { FS = "," } { print $1 "|" $3 }' data.csv
awk -F '[,:]' '{ print $2 }' data.csv
echo 'a:b::c' | awk -F: '{ for (i = 1; i <= NF; i++) printf "[%s]", $i; print "" }'
echo '  lead  and  trail  ' | awk '{ print NF; print $1 }'
echo 'a	b c' | awk -F'\t' '{ print $2 }'
echo 'a	b c' | awk -Ft '{ print $2 }'
awk 'BEGIN { RS = "" } { print NR ": " $1 " / " $NF }' paras.txt
awk 'BEGIN { RS = "" ; FS = "\n" } { print NF }' paras.txt
printf 'a;b;c' | awk 'BEGIN { RS = ";" } { print NR, $0 }'
awk 'BEGIN { printf "%d %i %5.2f %e %E %g %G\n", 3.9, -2.5, 2.675, 12345.678, 0.000123, 0.0001234, 1e20 }'
awk 'BEGIN { printf "%c%c %x %X %o %u|%-5s|%5s|%.2s|\n", 65, "hello", 255, 255, 8, 42, "ab", "cd", "xyz" }'
awk 'BEGIN { printf "%05d|%-5d|%+d|% d|%5.1f|%-8.3e|%#o|%#x\n", 42, 42, 42, 42, 3.14159, 1234.5, 8, 255 }'
awk 'BEGIN { printf "%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159 }'
awk 'BEGIN { printf "%s %s %s\n", "only" }' 2> /dev/null; echo "status $?"
awk 'BEGIN { printf "%d%%\n", 50 }'
awk 'BEGIN { print 1e6, 1e16, 1e17, 0.1 + 0.2, 1 / 3, 2 ^ 53, 2 ^ 53 + 1, -0, 100000 * 100000 }'
awk 'BEGIN { print 3.0, "3.0" + 0, "1e3" + 0, "12abc" + 1, "x" + 1, ".5" + 0, "+4" - 1 }'
awk 'BEGIN { OFMT = "%.2f"; print 3.14159, 10; CONVFMT = "%.3f"; x = 3.14159 ""; print x }'
awk 'BEGIN { print length("hello"), length(), length(12345) }' < /dev/null
awk 'BEGIN { s = "hello"; print substr(s, 2, 3), substr(s, 0, 2), substr(s, -1, 3), substr(s, 4), substr(s, 10), substr(s, 1.5, 2.3) }'
awk 'BEGIN { print index("hello", "ll"), index("hello", "z"), toupper("abc"), tolower("ABC") }'
awk 'BEGIN { n = split("a b  c", parts); print n, parts[1], parts[3] }'
awk 'BEGIN { n = split("a:b:c", parts, ":"); print n, parts[2]; n = split("a1b22c", p2, /[0-9]+/); print n, p2[3] }'
awk 'BEGIN { n = split("", empty); print n, length(empty) }'
awk 'BEGIN { s = "foo bar foo"; n = gsub(/foo/, "[&]", s); print n, s }'
awk 'BEGIN { s = "hello"; sub(/l+/, "L", s); print s; t = "a.b.c"; gsub(/\./, "/", t); print t }'
awk 'BEGIN { s = "aaa"; gsub(/a/, "\\&", s); print s; u = "x"; gsub(/x/, "a\\\\b", u); print u }'
awk 'BEGIN { s = "abc"; gsub(/x*/, "-", s); print s; t = "abxd"; gsub(/x*/, "-", t); print t }'
echo 'one two' | awk '{ gsub(/o/, "0"); print; print NF }'
echo 'one two' | awk '{ sub(/two/, "2", $2); print; print $0 }'
awk 'BEGIN { if (match("xxabbcx", /ab+c/)) print RSTART, RLENGTH; print match("xyz", /q/), RSTART, RLENGTH }'
awk 'BEGIN { match("foo=bar", /(\w+)=(\w+)/, m); print m[1], m[2], m[0] }'
awk 'BEGIN { print gensub(/(a)(b)/, "\\2\\1", "g", "abab"), gensub(/o/, "0", 2, "foo") }'
awk 'BEGIN { x["a"] = 1; x["b"] = 2; delete x["a"]; for (k in x) print k, x[k]; print length(x) }'
awk 'BEGIN { a[1, 2] = "v"; for (k in a) { split(k, parts, SUBSEP); print parts[1], parts[2] }; if ((1, 2) in a) print "yes" }'
awk 'BEGIN { a["x"]; if ("x" in a) print "in"; delete a; print length(a) }'
awk 'BEGIN { n = split("c a b", arr); asort(arr); print arr[1], arr[2], arr[3] }'
awk 'function f(a, b) { return a + b } BEGIN { print f(2, 3), f(1) }'
awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10), fact(20) }'
awk 'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 4); print sq[3], length(sq) }'
awk 'function g(s) { s = s "x"; return s } BEGIN { t = "a"; print g(t), t }'
awk 'function loc(   tmp) { tmp = 5; return tmp } BEGIN { tmp = 1; print loc(), tmp }'
awk 'BEGIN { x = "10"; if (x < 9) print "string compare"; else print "number compare" }'
echo 10 | awk '{ if ($1 < 9) print "string compare"; else print "number compare" }'
echo 'abc' | awk '{ if ($1 > 5) print "yes"; else print "no" }'
awk 'BEGIN { if ("" == 0) print "eq"; else print "ne"; if (x == 0 && x == "") print "uninit both" }'
echo '0' | awk '{ if ($1) print "true"; else print "false" }'
echo ' 0 ' | awk '{ if ($0) print "true"; else print "false" }'
awk 'BEGIN { if ("0") print "string true" }'
awk 'BEGIN { for (i = 0; i < 5; i++) { if (i == 1) continue; if (i == 3) break; print i } }'
awk 'BEGIN { i = 0; do { print "do", i; i++ } while (i < 2) }'
awk 'BEGIN { i = 5; do { print "once" } while (i < 2) }'
awk 'BEGIN { while (1) { if (++n > 3) break }; print n }'
awk 'BEGIN { for (;;) { if (k++ >= 2) break }; print k }'
awk 'BEGIN { x = 1; x += 2; x -= 1; x *= 5; x /= 2; x %= 3; x ^= 3; print x }'
awk 'BEGIN { print 7 % 3, -7 % 3, 7 % -3, 5.5 % 2, 2 ** 10, 2 ^ 3 ^ 2, -2 ^ 2, 2 ^ -1 }'
awk 'BEGIN { print 1 " " 2, 1 + 2 " " 3, 10 - 2 - 3, 2 * 3 + 4, 2 + 3 * 4, (2 + 3) * 4 }'
awk 'BEGIN { a = 5; b = a++ + ++a; print a, b; c = a--; print a, c }'
awk 'BEGIN { print !0, !1, !"", !"a", - - 3, 1 < 2, 2 < 1, "a" < "b" }'
awk 'BEGIN { print (1 == 1) ? "yes" : "no"; x = 5; print (x > 3 ? "big" : "small") }'
awk 'BEGIN { print int(3.9), int(-3.9), int("4.7abc") }'
awk 'BEGIN { print sqrt(16), sqrt(2) }'
awk 'BEGIN { x = y = 3; print x, y }'
awk 'BEGIN { print length(12), length(1/4) }'
awk 'BEGIN { CONVFMT = "%d"; a[1.5] = "v"; for (k in a) print k }'
awk 'BEGIN { print substr("hello", 2) > "out.txt"; close("out.txt"); while ((getline line < "out.txt") > 0) print "read:", line }'
awk 'BEGIN { print "x" >> "out.txt"; close("out.txt"); while ((getline < "out.txt") > 0) print NF ":" $0 }'
awk 'BEGIN { "echo hi there" | getline; print $2; "echo a b" | getline v; print v }'
awk 'BEGIN { while (("printf \"1\\n2\\n\"" | getline line) > 0) s += line; print s }'
awk 'BEGIN { print "b\na" | "sort"; close("sort"); print "done" }'
awk 'BEGIN { r = system("exit 3"); print "status", r }'
printf 'a\nb\nc\n' | awk 'NR == 1 { getline; print "after getline:", $0 } NR == 3 { print "three" }'
printf 'a\nb\nc\n' | awk 'NR == 1 { getline x; print "x =", x, NR }'
printf 'a\nb\nc\n' | awk 'NR == 2 { next } { print }'
printf '1\n2\n3\n' | awk '{ s += $1 } $1 == 2 { exit } END { print "sum", s }'
awk 'BEGIN { exit 3 } END { print "end runs" }'; echo "status $?"
awk 'BEGIN { print ARGC, ARGV[0], ARGV[1] }' people.txt
awk '{ print FILENAME, FNR, NR }' people.txt data.csv | tail -3
awk '{ print v, $1; exit }' v=1 people.txt
awk -v 'msg=hello\tworld' 'BEGIN { print msg }'
awk -v n=3 'BEGIN { print n * 2 }'
echo 'x' | awk '{ print ENVIRON["NOPE"] "|" }'
awk 'BEGIN { printf "%s\n", 100000000000000000000 }'
awk 'BEGIN { printf "%.15g %.17g %.0f %.3e\n", 0.1, 0.1, 2.5, 0 }'
awk 'BEGIN { x[1] = 1; x[2] = 2; n = 0; for (k in x) n += x[k]; print n }'
awk 'BEGIN { s = sprintf("%c", 256 + 65); print length(s) }'
awk 'BEGIN { print substr("hello", 2, 0) "|" substr("hello", 5, 9) }'
awk 'BEGIN { print toupper(substr("word", 1, 1)) substr("word", 2) }'
awk 'BEGIN { str = "The Quick Fox"; n = gsub(/[A-Z]/, "(&)", str); print n, str }'
awk 'BEGIN { print 1e300 * 1e300, -1e300 * 1e300 }'
awk 'BEGIN { print index("", ""), substr("", 1) "|" }'
awk 'BEGIN { $0 = "set the record"; print NF, $2 }'
awk 'END { print NR, $0 }' people.txt
awk 'BEGIN { getline; print "first:", $1 }' people.txt
awk '{ print > ($3 ".out") } END { close("london.out"); while ((getline l < "london.out") > 0) print "london:", l }' people.txt
awk 'BEGIN { printf "a" "b" "\n" }'
awk 'BEGIN{x=1;if(x)print "compact"}'
awk 'BEGIN { a = "x"; a = a a a; print a }'
awk '
BEGIN {
    # a comment
    total = 0   # another
}
{ total += \
    $2 }
END { print "total", total }' people.txt
awk 'BEGIN { print length(x), x == 0, x == "" }'
awk 'BEGIN { print 010 + 0, "010" + 0, 0x10 }'
awk 'BEGIN { print substr("abcdef", 3); print substr("abcdef", -1) }'
awk 'BEGIN { print -3 % 2, 3 % -2 }'
awk 'BEGIN { printf "%5s|%-5s|%05.1f\n", "ab", "ab", 2.25 }'
awk 'BEGIN { print 0.1 * 3, 1e-5, 123456789012, 1234567.891 }'
awk 'BEGIN { x = 17; printf "%o %x %c\n", x, x, x + 48 }'
awk '{ print; }' people.txt | awk 'END { print NR }'
awk 'BEGIN { print "a", "b" > "/dev/stderr" }' 2>&1
awk 'BEGIN { printf "no newline" }'; echo
awk 'BEGIN { split("3 1 2", a); n = asort(a, b); print n, b[1], b[3], a[1] }'
awk 'BEGIN { typo( }' 2> /dev/null; echo "status $?"
awk 'BEGIN { x = 0; print 1 / x }' 2> /dev/null; echo "status $?"
awk 2> /dev/null; echo "status $?"
awk 'BEGIN { print log(-1), sqrt(-1), -log(0), 2 ^ 1024; printf "%d %d\n", "0x1A", "+inf" }' 2> /dev/null
echo '0x1A 011 +inf' | awk '{ print $1 + 0, $2 + 0, $3 + 0 }'
awk 'BEGIN { for (i = 1; i <= 30000; i++) print i, "pebble", i % 7 }' > blocks.txt
awk '{ s += $1; n += NF } END { print NR, s, n, $0 }' blocks.txt
awk -v RS='5\n' 'END { print NR, length($0) }' blocks.txt
awk 'BEGIN { while ((getline line < "blocks.txt") > 0) n++; print n, line }'
awk 'BEGIN { s = "x"; for (i = 0; i < 17; i++) s = s s; print s; print "tail" }' > long.txt
awk '{ print length($0), NF }' long.txt
awk 'END { print NR, $0 }' blocks.txt long.txt
