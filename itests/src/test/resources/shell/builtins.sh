# cd pwd exit type which time help history source sh
pwd
cd /etc; pwd
cd nosuch; echo "status $?"
cd /etc/profile; echo "status $?"
cd ..; pwd
cd /system/bin && pwd && cd /
cd a b; echo "status $?"
type cd echo nosuch; echo "status $?"
which cd echo; which nosuch; echo "status $?"
sh -c 'time sleep 0.1' 2> time.txt; grep -c '^real 0\.[0-9][0-9][0-9]s$' time.txt
sh -c 'time echo piped | cat; time' 2> time.txt; grep -c '^real [0-9]*\.[0-9][0-9][0-9]s$' time.txt
sh -c 'time true' 2> /dev/null; echo "time status $?"
sh -c 'time false' 2> /dev/null; echo "time status $?"
echo 'echo sourced $1 $#
SOURCED=yes
cd /etc' > lib.sh
source lib.sh arg; echo "$SOURCED"; pwd; cd /
. lib.sh; cd /
source nosuch.sh; echo "status $?"
echo 'echo in sh; X_SH=set; exit 4' > child.sh
sh child.sh; echo "sh status $? [$X_SH]"
help cd
sh -c 'help |'
help | head -1
help | grep -c 'external tools'
help echo | head -1
help nosuch; echo "status $?"
help '|'
exit 9
echo unreachable
