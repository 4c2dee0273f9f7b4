# basename dirname env which true false test [ expr sleep date uname hostname version ps kill sync yes lang
basename /a/b/c.txt; basename /a/b/c.txt .txt; basename c.txt; basename /a/b/; basename /
basename; echo "status $?"
dirname /a/b/c.txt; dirname c.txt; dirname /a; dirname a/b/
/system/bin/env.peb | grep -c '^PATH='
/system/bin/env.peb A=1 B=2 | grep '^[AB]='
/system/bin/env.peb -i C=3
/system/bin/env.peb -u HOME | grep -c HOME
/system/bin/env.peb X=from-env sh -c 'echo $X'
/system/bin/env.peb nosuch; echo "status $?"
/system/bin/which.peb ls sh; /system/bin/which.peb nosuch; echo "status $?"
true; echo "true $?"; false; echo "false $?"
test; echo "empty $?"
test abc; echo "string $?"
test ""; echo "empty string $?"
test -z ""; echo "-z $?"; test -n ""; echo "-n $?"
test -e /etc/profile && test -f /etc/profile && test -d /etc && echo "files ok"
test -d /etc/profile; echo "-d file $?"
test -s /etc/profile; echo "-s $?"; touch e.txt; test -s e.txt; echo "-s empty $?"
test a = a; echo "= $?"; test a != a; echo "!= $?"; test a == b; echo "== $?"
test 2 -lt 10; echo "-lt $?"; test 10 -le 2; echo "-le $?"; test 3 -eq 3; echo "-eq $?"
test 3 -ne 3; echo "-ne $?"; test 3 -gt 2; echo "-gt $?"; test 3 -ge 4; echo "-ge $?"
test ! a = b; echo "! $?"
test a = a -a b = c; echo "-a $?"; test a = a -o b = c; echo "-o $?"
test \( a = b \) -o c; echo "() $?"
test x -eq 1; echo "bad int $?"
test a b c; echo "too many $?"
test -p 1 -lt 2; test -p a = b
[ 1 -lt 2 ]; echo "[ $?"
[ a = b ]; echo "[ false $?"
[ 1 -lt 2; echo "[ missing $?"
expr 1 + 2; expr 2 \* 3 + 4; expr 2 + 3 \* 4; expr \( 2 + 3 \) \* 4
expr 7 / 2; expr -7 / 2; expr 7 % 3; expr 10 - 20
expr 3 \< 10; expr abc \< abd; expr 5 = 5; expr a != a
expr 0 \| 7; expr 3 \& 0; expr length hello; expr hello : 'hel*'
expr 1 / 0; echo "status $?"
expr 0; echo "zero $?"
expr 1 +; echo "syntax $?"
expr a + 1; echo "non-int $?"
expr; echo "missing $?"
sleep 0.05; echo "slept $?"
sleep x; echo "status $?"
date | grep -c '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9], [0-9][0-9]:[0-9][0-9]:[0-9][0-9]$'
date +%Y | grep -c '^20[0-9][0-9]$'
date -u +'%Z %%' 
date nonsense; echo "status $?"
uname; uname -r; uname -s -m; uname -a
hostname
echo pebble | sudo -S sh -c 'echo my-box > /etc/hostname' 2>/dev/null; hostname; uname -n; echo pebble | sudo -S rm /etc/hostname 2>/dev/null
version; version --short; version --all
version --bad; echo "status $?"
ps | head -1
ps | grep -c ' ps$'
ps -T | head -1 | grep -c '^tid=1 tgid=1 [a-z-]* boot$'
sleep 5 &
/system/bin/kill.peb %1; echo "kill job spec $?"
/system/bin/kill.peb -TERM 99999; echo "status $?"
/system/bin/kill.peb -l | head -2
kill %1; wait; echo "killed $?"
sync; echo "sync $?"
yes | head -2; yes pebble os | head -n 1
lang | head -3
lang | grep -c Builtins
lang extra; echo "status $?"
help | grep -c "^  preferred run   COMMAND \[ARGS...\]"
help | grep -c "compatibility launcher"
