# df, free, uptime, cal without arguments: the layouts of GNU df, procps-ng free and uptime, BSD cal
df | head -1
df | awk 'NR > 1 {print $NF}'
df -a | awk 'NR > 1 {print $1, $NF}' | grep -v '^[a-z-]* /$'
df | awk '$NF == "/" {print ($1 != ""), ($3 >= 0)}'
df -h | head -1
df -T | head -1
df -i | head -1
df --total | tail -1 | awk '{print $1, $NF}'
df /system/bin/ls.peb | awk 'NR > 1 {print $NF, $5}'
df -B 1M /system | head -1 | awk '{print $2}'
echo 12345 > f.txt; df f.txt | awk 'NR == 2 {print $NF, ($3 > 0)}'
df nosuch; echo "status $?"
df -q; echo "status $?"
free | head -1
free | awk 'NR > 1 {print $1, NF}'
free -b | awk '$1 == "Mem:" {print ($2 >= $3), ($2 > 1000000)}'
free -m -t | tail -1 | awk '{print $1}'
free -h | awk '$1 == "Swap:" {print $2, $3, $4}'
free x; echo "status $?"
uptime | grep -c '^ [0-9][0-9]:[0-9][0-9]:[0-9][0-9] up .*, *[0-9]* users*,  load average: '
uptime -p | grep -c '^up [0-9]'
uptime -s | grep -c '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]$'
cal | wc -l
cal | sed -n 2p
cal -y | head -1 | awk '{print length($1)}'
cal | od -c | awk '/033/ {n++} END {print n + 0}'
