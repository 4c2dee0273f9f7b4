# printenv, realpath, readlink -f/-m, mktemp, timeout, unlink and nproc, as GNU
cd /tmp
realpath -m /a/../b/./c; realpath . ; realpath nonexist/x 2>/dev/null; echo "st $?"; realpath -e nonexist 2>/dev/null; echo "st $?"; realpath -s /tmp/../tmp
readlink -f /tmp/../tmp/nonexist; readlink -f /nonexist/x; echo "st $?"; readlink /tmp; echo "st $?"; readlink -m /x/../y
X=hello; export X; printenv X; printenv NOPE; echo "st $?"; printenv X X
mktemp -u | sed 's/[A-Za-z0-9]\{10\}$/XXXXXXXXXX/'; mktemp -u /tmp/fooXXX.txt | sed 's/foo...\.txt/fooXXX.txt/'; mktemp -u --suffix=.c | sed 's/tmp\..*\.c/tmp.X.c/'; mktemp -u -p /var abcXXXX | sed 's/abc..../abcXXXX/'; mktemp -u ab 2>/dev/null; echo "st $?"
f=$(mktemp); [ -f "$f" ] && echo made-file; stat -c %a "$f"; rm "$f"; d=$(mktemp -d); [ -d "$d" ] && echo made-dir; stat -c %a "$d"; rmdir "$d"
timeout 1 sleep 5; echo "st $?"; timeout 5 true; echo "st $?"; timeout 5 sh -c 'exit 3'; echo "st $?"; timeout 2>/dev/null; echo "st $?"; timeout 1 nosuch 2>/dev/null; echo "st $?"
(timeout -s KILL 0.5 sleep 3) 2>/dev/null; echo "st $?"; timeout --preserve-status 0.5 sleep 3; echo "st $?"; timeout x sleep 1 2>/dev/null; echo "st $?"
touch ul; unlink ul; [ -e ul ] || echo unlinked; unlink 2>/dev/null; echo "st $?"; unlink nosuch 2>/dev/null; echo "st $?"
nproc --ignore=1000; nproc x 2>/dev/null; echo "st $?"; [ "$(nproc)" -ge 1 ] && echo some-cpus
